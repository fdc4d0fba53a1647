import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HISTORY_SINCE, historyOrg } from '../../../server/testing/historyOrg';
import { startTestHub } from '../../../server/testing/hubHarness';
import { openCacheDatabase, type Db } from '../cache/database';
import { partialCasesAmong } from '../cache/partialCases';
import { getCaseWithTimeline } from '../cache/queries/caseTimeline';
import { readSyncState } from '../cache/syncState';
import { tempDir } from '../testing/fixtures';
import type { OfflineReadiness } from './offlineReadiness';
import { startSyncClient, type SyncClient } from './syncClient';

/**
 * The phased bootstrap of a workstation against a real hub: cases first, priority timelines next, older
 * finished cases fetched when asked for and then kept; "ready for offline" only once the promise holds.
 */

const WINDOW = 30 * 86_400_000;
const T = 'a1';

describe('partial bootstrap', () => {
  let hub: Awaited<ReturnType<typeof startTestHub>>;
  let dir: string;
  let cleanup: () => void;
  let db: Db;
  const clients: SyncClient[] = [];

  beforeEach(async () => {
    ({ dir, cleanup } = tempDir());
    hub = await startTestHub({ org: historyOrg() });
    db = openCacheDatabase(join(dir, 'cache.db'));
  });
  afterEach(async () => {
    for (const c of clients.splice(0)) await c.stop();
    db.close();
    await hub.stop();
    cleanup();
  });

  const start = async () => {
    const session = await hub.login(T);
    const client = startSyncClient({
      url: hub.hub.url,
      db,
      getToken: () => Promise.resolve(session.accessToken),
      pageSize: 2,
      historyWindowMs: WINDOW,
      clock: () => HISTORY_SINCE + WINDOW,
      reconnect: { baseMs: 10, maxMs: 50 },
    });
    clients.push(client);
    return client;
  };
  const count = (table: string, where = '1 = 1') => db.prepare(`SELECT count(*) FROM ${table} WHERE ${where}`).pluck().get() as number;
  const timelineOf = (caseId: string) => count('interactions', `case_id = '${caseId}'`);

  it('gives cases before any history, is ready only once priority histories are whole, and fetches an old case when asked', async () => {
    const client = await start();
    const seen: { cases: number; customers: number; interactions: number }[] = [];
    const readiness: (OfflineReadiness & { priorityTimelines: number })[] = [];
    client.on('progress', () => seen.push({ cases: count('cases'), customers: count('customers'), interactions: count('interactions') }));
    client.on('readiness', (r) => readiness.push({ ...r, priorityTimelines: timelineOf('ca-open') + timelineOf('ca-mine-old') }));
    await client.whenCaughtUp();

    // Usable at once: by the first page with any timeline, every case and customer of the scope is here.
    expect(seen.find((s) => s.interactions > 0)).toEqual(expect.objectContaining({ cases: 4, customers: 2 }));
    // Never ready before the priority timelines are all here; ready at the end.
    expect(readiness.filter((r) => r.ready).every((r) => r.priorityTimelines === 6)).toBe(true);
    expect(readiness.some((r) => !r.ready)).toBe(true);
    expect(readiness.at(-1)).toEqual(expect.objectContaining({ ready: true, percent: 100 }));

    // Within the window: whole. Older and not mine: cached without its timeline, marked.
    expect(timelineOf('ca-recent')).toBe(3);
    expect(timelineOf('ca-old')).toBe(0);
    expect(partialCasesAmong(db, ['ca-open', 'ca-mine-old', 'ca-recent', 'ca-old'])).toEqual(['ca-old']);

    // Opened: fetched, kept, announced.
    const announced = new Promise<void>((resolve) => client.on('changed', ({ byEntity }) => byEntity.case?.includes('ca-old') && resolve()));
    expect(client.fetchHistory(['ca-old'])).toBe(true);
    await announced;
    expect(timelineOf('ca-old')).toBe(3);
    expect(partialCasesAmong(db, ['ca-old'])).toEqual([]);

    // Offline, it is served from the cache.
    await client.stop();
    clients.splice(0);
    expect(client.fetchHistory(['ca-old'])).toBe(false);
    expect(getCaseWithTimeline(db, 'ca-old')?.timeline.map((i) => i.id)).toEqual(['in-ca-old-1', 'in-ca-old-2', 'in-ca-old-3']);
  });

  it('resumes a bootstrap stopped in its history phase without losing what changed meanwhile', async () => {
    const first = await start();
    const inHistory = new Promise<void>((resolve) => first.on('progress', (p) => p.phase === 'history' && resolve()));
    await inHistory;
    await first.stop();
    clients.splice(0);
    expect(readSyncState(db).bootstrapped).toBe(false);

    // While the workstation is away: a colleague writes on an open case.
    const a2 = await hub.connect('a2');
    const note = await a2.mutate({ mutationId: randomUUID(), type: 'note', caseId: 'ca-open', text: 'Called the customer back' });
    expect(note.ok).toBe(true);

    const again = await start();
    await again.whenCaughtUp();
    expect(readSyncState(db).bootstrapped).toBe(true);
    expect(timelineOf('ca-open')).toBe(4);
    expect(timelineOf('ca-mine-old')).toBe(3);
    expect(timelineOf('ca-recent')).toBe(3);
    expect(partialCasesAmong(db, ['ca-old'])).toEqual(['ca-old']);
    expect(again.readiness()).toEqual({ ready: true, percent: 100 });
  });
});
