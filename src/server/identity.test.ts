import { afterEach, describe, expect, it } from 'vitest';
import { CustomerSchema, type Customer } from '../shared/domain';
import { signBody } from './http/signature';
import { startTestHub, type TestHub } from './testing/hubHarness';

let t: TestHub;
afterEach(async () => {
  await t?.stop();
});

const customer = async (id: string) => (await t.hub.ctx.store.get('customer', id)) as Customer;

/** A Greek customer on chat (q-el, which a1 does not serve) and a Polish one on social (q-chat, a1's queue), each with a handle. */
async function twoCustomers() {
  const greek = await t.inbound({ channel: 'chat', text: 'Καλησπέρα, πού είναι η παραγγελία μου;', from: { handle: '@giorgos_p', name: 'Γιώργος' } });
  const polish = await t.inbound({ channel: 'social', network: 'facebook', text: 'Dzień dobry, gdzie jest paczka?', from: { handle: '@jan_k', name: 'Jan' } });
  expect(greek.status).toBe(201);
  expect(polish.status).toBe(201);
  return { greek: (await customer(greek.body.customerId as string)), polish: (await customer(polish.body.customerId as string)) };
}

describe('identities belong to one customer', () => {
  it('refuses an edit that would take another customer’s handle, phone, email or loyalty number (identity-taken), for agents, store staff and supervisors alike', async () => {
    t = await startTestHub();
    const { greek, polish } = await twoCustomers();
    await t.hub.ctx.write((w) => w.save('customer', { ...greek, phones: ['+306900000009'], emails: ['giorgos@example.gr'], loyaltyNumber: 'LC-00000009', version: greek.version + 1 }));
    const a1 = await t.connect('a1');
    const steals = [{ handles: [...polish.handles, '@GIORGOS_P'] }, { phones: ['+306900000009'] }, { emails: ['Giorgos@Example.gr'] }, { loyaltyNumber: 'lc-00000009' }];
    for (const patch of steals) {
      const refused = await a1.mutate({ type: 'customer.update', customerId: polish.id, basedOn: { version: polish.version }, patch });
      expect(refused).toMatchObject({ ok: false, reason: 'identity-taken' });
      expect((refused as { message: string }).message).toMatch(/belongs to another customer/);
    }
    for (const who of ['store1', 'sup1']) {
      const other = await t.connect(who);
      expect(await other.mutate({ type: 'customer.update', customerId: polish.id, basedOn: { version: polish.version }, patch: steals[0] })).toMatchObject({ ok: false, reason: 'identity-taken' });
    }
    expect((await customer(polish.id)).version).toBe(polish.version);

    // The Greek customer's next message still lands on them, in their queue, out of a1's sight.
    const next = await t.inbound({ channel: 'chat', text: 'Γεια σας ξανά', from: { handle: '@giorgos_p' } });
    expect(next.body.customerId).toBe(greek.id);
    await new Promise((r) => setTimeout(r, 200));
    expect(JSON.stringify(a1.changes)).not.toContain('Γεια σας ξανά');

    // Creating a customer with a taken identity is refused the same way.
    expect(await a1.mutate({ type: 'customer.create', name: 'Copy', phones: ['+306900000009'], language: 'el' })).toMatchObject({ ok: false, reason: 'identity-taken' });
  });

  it('moves an identity only by a supervisor’s merge, which is audited', async () => {
    t = await startTestHub();
    const { greek, polish } = await twoCustomers();
    const sup = await t.connect('sup1');
    expect(await sup.mutate({ type: 'supervisor.mergeCustomers', survivorId: polish.id, mergedId: greek.id })).toMatchObject({ ok: true });
    expect((await customer(polish.id)).handles).toEqual(expect.arrayContaining(['@jan_k', '@giorgos_p']));
    const next = await t.inbound({ channel: 'social', text: 'Jeszcze raz', from: { handle: '@giorgos_p' } });
    expect(next.body.customerId).toBe(polish.id);
    const audit = await sup.request('audit:query', { action: 'customer.merge', limit: 10 });
    expect(audit.entries).toHaveLength(1);
  });

  it('never moves an identity to the sender found by another one of theirs', async () => {
    t = await startTestHub();
    const { greek, polish } = await twoCustomers();
    // Signed by the Polish customer's handle, claiming the Greek customer's handle too: nothing moves.
    const mixed = await t.inbound({ channel: 'chat', text: 'Hello', from: { handle: '@jan_k', email: 'jan@example.pl' } });
    expect(mixed.body.customerId).toBe(polish.id);
    const both = await t.inbound({ channel: 'chat', text: 'Hi', from: { email: 'jan@example.pl', handle: '@giorgos_p' } });
    expect(both.body.customerId).toBe(polish.id);
    expect((await customer(polish.id)).handles).not.toContain('@giorgos_p');
    expect((await customer(greek.id)).handles).toContain('@giorgos_p');
  });
});

describe('one definition of a valid identity, used by ingestion', () => {
  const hostile: Array<[string, Record<string, unknown>, RegExp]> = [
    ['an email with a one-letter top-level domain', { email: 'a@b.c' }, /^from\.email: /],
    ['a blank handle', { handle: '   ' }, /^from\.handle: /],
    ['a handle with a lone surrogate', { handle: '@jan\uD800' }, /^from\.handle: /],
    ['a handle with NUL', { handle: '@jan\u0000k' }, /^from\.handle: /],
    ['a handle with a right-to-left override', { handle: '@\u202Ekcaj' }, /^from\.handle: /],
    ['a loyalty number with markup', { loyaltyNumber: '<SCRIPT>' }, /^from\.loyaltyNumber: /],
    ['a phone made of letters', { phone: 'call me maybe' }, /^from\.phone: /],
    ['a name with nothing visible', { email: 'ok@example.com', name: '\u202E\u0000 ' }, /^from\.name: /],
  ];
  it.each(hostile)('refuses %s with a 422 naming the field, storing nothing', async (_what, from, field) => {
    t = await startTestHub();
    const head = (await t.hub.ctx.store.head());
    const res = await t.inbound({ from: from as never });
    expect(res).toMatchObject({ status: 422, body: { error: 'invalid', message: expect.stringMatching(field) } });
    expect((await t.hub.ctx.store.head())).toBe(head);
  });

  it('normalises what can be normalised, so every stored customer parses with the shared schema', async () => {
    t = await startTestHub();
    const res = await t.inbound({
      text: 'Hello\u0000 there \uD800',
      from: { email: ' Jan.Kowalski@Example.PL ', phone: '0048 601-234-567', loyaltyNumber: ' lc-1234 ', name: 'Jan\u202E Kowalski\u200B' },
    });
    expect(res.status).toBe(201);
    const stored = (await customer(res.body.customerId as string));
    expect(CustomerSchema.safeParse(stored).success).toBe(true);
    expect(stored).toMatchObject({ name: 'Jan Kowalski', emails: ['jan.kowalski@example.pl'], phones: ['+48601234567'], loyaltyNumber: 'LC-1234' });
    const message = (await t.hub.ctx.store.interactionsOfCase(res.body.caseId as string))[0];
    expect(message.text).toBe('Hello there \uFFFD');
  });

  it('refuses a store visit in a store that does not exist or by someone who is not its staff', async () => {
    t = await startTestHub();
    const head = (await t.hub.ctx.store.head());
    const unknownStore = await t.inbound({ channel: 'store', from: { phone: '+48601234567' }, store: { storeId: 'store-nowhere' } });
    expect(unknownStore).toMatchObject({ status: 422, body: { error: 'unknown-store', message: expect.stringMatching(/^store\.storeId: /) } });
    const notTheirs = await t.inbound({ channel: 'store', from: { phone: '+48601234567' }, store: { storeId: 'store-w', staffId: 'a1' } });
    expect(notTheirs).toMatchObject({ status: 422, body: { error: 'unknown-staff', message: expect.stringMatching(/^store\.staffId: /) } });
    expect((await t.hub.ctx.store.head())).toBe(head);
    const real = await t.inbound({ channel: 'store', from: { phone: '+48601234567' }, store: { storeId: 'store-w', staffId: 'store1' } });
    expect(real.status).toBe(201);
  });

  it('accepts the signature header only as sha256= and exactly 64 hex digits', async () => {
    t = await startTestHub();
    const body = JSON.stringify({ channel: 'chat', externalId: 'sig-1', text: 'Hello', from: { email: 'jan@example.pl' } });
    const good = signBody(body, t.secret);
    // (Trailing spaces are not garbage: HTTP trims them from every header value.)
    for (const header of [`${good}zz`, `${good}-`, `${good}00`, good.toUpperCase(), good.slice(0, -1)]) {
      expect((await t.http('/api/v1/inbound', body, { 'X-Signature': header })).status).toBe(401);
    }
    expect((await t.http('/api/v1/inbound', body, { 'X-Signature': `sha256=${good.slice(7).toUpperCase()}` })).status).toBe(201);
  });
});
