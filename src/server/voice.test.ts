import { afterEach, describe, expect, it } from 'vitest';
import type { Alert, Case } from '../shared/domain';
import { startTestHub, testClock, type TestHub } from './testing/hubHarness';

let t: TestHub;
afterEach(async () => {
  await t?.stop();
});

/** A case from anna@example.com, resolved by whoever it was routed to. */
async function resolvedCase(): Promise<string> {
  const r = await t.inbound({ channel: 'chat', text: 'Where is my parcel?', from: { email: 'anna@example.com' } });
  const id = r.body.caseId as string;
  const owner = await t.connect(r.body.assigneeId as string);
  const res = await owner.mutate({ type: 'case.update', caseId: id, basedOn: { version: (await t.hub.ctx.store.get('case', id))!.version }, patch: { status: 'resolved' } });
  expect(res.ok).toBe(true);
  return id;
}

describe('voice of the customer', () => {
  it('sends the survey on resolve and raises a red alert to designated staff at once for a low score', async () => {
    t = await startTestHub();
    const a1 = await t.connect('a1');
    const sup = await t.connect('sup1');
    const id = await resolvedCase();
    // The newest message to the customer (its delivery may add a note after it: this hub has no chat connector).
    const survey = (await t.hub.ctx.store.interactionsOfCase(id)).filter((i) => i.direction === 'outbound').at(-1)!;
    expect(survey).toMatchObject({ direction: 'outbound', kind: 'chat' });
    expect(survey.text).toMatch(/1.*10/);
    expect((await t.hub.ctx.store.casesAwaitingSurvey(10)).map((c) => c.id)).toContain(id);

    const answer = await t.inbound({ channel: 'chat', text: '2', from: { email: 'anna@example.com' }, survey: { caseId: id, score: 2, comment: 'Nobody helped' } });
    expect(answer.status).toBe(201);
    const alert = (await sup.waitFor((c) => c.entity === 'alert')).data as Alert;
    expect(alert).toMatchObject({ caseId: id, score: 2, status: 'raised', notifiedStaffIds: ['sup1'], reason: 'low-csat' });
    expect(((await sup.waitFor((c) => c.entity === 'case' && c.id === id && (c.data as Case).csatScore === 2)).data as Case).csatScore).toBe(2);
    expect(a1.changes.some((c) => c.entity === 'alert')).toBe(false);
    expect((await t.hub.ctx.store.casesAwaitingSurvey(10)).map((c) => c.id)).not.toContain(id);

    // Lifecycle: acknowledge, assign follow-up (the agent sees it), close with an outcome.
    expect(await sup.mutate({ type: 'alert.acknowledge', alertId: alert.id, basedOn: { version: 1 } })).toMatchObject({ ok: true });
    expect(await sup.mutate({ type: 'alert.assign', alertId: alert.id, staffId: 'a1', basedOn: { version: 2 } })).toMatchObject({ ok: true });
    const seen = (await a1.waitFor((c) => c.entity === 'alert' && c.id === alert.id)).data as Alert;
    expect(seen).toMatchObject({ status: 'follow-up', followUpStaffId: 'a1', acknowledgedBy: 'sup1' });
    expect(await a1.mutate({ type: 'alert.close', alertId: alert.id, result: 'recovered', outcome: 'Called back, refund issued', basedOn: { version: 3 } })).toMatchObject({ ok: true });
    expect((await t.hub.ctx.store.get('alert', alert.id))).toMatchObject({ status: 'closed', outcome: 'Called back, refund issued' });
  });

  it('raises no alert for a good score, and refuses a survey answer from someone else', async () => {
    t = await startTestHub();
    const id = await resolvedCase();
    expect((await t.inbound({ text: '9', from: { email: 'anna@example.com' }, survey: { caseId: id, score: 9 } })).status).toBe(201);
    expect((await t.hub.ctx.store.raisedAlerts())).toEqual([]);
    const stranger = await t.inbound({ text: '1', from: { email: 'mallory@example.com' }, survey: { caseId: id, score: 1 } });
    expect(stranger).toMatchObject({ status: 422, body: { error: 'wrong-customer' } });
    expect((await t.hub.ctx.store.get('case', id))!.csatScore).toBe(9);
  });

  it('escalates an alert nobody acknowledged in time to every supervisor', async () => {
    const clock = testClock();
    t = await startTestHub({ now: clock.now });
    const id = await resolvedCase();
    await t.inbound({ text: '1', from: { email: 'anna@example.com' }, survey: { caseId: id, score: 1 } });
    const [alert] = (await t.hub.ctx.store.raisedAlerts());
    clock.advance(14 * 60_000);
    await t.hub.tick();
    expect((await t.hub.ctx.store.get('alert', alert.id))!.escalatedAt).toBeNull();
    clock.advance(2 * 60_000);
    await t.hub.tick();
    expect((await t.hub.ctx.store.get('alert', alert.id))!.escalatedAt).toBe(clock.now());
  });

  it('raises one red alert for a very negative message, none for a calm one', async () => {
    t = await startTestHub();
    const sup = await t.connect('sup1');
    const calm = await t.inbound({ text: 'Could you tell me when my parcel arrives?', from: { email: 'calm@example.com' } });
    const angry = await t.inbound({ text: 'This is a disgrace!!! Third time I write and NOBODY helps. I want my money back NOW', from: { email: 'angry@example.com' } });
    await t.inbound({ text: 'Still nothing, this is ridiculous, worst service ever!!!', from: { email: 'angry@example.com' } });
    const alert = (await sup.waitFor((c) => c.entity === 'alert')).data as Alert;
    expect(alert).toMatchObject({ caseId: angry.body.caseId, reason: 'negative-message', score: null });
    expect((await t.hub.ctx.store.openAlertOfCase(calm.body.caseId as string))).toBeNull();
    expect(sup.changes.filter((c) => c.entity === 'alert')).toHaveLength(1);
  });
});
