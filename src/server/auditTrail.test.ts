import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AUDIT_EXCERPT_MAX, SYSTEM_ACTOR_ID, type AuditEntry, type Case } from '../shared/domain';
import type { RequestOf } from '../shared/protocol';
import { DEFAULT_REQUEST_LIMITS } from './realtime/requestBudget';
import { startTestHub, testClock, type TestClient, type TestHub } from './testing/hubHarness';
import { person, testOrg } from './testing/testOrg';

const clock = testClock();
let t: TestHub;
let sup: TestClient;

beforeEach(async () => {
  clock.set(Date.UTC(2026, 10, 23, 9, 0, 0));
  const org = testOrg();
  // The trail is asked many times in a row here; the read budget (which allows a person ~10 a second) is not under test.
  const requestLimits = { ...DEFAULT_REQUEST_LIMITS, buckets: { ...DEFAULT_REQUEST_LIMITS.buckets, read: { capacity: 10_000, perSecond: 10_000 } } };
  t = await startTestHub({ now: clock.now, requestLimits, org: { ...org, staff: [...org.staff, person('adm1', 'admin', { status: 'offline' })] } });
  sup = await t.connect('sup1');
});
afterEach(async () => {
  await t.stop();
});

const getCase = async (id: string) => (await t.hub.ctx.store.get('case', id))!;
const trail = async (q: Omit<RequestOf<'audit:query'>, 'limit'> & { limit?: number }) => (await sup.request('audit:query', { limit: 500, ...q } as RequestOf<'audit:query'>)).entries;
/** Oldest first; entries of one instant (one change) in the order of their actions' names. */
const chronological = (es: AuditEntry[]) => [...es].sort((a, b) => a.at - b.at || a.action.localeCompare(b.action));
/** The trail of one case, oldest first, as [actor, action]. */
const story = async (caseId: string, actorId?: string) => chronological(await trail({ caseId, ...(actorId && { actorId }) })).map((e) => [e.actorId, e.action]);
const LONG_NOTE = `The customer called twice; ${'the parcel was left with a neighbour who is away until Monday, '.repeat(4)}so we wait.`;

/**
 * A social case of a customer known by handle and phone, with a2 away so that a1 gets it and nobody else is
 * offered it when a1 hands it back. Each step is a minute after the one before, to tell them apart by time.
 */
async function workedCase() {
  const a2 = await t.connect('a2');
  expect(await a2.mutate({ type: 'staff.setStatus', status: 'away' })).toMatchObject({ ok: true });
  const inbound = await t.inbound({ channel: 'social', text: 'My order 1234 never came', from: { handle: '@ewa_n', phone: '+48601111222', name: 'Ewa Nowak' } });
  const caseId = inbound.body.caseId as string;
  expect((await getCase(caseId)).assigneeId).toBe('a1');
  const a1 = await t.connect('a1');
  const step = async (m: Record<string, unknown> & { type: string }, who = a1) => {
    clock.advance(60_000);
    const res = await who.mutate(m);
    expect(res, JSON.stringify(res)).toMatchObject({ ok: true });
    return res;
  };
  const version = async () => ({ version: (await getCase(caseId)).version });
  const times: Record<string, number> = {};

  times.reply = clock.now() + 60_000;
  await step({ type: 'reply', caseId, channel: 'social', text: 'Sorry about that, I am checking with the courier now.', basedOn: { lastMessageId: inbound.body.interactionId } });
  // The reply reaches no connector (none is registered for social): the worker, kicked by the reply, gives up on
  // it at once, at the reply's time (the clock moves only when a step does).
  await t.hub.delivery.runOnce();
  await expect.poll(async () => (await trail({ caseId, action: 'delivery.failed' })).length).toBe(1);
  await step({ type: 'note', caseId, text: LONG_NOTE });
  times.update = clock.now() + 60_000;
  await step({ type: 'case.update', caseId, basedOn: await version(), patch: { status: 'pending', priority: 'high' } });
  await step({ type: 'case.assign', caseId, basedOn: await version(), to: { queueId: 'q-chat' } });
  expect((await getCase(caseId)).assigneeId).toBeNull();
  await step({ type: 'case.assign', caseId, basedOn: await version(), to: { staffId: 'a1' } });
  const store1 = await t.connect('store1');
  await store1.request('customer:lookup', { query: '+48601111222' });
  await step({ type: 'case.continueInStore', caseId, storeId: 'store-w', text: 'Ewa came in; we handed over a replacement.', basedOn: await version() }, store1);
  return { caseId, a1, times };
}

describe('the audit trail', () => {
  it('records each person’s work on a case, and the hub’s failed delivery, with the case, its queue and small before/after', async () => {
    const { caseId } = await workedCase();
    expect(await story(caseId)).toEqual([
      [SYSTEM_ACTOR_ID, 'case.routed'],
      ['a1', 'case.reply'],
      [SYSTEM_ACTOR_ID, 'delivery.failed'],
      ['a1', 'case.note'],
      ['a1', 'case.priority'],
      ['a1', 'case.status'],
      ['a1', 'case.handBack'],
      ['a1', 'case.take'],
      ['store1', 'case.continueInStore'],
    ]);
    const entries = chronological(await trail({ caseId }));
    for (const e of entries) expect(e).toMatchObject({ caseId, queueId: 'q-chat' });
    const [routed, reply, failed, note, priority, status, handBack, take, visit] = entries;
    expect(routed).toMatchObject({ targetType: 'case', targetId: caseId, before: { assigneeId: null }, after: { assigneeId: 'a1', queueId: 'q-chat' } });
    expect(reply).toMatchObject({ targetType: 'case', targetId: caseId, before: null, after: { channel: 'social', excerpt: 'Sorry about that, I am checking with the courier now.' } });
    const excerpt = (note.after as { excerpt: string }).excerpt;
    expect([...excerpt]).toHaveLength(AUDIT_EXCERPT_MAX);
    expect(excerpt.endsWith('…') && LONG_NOTE.startsWith(excerpt.slice(0, -1))).toBe(true);
    expect(status).toMatchObject({ before: { status: 'open' }, after: { status: 'pending' } });
    expect(priority).toMatchObject({ before: { priority: 'normal' }, after: { priority: 'high' } });
    expect(handBack).toMatchObject({ before: { assigneeId: 'a1', queueId: 'q-chat' }, after: { assigneeId: null, queueId: 'q-chat' } });
    expect(take).toMatchObject({ before: { assigneeId: null }, after: { assigneeId: 'a1' } });
    expect(failed).toMatchObject({ targetType: 'delivery', before: { status: 'queued' }, after: { status: 'failed', channel: 'social', purpose: 'reply', error: 'no connector is registered for social' } });
    expect(visit).toMatchObject({ before: { storeId: null, assigneeId: 'a1' }, after: { storeId: 'store-w', assigneeId: 'store1', excerpt: 'Ewa came in; we handed over a replacement.' } });
    // The subjects of the cases named, so the console never shows a raw id.
    const { caseSubjects } = await sup.request('audit:query', { caseId, limit: 1 });
    expect(caseSubjects).toEqual({ [caseId]: (await getCase(caseId)).subject });
    // Small: never a whole message.
    for (const e of entries) expect(JSON.stringify(e).length).toBeLessThan(600);
  });

  it('records routing by the hub: a case given to an agent, an unanswered offer taken back, and given to the next', async () => {
    const a2 = await t.connect('a2');
    expect(await a2.mutate({ type: 'staff.setStatus', status: 'away' })).toMatchObject({ ok: true });
    const caseId = (await t.inbound({ channel: 'chat', text: 'Is my order on its way?', from: { email: 'jan@example.pl', name: 'Jan Kowal' } })).body.caseId as string;
    const a1 = await t.connect('a1');
    clock.advance(60_000);
    // a1 leaves before answering: the offer goes back to the queue; nobody else is available.
    expect(await a1.mutate({ type: 'staff.setStatus', status: 'away' })).toMatchObject({ ok: true });
    expect((await getCase(caseId)).assigneeId).toBeNull();
    clock.advance(60_000);
    // a2 comes back: waiting work is theirs.
    expect(await a2.mutate({ type: 'staff.setStatus', status: 'available' })).toMatchObject({ ok: true });
    expect((await getCase(caseId)).assigneeId).toBe('a2');
    const entries = chronological(await trail({ caseId, group: 'routing' }));
    expect(entries.map((e) => [e.actorId, e.action, e.before, e.after])).toEqual([
      [SYSTEM_ACTOR_ID, 'case.routed', { assigneeId: null }, { assigneeId: 'a1', queueId: 'q-chat' }],
      [SYSTEM_ACTOR_ID, 'case.routed', { assigneeId: 'a1' }, { assigneeId: null, queueId: 'q-chat' }],
      [SYSTEM_ACTOR_ID, 'case.routed', { assigneeId: null }, { assigneeId: 'a2', queueId: 'q-chat' }],
    ]);
  });

  it('records a reply held for someone else’s case, a delivery sent again, a survey sent and an administrator’s change', async () => {
    const { caseId, a1 } = await workedCase();
    const a2 = await t.connect('a2');
    const kase = await getCase(caseId);
    expect(await a2.mutate({ type: 'reply', caseId, channel: 'social', text: 'I can help too', basedOn: { lastMessageId: kase.lastMessageId } })).toMatchObject({ ok: true, outcome: 'held' });
    expect(await a1.mutate({ type: 'case.update', caseId, basedOn: { version: (await getCase(caseId)).version }, patch: { status: 'resolved' } })).toMatchObject({ ok: true });
    // The reply's delivery (the survey sent on resolving failed too, for the same reason).
    const failed = (await trail({ caseId, action: 'delivery.failed' })).find((e) => (e.after as { purpose: string }).purpose === 'reply')!;
    expect(await a1.mutate({ type: 'delivery.retry', deliveryId: failed.targetId })).toMatchObject({ ok: true });
    expect(await trail({ caseId, action: 'delivery.retry' })).toMatchObject([
      { actorId: 'a1', targetType: 'delivery', targetId: failed.targetId, queueId: 'q-chat', before: { status: 'failed' }, after: { status: 'queued', channel: 'social', purpose: 'reply' } },
    ]);
    const admin = await t.login('adm1');
    const patched = await t.http('/api/v1/admin/queues/q-el', { name: 'Greek desk' }, { Authorization: `Bearer ${admin.accessToken}` }, 'PATCH');
    expect(patched.status).toBe(200);

    expect((await trail({ caseId, actorId: 'a2' }))).toMatchObject([{ action: 'case.replyHeld', after: { reason: 'not-owner', excerpt: 'I can help too' } }]);
    expect(await trail({ caseId, group: 'surveys' })).toMatchObject([{ actorId: 'a1', action: 'survey.sent', after: { channel: 'social', automatic: true } }]);
    expect(await trail({ actorId: 'adm1' })).toMatchObject([{ action: 'queue.update', targetType: 'queue', targetId: 'q-el', caseId: null }]);
  });

  it('filters by person, case, action group and period, and pages without losing entries of the same instant', async () => {
    const { caseId, times } = await workedCase();
    const other = (await t.inbound({ channel: 'email', subject: 'Invoice', text: 'Please resend my invoice', from: { email: 'olga@example.com' } })).body.caseId as string;
    const a1 = await t.connect('a1');
    clock.advance(60_000);
    expect(await a1.mutate({ type: 'note', caseId: other, text: 'Invoice resent by hand' })).toMatchObject({ ok: true });

    const actions = (es: AuditEntry[]) => es.map((e) => e.action);
    expect(actions(await trail({ actorId: 'a1', group: 'notes' }))).toEqual(['case.note', 'case.note']);
    expect(actions(await trail({ caseId, group: 'notes' }))).toEqual(['case.note']);
    expect(actions(await trail({ caseId, group: 'assignment' }))).toEqual(['case.continueInStore', 'case.take', 'case.handBack']);
    expect(actions(await trail({ caseId, group: 'routing' }))).toEqual(['case.routed']);
    expect(actions(chronological(await trail({ caseId, actions: ['case.status', 'case.priority'] })))).toEqual(['case.priority', 'case.status']);
    // The old single action still works.
    expect(actions(await trail({ action: 'delivery.failed' }))).toEqual(['delivery.failed']);
    // The hub's own: routing each case on arrival, and the delivery it gave up on at the reply's time.
    const hubs = chronological(await trail({ actorId: SYSTEM_ACTOR_ID }));
    expect(hubs.map((e) => [e.action, e.caseId])).toEqual([['case.routed', caseId], ['delivery.failed', caseId], ['case.routed', other]]);
    expect(hubs[1].at).toBe(times.reply);
    // [from, to): the minute of the status and priority change only.
    expect(actions(chronological(await trail({ from: times.update, to: times.update + 60_000 })))).toEqual(['case.priority', 'case.status']);
    expect(actions(chronological(await trail({ caseId, from: times.reply, to: times.reply + 1 })))).toEqual(['case.reply', 'delivery.failed']);
    expect(actions(await trail({ caseId, from: times.reply + 1, to: times.update }))).toEqual(['case.note']);

    // Pages of one: the status and priority change share their time, and both are found.
    const all = await trail({ caseId });
    const paged: AuditEntry[] = [];
    let page = await trail({ caseId, limit: 1 });
    while (page.length > 0) {
      paged.push(...page);
      const last = page[page.length - 1];
      page = await trail({ caseId, limit: 1, before: last.at, beforeId: last.id });
    }
    expect(paged.map((e) => e.id)).toEqual(all.map((e) => e.id));
    expect(all).toHaveLength(9);
  });

  it('validates the query, and is for supervisors and admins only', async () => {
    const a1 = await t.connect('a1');
    await expect(a1.request('audit:query', { limit: 5 })).rejects.toMatchObject({ reason: 'forbidden' });
    for (const bad of [
      { limit: 0 },
      { limit: 501 },
      { from: 10, to: 10, limit: 5 },
      { from: -1, limit: 5 },
      { group: 'notes', action: 'case.note', limit: 5 },
      { group: 'gossip', limit: 5 },
      { beforeId: 'audit-1', limit: 5 },
      { actions: [], limit: 5 },
    ]) {
      await expect(sup.request('audit:query', bad as RequestOf<'audit:query'>), JSON.stringify(bad)).rejects.toMatchObject({ reason: 'invalid' });
    }
  });

  it('records a take by replying to an unassigned case', async () => {
    const a1 = await t.connect('a1');
    for (const who of ['a1', 'a2']) await (await t.connect(who)).mutate({ type: 'staff.setStatus', status: 'away' });
    const inbound = await t.inbound({ channel: 'email', subject: 'Hi', text: 'Anyone there?', from: { email: 'piotr@example.com' } });
    const caseId = inbound.body.caseId as string;
    expect((await getCase(caseId)).assigneeId).toBeNull();
    expect(await a1.mutate({ type: 'reply', caseId, channel: 'email', text: 'Yes, here', basedOn: { lastMessageId: inbound.body.interactionId } })).toMatchObject({ ok: true });
    expect(await story(caseId, 'a1')).toEqual([['a1', 'case.reply'], ['a1', 'case.take']]);
    expect(((await getCase(caseId)) as Case).assigneeId).toBe('a1');
  });
});
