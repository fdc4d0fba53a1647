import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Case, Interaction } from '../shared/domain';
import { ReportSummarySchema, type Report } from '../shared/protocol';
import { csat, interaction, kase } from '../shared/testing/rows';
import { negativeFlag } from './store/reportColumns';
import { startTestHub, type TestHub } from './testing/hubHarness';

/**
 * Every figure of a report over a small organisation written through the store's own writes with fixed times,
 * against values worked out by hand. The period is two local days in Athens around the spring change: Saturday
 * 2026-03-28 (24 h) and Sunday 2026-03-29 (23 h), from local midnight to local midnight.
 */
const M = 60_000;
const H = 60 * M;
const D0 = Date.UTC(2026, 2, 27, 22); // 2026-03-28 00:00 in Athens (UTC+2)
const END = D0 + 47 * H; // 2026-03-30 00:00 in Athens (UTC+3)
const NOW = Date.UTC(2026, 3, 2);

const NEGATIVE = 'This is terrible, I am very angry and disappointed!';
const FURIOUS = 'I am furious, this is the worst service ever!!!';
const AWFUL = 'Awful, terrible experience, I hate this';

const message = (id: string, c: string, at: number, over: Partial<Interaction> = {}): Interaction =>
  interaction({ id, caseId: c, customerId: `cu-${c}`, createdAt: at, text: 'Hello, where is my order?', ...over });
const reply = (id: string, c: string, at: number, authorId: string, over: Partial<Interaction> = {}): Interaction =>
  message(id, c, at, { direction: 'outbound', authorId, text: 'We are on it.', ...over });

const caseAt = (id: string, created: number, over: Partial<Case>): Case =>
  kase({ id, customerId: `cu-${id}`, queueId: 'q-chat', createdAt: created, updatedAt: created, firstResponseDueAt: created + 30 * M, ...over });

async function seed(t: TestHub): Promise<void> {
  const store = t.hub.ctx.store;
  const put = (entity: 'case' | 'interaction' | 'csat', row: unknown) => store.write(async (tx) => void (await tx.put(entity, row as never, ['*'])));

  // c1: answered in 10 min (in time), resolved after 2 h.
  // A case as created (its deadline set), then as it is now (answered: the row's deadline nulled).
  const created = async (id: string, at: number, over: Partial<Case>, now: Partial<Case>) => {
    await put('case', caseAt(id, at, over));
    await put('case', caseAt(id, at, { ...over, ...now, firstResponseDueAt: null, version: 2 }));
  };
  await created('c1', D0 + H, { assigneeId: 'a1' }, { firstRespondedAt: D0 + H + 10 * M, status: 'resolved', resolvedAt: D0 + 3 * H });
  // c2: chat then email (explained twice), answered after 60 min (late), open.
  await created('c2', D0 + 2 * H, { assigneeId: 'a2', channels: ['chat', 'email'] }, { firstRespondedAt: D0 + 3 * H });
  // c3: email; its deadline as created, then answered in 20 min (the row's deadline nulled), resolved, reopened, resolved again on day 2.
  const c3 = caseAt('c3', D0 + 5 * H, { assigneeId: 'a1', originChannel: 'email', channels: ['email'], lastChannel: 'email' });
  await put('case', c3);
  await put('case', { ...c3, firstRespondedAt: D0 + 5 * H + 20 * M, firstResponseDueAt: null, status: 'resolved', resolvedAt: D0 + 6 * H, version: 2 });
  await put('case', { ...c3, firstRespondedAt: D0 + 5 * H + 20 * M, firstResponseDueAt: null, status: 'open', resolvedAt: null, version: 3 });
  await put('case', { ...c3, firstRespondedAt: D0 + 5 * H + 20 * M, firstResponseDueAt: null, status: 'resolved', resolvedAt: D0 + 26 * H, version: 4 });
  // c4: a phone case never answered in writing, resolved after 3 h, then moved from q-chat to q-phone.
  const c4 = caseAt('c4', D0 + 25 * H, { assigneeId: 'a2', originChannel: 'phone', channels: ['phone'], lastChannel: 'phone', status: 'resolved', resolvedAt: D0 + 28 * H });
  await put('case', c4);
  await put('case', { ...c4, queueId: 'q-phone', version: 2 });
  // c5: the period before: answered late (60 min), resolved after 2 h.
  await created('c5', D0 - 10 * H, { assigneeId: 'a1', originChannel: 'sms', channels: ['sms'] }, { firstRespondedAt: D0 - 9 * H, status: 'resolved', resolvedAt: D0 - 8 * H });
  // c6: unanswered, its deadline passed; c7: unanswered, its deadline after the period.
  await put('case', caseAt('c6', D0 + 40 * H, {}));
  await put('case', caseAt('c7', D0 + 46 * H + 45 * M, { assigneeId: 'a2' }));

  const messages = [
    message('i1', 'c1', D0 + H),
    reply('o1', 'c1', D0 + H + 10 * M, 'a1'),
    message('i2', 'c1', D0 + H + 20 * M, { text: NEGATIVE }),
    message('n1', 'c1', D0 + H + 30 * M, { kind: 'note', direction: 'internal', authorId: 'a1', text: 'angry customer, terrible' }),
    reply('o2', 'c1', D0 + H + 50 * M, 'a1'),
    message('i3', 'c2', D0 + 2 * H),
    reply('o3', 'c2', D0 + 3 * H, 'a2'),
    message('i4', 'c2', D0 + 4 * H, { kind: 'email', text: 'Thanks, great help' }),
    message('i5', 'c2', D0 + 4 * H + 30 * M, { kind: 'email', text: 'One more thing about the invoice' }),
    reply('o4', 'c2', D0 + 5 * H, 'a2', { kind: 'email' }),
    message('i6', 'c3', D0 + 5 * H, { kind: 'email', text: 'Could you send me the invoice, please?' }),
    reply('o5', 'c3', D0 + 5 * H + 20 * M, 'a1', { kind: 'email' }),
    message('i7', 'c4', D0 + 25 * H, { kind: 'phone', authorId: 'a2', text: '', meta: { durationSec: 300 } }),
    reply('o6', 'c4', D0 + 27 * H, 'a2', { kind: 'phone', text: '', meta: { durationSec: 600 } }),
    message('i8', 'c5', D0 - 10 * H, { kind: 'sms', text: AWFUL }),
    reply('o7', 'c5', D0 - 9 * H, 'a1', { kind: 'sms' }),
    message('i9', 'c6', D0 + 40 * H, { text: FURIOUS }),
    message('i10', 'c7', D0 + 46 * H + 45 * M, { text: 'Hello' }),
  ];
  for (const m of messages) await put('interaction', m);
  await put('csat', csat({ id: 's1', caseId: 'c1', customerId: 'cu-c1', queueId: 'q-chat', score: 9, createdAt: D0 + 4 * H }));
  await put('csat', csat({ id: 's3', caseId: 'c3', customerId: 'cu-c3', queueId: 'q-chat', score: 10, createdAt: D0 + 27 * H }));
  // Given while c4 was in q-chat: it stays q-chat's answer.
  await put('csat', csat({ id: 's4', caseId: 'c4', customerId: 'cu-c4', queueId: 'q-chat', score: 3, createdAt: D0 + 29 * H }));
  await put('csat', csat({ id: 's5', caseId: 'c5', customerId: 'cu-c5', queueId: 'q-chat', score: 6, createdAt: D0 - 7 * H }));
  await store.write(async (tx) => {
    await tx.surveySent('c1', D0 + 3 * H, 'token-c1');
    await tx.surveySent('c3', D0 + 26 * H, 'token-c3');
    await tx.surveySent('c4', D0 + 28 * H, 'token-c4');
    await tx.surveySent('c7', D0 + 46 * H + 50 * M, 'token-c7');
    await tx.surveySent('c5', D0 - 8 * H, 'token-c5');
  });
}

const none = { p50: null, p90: null };

let t: TestHub;
beforeEach(async () => {
  t = await startTestHub({ now: () => NOW });
  await seed(t);
});
afterEach(async () => {
  await t.stop();
});

describe('reports', () => {
  it('reads the seeded messages as the tone engine does (the figures below count on it)', () => {
    for (const text of [NEGATIVE, FURIOUS, AWFUL]) expect(negativeFlag({ direction: 'inbound', text })).toBe(1);
    for (const text of ['Hello, where is my order?', 'Thanks, great help', 'One more thing about the invoice', 'Could you send me the invoice, please?', 'Hello']) {
      expect(negativeFlag({ direction: 'inbound', text }), text).toBe(0);
    }
  });

  it('computes every figure of a period, its days in Athens across the spring change, and the period before', async () => {
    const sup = await t.connect('sup1');
    const report: Report = await sup.request('report:query', { from: D0, to: END, granularity: 'day', timeZone: 'Europe/Athens', compare: true });
    expect(report.current).toEqual({
      from: D0,
      to: END,
      // Created: c1, c2, c3, c4, c6, c7. Resolved: c1, c3 (once, at its latest resolution), c4.
      cases: { created: 6, resolved: 3 },
      csat: { answers: 3, average: 22 / 3, distribution: [0, 0, 1, 0, 0, 0, 0, 0, 1, 1] },
      // 10, 20, 60 min: nearest rank 2 of 3, then 3 of 3.
      firstResponseMs: { p50: 20 * M, p90: 60 * M },
      // 2 h, 3 h, 21 h.
      resolutionMs: { p50: 3 * H, p90: 21 * H },
      // Due or answered before the end: c1 (in time), c2 (late), c3 (in time, by its deadline as created), c4, c6 (missed); not c7.
      slaAttainment: 2 / 5,
      // Wrote: cu-c1 (negative), cu-c2, cu-c3, cu-c6 (negative), cu-c7; a call without text does not count.
      negativeShare: 2 / 5,
      explainedTwice: 1,
      // o2 answers i2 (30 min); o4 answers i4 and i5, from the older (60 min); first replies are not counted.
      nextResponseMs: { p50: 30 * M, p90: 60 * M },
      surveysSent: 4,
      csatResponseRate: 3 / 4,
    });
    expect(report.previous).toEqual({
      from: D0 - 47 * H,
      to: D0,
      cases: { created: 1, resolved: 1 },
      csat: { answers: 1, average: 6, distribution: [0, 0, 0, 0, 0, 1, 0, 0, 0, 0] },
      firstResponseMs: { p50: 60 * M, p90: 60 * M },
      resolutionMs: { p50: 2 * H, p90: 2 * H },
      slaAttainment: 0,
      negativeShare: 1,
      explainedTwice: 0,
      nextResponseMs: none,
      surveysSent: 1,
      csatResponseRate: 1,
    });
    expect(report.series).toEqual([
      { start: D0, end: D0 + 24 * H, created: 3, resolved: 1, csatAnswers: 1, csatAverage: 9, negativeShare: 1 / 3, firstResponseP50: 20 * M },
      // The local Sunday of the change: 23 hours.
      { start: D0 + 24 * H, end: END, created: 3, resolved: 2, csatAnswers: 2, csatAverage: 6.5, negativeShare: 1 / 2, firstResponseP50: null },
    ]);
    expect(report.channels).toEqual([
      { channel: 'chat', inbound: 5, outbound: 3, casesCreated: 4 },
      { channel: 'email', inbound: 3, outbound: 2, casesCreated: 1 },
      { channel: 'phone', inbound: 1, outbound: 1, casesCreated: 1 },
      { channel: 'video', inbound: 0, outbound: 0, casesCreated: 0 },
      { channel: 'social', inbound: 0, outbound: 0, casesCreated: 0 },
      { channel: 'sms', inbound: 0, outbound: 0, casesCreated: 0 },
      { channel: 'store', inbound: 0, outbound: 0, casesCreated: 0 },
    ]);
    expect(report.agents).toEqual([
      { staffId: 'a1', name: 'Person a1', handled: 2, resolved: 2, handleTimeMs: null, csatAnswers: 2, csatAverage: 9.5 },
      // Two calls of 300 s and 600 s on c4.
      { staffId: 'a2', name: 'Person a2', handled: 2, resolved: 1, handleTimeMs: 450_000, csatAnswers: 1, csatAverage: 3 },
    ]);
  });

  it('keeps each reply’s wait when a message is stored after the replies that follow it (an import, a late delivery)', async () => {
    const sup = await t.connect('sup1');
    const waits = async () => (await sup.request('report:query', { from: D0, to: END, granularity: 'day', timeZone: 'UTC', compare: false })).current.nextResponseMs;
    expect(await waits()).toEqual({ p50: 30 * M, p90: 60 * M });
    // A customer message between o1 and o2 on c1, stored last: o2 now answers it, 35 min before o2.
    await t.hub.ctx.store.write(async (tx) => void (await tx.put('interaction', message('i11', 'c1', D0 + H + 15 * M), ['*'])));
    expect(await waits()).toEqual({ p50: 35 * M, p90: 60 * M });
    // A staff reply stored late between i4 and i5 on c2: it answers i4 (15 min), and o4 now only i5 (30 min).
    await t.hub.ctx.store.write(async (tx) => void (await tx.put('interaction', reply('o8', 'c2', D0 + 4 * H + 15 * M, 'a2'), ['*'])));
    expect(await waits()).toEqual({ p50: 30 * M, p90: 35 * M });
  });

  it('counts a moved case in the queue it is in now, and its survey answer in the queue it was given for', async () => {
    const sup = await t.connect('sup1');
    const phone = (await sup.request('report:query', { from: D0, to: END, granularity: 'week', timeZone: 'Europe/Athens', compare: false, queueId: 'q-phone' })).current;
    expect(phone).toMatchObject({
      cases: { created: 1, resolved: 1 },
      // No answers: nulls, not zeros.
      csat: { answers: 0, average: null, distribution: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0] },
      firstResponseMs: none,
      resolutionMs: { p50: 3 * H, p90: 3 * H },
      slaAttainment: 0,
      negativeShare: null,
      explainedTwice: 0,
      nextResponseMs: none,
      csatResponseRate: 0,
    });
    const chat = (await sup.request('report:query', { from: D0, to: END, granularity: 'day', timeZone: 'UTC', compare: false, queueId: 'q-chat' })).current;
    expect(chat).toMatchObject({ cases: { created: 5, resolved: 2 }, csat: { answers: 3, average: 22 / 3 } });
    const email = (await sup.request('report:query', { from: D0, to: END, granularity: 'day', timeZone: 'UTC', compare: false, channel: 'email' })).current;
    // Cases that touched email: c2 and c3.
    expect(email).toMatchObject({ cases: { created: 2, resolved: 1 }, explainedTwice: 1, negativeShare: 0 });
  });

  it('refuses an agent, and a series of too many buckets naming the granularity', async () => {
    const agent = await t.connect('a1');
    await expect(agent.request('report:query', { from: D0, to: END, granularity: 'day', timeZone: 'UTC', compare: false })).rejects.toMatchObject({ reason: 'forbidden' });
    const sup = await t.connect('sup1');
    await expect(sup.request('report:query', { from: D0, to: D0 + 90 * 24 * H, granularity: 'hour', timeZone: 'UTC', compare: false })).rejects.toThrow(/invalid: granularity/);
  });

  describe('GET /api/v1/reports/summary', () => {
    const get = async (query: string, token?: string) => {
      const res = await fetch(`${t.hub.url}/api/v1/reports/summary${query}`, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    };

    it('answers a supervisor exactly the contract\'s keys, with the console\'s numbers', async () => {
      const { accessToken } = await t.login('sup1');
      const res = await get(`?from=${D0}&to=${END}`, accessToken);
      expect(res.status).toBe(200);
      expect(Object.keys(res.body).sort()).toEqual(Object.keys(ReportSummarySchema.shape).sort());
      expect(res.body).toEqual({
        from: D0,
        to: END,
        cases: { created: 6, resolved: 3 },
        csat: { answers: 3, average: 22 / 3, distribution: [0, 0, 1, 0, 0, 0, 0, 0, 1, 1] },
        firstResponseMs: { p50: 20 * M, p90: 60 * M },
        resolutionMs: { p50: 3 * H, p90: 21 * H },
        slaAttainment: 2 / 5,
        negativeShare: 2 / 5,
        explainedTwice: 1,
      });
      const sup = await t.connect('sup1');
      const report = await sup.request('report:query', { from: D0, to: END, granularity: 'hour', timeZone: 'America/New_York', compare: false, queueId: 'q-phone' });
      const phone = await get(`?from=${D0}&to=${END}&queueId=q-phone`, accessToken);
      const { nextResponseMs: _next, surveysSent: _sent, csatResponseRate: _rate, ...summary } = report.current;
      expect(phone.body).toEqual(summary);
      expect(phone.body).toMatchObject({ cases: { created: 1, resolved: 1 }, csat: { answers: 0, average: null } });
    });

    it('401 without a valid token, 403 for an agent', async () => {
      expect((await get(`?from=${D0}&to=${END}`)).status).toBe(401);
      expect((await get(`?from=${D0}&to=${END}`, 'not-a-token')).status).toBe(401);
      const { accessToken } = await t.login('a1');
      expect(await get(`?from=${D0}&to=${END}`, accessToken)).toMatchObject({ status: 403, body: { error: 'forbidden' } });
    });

    it('400 naming the parameter that is wrong', async () => {
      const { accessToken } = await t.login('sup1');
      const cases: Array<[string, string]> = [
        [`?to=${END}`, 'from'],
        [`?from=abc&to=${END}`, 'from'],
        [`?from=1.5&to=${END}`, 'from'],
        [`?from=-5&to=${END}`, 'from'],
        [`?from=${D0}`, 'to'],
        [`?from=${D0}&to=x`, 'to'],
        [`?from=${D0}&to=${D0}`, 'to'],
        [`?from=${D0}&to=${D0 + 401 * 24 * H}`, 'to'],
        [`?from=${D0}&to=${END}&queueId=q-nope`, 'queueId'],
      ];
      for (const [query, parameter] of cases) {
        const res = await get(query, accessToken);
        expect({ query, status: res.status, error: res.body.error, parameter: res.body.parameter }).toEqual({ query, status: 400, error: 'invalid', parameter });
        expect(res.body.message).toMatch(new RegExp(`^${parameter}`));
      }
    });
  });
});
