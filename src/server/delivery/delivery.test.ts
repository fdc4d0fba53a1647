import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Delivery, Interaction } from '../../shared/domain';
import { ConnectorDeliverySchema, DeliveryFailedSchema } from '../../shared/protocol';
import { signBody, verifyTimestamped } from '../http/signature';
import { startTestHub, testClock, type TestClient, type TestHub } from '../testing/hubHarness';
import { person, testOrg } from '../testing/testOrg';

const OUT_SECRET = 'connector-outbound-secret-0123456789';
const IN_SECRET = 'connector-inbound-secret-0123456789ab';

/** A connector on 127.0.0.1 that checks each delivery's signature and answers what the test lines up (200 when nothing is). */
async function fakeConnector(now: () => number) {
  const received: Array<{ deliveryId: string; body: unknown; signed: boolean }> = [];
  const answers: number[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      const signed = verifyTimestamped(raw, req.headers['x-timestamp'] as string, req.headers['x-signature'] as string, OUT_SECRET, Math.floor(now() / 1000));
      const deliveryId = req.headers['x-delivery-id'] as string;
      received.push({ deliveryId, body: JSON.parse(raw.toString('utf8')), signed });
      const status = signed ? (answers.shift() ?? 200) : 401;
      // Taken: the provider's id. Refused: the contract's error body. Overloaded: a proxy's plain-text page.
      if (status === 200) res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ providerMessageId: `gw-${deliveryId}` }));
      else if (status === 503) res.writeHead(503, { 'Content-Type': 'text/plain' }).end('busy,\n  try later');
      else res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify({ ok: false, error: 'rejected', message: 'number not in service' }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/deliver`,
    received,
    /** The statuses the next deliveries are answered with, in order. */
    answer: (...statuses: number[]) => void answers.push(...statuses),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('outbound delivery through a channel connector', () => {
  const clock = testClock();
  let t: TestHub;
  let connector: Awaited<ReturnType<typeof fakeConnector>>;
  let agent: TestClient;

  beforeEach(async () => {
    const org = testOrg();
    t = await startTestHub({
      now: clock.now,
      org: { ...org, staff: [...org.staff, person('adm1', 'admin', { status: 'offline' })] },
      delivery: { pollMs: 20, leaseMs: 5_000, connectorTimeoutMs: 2_000, retry: { maxAttempts: 3, baseMs: 1_000, capMs: 4_000 } },
    });
    connector = await fakeConnector(clock.now);
    const admin = await t.login('adm1');
    for (const channel of ['chat', 'sms']) {
      const r = await t.http(`/api/v1/admin/connectors/${channel}`, { url: connector.url, secret: OUT_SECRET, inboundSecret: IN_SECRET, graceMinutes: 0 }, { Authorization: `Bearer ${admin.accessToken}` }, 'PUT');
      expect(r.status, JSON.stringify(r.body)).toBe(200);
    }
  }, 60_000);
  afterEach(async () => {
    await t?.stop();
    await connector?.close();
  });

  /** A customer's message, signed by the channel's connector. */
  const inbound = (msg: Record<string, unknown>) => {
    const raw = JSON.stringify({ externalId: `ext-${Math.random()}`, ...msg });
    return t.http('/api/v1/inbound', raw, { 'X-Signature': signBody(raw, IN_SECRET) });
  };
  /** A case opened by a customer on chat (known by email and phone), taken by its agent. */
  async function openCase(from: Record<string, string> = { email: 'anna@example.com', phone: '+48601999001' }) {
    const r = await inbound({ channel: 'chat', text: 'Where is my parcel?', from });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const caseId = r.body.caseId as string;
    agent = await t.connect(r.body.assigneeId as string);
    return { caseId, lastMessageId: r.body.interactionId as string };
  }
  const reply = (c: { caseId: string; lastMessageId: string }, text = 'It leaves the warehouse today', channel = 'chat') =>
    agent.mutate({ type: 'reply', caseId: c.caseId, channel, text, basedOn: { lastMessageId: c.lastMessageId } });
  const deliveriesOf = async (caseId: string) =>
    (await t.hub.ctx.store.caseRows(caseId)).filter((r) => r.entity === 'delivery').map((r) => r.data as Delivery);
  /** Waits until the case's one delivery satisfies `pred`. */
  async function deliveryWhen(caseId: string, pred: (d: Delivery) => boolean, what: string): Promise<Delivery> {
    for (let i = 0; i < 200; i++) {
      const [d] = await deliveriesOf(caseId);
      if (d && pred(d)) return d;
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error(`timed out waiting for the delivery to be ${what}: ${JSON.stringify(await deliveriesOf(caseId))}`);
  }
  const notes = async (caseId: string) => (await t.hub.ctx.store.interactionsOfCase(caseId)).filter((i: Interaction) => i.kind === 'note');
  /** A signed receipt, as a connector posts it. */
  const report = (body: Record<string, unknown>, secret = IN_SECRET) => {
    const raw = JSON.stringify(body);
    return t.http('/api/v1/delivery-status', raw, { 'X-Signature': signBody(raw, secret) });
  };

  it('delivers a reply to the connector, signed, and takes receipts forward only', async () => {
    const c = await openCase();
    expect(await reply(c)).toMatchObject({ ok: true });
    const [queued] = await deliveriesOf(c.caseId);
    expect(queued).toMatchObject({ channel: 'chat', purpose: 'reply', to: { kind: 'email', value: 'anna@example.com' }, authorId: agent.session.staff.id });
    const sent = await deliveryWhen(c.caseId, (d) => d.status === 'sent', 'sent');
    expect(sent).toMatchObject({ attempts: 1, providerMessageId: `gw-${sent.id}`, nextAttemptAt: null });
    expect(connector.received).toHaveLength(1);
    const got = connector.received[0];
    expect(got.signed).toBe(true);
    expect(got.deliveryId).toBe(sent.id);
    expect(ConnectorDeliverySchema.parse(got.body)).toEqual({
      deliveryId: sent.id, caseId: c.caseId, interactionId: sent.interactionId, channel: 'chat', to: { kind: 'email', value: 'anna@example.com' }, text: 'It leaves the warehouse today',
    });
    // The workstation hears of every state through the change feed.
    await agent.waitFor((ch) => ch.entity === 'delivery' && (ch.data as Delivery).status === 'sent');

    expect(await report({ deliveryId: sent.id, channel: 'chat', status: 'delivered' })).toMatchObject({ status: 200, body: { status: 'delivered', changed: true } });
    expect(await report({ providerMessageId: `gw-${sent.id}`, channel: 'chat', status: 'read' })).toMatchObject({ status: 200, body: { status: 'read', changed: true } });
    // Late and repeated reports change nothing.
    expect(await report({ deliveryId: sent.id, channel: 'chat', status: 'delivered' })).toMatchObject({ status: 200, body: { status: 'read', changed: false } });
    expect(await report({ deliveryId: sent.id, channel: 'chat', status: 'failed', error: 'late bounce' })).toMatchObject({ status: 200, body: { status: 'read', changed: false } });
    expect((await deliveriesOf(c.caseId))[0].status).toBe('read');
    expect(await notes(c.caseId)).toEqual([]);
  });

  it('refuses receipts that are unsigned, wrongly signed, malformed, oversized or about an unknown delivery, and changes nothing', async () => {
    const c = await openCase();
    await reply(c);
    const sent = await deliveryWhen(c.caseId, (d) => d.status === 'sent', 'sent');
    const head = await t.hub.ctx.store.head();
    const body = { deliveryId: sent.id, channel: 'chat', status: 'delivered' };
    expect((await t.http('/api/v1/delivery-status', body)).status).toBe(401);
    expect((await report(body, 'not-the-secret')).status).toBe(401);
    // The chat connector's receipts are checked with its own secret, not the hub's.
    expect((await report(body, t.secret)).status).toBe(401);
    expect(await report({ deliveryId: 'dlv-nobody', channel: 'chat', status: 'delivered' })).toMatchObject({ status: 404, body: { error: 'not-found' } });
    expect(await report({ providerMessageId: 'gw-nobody', channel: 'chat', status: 'read' })).toMatchObject({ status: 404 });
    // Another channel's connector cannot move this delivery.
    expect((await report({ deliveryId: sent.id, channel: 'sms', status: 'read' })).status).toBe(404);
    const bad = await report({ deliveryId: sent.id, channel: 'chat', status: 'opened' });
    expect(bad.status).toBe(422);
    expect(bad.body.message).toMatch(/^status: /);
    expect((await report({ channel: 'chat', status: 'read' })).status).toBe(422);
    expect((await report({ ...body, extra: 1 })).status).toBe(422);
    expect((await report({ ...body, error: 'x'.repeat(70_000) })).status).toBe(413);
    expect(await t.hub.ctx.store.head()).toBe(head);
  });

  it('retries a transient failure with the same delivery id and then sends it', async () => {
    connector.answer(503);
    const c = await openCase();
    await reply(c);
    const waiting = await deliveryWhen(c.caseId, (d) => d.status === 'queued' && d.attempts === 1 && d.lastError !== null, 'retried later');
    expect(waiting.lastError).toBe('the chat connector answered 503: busy, try later');
    // The first retry comes after a few seconds, with jitter: half to all of the base delay.
    expect(waiting.nextAttemptAt! - clock.now()).toBeGreaterThanOrEqual(500);
    expect(waiting.nextAttemptAt! - clock.now()).toBeLessThanOrEqual(1_000);
    clock.advance(1_000);
    t.hub.delivery.kick();
    const sent = await deliveryWhen(c.caseId, (d) => d.status === 'sent', 'sent');
    expect(sent.attempts).toBe(2);
    expect(connector.received.map((r) => r.deliveryId)).toEqual([sent.id, sent.id]);
    expect(await notes(c.caseId)).toEqual([]);
  });

  it('fails a permanent refusal at once, leaves a note and tells the author; Retry makes a real new attempt', async () => {
    connector.answer(400);
    const c = await openCase();
    await reply(c);
    const failed = await deliveryWhen(c.caseId, (d) => d.status === 'failed', 'failed');
    expect(failed).toMatchObject({ attempts: 1, nextAttemptAt: null });
    expect(failed.lastError).toBe('the chat connector refused it (400): number not in service');
    expect(DeliveryFailedSchema.parse(await agent.waitForEvent('delivery:failed'))).toMatchObject({ deliveryId: failed.id, caseId: c.caseId, channel: 'chat' });
    const [note] = await notes(c.caseId);
    expect(note).toMatchObject({ direction: 'internal', authorId: null });
    expect(note.text).toContain('did not reach the customer');
    expect(note.text).toContain('number not in service');

    const retried = await agent.mutate({ type: 'delivery.retry', deliveryId: failed.id });
    expect(retried).toMatchObject({ ok: true, id: failed.id });
    const sent = await deliveryWhen(c.caseId, (d) => d.status === 'sent', 'sent again');
    expect(sent.attempts).toBe(1);
    expect(connector.received.map((r) => r.deliveryId)).toEqual([failed.id, failed.id]);
    // Only a failed delivery can be sent again.
    expect(await agent.mutate({ type: 'delivery.retry', deliveryId: failed.id })).toMatchObject({ ok: false, reason: 'conflict' });
    expect(await agent.mutate({ type: 'delivery.retry', deliveryId: 'dlv-nobody' })).toMatchObject({ ok: false, reason: 'not-found' });
  });

  it('fails after the last attempt, with a note and an event', async () => {
    connector.answer(503, 503, 503);
    const c = await openCase();
    await reply(c);
    for (let attempt = 1; attempt < 3; attempt++) {
      // Waiting for the next attempt (a backoff shorter than the 5 s lease), not claimed for this one.
      await deliveryWhen(c.caseId, (d) => d.attempts === attempt && d.status === 'queued' && d.lastError !== null && d.nextAttemptAt! - clock.now() < 5_000, `waiting after attempt ${attempt}`);
      clock.advance(4_000);
      t.hub.delivery.kick();
    }
    const failed = await deliveryWhen(c.caseId, (d) => d.status === 'failed', 'failed');
    expect(failed.attempts).toBe(3);
    expect(failed.lastError).toMatch(/answered 503/);
    expect(await agent.waitForEvent('delivery:failed')).toMatchObject({ deliveryId: failed.id });
    expect((await notes(c.caseId))[0].text).toContain('after 3 attempts');
    expect(connector.received).toHaveLength(3);
  });

  it('fails a delivery at once on a channel without a connector', async () => {
    const c = await openCase({ handle: '@anna_shop', email: 'anna@example.com' });
    expect((await t.inbound({ channel: 'social', text: 'Also here', from: { handle: '@anna_shop' } })).status).toBe(201);
    const seen = (await t.hub.ctx.store.get('case', c.caseId))!.lastMessageId!;
    expect(await agent.mutate({ type: 'reply', caseId: c.caseId, channel: 'social', text: 'Answering here', basedOn: { lastMessageId: seen } })).toMatchObject({ ok: true });
    const failed = await deliveryWhen(c.caseId, (d) => d.status === 'failed', 'failed');
    expect(failed).toMatchObject({ to: { kind: 'handle', value: '@anna_shop' }, lastError: 'no connector is registered for social' });
  });

  it('refuses a reply nobody could deliver, and a survey to a customer who opted out, before anything is written', async () => {
    const c = await openCase({ email: 'anna@example.com' });
    const head = await t.hub.ctx.store.head();
    const refused = await reply(c, 'Texting you', 'sms');
    expect(refused).toMatchObject({ ok: false, reason: 'no-address' });
    expect((refused as { message: string }).message).toContain('a phone number');
    expect(await t.hub.ctx.store.head()).toBe(head);

    // Store visits and phone calls have no wire: nothing to deliver.
    expect(await reply(c, 'As we said on the phone', 'phone')).toMatchObject({ ok: true });
    expect(await deliveriesOf(c.caseId)).toEqual([]);

    const customer = (await t.hub.ctx.store.get('customer', (await t.hub.ctx.store.get('case', c.caseId))!.customerId))!;
    expect(await agent.mutate({ type: 'customer.update', customerId: customer.id, basedOn: { version: customer.version }, patch: { consent: { ...customer.consent, surveys: false } } })).toMatchObject({ ok: true });
    const kase = (await t.hub.ctx.store.get('case', c.caseId))!;
    expect(await agent.mutate({ type: 'case.update', caseId: c.caseId, basedOn: { version: kase.version }, patch: { status: 'resolved' } })).toMatchObject({ ok: true });
    // Resolving sends no survey to them, and asking for one is refused.
    expect(await t.hub.ctx.store.casesAwaitingSurvey(10)).toEqual([]);
    expect(await agent.mutate({ type: 'survey.send', caseId: c.caseId })).toMatchObject({ ok: false, reason: 'no-consent' });
    expect(await deliveriesOf(c.caseId)).toEqual([]);
  });

  it('queues the survey sent on resolve for delivery', async () => {
    const c = await openCase();
    const kase = (await t.hub.ctx.store.get('case', c.caseId))!;
    expect(await agent.mutate({ type: 'case.update', caseId: c.caseId, basedOn: { version: kase.version }, patch: { status: 'resolved' } })).toMatchObject({ ok: true });
    const sent = await deliveryWhen(c.caseId, (d) => d.status === 'sent', 'sent');
    expect(sent).toMatchObject({ purpose: 'survey', channel: 'chat', authorId: agent.session.staff.id });
    expect((connector.received[0].body as { text: string }).text).toMatch(/1.*10/);
  });
});
