import { afterEach, describe, expect, it } from 'vitest';
import { isHistoryDeferred, type Change, type ResponseOf } from '../shared/protocol';
import { HISTORY_SINCE, historyCases, historyOrg } from './testing/historyOrg';
import { startTestHub } from './testing/hubHarness';

/**
 * The phased bootstrap (sync:snapshot with historySince) on a real hub (SQLite, or PostgreSQL with
 * HUB_TEST_STORE=postgres): cases and customers before any timeline, the priority timelines next, recent
 * finished ones last, and older finished ones left for case:fetch.
 */

const SINCE = HISTORY_SINCE;
const cases = historyCases;
const org = historyOrg();

type Page = ResponseOf<'sync:snapshot'>;

describe('phased snapshot', () => {
  let stop: (() => Promise<void>) | null = null;
  afterEach(async () => {
    await stop?.();
    stop = null;
  });

  async function walk(first: { historySince?: number; limit: number }): Promise<Page[]> {
    const t = await startTestHub({ org });
    stop = () => t.stop();
    const a1 = await t.connect('a1');
    const pages: Page[] = [];
    let page = await a1.request('sync:snapshot', { after: null, hwm: null, ...first });
    pages.push(page);
    // Later pages do not repeat the window: the position carries it.
    while (!page.done) pages.push((page = await a1.request('sync:snapshot', { after: page.after, hwm: page.hwm, limit: first.limit })));
    return pages;
  }
  const timelineOf = (rows: Change[]) => new Set(rows.filter((r) => r.entity === 'interaction').map((r) => (r.data as { caseId: string }).caseId));

  it('sends cases and customers before any timeline, priority timelines before recent ones, and leaves older finished ones out', async () => {
    const pages = await walk({ historySince: SINCE, limit: 3 });
    const rows = pages.flatMap((p) => p.rows);
    const firstTimeline = rows.findIndex((r) => r.entity === 'interaction');
    const lastCaseOrCustomer = rows.map((r) => r.entity).lastIndexOf('customer');
    expect(Math.max(lastCaseOrCustomer, rows.map((r) => r.entity).lastIndexOf('case'))).toBeLessThan(firstTimeline);
    // Open and own cases come first among the cases.
    const caseOrder = rows.filter((r) => r.entity === 'case').map((r) => r.id);
    expect(caseOrder.slice(0, 2).sort()).toEqual(['ca-mine-old', 'ca-open']);
    expect(caseOrder.slice(2).sort()).toEqual(['ca-old', 'ca-recent']);

    const timelineOrder = rows.filter((r) => r.entity === 'interaction').map((r) => (r.data as { caseId: string }).caseId);
    expect(timelineOrder.lastIndexOf('ca-open')).toBeLessThan(timelineOrder.indexOf('ca-recent'));
    expect(timelineOrder.lastIndexOf('ca-mine-old')).toBeLessThan(timelineOrder.indexOf('ca-recent'));
    expect([...timelineOf(rows)].sort()).toEqual(['ca-mine-old', 'ca-open', 'ca-recent']);
    // The cases left without their timeline are exactly those the shared rule defers.
    const deferred = cases.filter((c) => c.id !== 'ca-greek' && isHistoryDeferred(c, SINCE, 'a1')).map((c) => c.id);
    expect(deferred).toEqual(['ca-old']);

    // Phases only move forward, every page says the window, and "ready" falls at the end of the history phase.
    const phases = pages.map((p) => p.phase);
    expect(phases.every((p, i) => i === 0 || ['cases', 'history', 'recent'].indexOf(p!) >= ['cases', 'history', 'recent'].indexOf(phases[i - 1]!))).toBe(true);
    expect(phases).toContain('history');
    expect(pages.at(-1)!.phase).toBe('recent');
    expect(pages.every((p) => p.historySince === SINCE)).toBe(true);
    const readyAt = pages[0].readyAt!;
    expect(rows.slice(0, readyAt).filter((r) => r.entity === 'interaction')).toHaveLength(6);
    expect(rows.slice(readyAt).every((r) => r.entity !== 'interaction' || (r.data as { caseId: string }).caseId === 'ca-recent')).toBe(true);
    expect(pages[0].total).toBe(rows.length);
  });

  it('without a window sends everything in one pass, as before', async () => {
    const pages = await walk({ limit: 2_000 });
    const rows = pages.flatMap((p) => p.rows);
    expect([...timelineOf(rows)].sort()).toEqual(['ca-mine-old', 'ca-old', 'ca-open', 'ca-recent']);
    expect(pages[0].phase).toBeUndefined();
  });
});
