import { afterEach, describe, expect, it } from 'vitest';
import type { OrgData } from './loadOrg';
import { startTestHub, type TestClient, type TestHub } from './testing/hubHarness';
import { person, testOrg } from './testing/testOrg';

/**
 * Calls as agents take them: offered to one Available member of the phone queue with room at a time, answered
 * or declined from the workstation (recorded by the hub), handed on when declined or left ringing. Real hub,
 * real store (SQLite, or PostgreSQL with HUB_TEST_STORE=postgres), real Socket.IO clients.
 */

/** The test organisation with three on the phone queue: a1 and a2 Available, a4 Offline. */
function phoneOrg(): OrgData {
  const org = testOrg();
  return {
    ...org,
    queues: org.queues.map((q) => (q.id === 'q-phone' ? { ...q, memberIds: ['a1', 'a2', 'a4'] } : q)),
    staff: [...org.staff, person('a4', 'agent', { status: 'offline' })],
  };
}

/** A hub per test and up to four sign-ins (each hashes a password): on a busy machine, more than the default 30 s. */
const SLOW_MS = 90_000;

let t: TestHub;
afterEach(async () => {
  await t.stop();
});

const ring = (id: string, phone = '+48601000001') => t.inbound({ channel: 'phone', text: '', from: { phone }, call: { id, state: 'ringing' } });
const respond = (c: TestClient, callId: string, action: 'answer' | 'decline' | 'hangup') => c.request('call:respond', { callId, action });
const offersTo = (c: TestClient) => c.events.filter((e) => e.name === 'call:offer').map((e) => (e.payload as { callId: string }).callId);
/** Waits for a `call:update` of one call that `pred` accepts. */
async function updateOf(c: TestClient, callId: string, pred: (u: { state: string; staffId: string | null; caseId?: string | null }) => boolean) {
  const deadline = Date.now() + 3_000;
  for (;;) {
    const found = c.events.find((e) => e.name === 'call:update' && (e.payload as { callId: string }).callId === callId && pred(e.payload as never));
    if (found) return found.payload as { state: string; staffId: string | null; caseId?: string | null };
    if (Date.now() > deadline) throw new Error(`no call:update of ${callId} as expected`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Signs a1, a2, a4 and the supervisor in at once (each sign-in hashes a password: the slow part of these tests). */
async function connectAll() {
  const [a1, a2, a4, sup] = await Promise.all(['a1', 'a2', 'a4', 'sup1'].map((id) => t.connect(id)));
  const byId: Record<string, TestClient> = { a1, a2 };
  return { a1, a2, a4, sup, byId };
}

describe('offering a call', () => {
  it('rings for an Available member with room on the phone, never for an Offline one or a supervisor; a live call takes the room', async () => {
    t = await startTestHub({ org: phoneOrg() });
    const { a4, sup, byId } = await connectAll();
    const first = await ring('call-1');
    const taker = first.body.assigneeId as string;
    expect(['a1', 'a2']).toContain(taker);
    const other = taker === 'a1' ? 'a2' : 'a1';
    await byId[taker].waitForEvent('call:offer');
    expect(await respond(byId[taker], 'call-1', 'answer')).toEqual({ state: 'answered' });

    // The one who answered has no room left on the phone (capacity 1): the next call rings for the other.
    const second = await ring('call-2', '+48601000002');
    expect(second.body.assigneeId).toBe(other);
    await expect.poll(() => offersTo(byId[other])).toEqual(['call-2']);
    // The one whose call is still ringing has no room either: nobody is left.
    const third = await ring('call-3', '+48601000003');
    expect(third.body.assigneeId).toBeNull();
    expect((await t.hub.ctx.store.call('call-3'))?.offeredTo).toBeNull();

    await respond(byId[taker], 'call-1', 'hangup');
    await new Promise((r) => setTimeout(r, 200));
    expect(offersTo(byId[taker])).toEqual(['call-1']);
    expect(offersTo(byId[other])).toEqual(['call-2']);
    expect(offersTo(a4)).toEqual([]);
    expect(offersTo(sup)).toEqual([]);
  }, SLOW_MS);
});

describe('answering and declining', () => {
  it('a decline hands the call to the next; with nobody left it rings unoffered and ends as a missed call in the queue', async () => {
    t = await startTestHub({ org: phoneOrg() });
    const { a4, byId } = await connectAll();
    const taker = (await ring('call-d')).body.assigneeId as string;
    const other = taker === 'a1' ? 'a2' : 'a1';
    await byId[taker].waitForEvent('call:offer');

    expect(await respond(byId[taker], 'call-d', 'decline')).toEqual({ state: 'ringing' });
    expect(await updateOf(byId[taker], 'call-d', (u) => u.state === 'ringing')).toMatchObject({ staffId: other });
    await expect.poll(() => offersTo(byId[other])).toEqual(['call-d']);
    // Declining again is answered with where the call stands, and hands nothing on twice.
    expect(await respond(byId[taker], 'call-d', 'decline')).toEqual({ state: 'ringing' });
    expect((await t.hub.ctx.store.call('call-d'))?.offeredTo).toBe(other);

    await respond(byId[other], 'call-d', 'decline');
    expect(await updateOf(byId[other], 'call-d', (u) => u.state === 'ringing')).toMatchObject({ staffId: null });
    expect(await t.hub.ctx.store.call('call-d')).toMatchObject({ offeredTo: null, state: 'ringing', declinedBy: [taker, other] });
    expect(offersTo(a4)).toEqual([]);

    const ended = await t.inbound({ channel: 'phone', text: '', from: { phone: '+48601000001' }, call: { id: 'call-d', state: 'ended', durationSec: 0, outcome: 'missed' } });
    expect(ended.status).toBe(201);
    const kase = (await t.hub.ctx.store.get('case', ended.body.caseId as string))!;
    expect(kase.queueId).toBe('q-phone');
    const timeline = await t.hub.ctx.store.interactionsOfCase(kase.id);
    expect(timeline.map((i) => i.meta.outcome)).toEqual(['missed']);
  }, SLOW_MS);

  it('refuses an answer from anyone the call is not ringing for; the one it rings for answers, hangs up, and hears of its case', async () => {
    t = await startTestHub({ org: phoneOrg() });
    const { a4, byId } = await connectAll();
    const known = await t.inbound({ channel: 'sms', text: 'Where is my parcel?', from: { phone: '+48601000009' } });
    const taker = (await ring('call-a', '+48601000009')).body.assigneeId as string;
    const other = taker === 'a1' ? 'a2' : 'a1';

    await expect(respond(byId[other], 'call-a', 'answer')).rejects.toMatchObject({ reason: 'forbidden' });
    await expect(respond(a4, 'call-a', 'decline')).rejects.toMatchObject({ reason: 'forbidden' });
    await expect(respond(byId[taker], 'call-a', 'hangup')).rejects.toMatchObject({ reason: 'forbidden' });
    await expect(respond(byId[taker], 'call-none', 'answer')).rejects.toMatchObject({ reason: 'not-found' });
    await expect(byId[taker].request('call:respond', { callId: 'call-a', action: 'pick-up' } as never)).rejects.toMatchObject({ reason: 'invalid' });

    expect(await respond(byId[taker], 'call-a', 'answer')).toEqual({ state: 'answered' });
    expect(await respond(byId[taker], 'call-a', 'answer')).toEqual({ state: 'answered' });
    await expect(respond(byId[other], 'call-a', 'answer')).rejects.toMatchObject({ reason: 'forbidden' });
    expect(await t.hub.ctx.store.call('call-a')).toMatchObject({ state: 'answered', answeredBy: taker });

    expect(await respond(byId[taker], 'call-a', 'hangup')).toEqual({ state: 'ended' });
    expect(await updateOf(byId[taker], 'call-a', (u) => u.state === 'ended')).toMatchObject({ staffId: taker, caseId: known.body.caseId });
    // The connector's report of the end records the call on the caller's case, with the one who answered.
    const ended = await t.inbound({ channel: 'phone', text: '', from: { phone: '+48601000009' }, call: { id: 'call-a', state: 'ended', durationSec: 42 } });
    expect(ended.body).toMatchObject({ caseId: known.body.caseId });
    expect((await t.hub.ctx.store.get('case', known.body.caseId as string))?.assigneeId).toBe(known.body.assigneeId ?? taker);
  }, SLOW_MS);
});

describe('going away', () => {
  it('hands a call ringing for someone who goes Away to the next person at once', async () => {
    t = await startTestHub({ org: phoneOrg() });
    const [a1, a2] = await Promise.all([t.connect('a1'), t.connect('a2')]);
    const byId: Record<string, TestClient> = { a1, a2 };
    const taker = (await ring('call-w')).body.assigneeId as string;
    const other = taker === 'a1' ? 'a2' : 'a1';
    expect(await byId[taker].mutate({ type: 'staff.setStatus', status: 'away' })).toMatchObject({ ok: true });
    expect(await updateOf(byId[taker], 'call-w', (u) => u.state === 'ringing')).toMatchObject({ staffId: other });
    await expect.poll(() => offersTo(byId[other])).toEqual(['call-w']);
  }, SLOW_MS);
});

describe('ringing out', () => {
  it('hands a call nobody answers in time to the next person, and an answer after that is refused', async () => {
    t = await startTestHub({ org: phoneOrg(), callRingMs: 300 });
    const { byId } = await connectAll();
    const taker = (await ring('call-t')).body.assigneeId as string;
    const other = taker === 'a1' ? 'a2' : 'a1';
    expect(await updateOf(byId[taker], 'call-t', (u) => u.state === 'ringing')).toMatchObject({ staffId: other });
    await expect.poll(() => offersTo(byId[other])).toEqual(['call-t']);
    await expect(respond(byId[taker], 'call-t', 'answer')).rejects.toMatchObject({ reason: 'forbidden' });
    expect(await respond(byId[other], 'call-t', 'answer')).toEqual({ state: 'answered' });
    // Answered, it rings out for nobody.
    await new Promise((r) => setTimeout(r, 500));
    expect(await t.hub.ctx.store.call('call-t')).toMatchObject({ state: 'answered', offeredTo: other, declinedBy: [taker] });
  }, SLOW_MS);
});
