import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { WebchatSessionSchema } from '../../shared/protocol';
import { signBody } from '../http/signature';
import { startTestHub, type TestHub } from '../testing/hubHarness';
import { VISITOR_IDLE_MS } from './visitorToken';
import { person, testOrg } from '../testing/testOrg';
import { identitySignature } from './signedIdentity';
import { allowOriginsFromCommandLine } from './webchatAdmin';
import { visitorTokenHash } from './visitorToken';
import { allowOrigins, askSession, closeVisitors, connectVisitor, SHOP, startSession } from './webchatTesting';

const CHAT_IN_SECRET = 'chat-connector-inbound-secret-0123456789';

describe('web chat sessions', () => {
  let t: TestHub;
  let adminToken: string;
  let customerId: string;

  beforeAll(async () => {
    const org = testOrg();
    t = await startTestHub({ trustProxy: true, org: { ...org, queues: [...org.queues, { ...org.queues[0], id: 'q-old', archived: true }], staff: [...org.staff, person('adm1', 'admin', { status: 'offline' })] } });
    adminToken = (await t.login('adm1')).accessToken;
    await allowOrigins(t, 'adm1', [SHOP, 'HTTP://Localhost:8080']);
    const r = await t.inbound({ channel: 'email', text: 'Hello there', from: { email: 'maria@example.com', name: 'Maria Kowalska' } });
    customerId = r.body.customerId as string;
  }, 60_000);
  afterAll(() => t?.stop());
  afterEach(closeVisitors);

  it('lets an admin set the allowed origins, audited, and answers the tag to paste', async () => {
    const view = await fetch(`${t.hub.url}/api/v1/admin/webchat`, { headers: { Authorization: `Bearer ${adminToken}` } }).then((r) => r.json() as Promise<Record<string, unknown>>);
    expect(view.allowedOrigins).toEqual([SHOP, 'http://localhost:8080']);
    expect(view.snippet).toBe(`<script src="${t.hub.url}/widget.js" data-queue="QUEUE_ID" async></script>`);
    expect(typeof view.updatedAt).toBe('number');
    const bad = await t.http('/api/v1/admin/webchat', { allowedOrigins: ['shop.example/path'] }, { Authorization: `Bearer ${adminToken}` }, 'PUT');
    expect(bad.status).toBe(400);
    const agent = await t.login('a1');
    expect((await t.http('/api/v1/admin/webchat', { allowedOrigins: [] }, { Authorization: `Bearer ${agent.accessToken}` }, 'PUT')).status).toBe(403);
    const audit = await t.hub.ctx.store.queryAudit({ actions: ['webchat.update'], limit: 10 });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: 'adm1', targetType: 'webchat', before: { allowedOrigins: [] }, after: { allowedOrigins: [SHOP, 'http://localhost:8080'] } });
  });

  it("adds the origins the hub was started with, once, audited as the command line's", async () => {
    expect(await allowOriginsFromCommandLine(t.hub.ctx, ['http://127.0.0.1:4410', SHOP])).toEqual(['http://127.0.0.1:4410']);
    expect(await allowOriginsFromCommandLine(t.hub.ctx, ['http://127.0.0.1:4410'])).toEqual([]);
    expect((await askSession(t, { origin: 'http://127.0.0.1:4410' })).status).toBe(201);
    const audit = await t.hub.ctx.store.queryAudit({ actions: ['webchat.update'], limit: 10 });
    expect(audit.map((a) => a.actorId)).toEqual(['command-line', 'adm1']);
  });

  it('starts a session from an allowed origin, keeping only the hash of its token', async () => {
    const session = WebchatSessionSchema.parse(await startSession(t, { lang: 'pl' }));
    expect(session).toMatchObject({ lang: 'pl', customerName: null });
    expect(session.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const stored = await t.hub.ctx.store.visitor(session.visitorId);
    expect(stored).toMatchObject({ queueId: 'q-chat', origin: SHOP, tokenHash: visitorTokenHash(session.token), customerId: null });
    expect(JSON.stringify(stored)).not.toContain(session.token);
    // The origin is compared as browsers send it, in lower case.
    expect((await askSession(t, { origin: 'http://LOCALHOST:8080' })).status).toBe(201);
  });

  it('refuses other origins, unknown or archived queues and malformed bodies', async () => {
    const other = await askSession(t, { origin: 'https://evil.example' });
    expect(other.status).toBe(403);
    expect(other.body.error).toBe('origin-not-allowed');
    expect((await askSession(t, { queue: 'q-nope' })).body.error).toBe('unknown-queue');
    expect((await askSession(t, { queue: 'q-old' })).status).toBe(404);
    expect((await askSession(t, { origin: 'javascript:alert(1)' })).status).toBe(422);
    expect((await askSession(t, { extra: 1 })).status).toBe(422);
  });

  it('takes a signed identity: the customer is greeted by first name, in their language', async () => {
    const signature = identitySignature(customerId, t.secret);
    const session = await startSession(t, { identity: { customerId, signature } });
    expect(session.customerName).toBe('Maria');
    expect((await t.hub.ctx.store.visitor(session.visitorId))?.customerId).toBe(customerId);
  });

  it('refuses forged and unknown signed identities', async () => {
    const forged = await askSession(t, { identity: { customerId, signature: identitySignature(customerId, 'not-the-secret') } });
    expect(forged.status).toBe(401);
    expect(forged.body.error).toBe('bad-identity');
    const otherCustomer = await askSession(t, { identity: { customerId: 'cust-nobody', signature: identitySignature('cust-nobody', t.secret) } });
    expect(otherCustomer.body.error).toBe('bad-identity');
    // A signature of one customer does not sign another.
    expect((await askSession(t, { identity: { customerId, signature: identitySignature('cust-nobody', t.secret) } })).status).toBe(401);
  });

  it("checks signed identities with the chat connector's inbound secret once it has one", async () => {
    const r = await t.http('/api/v1/admin/connectors/chat', { url: 'http://127.0.0.1:9/deliver', secret: 'connector-outbound-secret-0123456789', inboundSecret: CHAT_IN_SECRET, graceMinutes: 0 }, { Authorization: `Bearer ${adminToken}` }, 'PUT');
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect((await askSession(t, { identity: { customerId, signature: identitySignature(customerId, t.secret) } })).status).toBe(401);
    expect((await askSession(t, { identity: { customerId, signature: identitySignature(customerId, CHAT_IN_SECRET) } })).status).toBe(201);
    // The connector's inbound messages still work with it (the same secret signs both).
    const body = JSON.stringify({ channel: 'chat', externalId: 'x-1', text: 'hi', from: { handle: 'someone' } });
    expect((await t.http('/api/v1/inbound', body, { 'X-Signature': signBody(body, CHAT_IN_SECRET) })).status).toBe(201);
  });

  it('limits the sessions one address starts, with Retry-After, without touching other addresses', async () => {
    const answers = [];
    for (let i = 0; i < 21; i++) answers.push(await askSession(t, {}, '10.9.9.9'));
    expect(answers.slice(0, 20).every((a) => a.status === 201)).toBe(true);
    const limited = answers[20];
    expect(limited.status).toBe(429);
    expect(limited.body.error).toBe('rate-limited');
    expect((await askSession(t, {}, '10.9.9.10')).status).toBe(201);
    const res = await fetch(`${t.hub.url}/api/v1/webchat/sessions`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': '10.9.9.9' }, body: JSON.stringify({ queue: 'q-chat', origin: SHOP }) });
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('opens the /visitor namespace with a session token only', async () => {
    const session = await startSession(t);
    const visitor = await connectVisitor(t, session.token);
    expect(visitor.socket.connected).toBe(true);
    const forged = session.token.slice(0, -2) + (session.token.endsWith('AA') ? 'BB' : 'AA');
    await expect(connectVisitor(t, forged)).rejects.toMatchObject({ reason: 'bad-token' });
    await expect(connectVisitor(t, 'not a token')).rejects.toMatchObject({ reason: 'bad-token' });
    // A staff access token opens no visitor session either.
    await expect(connectVisitor(t, adminToken)).rejects.toMatchObject({ reason: 'bad-token' });
  });

  it('ends a session left unused for 30 days: the widget then starts a new one', async () => {
    const session = await startSession(t);
    const stored = (await t.hub.ctx.store.visitor(session.visitorId))!;
    const now = t.hub.ctx.now();
    await t.hub.ctx.store.write((tx) => tx.saveVisitor({ ...stored, lastSeenAt: now - VISITOR_IDLE_MS + 60_000 }));
    // Still alive: coming back records it as seen now.
    (await connectVisitor(t, session.token)).socket.disconnect();
    expect((await t.hub.ctx.store.visitor(session.visitorId))!.lastSeenAt).toBeGreaterThanOrEqual(now);
    await t.hub.ctx.store.write((tx) => tx.saveVisitor({ ...stored, lastSeenAt: now - VISITOR_IDLE_MS - 60_000 }));
    await expect(connectVisitor(t, session.token)).rejects.toMatchObject({ reason: 'bad-token' });
    const files = await fetch(`${t.hub.url}/api/v1/webchat/files/${'a'.repeat(64)}`, { headers: { Authorization: `Bearer ${session.token}` } });
    expect(files.status).toBe(401);
  });

  it('refuses unknown requests and invalid payloads with a reason', async () => {
    const visitor = await connectVisitor(t, (await startSession(t)).token);
    expect(await visitor.ask('mutate', { type: 'reply' })).toMatchObject({ ok: false, reason: 'invalid' });
    expect(await visitor.ask('visitor:history', { after: 5 })).toMatchObject({ ok: false, reason: 'invalid' });
    expect(await visitor.ask('visitor:send', { clientId: 'client-000001', text: 'x'.repeat(4_001) })).toMatchObject({ ok: false, reason: 'too-long' });
    expect(await visitor.ask('visitor:history', { after: 'garbage' })).toMatchObject({ ok: false, reason: 'invalid' });
    expect(await visitor.ask('visitor:history', { after: null })).toMatchObject({ ok: true, value: { messages: [], more: false, survey: null, agentName: null } });
  });
});
