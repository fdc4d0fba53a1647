import { request } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_INBOUND_BODY_BYTES } from '../shared/protocol';
import { signBody } from './http/signature';
import { startTestHub, type TestHub } from './testing/hubHarness';
import { person, testOrg } from './testing/testOrg';

let t: TestHub;
beforeEach(async () => {
  t = await startTestHub();
});
afterEach(async () => {
  await t.stop();
});

describe('signed ingestion', () => {
  it('creates a customer and a case, routes it, and is idempotent by externalId', async () => {
    const msg = { externalId: 'ext-1', text: 'My order #123 has not arrived', from: { email: 'Jan@Example.pl', name: 'Jan Kowalski' } };
    const first = await t.inbound(msg);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ ok: true, duplicate: false });
    expect(first.body.assigneeId).toMatch(/^a[12]$/);
    const again = await t.inbound(msg);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ duplicate: true, caseId: first.body.caseId, interactionId: first.body.interactionId });
    const timeline = (await t.hub.ctx.store.interactionsOfCase(first.body.caseId as string));
    expect(timeline).toHaveLength(1);
    const customer = (await t.hub.ctx.store.get('customer', first.body.customerId as string))!;
    expect(customer).toMatchObject({ name: 'Jan Kowalski', emails: ['jan@example.pl'], language: 'en' }); // written in English
  });

  it('takes a new customer’s language from what they wrote', async () => {
    const el = await t.inbound({ text: 'Καλησπέρα σας, η παραγγελία μου δεν έχει φτάσει ακόμα', from: { email: 'x@example.com' } });
    const pl = await t.inbound({ text: 'Dzień dobry, moja paczka jeszcze nie dotarła', from: { email: 'y@example.com' } });
    expect((await t.hub.ctx.store.get('customer', el.body.customerId as string))!.language).toBe('el');
    expect((await t.hub.ctx.store.get('customer', pl.body.customerId as string))!.language).toBe('pl');
  });

  it('lands a known phone, email or loyalty number on the same customer and open case', async () => {
    const a = await t.inbound({ text: 'first', from: { email: 'ola@example.com' } });
    const b = await t.inbound({ channel: 'sms', text: 'second', from: { email: 'OLA@example.com' } });
    expect(b.body.customerId).toBe(a.body.customerId);
    expect(b.body.caseId).toBe(a.body.caseId);
    const kase = (await t.hub.ctx.store.get('case', a.body.caseId as string))!;
    expect(kase.channels).toEqual(['chat', 'sms']);
    expect(kase.inboundCount).toBe(2);
  });

  it('opens a new case for a new subject', async () => {
    const a = await t.inbound({ channel: 'email', subject: 'Refund', text: 'x', from: { email: 'p@example.com' } });
    const b = await t.inbound({ channel: 'email', subject: 'Re: refund', text: 'y', from: { email: 'p@example.com' } });
    const c = await t.inbound({ channel: 'email', subject: 'Broken screen', text: 'z', from: { email: 'p@example.com' } });
    expect(b.body.caseId).toBe(a.body.caseId);
    expect(c.body.caseId).not.toBe(a.body.caseId);
  });

  it('refuses unsigned, wrongly signed, malformed, oversized and invalid bodies and changes nothing', async () => {
    const head = (await t.hub.ctx.store.head());
    expect((await t.inbound({ text: 'x' }, false)).status).toBe(401);
    const body = JSON.stringify({ channel: 'chat', externalId: 'e', text: 'x', from: { email: 'a@b.pl' } });
    expect((await t.http('/api/v1/inbound', body, { 'X-Signature': signBody(body, 'other-secret') })).status).toBe(401);
    const bad = '{"channel": "chat", ';
    const malformed = await t.http('/api/v1/inbound', bad, { 'X-Signature': signBody(bad, t.secret) });
    expect(malformed).toMatchObject({ status: 400, body: { error: 'malformed-json' } });
    // Larger than a message with the most files it may carry (the other routes stop at 64 KiB): refused on its
    // declared length, before the hub reads any of it.
    const declared = await new Promise<number | undefined>((resolve, reject) => {
      const req = request(`${t.hub.url}/api/v1/inbound`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'Content-Length': MAX_INBOUND_BODY_BYTES + 1 } }, (res) => {
        res.resume();
        resolve(res.statusCode);
      });
      req.on('error', reject);
      req.write('{');
    });
    expect(declared).toBe(413);
    const invalid = await t.inbound({ channel: 'fax' as never });
    expect(invalid.status).toBe(422);
    expect(invalid.body.message).toMatch(/channel/);
    const noIdentity = await t.inbound({ from: { name: 'Nobody' } as never });
    expect(noIdentity.body.message).toMatch(/email, phone, handle or loyaltyNumber/);
    expect(await t.inbound({ from: { phone: 'call me' } })).toMatchObject({ status: 422, body: { error: 'invalid', message: expect.stringMatching(/^from\.phone: /) } });
    expect((await t.hub.ctx.store.head())).toBe(head);
  });

  it('keeps a script tag as plain text', async () => {
    const r = await t.inbound({ text: '<script>alert(1)</script>', from: { email: 'x@example.com' } });
    expect((await t.hub.ctx.store.get('interaction', r.body.interactionId as string))!.text).toBe('<script>alert(1)</script>');
  });

  it('answers unknown paths and methods with JSON errors', async () => {
    expect((await t.http('/api/v1/nothing', {})).status).toBe(404);
    const res = await fetch(`${t.hub.url}/api/v1/inbound`);
    expect(res.status).toBe(405);
    expect(await res.json()).toMatchObject({ ok: false, error: 'method-not-allowed' });
  });
});

describe('phone call lifecycle', () => {
  it('pops the caller on the offered agent before they answer, and records the call when it ends', async () => {
    const known = await t.inbound({ channel: 'sms', text: 'hi', from: { phone: '+48 601 234 567' } });
    const a1 = await t.connect('a1');
    const ring = await t.inbound({ channel: 'phone', text: '', from: { phone: '+48601234567' }, call: { id: 'call-1', state: 'ringing' } });
    expect(ring.body.assigneeId).toBe('a1');
    const offer = (await a1.waitForEvent('call:offer')) as { customer: { id: string }; openCases: Array<{ id: string }> };
    expect(offer.customer.id).toBe(known.body.customerId);
    expect(offer.openCases.map((c) => c.id)).toEqual([known.body.caseId]);
    await t.inbound({ channel: 'phone', text: '', from: { phone: '+48601234567' }, call: { id: 'call-1', state: 'answered' } });
    const ended = await t.inbound({
      channel: 'phone',
      text: 'Customer asked about the delivery date',
      from: { phone: '+48601234567' },
      call: { id: 'call-1', state: 'ended', durationSec: 125, outcome: 'resolved', notes: 'Promised a call back on Monday' },
    });
    expect(ended.body.caseId).toBe(known.body.caseId);
    const call = (await t.hub.ctx.store.get('interaction', ended.body.interactionId as string))!;
    expect(call).toMatchObject({ kind: 'phone', meta: { durationSec: 125, outcome: 'resolved', notes: 'Promised a call back on Monday' } });
  });

  it('offers a call from an unknown number without inventing a customer', async () => {
    await t.connect('a1');
    const ring = await t.inbound({ channel: 'phone', text: '', from: { phone: '+44 20 7946 0000' }, call: { id: 'c2', state: 'ringing' } });
    expect(ring.body).toMatchObject({ customerId: null, caseId: null, assigneeId: 'a1' });
    expect((await t.hub.ctx.store.findCustomerByIdentity('phone', '+442079460000'))).toBeNull();
  });
});

describe('a hub being set up', () => {
  it('keeps a message out while no queue exists (503 no-queue, Retry-After) and takes it when resent after an admin makes one', async () => {
    const empty = await startTestHub({ org: { ...testOrg(), queues: [], staff: [person('adm', 'admin')] } });
    try {
      const msg = { externalId: 'setup-1', text: 'Hello, anyone there?', from: { email: 'early@example.com' } };
      const body = JSON.stringify({ channel: 'chat', ...msg });
      const before = await empty.hub.ctx.store.head();
      const early = await fetch(`${empty.hub.url}/api/v1/inbound`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Signature': signBody(body, empty.secret) },
        body,
      });
      expect(early.status).toBe(503);
      expect(early.headers.get('retry-after')).toBe('60');
      expect(await early.json()).toMatchObject({ ok: false, error: 'no-queue' });
      // Nothing of it was kept: no customer, and the externalId is not spent.
      expect(await empty.hub.ctx.store.head()).toBe(before);
      expect(await empty.hub.ctx.store.findCustomerByIdentity('email', 'early@example.com')).toBeNull();

      const admin = await empty.login('adm');
      const made = await empty.http('/api/v1/admin/queues', { name: 'Chat', channels: ['chat'], languages: ['en'] }, { Authorization: `Bearer ${admin.accessToken}` });
      expect(made.status).toBe(201);
      const resent = await empty.inbound(msg);
      expect(resent.status).toBe(201);
      expect(resent.body).toMatchObject({ ok: true, duplicate: false });
    } finally {
      await empty.stop();
    }
  });
});
