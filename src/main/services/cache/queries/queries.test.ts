import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../database';
import { applyChanges } from '../applyChanges';
import { alert, customer, held, interaction, kase, queue, staff, tempCache, upsert } from '../../testing/fixtures';
import { fullScans, queryPlan } from '../../testing/queryPlan';
import { getCaseWithTimeline, TIMELINE_SQL } from './caseTimeline';
import { CUSTOMER_CASES_SQL, getCustomer360 } from './customer360';
import { enqueue } from '../../outbox/outbox';
import { optimisticEffects } from '../../outbox/effects';
import { inboxCursorAfter, inboxSql, listInbox, readInboxCursor, type InboxFilter, type InboxSort } from './inbox';
import { listAlerts, listCannedResponses, listHeldReplies, listKbArticles, listQueues, listStaff } from './reference';

const me = { staffId: 'st1', queueIds: ['q1'] };
const HOT_TABLES = ['cases', 'interactions'];

describe('cache queries', () => {
  let db: Db;
  let cleanup: () => void;
  beforeEach(() => {
    ({ db, cleanup } = tempCache());
    let seq = 0;
    const rows = [
      upsert('queue', ++seq, queue()),
      upsert('queue', ++seq, queue({ id: 'q2', name: 'Billing' })),
      upsert('staff', ++seq, staff()),
      upsert('customer', ++seq, customer()),
      upsert('customer', ++seq, customer({ id: 'cu2', name: 'Νίκος Παπαδόπουλος' })),
      // waiting in my queue, oldest inbound first
      upsert('case', ++seq, kase({ id: 'waiting-old', lastInboundAt: 1_000, updatedAt: 5_000, firstResponseDueAt: 9_000 })),
      upsert('case', ++seq, kase({ id: 'waiting-new', lastInboundAt: 2_000, updatedAt: 6_000, firstResponseDueAt: 3_000, lastChannel: 'email' })),
      // mine, in another queue
      upsert('case', ++seq, kase({ id: 'mine', queueId: 'q2', assigneeId: 'st1', lastInboundAt: 3_000, updatedAt: 7_000, firstResponseDueAt: null })),
      // not for me: someone else's, other queue, resolved
      upsert('case', ++seq, kase({ id: 'theirs', assigneeId: 'st9' })),
      upsert('case', ++seq, kase({ id: 'other-queue', queueId: 'q2' })),
      upsert('case', ++seq, kase({ id: 'done', status: 'resolved', customerId: 'cu2' })),
      upsert('interaction', ++seq, interaction({ id: 'i2', caseId: 'mine', createdAt: 2_000, text: 'second' })),
      upsert('interaction', ++seq, interaction({ id: 'i1', caseId: 'mine', createdAt: 1_000, text: 'first' })),
      upsert('kb', ++seq, { id: 'kb1', queueId: 'q1', language: 'pl', title: 'Zwroty', body: '', tags: [], status: 'published', updatedAt: 1 }),
      upsert('kb', ++seq, { id: 'kb2', queueId: null, language: 'pl', title: 'Gwarancja', body: '', tags: [], status: 'published', updatedAt: 1 }),
      upsert('kb', ++seq, { id: 'kb3', queueId: 'q2', language: 'pl', title: 'Faktury', body: '', tags: [], status: 'published', updatedAt: 1 }),
      upsert('kb', ++seq, { id: 'kb4', queueId: 'q1', language: 'en', title: 'Returns', body: '', tags: [], status: 'published', updatedAt: 1 }),
      upsert('canned', ++seq, { id: 'cr1', queueId: null, language: 'el', shortcut: 'hi', title: 'Γεια', body: 'Γεια σας' }),
      upsert('alert', ++seq, alert()),
      upsert('alert', ++seq, alert({ id: 'al2', status: 'closed' })),
      upsert('held', ++seq, held({ caseId: 'mine' })),
      upsert('held', ++seq, held({ id: 'he2', caseId: 'mine', authorId: 'st9' })),
    ];
    applyChanges(db, rows, seq);
  });
  afterEach(() => cleanup());

  const ids = (filter: InboxFilter = {}) => listInbox(db, me, filter).map((c) => c.id);

  it('lists cases assigned to me or waiting in my queues, longest waiting first', () => {
    expect(ids()).toEqual(['waiting-old', 'waiting-new', 'mine']);
  });

  it('sorts by SLA deadline and by last update', () => {
    expect(ids({ sort: 'sla' })).toEqual(['waiting-new', 'waiting-old', 'mine']);
    expect(ids({ sort: 'updated' })).toEqual(['mine', 'waiting-new', 'waiting-old']);
  });

  it('filters by channel, queue, status, mine and unassigned', () => {
    expect(ids({ channels: ['email'] })).toEqual(['waiting-new']);
    expect(ids({ queueIds: ['q2'] })).toEqual(['mine']);
    expect(ids({ mine: true })).toEqual(['mine']);
    expect(ids({ unassigned: true })).toEqual(['waiting-old', 'waiting-new']);
    expect(ids({ statuses: ['resolved'] })).toEqual(['done']);
    expect(ids({ limit: 1 })).toEqual(['waiting-old']);
  });

  it('pages by keyset: page after page gives the whole list, my unconfirmed changes laid over included', () => {
    // A reply of mine not yet confirmed: the case is laid over (and read beyond the page) on every page.
    enqueue(db, { type: 'reply', caseId: 'waiting-old', channel: 'chat', text: 'On it', basedOn: { lastMessageId: null } }, (m) =>
      optimisticEffects(db, m, { staffId: 'st1', now: 99_000 }),
    );
    for (const sort of ['waiting', 'sla', 'updated'] as InboxSort[]) {
      const paged: string[] = [];
      let after: string | undefined;
      for (;;) {
        const page = listInbox(db, me, { sort, limit: 2, ...(after ? { after: readInboxCursor(after)! } : {}) });
        paged.push(...page.slice(0, 1).map((c) => c.id));
        if (page.length < 2) break;
        after = inboxCursorAfter(sort, page[0]);
      }
      expect(paged, sort).toEqual(ids({ sort }));
    }
    expect(readInboxCursor('not a cursor')).toBeNull();
  });

  it('uses indexes for the inbox, timeline and customer cases (no full scan of cases or interactions)', () => {
    const filters: InboxFilter[] = [
      {},
      { sort: 'sla' },
      { sort: 'updated', channels: ['chat'] },
      { mine: true },
      { unassigned: true, queueIds: ['q1'] },
      { after: { sort: 'waiting', key: 1_000, id: 'waiting-old' } },
      { sort: 'updated', after: { sort: 'updated', key: 6_000, id: 'waiting-new' } },
    ];
    for (const filter of filters) {
      const { sql, params } = inboxSql(me, filter);
      const plan = queryPlan(db, sql, ...params);
      expect(fullScans(plan, HOT_TABLES), plan.join('\n')).toEqual([]);
      expect(plan.join('\n')).toMatch(/cases USING INDEX cases_by_(assignee|queue)/);
    }
    expect(queryPlan(db, TIMELINE_SQL, 'mine')).toEqual([expect.stringMatching(/SEARCH interactions USING INDEX interactions_by_case/)]);
    expect(queryPlan(db, CUSTOMER_CASES_SQL, 'cu1')).toEqual([expect.stringMatching(/SEARCH cases USING INDEX cases_by_customer/)]);
  });

  it('returns a case with its customer and timeline in time order', () => {
    const view = getCaseWithTimeline(db, 'mine');
    expect(view?.customer?.name).toBe('Anna Kowalska');
    expect(view?.timeline.map((i) => i.text)).toEqual(['first', 'second']);
    expect(view?.held.map((h) => h.id)).toEqual(['he1', 'he2']);
    expect(getCaseWithTimeline(db, 'nope')).toBeNull();
  });

  it('returns a customer with all their cases', () => {
    const view = getCustomer360(db, 'cu1');
    expect(view?.cases.map((c) => c.id).sort()).toEqual(['mine', 'other-queue', 'theirs', 'waiting-new', 'waiting-old']);
    expect(getCustomer360(db, 'cu2')?.cases.map((c) => c.id)).toEqual(['done']);
  });

  it('reads reference data: queues, staff, kb by queue and language, canned by language, alerts, held replies', () => {
    expect(listQueues(db).map((q) => q.name)).toEqual(['Billing', 'Support']);
    expect(listStaff(db).map((s) => s.id)).toEqual(['st1']);
    expect(listKbArticles(db, 'pl', 'q1').map((k) => k.id)).toEqual(['kb2', 'kb1']);
    expect(listCannedResponses(db, 'el').map((c) => c.shortcut)).toEqual(['hi']);
    expect(listCannedResponses(db, 'en')).toEqual([]);
    expect(listAlerts(db).map((a) => a.id)).toEqual(['al1']);
    expect(listHeldReplies(db, 'st1').map((h) => h.id)).toEqual(['he1']);
  });
});
