import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Case } from '../shared/domain';
import type { Change, ResponseOf } from '../shared/protocol';
import { startTestHub, type TestClient, type TestHub } from './testing/hubHarness';

let t: TestHub;
afterEach(async () => {
  await t?.stop();
});

/** The least a workstation does: snapshot, then pull, keeping the newest row per entity by seq. */
async function syncAll(client: TestClient, rows = new Map<string, Change>(), pageSize = 7) {
  const keep = (c: Change) => {
    const k = `${c.entity}:${c.id}`;
    const had = rows.get(k);
    if (!had || had.seq <= c.seq) rows.set(k, c);
  };
  let after: string | null = null;
  let hwm: number | null = null;
  for (;;) {
    const page: ResponseOf<'sync:snapshot'> = await client.request('sync:snapshot', { after, hwm, limit: pageSize });
    page.rows.forEach(keep);
    after = page.after;
    hwm = page.hwm;
    if (page.done) break;
  }
  let cursor = hwm!;
  for (;;) {
    const page = await client.request('sync:pull', { cursor, limit: pageSize });
    page.changes.forEach(keep);
    cursor = page.cursor;
    if (!page.more) break;
  }
  return { rows, cursor };
}

const greek = () => t.inbound({ channel: 'chat', text: 'Καλησπέρα, έχω πρόβλημα', from: { phone: '+306900000001', name: 'Γιώργος' } });
const polish = () => t.inbound({ channel: 'chat', text: 'Dzień dobry, mam problem', from: { phone: '+48600000001', name: 'Jan' } });

describe('scope', () => {
  it('never gives an agent another queue’s cases or customers: snapshot, pull, live push or fetch', async () => {
    t = await startTestHub();
    const a1 = await t.connect('a1');
    const gr = await greek();
    const pl = await polish();
    await a1.waitFor((c) => c.id === pl.body.caseId);
    const { rows } = await syncAll(a1);
    const ids = [...rows.values()].map((c) => c.id);
    expect(ids).toContain(pl.body.caseId);
    expect(ids).toContain(pl.body.customerId);
    expect(ids).not.toContain(gr.body.caseId);
    expect(ids).not.toContain(gr.body.customerId);
    expect(a1.changes.map((c) => c.id)).not.toContain(gr.body.caseId);
    expect(JSON.stringify(a1.changes)).not.toContain('Γιώργος');
    await expect(a1.request('case:fetch', { caseIds: [gr.body.caseId as string] })).rejects.toMatchObject({ reason: 'not-found' });
    // Asked together with one of their own, the other queue's case is left out.
    const mixed = await a1.request('case:fetch', { caseIds: [gr.body.caseId as string, pl.body.caseId as string] });
    const fetched = mixed.rows.map((r) => r.id);
    expect(fetched).toEqual(expect.arrayContaining([pl.body.caseId, pl.body.customerId]));
    expect(fetched).not.toContain(gr.body.caseId);
    expect(fetched).not.toContain(gr.body.customerId);
    const lookup = await a1.request('customer:lookup', { query: '+306900000001', limit: 5 });
    expect(lookup.rows).toEqual([]);
    // The supervisor sees both.
    const sup = await t.connect('sup1');
    const all = [...(await syncAll(sup)).rows.values()].map((c) => c.id);
    expect(all).toEqual(expect.arrayContaining([gr.body.caseId, pl.body.caseId]));
  });

  it('tells the previous owner when a case leaves their scope, and lets the new one fetch its history', async () => {
    t = await startTestHub();
    const pl = await polish();
    const id = pl.body.caseId as string;
    const owner = await t.connect(pl.body.assigneeId as string);
    const greekAgent = await t.connect('a3');
    const sup = await t.connect('sup1');
    await sup.mutate({ type: 'supervisor.reassign', caseIds: [id], to: { queueId: 'q-el' } });
    const moved = await owner.waitFor((c) => c.id === id && (c.data as Case).queueId === 'q-el');
    expect((moved.data as Case).assigneeId).not.toBe(pl.body.assigneeId);
    await greekAgent.waitFor((c) => c.id === id);
    const history = await greekAgent.request('case:fetch', { caseIds: [id] });
    expect(history.rows.map((r) => r.entity)).toEqual(['case', 'customer', 'interaction']);
    await expect(greekAgent.request('case:fetch', { caseIds: [] })).rejects.toMatchObject({ reason: 'invalid' });
  });

  it('store staff who continue a case in store receive the visit they recorded', async () => {
    t = await startTestHub();
    const video = await t.inbound({ channel: 'video', text: '', video: { sessionLengthSec: 600, summary: 'Screen cracked; promised a replacement in store' }, from: { phone: '+48601222333' } });
    const id = video.body.caseId as string;
    const store = await t.connect('store1');
    // The customer at the counter is looked up first: that is what makes their case the clerk's to continue.
    await store.request('customer:lookup', { query: '601 222 333' });
    const res = await store.mutate({ type: 'case.continueInStore', caseId: id, storeId: 'store-w', text: 'Customer came in, replacement handed over', basedOn: { version: (await t.hub.ctx.store.get('case', id))!.version } });
    expect(res).toMatchObject({ ok: true });
    const visit = await store.waitFor((c) => c.entity === 'interaction' && (c.data as { kind: string }).kind === 'store');
    expect(visit.data).toMatchObject({ caseId: id, text: 'Customer came in, replacement handed over', meta: { storeId: 'store-w', staffId: 'store1' } });
    expect((await t.hub.ctx.store.get('case', id))).toMatchObject({ assigneeId: 'store1', storeId: 'store-w', channels: ['video', 'store'] });
  });

  it('store staff may look up any customer, by an exact identifier or a name and one more detail, with their open cases to continue', async () => {
    t = await startTestHub();
    const gr = await greek();
    const store = await t.connect('store1');
    // A Greek national number without its country code still finds the customer (the end of the stored phone).
    const res = await store.request('customer:lookup', { query: '6900000001', limit: 5 });
    expect(res.rows.map((r) => r.entity)).toEqual(['customer', 'case', 'interaction']);
    expect(res.rows[1].id).toBe(gr.body.caseId);
    expect(res.partialCaseIds).toEqual([gr.body.caseId]);
    const byName = await store.request('customer:lookup', { query: 'γιωργ', detail: '0001', limit: 5 });
    expect(byName.rows.some((r) => r.id === gr.body.customerId)).toBe(true);
  });
});

describe('presence', () => {
  it('tells everyone who sees a case who has it open or is typing, and forgets people who leave', async () => {
    t = await startTestHub();
    const pl = await polish();
    const id = pl.body.caseId as string;
    const a1 = await t.connect('a1');
    const a2 = await t.connect('a2');
    const a3 = await t.connect('a3');
    await a1.request('presence:set', { caseId: id, state: 'typing' });
    const update = (await a2.waitForEvent('presence')) as { caseId: string; present: Array<{ staffId: string; state: string }> };
    expect(update).toMatchObject({ caseId: id, present: [{ staffId: 'a1', state: 'typing' }] });
    expect(a3.events.some((e) => e.name === 'presence')).toBe(false); // the Greek queue does not see this case
    await expect(a3.request('presence:set', { caseId: id, state: 'viewing' })).rejects.toMatchObject({ reason: 'not-found' });
    a2.events.length = 0;
    a1.socket.disconnect();
    expect(await a2.waitForEvent('presence')).toEqual({ caseId: id, present: [] });
  });
});

describe('mutations', () => {
  it('applies a replayed mutation once and answers with the first result', async () => {
    t = await startTestHub();
    const pl = await polish();
    const owner = await t.connect(pl.body.assigneeId as string);
    const m = { mutationId: '0193a1b2-0000-7000-8000-000000000001', type: 'note' as const, caseId: pl.body.caseId as string, text: 'Called the courier' };
    const first = await owner.request('mutate', m);
    const second = await owner.request('mutate', m);
    expect(second).toEqual(first);
    expect((await t.hub.ctx.store.interactionsOfCase(pl.body.caseId as string)).filter((i) => i.kind === 'note')).toHaveLength(1);
  });

  it('keys mutation ids by person: an id someone else used is another mutation, never their stored result', async () => {
    t = await startTestHub();
    const pl = await polish();
    const id = pl.body.caseId as string;
    const owner = await t.connect(pl.body.assigneeId as string);
    const other = await t.connect(pl.body.assigneeId === 'a1' ? 'a2' : 'a1');
    const mutationId = '0193a1b2-0000-7000-8000-000000000002';
    const first = await owner.request('mutate', { mutationId, type: 'note', caseId: id, text: 'The owner’s note' });
    const second = await other.request('mutate', { mutationId, type: 'note', caseId: id, text: 'Someone else’s note' });
    expect(second).toMatchObject({ ok: true });
    expect((second as { id: string }).id).not.toBe((first as { id: string }).id);
    expect((await t.hub.ctx.store.interactionsOfCase(id)).filter((i) => i.kind === 'note').map((i) => i.text)).toEqual(['The owner’s note', 'Someone else’s note']);
  });

  it('refuses mutation payloads with fields the protocol does not have', async () => {
    t = await startTestHub();
    const pl = await polish();
    const owner = await t.connect(pl.body.assigneeId as string);
    const id = pl.body.caseId as string;
    const v = (await t.hub.ctx.store.get('case', id))!.version;
    for (const m of [
      { type: 'note', caseId: id, text: 'hi', extra: 1 },
      { type: 'case.update', caseId: id, basedOn: { version: v, lastMessageId: null }, patch: { priority: 'high' } },
      { type: 'supervisor.updateStaff', staffId: 'a1', basedOn: { version: 1 }, patch: { capacity: { chat: 1, fax: 2 } } },
    ]) {
      await expect(owner.mutate(m)).rejects.toMatchObject({ reason: 'invalid' });
    }
  });

  it('rejects a stale state change with the current row and a reason code', async () => {
    t = await startTestHub();
    const pl = await polish();
    const id = pl.body.caseId as string;
    const owner = await t.connect(pl.body.assigneeId as string);
    const v = (await t.hub.ctx.store.get('case', id))!.version;
    expect(await owner.mutate({ type: 'case.update', caseId: id, basedOn: { version: v }, patch: { priority: 'high' } })).toMatchObject({ ok: true });
    const stale = await owner.mutate({ type: 'case.update', caseId: id, basedOn: { version: v }, patch: { status: 'pending' } });
    expect(stale).toMatchObject({ ok: false, reason: 'stale', current: { id, priority: 'high', version: v + 1 } });
    expect((await t.hub.ctx.store.get('case', id))!.status).not.toBe('pending');
  });

  it('answers an applied change with the version it produced; the author’s own messages never hold their next reply', async () => {
    t = await startTestHub();
    const pl = await polish();
    const id = pl.body.caseId as string;
    const owner = await t.connect(pl.body.assigneeId as string);
    const before = (await t.hub.ctx.store.get('case', id))!;
    const first = await owner.mutate({ type: 'reply', caseId: id, channel: 'chat', text: 'First answer', basedOn: { lastMessageId: before.lastMessageId } });
    const after = (await t.hub.ctx.store.get('case', id))!;
    expect(after.lastMessageId).not.toBe(before.lastMessageId);
    expect(first).toMatchObject({
      ok: true,
      outcome: 'applied',
      basis: { entity: 'case', id, before: { version: before.version, lastMessageId: before.lastMessageId }, after: { version: after.version, lastMessageId: after.lastMessageId } },
    });
    // Based on the message before the author's own reply (an outbox that did not chain): still the author's turn.
    const second = await owner.mutate({ type: 'reply', caseId: id, channel: 'chat', text: 'Second answer', basedOn: { lastMessageId: before.lastMessageId } });
    expect(second).toMatchObject({ ok: true, outcome: 'applied' });
    expect((await t.hub.ctx.store.interactionsOfCase(id)).map((i) => i.text)).toEqual(expect.arrayContaining(['First answer', 'Second answer']));
    // A note changes the version too, and says so; a held reply changes nothing, and says nothing.
    const v = (await t.hub.ctx.store.get('case', id))!.version;
    expect(await owner.mutate({ type: 'note', caseId: id, text: 'checked the order' })).toMatchObject({ ok: true, basis: { before: { version: v }, after: { version: v + 1 } } });
    const latest = (await t.hub.ctx.store.get('case', id))!.lastMessageId;
    await t.inbound({ channel: 'chat', text: 'Still broken', from: { phone: '+48600000001' } });
    const held = await owner.mutate({ type: 'reply', caseId: id, channel: 'chat', text: 'Third answer', basedOn: { lastMessageId: latest } });
    expect(held).toMatchObject({ ok: true, outcome: 'held' });
    expect(held.ok && held.basis).toBeFalsy();
  });

  it('holds a reply written before a newer customer message, and sends it once its author decides', async () => {
    t = await startTestHub();
    const pl = await polish();
    const id = pl.body.caseId as string;
    const owner = await t.connect(pl.body.assigneeId as string);
    const seen = (await t.hub.ctx.store.get('case', id))!.lastMessageId;
    await t.inbound({ channel: 'chat', text: 'Hello? Anyone?', from: { phone: '+48600000001' } });
    const held = await owner.mutate({ type: 'reply', caseId: id, channel: 'chat', text: 'We are on it', basedOn: { lastMessageId: seen } });
    expect(held).toMatchObject({ ok: true, outcome: 'held' });
    const notice = await owner.waitFor((c) => c.entity === 'held');
    expect(notice.data).toMatchObject({ reason: 'newer-message', status: 'held', text: 'We are on it' });
    expect((await t.hub.ctx.store.interactionsOfCase(id)).some((i) => i.text === 'We are on it')).toBe(false);
    expect(await owner.mutate({ type: 'held.resolve', heldId: notice.id, action: 'resend' })).toMatchObject({ ok: true });
    expect((await t.hub.ctx.store.interactionsOfCase(id)).filter((i) => i.text === 'We are on it')).toHaveLength(1);
  });

  it('holds a reply to a case reassigned meanwhile and tells both the author and the new owner', async () => {
    t = await startTestHub();
    const pl = await polish();
    const id = pl.body.caseId as string;
    const author = pl.body.assigneeId as string;
    const other = author === 'a1' ? 'a2' : 'a1';
    const a = await t.connect(author);
    const b = await t.connect(other);
    const sup = await t.connect('sup1');
    const seen = (await t.hub.ctx.store.get('case', id))!.lastMessageId;
    await sup.mutate({ type: 'supervisor.reassign', caseIds: [id], to: { staffId: other } });
    const res = await a.mutate({ type: 'reply', caseId: id, channel: 'chat', text: 'Offline reply', basedOn: { lastMessageId: seen } });
    expect(res).toMatchObject({ ok: true, outcome: 'held' });
    await a.waitFor((c) => c.entity === 'held');
    expect((await b.waitFor((c) => c.entity === 'held')).data).toMatchObject({ reason: 'not-owner', authorId: author });
    expect(await a.mutate({ type: 'held.resolve', heldId: res.ok ? res.id! : '', action: 'resend' })).toMatchObject({ ok: false, reason: 'forbidden' });
    expect(await a.mutate({ type: 'held.resolve', heldId: res.ok ? res.id! : '', action: 'note' })).toMatchObject({ ok: true });
    expect((await t.hub.ctx.store.interactionsOfCase(id)).at(-1)).toMatchObject({ kind: 'note', text: 'Offline reply', direction: 'internal' });
  });
});

describe('resumable sync', () => {
  it('loses nothing when the hub restarts in the middle of a sync: the client resumes from its cursor and converges', async () => {
    t = await startTestHub();
    for (let i = 0; i < 12; i++) await t.inbound({ channel: 'email', subject: `topic ${i}`, text: `message ${i}`, from: { email: `c${i}@example.com` } });
    const session = await t.login('sup1');
    let client = await t.connect(session);
    // Part of a snapshot, then the hub goes away.
    const page = await client.request('sync:snapshot', { after: null, hwm: null, limit: 10 });
    const rows = new Map<string, Change>(page.rows.map((c) => [`${c.entity}:${c.id}`, c]));
    await t.restart();
    // Traffic while the client is away.
    for (let i = 12; i < 15; i++) await t.inbound({ channel: 'email', subject: `topic ${i}`, text: `message ${i}`, from: { email: `c${i}@example.com` } });
    client = await t.connect(session);
    let after = page.after;
    const hwm = page.hwm;
    while (after) {
      const next = await client.request('sync:snapshot', { after, hwm, limit: 10 });
      next.rows.forEach((c) => rows.set(`${c.entity}:${c.id}`, c));
      after = next.after;
    }
    const { rows: synced } = await syncAll(client, rows);
    // Converged: every case and interaction on the hub, at its current seq.
    const hubCases = (await t.hub.ctx.store.snapshot({ all: true, queueIds: [], staffId: '', storeId: null }, null, null, 2000)).rows;
    for (const r of hubCases) expect(synced.get(`${r.entity}:${r.id}`)?.seq).toBe(r.seq);
    expect([...synced.values()].filter((c) => c.entity === 'interaction')).toHaveLength(15);
  });

  it('answers a snapshot position it never gave out as invalid input, without an internal error or a stack in the log', async () => {
    t = await startTestHub();
    const error = vi.spyOn(console, 'error');
    const a1 = await t.connect('a1');
    for (const after of ['x', '99:1:', '1:abc:x', '1e3:5:x', '-1:5:', `1:5:${'x'.repeat(150)}`]) {
      await expect(a1.request('sync:snapshot', { after, hwm: 0, limit: 10 })).rejects.toMatchObject({ reason: 'invalid' });
    }
    expect(error).not.toHaveBeenCalled();
    error.mockRestore();
  });

  it('pull pages move the cursor past changes outside the scope', async () => {
    t = await startTestHub();
    const a3 = await t.connect('a3');
    await polish();
    await polish();
    const start = (await syncAll(a3)).cursor;
    expect(start).toBe((await t.hub.ctx.store.head()));
    const page = await a3.request('sync:pull', { cursor: 0, limit: 2000 });
    expect(page.changes.every((c) => c.entity !== 'case' || (c.data as Case).queueId === 'q-el')).toBe(true);
    expect(page.cursor).toBe((await t.hub.ctx.store.head()));
  });
});
