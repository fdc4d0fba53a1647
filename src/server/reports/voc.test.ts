import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Alert, Case, CsatResponse, Customer } from '../../shared/domain';
import type { Voc, VocQuery } from '../../shared/protocol';
import { alert, csat, customer, kase } from '../../shared/testing/rows';
import { DEFAULT_REQUEST_LIMITS } from '../realtime/requestBudget';
import { startTestHub, type TestClient, type TestHub } from '../testing/hubHarness';

/**
 * The Voice of the Customer on a small seeded organisation (testOrg: queues q-chat and q-el, both alerting at a
 * score of 4 or less; agents a1, a2, a3; supervisor sup1), every figure computed by hand. The period is three
 * days in Warsaw around the end of summer time (Sunday 25 October 2026 has 25 hours).
 */
const H = 3_600_000;
const Z = (day: number, hour: number, minute = 0) => Date.UTC(2026, 9, day, hour, minute);
/** Warsaw: midnight of 24 October (CEST, UTC+2), of 25 October (CEST), of 26 and 27 October (CET, UTC+1). */
const SAT = Z(23, 22);
const SUN = Z(24, 22);
const MON = Z(25, 23);
const TUE = Z(26, 23);
const PERIOD = { from: SAT, to: TUE, timeZone: 'Europe/Warsaw' } as const;

const customers: Customer[] = [customer({ id: 'cu1', name: 'Zofia Król', emails: ['zofia@example.pl'], phones: [], loyaltyNumber: null }), customer({ id: 'cu2', name: 'Γιώργος Παπαδόπουλος', emails: ['giorgos@example.gr'], phones: [], loyaltyNumber: null })];
const cases: Case[] = [
  kase({ id: 'ca1', customerId: 'cu1', subject: 'Late parcel', queueId: 'q-chat', assigneeId: 'a1', channels: ['email'], lastChannel: 'email' }),
  kase({ id: 'ca2', customerId: 'cu2', subject: 'Parcel missing', queueId: 'q-chat', assigneeId: 'a2', channels: ['chat'], lastChannel: 'chat' }),
  kase({ id: 'ca3', customerId: 'cu2', subject: 'Παράδοση', queueId: 'q-el', assigneeId: 'a3', channels: ['email'], lastChannel: 'email' }),
  kase({ id: 'ca4', customerId: 'cu1', subject: 'Courier', queueId: 'q-chat', assigneeId: 'a1', channels: ['email', 'chat'], lastChannel: 'chat' }),
];
const answer = (id: string, caseId: string, score: number, comment: string | null, createdAt: number): CsatResponse => {
  const c = cases.find((k) => k.id === caseId)!;
  return csat({ id, caseId, customerId: c.customerId, queueId: c.queueId, score, comment, createdAt });
};
const answers: CsatResponse[] = [
  answer('s1', 'ca1', 2, 'Kurier się spóźnił, paczka nie dotarła!', Z(24, 9)),
  answer('s2', 'ca2', 3, 'KURIER sie spoznil. Nie dotarła paczka', Z(24, 11)),
  answer('s3', 'ca3', 1, 'Η παράδοση καθυστέρησε πολύ, καθυστέρηση ξανά', Z(25, 10)),
  answer('s4', 'ca4', 4, 'Η ΠΑΡΑΔΟΣΗ καθυστέρησε!! Kurier nie dotarł', Z(25, 12)),
  answer('s5', 'ca2', 9, 'Kurier super, paczka dotarła', Z(26, 8)),
  answer('s6', 'ca1', 5, 'paczka dotarła późno', Z(26, 9)),
  answer('s7', 'ca1', 1, 'kurier spóźnił się', Z(20, 9)),
  answer('s8', 'ca3', 2, null, Z(26, 10)),
];
const closed = (result: Alert['result']) => ({ status: 'closed' as const, closedAt: TUE, outcome: 'Called', ...(result ? { result } : {}) });
const alertOn = (id: string, caseId: string, raisedAt: number, ackAfter: number | null, over: Partial<Alert>): Alert => {
  const c = cases.find((k) => k.id === caseId)!;
  return alert({ id, caseId, customerId: c.customerId, queueId: c.queueId, raisedAt, notifiedStaffIds: ['sup1'], acknowledgedAt: ackAfter === null ? null : raisedAt + ackAfter, ...over });
};
const alerts: Alert[] = [
  alertOn('al1', 'ca1', Z(24, 10), 60_000, closed('recovered')),
  // 23:30 in Warsaw on the 25-hour Sunday: a day counted as 24 hours would put it on Monday.
  alertOn('al2', 'ca1', Z(25, 22, 30), 120_000, closed('lost')),
  alertOn('al3', 'ca2', Z(25, 5), 300_000, closed('no-answer')),
  alertOn('al4', 'ca4', Z(26, 8), 600_000, { status: 'acknowledged' }),
  alertOn('al5', 'ca4', Z(26, 9), null, {}),
  alertOn('al6', 'ca2', Z(25, 6), 240_000, closed(undefined)),
  alertOn('al7', 'ca1', Z(22, 6), 1_000, closed('lost')),
  alertOn('al8', 'ca3', Z(24, 12), 30_000, closed('recovered')),
];

let t: TestHub;
let sup: TestClient;
beforeEach(async () => {
  // A query costs a fifth of the read budget; these tests ask many in a row, at no human pace.
  t = await startTestHub({ requestLimits: { ...DEFAULT_REQUEST_LIMITS, buckets: { ...DEFAULT_REQUEST_LIMITS.buckets, read: { capacity: 1_000, perSecond: 1_000 } } } });
  await t.hub.ctx.store.write(async (tx) => {
    for (const c of customers) await tx.put('customer', c, ['*']);
    for (const c of cases) await tx.put('case', c, ['*']);
    for (const a of answers) await tx.put('csat', a, ['*']);
    for (const a of alerts) await tx.put('alert', a, ['*']);
  });
  sup = await t.connect('sup1');
});
afterEach(async () => {
  await t.stop();
});

const voc = (q: Partial<VocQuery> = {}) => sup.request('voc:query', { ...PERIOD, ...q }) as Promise<Voc>;
const ids = (v: Voc) => v.answers.items.map((a) => a.id);
const none = { p50: null, p90: null };

describe('voc:query answers', () => {
  it('lists the period’s answers newest first with the case, customer, queue, assignee and channel, a page at a time', async () => {
    const first = await voc({ limit: 3 });
    expect(first.answers).toMatchObject({ total: 7, cursor: 0, nextCursor: 3 });
    expect(ids(first)).toEqual(['s8', 's6', 's5']);
    expect(ids(await voc({ limit: 3, cursor: 3 }))).toEqual(['s4', 's3', 's2']);
    const last = await voc({ limit: 3, cursor: 6 });
    expect(ids(last)).toEqual(['s1']);
    expect(last.answers.nextCursor).toBeNull();
    expect(last.answers.items[0]).toEqual({
      id: 's1',
      caseId: 'ca1',
      score: 2,
      comment: 'Kurier się spóźnił, paczka nie dotarła!',
      at: Z(24, 9),
      subject: 'Late parcel',
      customerName: 'Zofia Król',
      queueId: 'q-chat',
      queueName: 'q-chat',
      assigneeId: 'a1',
      assigneeName: 'Person a1',
      channel: 'email',
    });
  });

  it('filters by score range, queue, agent (the assignee now), channel (any the case touched, as reports filter) and phrase', async () => {
    expect(ids(await voc({ maxScore: 4 }))).toEqual(['s8', 's4', 's3', 's2', 's1']);
    expect(ids(await voc({ minScore: 5 }))).toEqual(['s6', 's5']);
    expect(ids(await voc({ queueId: 'q-el' }))).toEqual(['s8', 's3']);
    expect(ids(await voc({ agentId: 'a1' }))).toEqual(['s6', 's4', 's1']);
    expect(ids(await voc({ channel: 'chat' }))).toEqual(['s5', 's4', 's2']);
    // ca4 began by email and went on in chat: it counts for both.
    expect(ids(await voc({ channel: 'email' }))).toEqual(['s8', 's6', 's4', 's3', 's1']);
    // Folded as search folds: "Nie dotarła" meets "nie dotarła" and "Nie dotarła", not "nie dotarł" nor a sentence break.
    const phrase = await voc({ phrase: 'NIE DOTARLA' });
    expect(ids(phrase)).toEqual(['s2', 's1']);
    expect(phrase.answers.total).toBe(2);
    expect(ids(await voc({ phrase: 'kurier', minScore: 4 }))).toEqual(['s5', 's4']);
    expect((await voc({ queueId: 'q-phone' })).answers).toEqual({ total: 0, cursor: 0, nextCursor: null, items: [] });
  });
});

describe('voc:query phrases', () => {
  it('counts the words and two-word phrases of low-score comments, folded across ó/o and Greek accents, stop words dropped', async () => {
    const v = await voc();
    expect(v.phrases.lowScoreComments).toBe(4);
    expect(v.phrases.items).toEqual([
      { phrase: 'kurier', words: 1, count: 3, comments: 3 },
      { phrase: 'dotarla', words: 1, count: 2, comments: 2 },
      { phrase: 'nie dotarla', words: 2, count: 2, comments: 2 },
      { phrase: 'paczka', words: 1, count: 2, comments: 2 },
      { phrase: 'spoznil', words: 1, count: 2, comments: 2 },
      { phrase: 'καθυστερησε', words: 1, count: 2, comments: 2 },
      { phrase: 'παραδοση', words: 1, count: 2, comments: 2 },
      { phrase: 'παραδοση καθυστερησε', words: 2, count: 2, comments: 2 },
    ]);
  });

  it('follows the filters but not the phrase picked, and lists only what recurs', async () => {
    expect((await voc({ agentId: 'a1' })).phrases.items).toEqual([{ phrase: 'kurier', words: 1, count: 2, comments: 2 }]);
    expect((await voc({ phrase: 'kurier' })).phrases.items).toEqual((await voc()).phrases.items);
    expect((await voc({ queueId: 'q-el' })).phrases).toEqual({ lowScoreComments: 1, items: [] });
  });
});

describe('voc:query alert results', () => {
  it('counts results per local day across the end of summer time, with time to acknowledge per day and overall', async () => {
    const { alerts: a } = await voc();
    expect(a.granularity).toBe('day');
    expect(a.buckets).toEqual([
      { start: SAT, end: SUN, recovered: 2, lost: 0, noAnswer: 0, open: 0, unrecorded: 0, ackMs: { p50: 30_000, p90: 60_000 } },
      { start: SUN, end: MON, recovered: 0, lost: 1, noAnswer: 1, open: 0, unrecorded: 1, ackMs: { p50: 240_000, p90: 300_000 } },
      { start: MON, end: TUE, recovered: 0, lost: 0, noAnswer: 0, open: 2, unrecorded: 0, ackMs: { p50: 600_000, p90: 600_000 } },
    ]);
    expect(MON - SUN).toBe(25 * H);
    expect(a.total).toEqual({ recovered: 2, lost: 1, noAnswer: 1, open: 2, unrecorded: 1, ackMs: { p50: 120_000, p90: 600_000 } });
  });

  it('weeks start on Monday in the asker’s time zone; filters apply through the alert’s case', async () => {
    const weeks = (await voc({ granularity: 'week' })).alerts.buckets;
    expect(weeks.map((w) => [w.start, w.end])).toEqual([
      [Z(18, 22), MON],
      [MON, Date.UTC(2026, 10, 1, 23)],
    ]);
    expect(weeks.map((w) => [w.recovered, w.lost, w.noAnswer, w.open, w.unrecorded])).toEqual([
      [2, 1, 1, 0, 1],
      [0, 0, 0, 2, 0],
    ]);
    const chat = (await voc({ queueId: 'q-chat' })).alerts;
    expect(chat.buckets[0]).toMatchObject({ recovered: 1, ackMs: { p50: 60_000, p90: 60_000 } });
    expect((await voc({ agentId: 'a2' })).alerts.total).toEqual({ recovered: 0, lost: 0, noAnswer: 1, open: 0, unrecorded: 1, ackMs: { p50: 240_000, p90: 300_000 } });
    expect((await voc({ channel: 'store' })).alerts.total).toEqual({ recovered: 0, lost: 0, noAnswer: 0, open: 0, unrecorded: 0, ackMs: none });
  });
});

describe('voc:query access and input', () => {
  it('refuses an agent, and a bad range or time zone', async () => {
    const a1 = await t.connect('a1');
    await expect(a1.request('voc:query', PERIOD)).rejects.toMatchObject({ reason: 'forbidden' });
    await expect(voc({ to: SAT })).rejects.toMatchObject({ reason: 'invalid' });
    await expect(voc({ to: SAT + 401 * 86_400_000 })).rejects.toMatchObject({ reason: 'invalid' });
    await expect(voc({ timeZone: 'Mars/Olympus' })).rejects.toMatchObject({ reason: 'invalid' });
    await expect(voc({ minScore: 6, maxScore: 5 })).rejects.toMatchObject({ reason: 'invalid' });
    await expect(voc({ limit: 201 })).rejects.toMatchObject({ reason: 'invalid' });
  });
});

describe('alert.close records a result', () => {
  it('refuses a close without a result or with an unknown one, and keeps the result with the note', async () => {
    const open = alerts.find((a) => a.id === 'al5')!;
    const base = { type: 'alert.close', alertId: open.id, outcome: 'Rang twice', basedOn: { version: open.version } };
    await expect(sup.mutate(base)).rejects.toMatchObject({ reason: 'invalid' });
    await expect(sup.mutate({ ...base, result: 'maybe' })).rejects.toMatchObject({ reason: 'invalid' });
    expect((await t.hub.ctx.store.get('alert', open.id))!.status).toBe('raised');
    expect(await sup.mutate({ ...base, result: 'no-answer' })).toMatchObject({ ok: true });
    expect(await t.hub.ctx.store.get('alert', open.id)).toMatchObject({ status: 'closed', result: 'no-answer', outcome: 'Rang twice' });
    expect((await voc()).alerts.buckets[2]).toMatchObject({ noAnswer: 1, open: 1 });
  });
});
