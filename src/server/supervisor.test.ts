import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Case } from '../shared/domain';
import { startTestHub, type TestHub } from './testing/hubHarness';

let t: TestHub;
beforeEach(async () => {
  t = await startTestHub();
});
afterEach(async () => {
  await t.stop();
});

async function casesFor(n: number) {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) ids.push((await t.inbound({ channel: 'email', subject: `s${i}`, text: 'x', from: { email: `c${i}@example.com` } })).body.caseId as string);
  return ids;
}
const get = async (id: string) => (await t.hub.ctx.store.get('case', id))!;

describe('supervisor actions', () => {
  it('reassigns one case: the new owner sees it, the old owner is told, and it is audited', async () => {
    const [id] = await casesFor(1);
    const from = (await get(id)).assigneeId!;
    const to = from === 'a1' ? 'a2' : 'a1';
    const sup = await t.connect('sup1');
    const oldOwner = await t.connect(from);
    const newOwner = await t.connect(to);
    const res = await sup.mutate({ type: 'supervisor.reassign', caseIds: [id], to: { staffId: to } });
    expect(res).toMatchObject({ ok: true, items: [{ id, ok: true }] });
    await newOwner.waitFor((c) => c.id === id && (c.data as Case).assigneeId === to);
    await oldOwner.waitFor((c) => c.id === id && (c.data as Case).assigneeId === to);
    const [entry] = (await sup.request('audit:query', { caseId: id, limit: 10 })).entries;
    expect(entry).toMatchObject({ actorId: 'sup1', action: 'case.reassign', before: { assigneeId: from }, after: { assigneeId: to } });
  });

  it('reassigns many at once to a queue, reporting per case what could not move', async () => {
    const ids = await casesFor(5);
    const sup = await t.connect('sup1');
    const res = await sup.mutate({ type: 'supervisor.reassign', caseIds: [...ids, 'case-missing'], to: { queueId: 'q-phone' } });
    expect(res.ok && res.items?.filter((i) => i.ok)).toHaveLength(5);
    expect(res.ok && res.items?.find((i) => i.id === 'case-missing')).toMatchObject({ ok: false, reason: 'not-found' });
    for (const id of ids) expect((await get(id)).queueId).toBe('q-phone');
    expect((await sup.request('audit:query', { action: 'case.reassign', limit: 100 })).entries).toHaveLength(5);
  });

  it('moves all of an agent’s open cases when they leave mid-shift', async () => {
    const ids = await casesFor(4);
    const a1Cases = (await Promise.all(ids.map(get))).filter((c) => c.assigneeId === 'a1').map((c) => c.id);
    expect(a1Cases.length).toBeGreaterThan(0);
    const sup = await t.connect('sup1');
    const res = await sup.mutate({ type: 'supervisor.reassignAll', fromStaffId: 'a1', to: { staffId: 'a2' }, setStatus: 'away' });
    expect(res.ok && res.items).toHaveLength(a1Cases.length);
    for (const id of ids) expect((await get(id)).assigneeId).toBe('a2');
    expect(t.hub.ctx.staff('a1')!.status).toBe('away');
  });

  it('changes an agent’s queues live: their scope follows', async () => {
    const sup = await t.connect('sup1');
    const a2 = await t.connect('a2');
    const res = await sup.mutate({ type: 'supervisor.updateStaff', staffId: 'a2', basedOn: { version: 1 }, patch: { queueIds: ['q-phone'], capacity: { phone: 2 } } });
    expect(res.ok).toBe(true);
    const scope = (await a2.waitForEvent('scope')) as { queueIds: string[] };
    expect(scope.queueIds).toEqual(['q-phone']);
    expect(t.hub.ctx.queue('q-chat')!.memberIds).not.toContain('a2');
    expect(t.hub.ctx.staff('a2')!.capacity.phone).toBe(2);
  });

  it('refuses every supervisor action from an agent and changes nothing', async () => {
    const ids = await casesFor(2);
    const a1 = await t.connect('a1');
    const before = await Promise.all(ids.map(get));
    for (const m of [
      { type: 'supervisor.reassign', caseIds: ids, to: { queueId: 'q-phone' } },
      { type: 'supervisor.reassignAll', fromStaffId: 'a2', to: { queueId: 'q-phone' } },
      { type: 'supervisor.updateStaff', staffId: 'a2', basedOn: { version: 1 }, patch: { status: 'away' } },
      { type: 'supervisor.mergeCustomers', survivorId: before[0].customerId, mergedId: before[1].customerId },
    ]) {
      expect(await a1.mutate(m)).toMatchObject({ ok: false, reason: 'forbidden' });
    }
    await expect(a1.request('audit:query', { limit: 5 })).rejects.toMatchObject({ reason: 'forbidden' });
    const other = (await Promise.all(ids.map(get))).find((c) => c.assigneeId === 'a2')?.id;
    if (other) expect(await a1.mutate({ type: 'case.assign', caseId: other, basedOn: { version: (await get(other)).version }, to: { staffId: 'a1' } })).toMatchObject({ ok: false, reason: 'forbidden' });
    expect(await Promise.all(ids.map(get))).toEqual(before);
  });

  it('merges duplicate customers: history follows the survivor and identities resolve to it', async () => {
    const a = await t.inbound({ text: 'x', from: { email: 'dup1@example.com' } });
    const b = await t.inbound({ text: 'y', from: { phone: '+48500100200' } });
    const sup = await t.connect('sup1');
    expect(await sup.mutate({ type: 'supervisor.mergeCustomers', survivorId: a.body.customerId, mergedId: b.body.customerId })).toMatchObject({ ok: true });
    expect((await get(b.body.caseId as string)).customerId).toBe(a.body.customerId);
    const again = await t.inbound({ text: 'z', from: { phone: '+48500100200' } });
    expect(again.body.customerId).toBe(a.body.customerId);
    expect((await t.hub.ctx.store.get('customer', a.body.customerId as string))!.phones).toEqual(['+48500100200']);
  });
});
