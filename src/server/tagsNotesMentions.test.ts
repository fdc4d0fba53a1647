import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_CASE_TAGS, MAX_CUSTOMER_NOTE, type Case, type Customer, type Interaction } from '../shared/domain';
import type { NoteMention } from '../shared/protocol';
import { startTestHub, type TestHub } from './testing/hubHarness';

// Tags on cases, notes on customers and @mentions in notes, through real sockets to a real hub and store.
let t: TestHub;
beforeEach(async () => {
  t = await startTestHub();
});
afterEach(async () => {
  await t.stop();
});

/** A chat case in q-chat (a1 and a2's queue), with its customer. */
async function chatCase(email = 'jan@example.pl') {
  const res = await t.inbound({ channel: 'chat', text: 'Where is my refund?', from: { email } });
  return { caseId: res.body.caseId as string, customerId: res.body.customerId as string };
}
const getCase = async (id: string) => (await t.hub.ctx.store.get('case', id))!;
const getCustomer = async (id: string) => (await t.hub.ctx.store.get('customer', id))!;

describe('tags on cases', () => {
  it('adds and removes tags compared without case or accents, and the change reaches a colleague', async () => {
    const { caseId } = await chatCase();
    const a1 = await t.connect('a1');
    const sup = await t.connect('sup1');
    expect(await a1.mutate({ type: 'case.tag', caseId, add: ['  Zwrot   pieniędzy ', 'VIP'] })).toMatchObject({ ok: true });
    // The same tags typed another way add nothing; removal matches the same way.
    expect(await a1.mutate({ type: 'case.tag', caseId, add: ['zwrot pieniedzy', 'vip'] })).toMatchObject({ ok: true });
    expect((await getCase(caseId)).tags).toEqual(['Zwrot pieniędzy', 'VIP']);
    expect(await a1.mutate({ type: 'case.tag', caseId, remove: ['ZWROT PIENIEDZY'] })).toMatchObject({ ok: true });
    expect((await getCase(caseId)).tags).toEqual(['VIP']);
    await sup.waitFor((c) => c.entity === 'case' && c.id === caseId && JSON.stringify((c.data as Case).tags) === '["VIP"]');
  });

  it('refuses too many tags, too long a tag, and a case the person cannot see', async () => {
    const { caseId } = await chatCase();
    const a1 = await t.connect('a1');
    const a3 = await t.connect('a3');
    const many = Array.from({ length: MAX_CASE_TAGS }, (_, i) => `tag ${i}`);
    expect(await a1.mutate({ type: 'case.tag', caseId, add: many })).toMatchObject({ ok: true });
    expect(await a1.mutate({ type: 'case.tag', caseId, add: ['one more'] })).toMatchObject({ ok: false, reason: 'too-large' });
    await expect(a1.mutate({ type: 'case.tag', caseId, add: ['x'.repeat(41)] })).rejects.toMatchObject({ reason: 'invalid' });
    await expect(a1.mutate({ type: 'case.tag', caseId, add: ['   '] })).rejects.toMatchObject({ reason: 'invalid' });
    // a3 works the Greek queue only: the case is not theirs to see, so not theirs to tag.
    expect(await a3.mutate({ type: 'case.tag', caseId, add: ['mine'] })).toMatchObject({ ok: false, reason: 'not-found' });
    expect((await getCase(caseId)).tags).toEqual(many);
  });
});

describe('notes on customers', () => {
  it('keeps a note on the customer for everyone who sees them, and refuses what is too long or not theirs', async () => {
    const { customerId } = await chatCase();
    const a1 = await t.connect('a1');
    const a3 = await t.connect('a3');
    const sup = await t.connect('sup1');
    const res = await a1.mutate({ type: 'customer.note', customerId, text: '  Prefers email after 5 pm  ' });
    expect(res).toMatchObject({ ok: true });
    const change = await sup.waitFor((c) => c.entity === 'customer' && c.id === customerId && ((c.data as Customer).notes?.length ?? 0) > 0);
    expect((change.data as Customer).notes).toEqual([{ id: res.ok ? res.id : '', authorId: 'a1', text: 'Prefers email after 5 pm', createdAt: expect.any(Number) }]);
    await expect(a1.mutate({ type: 'customer.note', customerId, text: 'x'.repeat(MAX_CUSTOMER_NOTE + 1) })).rejects.toMatchObject({ reason: 'invalid' });
    expect(await a3.mutate({ type: 'customer.note', customerId, text: 'Not my customer' })).toMatchObject({ ok: false, reason: 'not-found' });
    expect((await getCustomer(customerId)).notes).toHaveLength(1);
  });

  it('moves a duplicate’s notes to the customer it is merged into, and refuses notes on the duplicate after', async () => {
    const first = await chatCase('jan@example.pl');
    const second = await chatCase('jan.kowalski@example.pl');
    const sup = await t.connect('sup1');
    expect(await sup.mutate({ type: 'customer.note', customerId: first.customerId, text: 'Older record' })).toMatchObject({ ok: true });
    expect(await sup.mutate({ type: 'customer.note', customerId: second.customerId, text: 'Newer record' })).toMatchObject({ ok: true });
    expect(await sup.mutate({ type: 'supervisor.mergeCustomers', survivorId: first.customerId, mergedId: second.customerId })).toMatchObject({ ok: true });
    expect((await getCustomer(first.customerId)).notes?.map((n) => n.text)).toEqual(['Older record', 'Newer record']);
    expect(await sup.mutate({ type: 'customer.note', customerId: second.customerId, text: 'Too late' })).toMatchObject({ ok: false, reason: 'conflict' });
  });
});

describe('@mentions in internal notes', () => {
  it('tells the mentioned colleague alone, and records whom the note mentions', async () => {
    const { caseId } = await chatCase();
    const a1 = await t.connect('a1');
    const a2 = await t.connect('a2');
    const a3 = await t.connect('a3');
    const res = await a1.mutate({ type: 'note', caseId, text: '@Agent a2 can you check the refund?', mentions: ['a2', 'a1'] });
    expect(res).toMatchObject({ ok: true });
    const mention = (await a2.waitForEvent('note:mention')) as NoteMention;
    expect(mention).toMatchObject({ caseId, authorId: 'a1', interactionId: res.ok ? res.id : '', excerpt: '@Agent a2 can you check the refund?' });
    const note = (await t.hub.ctx.store.get('interaction', res.ok ? res.id! : ''))! as Interaction;
    // The author mentioning themselves is no news to them.
    expect(note.meta.mentions).toEqual(['a2']);
    await new Promise((r) => setTimeout(r, 100));
    expect(a1.events.some((e) => e.name === 'note:mention')).toBe(false);
    expect(a3.events.some((e) => e.name === 'note:mention')).toBe(false);
  });

  it('refuses a mention of someone who does not exist or cannot sign in, and adds no note', async () => {
    const { caseId } = await chatCase();
    const a1 = await t.connect('a1');
    const before = (await getCase(caseId)).version;
    expect(await a1.mutate({ type: 'note', caseId, text: 'Hi @nobody', mentions: ['nobody'] })).toMatchObject({ ok: false, reason: 'not-found' });
    await t.hub.ctx.write(async (w) => {
      await w.save('staff', { ...w.ctx.staff('a2')!, active: false, version: w.ctx.staff('a2')!.version + 1 });
    });
    expect(await a1.mutate({ type: 'note', caseId, text: 'Hi @a2', mentions: ['a2'] })).toMatchObject({ ok: false, reason: 'not-found' });
    expect((await getCase(caseId)).version).toBe(before);
  });

  it('refuses a mention of someone who does not see the case, so its subject and note never reach them', async () => {
    const { caseId } = await chatCase();
    const a1 = await t.connect('a1');
    const a3 = await t.connect('a3');
    const sup = await t.connect('sup1');
    const before = (await getCase(caseId)).version;
    const refused = await a1.mutate({ type: 'note', caseId, text: 'Hi @a3', mentions: ['a3'] });
    expect(refused).toMatchObject({ ok: false, reason: 'forbidden' });
    expect(refused.ok ? '' : refused.message).toMatch(/does not see this case/);
    expect((await getCase(caseId)).version).toBe(before);
    // A supervisor sees every case, so may be mentioned.
    expect(await a1.mutate({ type: 'note', caseId, text: 'Hi @sup1', mentions: ['sup1'] })).toMatchObject({ ok: true });
    await sup.waitForEvent('note:mention');
    expect(a3.events.some((e) => e.name === 'note:mention')).toBe(false);
  });
});
