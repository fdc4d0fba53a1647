import { afterEach, describe, expect, it } from 'vitest';
import { CaseSchema, type Interaction } from '../shared/domain';
import { CallOfferSchema, type Change } from '../shared/protocol';
import { startTestHub, type TestClient, type TestHub } from './testing/hubHarness';
import { testOrg } from './testing/testOrg';

let t: TestHub;
afterEach(async () => {
  await t?.stop();
});

const interactionsIn = (rows: Change[]) => rows.flatMap((r) => (r.entity === 'interaction' && r.data ? [r.data as Interaction] : []));

/**
 * A customer who talked to an advisor on video chat (q-phone, a1's queue): the advisor replied and wrote an
 * internal note. Returns the case id and the customer id.
 */
async function videoCase(phone = '+48601111222') {
  const video = await t.inbound({
    channel: 'video',
    text: 'My phone screen cracked after a week',
    from: { phone, name: 'Ewa Nowak' },
    video: { sessionLengthSec: 600, summary: 'Promised an exchange in store.', notes: 'Bring the receipt.' },
  });
  const caseId = video.body.caseId as string;
  const a1 = await t.connect('a1');
  const kase = (await t.hub.ctx.store.get('case', caseId))!;
  expect(await a1.mutate({ type: 'note', caseId, text: 'INTERNAL: customer was rude, flag account' })).toMatchObject({ ok: true });
  expect(await a1.mutate({ type: 'reply', caseId, channel: 'video', text: 'We will sort it out', basedOn: { lastMessageId: kase.lastMessageId } })).toMatchObject({ ok: true });
  await t.inbound({ channel: 'sms', text: 'When can I come to the store?', from: { phone } });
  return { caseId, customerId: video.body.customerId as string };
}

describe('a ringing call', () => {
  it('offers the caller’s name and glimpses of their open cases, not their record or any case’s history', async () => {
    // a1 speaks Greek too: a call is offered only to someone who speaks the caller's language.
    const org = testOrg();
    t = await startTestHub({ org: { ...org, staff: org.staff.map((s) => (s.staff.id === 'a1' ? { ...s, staff: { ...s.staff, languages: ['en', 'pl', 'el'] } } : s)) } });
    const greek = await t.inbound({ channel: 'chat', text: 'Καλησπέρα, η παραγγελία μου δεν ήρθε', from: { phone: '+306900000001', email: 'giorgos@example.gr', name: 'Γιώργος' } });
    const a1 = await t.connect('a1');
    await t.inbound({ channel: 'phone', text: '', from: { phone: '+306900000001' }, call: { id: 'call-g', state: 'ringing' } });
    const offer = CallOfferSchema.strict().parse(await a1.waitForEvent('call:offer'));
    expect(offer.customer).toEqual({ id: greek.body.customerId, name: 'Γιώργος', language: 'el' });
    expect(offer.openCases).toEqual([expect.objectContaining({ id: greek.body.caseId, status: 'new', originChannel: 'chat' })]);
    expect(Object.keys(offer.openCases[0]).sort()).toEqual(['id', 'lastChannel', 'originChannel', 'priority', 'status', 'subject', 'updatedAt']);
    const sent = JSON.stringify(a1.events.filter((e) => e.name === 'call:offer'));
    expect(sent).not.toContain('giorgos@example.gr');
    expect(sent).not.toContain('q-el');
  });
});

describe('store staff looking a customer up', () => {
  it('need an exact identifier or a name plus one more detail', async () => {
    t = await startTestHub();
    await videoCase();
    const store = await t.connect('store1');
    await expect(store.request('customer:lookup', { query: 'Ewa' })).rejects.toMatchObject({ reason: 'invalid', message: expect.stringMatching(/detail/) });
    expect((await store.request('customer:lookup', { query: 'Ewa', detail: '999' })).rows).toEqual([]);
    for (const [query, detail] of [['601 111 222', undefined], ['+48601111222', undefined], ['ewa', '222'], ['Nowak', '1222']] as const) {
      const found = await store.request('customer:lookup', { query, ...(detail ? { detail } : {}) });
      expect([query, found.rows.filter((r) => r.entity === 'customer').map((r) => (r.data as { name: string }).name)]).toEqual([query, ['Ewa Nowak']]);
    }
  });

  it('see a case outside their scope as a continuation view: the case, the first and latest messages and the video summary, never internal notes or replies', async () => {
    t = await startTestHub();
    const { caseId, customerId } = await videoCase();
    const store = await t.connect('store1');
    const found = await store.request('customer:lookup', { query: '+48601111222' });
    expect(found.partialCaseIds).toEqual([caseId]);
    expect(found.rows.find((r) => r.entity === 'customer')).toMatchObject({ id: customerId, seq: expect.any(Number) });
    expect(found.rows.every((r) => r.seq > 0)).toBe(true);
    expect(CaseSchema.parse(found.rows.find((r) => r.entity === 'case')?.data).id).toBe(caseId);
    const entries = interactionsIn(found.rows);
    expect(entries.map((i) => i.kind).sort()).toEqual(['sms', 'video']);
    expect(entries.find((i) => i.kind === 'video')?.meta).toMatchObject({ summary: 'Promised an exchange in store.', notes: 'Bring the receipt.' });
    expect(JSON.stringify(found)).not.toContain('INTERNAL');
    expect(JSON.stringify(found)).not.toContain('We will sort it out');
  });

  it('are rate limited and audited', async () => {
    t = await startTestHub({ lookupLimit: { max: 3, windowMs: 60_000 } });
    await videoCase();
    const store = await t.connect('store1');
    for (let i = 0; i < 3; i++) await store.request('customer:lookup', { query: '+48601111222' });
    const refused = await (store.socket.timeout(3_000).emitWithAck as (...a: unknown[]) => Promise<unknown>)('customer:lookup', { query: '+48601111222' });
    expect(refused).toMatchObject({ ok: false, reason: 'rate-limited', retryAfterMs: expect.any(Number) });
    expect((refused as { retryAfterMs: number }).retryAfterMs).toBeGreaterThan(30_000);
    const sup = await t.connect('sup1');
    const audit = await sup.request('audit:query', { action: 'customer.lookup', actorId: 'store1', limit: 10 });
    expect(audit.entries).toHaveLength(3);
    expect(audit.entries[0]).toMatchObject({ targetType: 'customer', before: { kind: 'phone' } });
  });

  it('give agents nothing of customers they neither serve nor are on a call with', async () => {
    t = await startTestHub();
    await t.inbound({ channel: 'chat', text: 'Καλησπέρα, πρόβλημα με την παραγγελία', from: { phone: '+306900000002', name: 'Νίκος' } });
    const a1 = await t.connect('a1');
    expect(await a1.request('customer:lookup', { query: '+306900000002' })).toEqual({ rows: [], partialCaseIds: [] });
  });
});

describe('continuing a case in store', () => {
  async function continueIt(store: TestClient, caseId: string, storeId = 'store-w') {
    const v = (await t.hub.ctx.store.get('case', caseId))!.version;
    return store.mutate({ type: 'case.continueInStore', caseId, storeId, text: 'Exchanged the phone', basedOn: { version: v } });
  }

  it('is only for a case of a customer the person is serving, and only in their own store', async () => {
    t = await startTestHub();
    const { caseId } = await videoCase();
    await t.hub.ctx.write((w) => w.save('storeLocation', { id: 'store-k', name: 'Kraków', city: 'Kraków' }));
    const store = await t.connect('store1');
    // Not looked up yet: not theirs to continue.
    expect(await continueIt(store, caseId)).toMatchObject({ ok: false, reason: 'not-found' });
    await store.request('customer:lookup', { query: '+48601111222' });
    expect(await continueIt(store, caseId, 'store-k')).toMatchObject({ ok: false, reason: 'forbidden' });
    expect(await continueIt(store, caseId)).toMatchObject({ ok: true });
    expect((await t.hub.ctx.store.get('case', caseId))).toMatchObject({ assigneeId: 'store1', storeId: 'store-w' });
    // Now theirs, the whole case comes on request.
    const whole = await store.request('case:fetch', { caseIds: [caseId] });
    expect(JSON.stringify(whole)).toContain('INTERNAL');
  });

  it('is refused to agents', async () => {
    t = await startTestHub();
    const { caseId } = await videoCase();
    expect(await continueIt(await t.connect('a2'), caseId)).toMatchObject({ ok: false, reason: 'forbidden' });
  });
});

describe('red alerts', () => {
  it('reach only designated staff who may see the queue, or every supervisor when none is left', async () => {
    t = await startTestHub();
    const { ctx } = t.hub;
    const queue = ctx.queue('q-chat')!;
    // a3 serves only the Greek queue: designated by mistake, they must not read q-chat's customers.
    await ctx.write((w) => w.save('queue', { ...queue, alertStaffIds: ['a3', 'a2'], version: queue.version + 1 }));
    const a3 = await t.connect('a3');
    const angry = await t.inbound({ channel: 'chat', text: 'This is the worst service, you are useless liars, I am furious!!!', from: { phone: '+48600000077' } });
    const alert = [...(await ctx.store.raisedAlerts())].find((a) => a.caseId === angry.body.caseId);
    expect(alert?.notifiedStaffIds).toEqual(['a2']);
    await new Promise((r) => setTimeout(r, 200));
    expect(a3.changes.filter((c) => c.entity === 'alert')).toEqual([]);

    await ctx.write((w) => w.save('queue', { ...ctx.queue('q-chat')!, alertStaffIds: ['a3'], version: ctx.queue('q-chat')!.version + 1 }));
    const again = await t.inbound({ channel: 'chat', text: 'Absolutely terrible, you are useless liars, I am furious!!!', from: { phone: '+48600000078' } });
    expect([...(await ctx.store.raisedAlerts())].find((a) => a.caseId === again.body.caseId)?.notifiedStaffIds).toEqual(['sup1']);
  });
});
