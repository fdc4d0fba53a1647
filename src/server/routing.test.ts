import { afterEach, describe, expect, it } from 'vitest';
import { startTestHub, testClock, type TestHub } from './testing/hubHarness';
import { testOrg } from './testing/testOrg';

let t: TestHub;
afterEach(async () => {
  await t?.stop();
});

const chat = (email: string, text = 'hello') => t.inbound({ channel: 'chat', text, from: { email } });

describe('routing', () => {
  it('gives new work to whoever has been idle longest', async () => {
    const clock = testClock();
    t = await startTestHub({ now: clock.now });
    const first = await chat('c1@example.com');
    clock.advance(1000);
    const second = await chat('c2@example.com');
    expect(new Set([first.body.assigneeId, second.body.assigneeId])).toEqual(new Set(['a1', 'a2']));
  });

  it('respects per-channel capacity and then leaves the case waiting in the queue', async () => {
    const org = testOrg();
    for (const s of org.staff) s.staff.capacity.chat = 1;
    t = await startTestHub({ org });
    const a = await chat('c1@example.com');
    const b = await chat('c2@example.com');
    const c = await chat('c3@example.com');
    expect([a.body.assigneeId, b.body.assigneeId].sort()).toEqual(['a1', 'a2']);
    expect(c.body.assigneeId).toBeNull();
    expect((await t.hub.ctx.store.waitingCases('q-chat', 10)).map((x) => x.id)).toEqual([c.body.caseId]);
    // Email capacity is separate from chat capacity.
    const mail = await t.inbound({ channel: 'email', subject: 'Invoice', text: 'x', from: { email: 'c4@example.com' } });
    expect(mail.body.assigneeId).not.toBeNull();
  });

  it('prefers the agent who last served the customer (continuity)', async () => {
    const clock = testClock();
    t = await startTestHub({ now: clock.now });
    const first = await t.inbound({ channel: 'email', subject: 'Order', text: 'x', from: { email: 'loyal@example.com' } });
    const served = first.body.assigneeId as string;
    clock.advance(60_000);
    await chat('someone-else@example.com'); // makes the other agent "more idle" no longer matter
    clock.advance(60_000);
    const again = await t.inbound({ channel: 'email', subject: 'Another topic', text: 'y', from: { email: 'loyal@example.com' } });
    expect(again.body.caseId).not.toBe(first.body.caseId);
    expect(again.body.assigneeId).toBe(served);
  });

  it('matches the customer language: Greek customers go to the Greek queue and agent', async () => {
    t = await startTestHub();
    const r = await t.inbound({ channel: 'chat', text: 'Γεια σας', from: { phone: '+306912345678' } });
    expect((await t.hub.ctx.store.get('case', r.body.caseId as string))!.queueId).toBe('q-el');
    expect(r.body.assigneeId).toBe('a3');
  });

  it('skips agents who are away, returns unanswered offers when an agent goes away, and pulls waiting work when one becomes available', async () => {
    t = await startTestHub();
    const a1 = await t.connect('a1');
    const a2 = await t.connect('a2');
    await a2.mutate({ type: 'staff.setStatus', status: 'away' });
    const r = await chat('c1@example.com');
    expect(r.body.assigneeId).toBe('a1');
    await a1.mutate({ type: 'staff.setStatus', status: 'away' });
    expect((await t.hub.ctx.store.get('case', r.body.caseId as string))!.assigneeId).toBeNull();
    await a2.mutate({ type: 'staff.setStatus', status: 'available' });
    expect((await t.hub.ctx.store.get('case', r.body.caseId as string))!.assigneeId).toBe('a2');
    await a2.waitFor((c) => c.entity === 'case' && c.id === r.body.caseId && (c.data as { assigneeId: string }).assigneeId === 'a2');
  });

  it('flags SLA breaches and tells the queue', async () => {
    const clock = testClock();
    t = await startTestHub({ now: clock.now });
    const a1 = await t.connect('a1');
    const r = await chat('late@example.com');
    clock.advance(6 * 60_000);
    await t.hub.tick();
    const breach = (await a1.waitForEvent('sla:breach')) as { caseId: string; kind: string };
    expect(breach).toMatchObject({ caseId: r.body.caseId, kind: 'first' });
    expect((await t.hub.ctx.store.get('case', r.body.caseId as string))!.slaBreachedAt).toBe(clock.now());
  });
});
