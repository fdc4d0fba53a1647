import { request } from 'node:http';
import { io, type Socket } from 'socket.io-client';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { MutationSchema, REASON_CODES, REQUESTS, type Mutation, type RequestName } from '../shared/protocol';
import {
  createPrng,
  deeplyNested,
  DEEP_NESTING,
  hostileValue,
  malformedVariants,
  SHORT_HOSTILE_STRINGS,
  toJson,
  withOwnKey,
} from '../shared/testing/hostilePayloads';
import { signBody } from './http/signature';
import { DEFAULT_REQUEST_LIMITS } from './realtime/requestBudget';
import { startTestHub, type TestHub } from './testing/hubHarness';
import { eventFrame, rawSocket, type RawSocket } from './testing/rawSocket';
import { watchProcess } from './testing/watchProcess';

/** Change it to explore other payloads; a failure names the event and the payload's index under this seed. */
const SEED = 0x40b_2026;
const HOSTILE_PER_EVENT = 40;
const VARIANTS_PER_EVENT = 120;
const VARIANTS_PER_MUTATION = 80;
const BODIES_PER_ENDPOINT = 150;
const IN_FLIGHT = 8;
const MUTATION_ID = '0193a1b2-0000-7000-8000-00000000f022';

type MutationType = Mutation['type'];

/** Ids of real rows, filled in before the examples are used. */
const real = { caseId: '', customerId: '', alertId: 'alert-none', heldId: 'held-none' };

/** A valid payload of every request event: where its malformed variants start. Typed from the protocol. */
const EVENT_EXAMPLES: () => { [N in RequestName]: unknown } = () => ({
  'sync:pull': { cursor: 0, limit: 50 },
  'sync:snapshot': { after: null, hwm: null, limit: 50 },
  'case:fetch': { caseIds: [real.caseId] },
  'customer:lookup': { query: '+48601234567', limit: 5 },
  mutate: { mutationId: MUTATION_ID, type: 'note', caseId: real.caseId, text: 'Called back' },
  'presence:set': { caseId: real.caseId, state: 'viewing' },
  'audit:query': { actorId: 'sup1', limit: 10 },
  'selfservice:figures': { since: 0 },
  'auth:renew': { token: 'v1.e30.not-a-real-token' },
  'call:respond': { callId: 'call-none', action: 'answer' },
  'report:query': { from: 0, to: 86_400_000, granularity: 'day', timeZone: 'Europe/Athens' },
  'voc:query': { from: 0, to: 86_400_000, timeZone: 'Europe/Warsaw', minScore: 1, maxScore: 4, phrase: 'late', limit: 20 },
});

/** A valid mutation of every type, typed from the protocol so a new type does not compile without one. */
const MUTATION_EXAMPLES: () => { [T in MutationType]: Omit<Extract<Mutation, { type: T }>, 'mutationId'> } = () => ({
  reply: { type: 'reply', caseId: real.caseId, channel: 'chat', text: 'We are on it', basedOn: { lastMessageId: null } },
  note: { type: 'note', caseId: real.caseId, text: 'Called back' },
  'case.tag': { type: 'case.tag', caseId: real.caseId, add: ['refund'], remove: [] },
  'customer.note': { type: 'customer.note', customerId: real.customerId, text: 'Prefers email' },
  'case.update': { type: 'case.update', caseId: real.caseId, basedOn: { version: 1 }, patch: { status: 'pending', priority: 'high' } },
  'case.assign': { type: 'case.assign', caseId: real.caseId, basedOn: { version: 1 }, to: { queueId: 'q-chat' } },
  'case.continueInStore': { type: 'case.continueInStore', caseId: real.caseId, storeId: 'store-w', text: 'Came in', basedOn: { version: 1 } },
  'customer.update': { type: 'customer.update', customerId: real.customerId, basedOn: { version: 1 }, patch: { name: 'Jan', phones: ['+48601234567'] } },
  'customer.create': { type: 'customer.create', name: 'Olga Nowak', phones: ['+48700100200'], emails: ['olga@example.pl'], language: 'pl' },
  'held.resolve': { type: 'held.resolve', heldId: real.heldId, action: 'note' },
  'survey.send': { type: 'survey.send', caseId: real.caseId },
  'delivery.retry': { type: 'delivery.retry', deliveryId: 'de-none' },
  'alert.acknowledge': { type: 'alert.acknowledge', alertId: real.alertId, basedOn: { version: 1 } },
  'alert.assign': { type: 'alert.assign', alertId: real.alertId, staffId: 'a1', basedOn: { version: 1 } },
  'alert.close': { type: 'alert.close', alertId: real.alertId, result: 'recovered', outcome: 'Called back', basedOn: { version: 1 } },
  'staff.setStatus': { type: 'staff.setStatus', status: 'busy' },
  'supervisor.reassign': { type: 'supervisor.reassign', caseIds: [real.caseId], to: { staffId: 'a2' } },
  'supervisor.reassignAll': { type: 'supervisor.reassignAll', fromStaffId: 'a2', to: { queueId: 'q-chat' } },
  'supervisor.updateStaff': { type: 'supervisor.updateStaff', staffId: 'a2', basedOn: { version: 1 }, patch: { capacity: { chat: 3 } } },
  'supervisor.mergeCustomers': { type: 'supervisor.mergeCustomers', survivorId: real.customerId, mergedId: 'cus-none' },
});

describe('every socket event, mutation type and HTTP endpoint of the hub, fuzzed through the wire', () => {
  let t: TestHub;
  let watch: ReturnType<typeof watchProcess>;
  const sockets: Socket[] = [];
  let sup: RawSocket;

  /** A signed-in socket that sends raw frames. */
  async function connect(username: string): Promise<RawSocket> {
    const session = await t.login(username);
    const socket = io(t.hub.url, { transports: ['websocket'], auth: { token: session.accessToken }, reconnection: false, forceNew: true });
    sockets.push(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once('hello', () => resolve());
      socket.once('connect_error', reject);
    });
    return rawSocket(socket);
  }

  /**
   * Sends each payload as `event` and checks the answer: an acknowledgement of the protocol's shape, a known
   * reason when refused, `invalid` whenever the protocol's schema refuses the payload as the hub receives it,
   * and never `internal`.
   */
  async function fuzz(socket: RawSocket, event: RequestName, payloads: unknown[]): Promise<number> {
    for (let start = 0; start < payloads.length; start += IN_FLIGHT) {
      await Promise.all(
        payloads.slice(start, start + IN_FLIGHT).map(async (payload, offset) => {
          const label = `${event} payload ${start + offset} (seed ${SEED}): ${toJson(payload).slice(0, 200)}`;
          const answer = (await socket.ask(event, payload)) as { ok: boolean; reason?: string };
          expect(typeof answer?.ok, label).toBe('boolean');
          if (answer.ok) return;
          expect(REASON_CODES, label).toContain(answer.reason);
          expect(answer.reason, label).not.toBe('internal');
          const { payload: received } = JSON.parse(toJson({ payload })) as { payload?: unknown };
          if (!REQUESTS[event][0].safeParse(received).success) expect(answer.reason, label).toBe('invalid');
        }),
      );
    }
    return payloads.length;
  }

  /** Posts a raw body and resolves with the status and the answer's text. */
  function post(path: string, body: string, headers: Record<string, string>, method = 'POST') {
    return new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = request(`${t.hub.url}${path}`, { method, headers: { 'Content-Length': String(Buffer.byteLength(body)), ...headers } }, (res) => {
        let text = '';
        res.on('data', (d) => (text += String(d)));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      });
      req.on('error', reject);
      req.end(body);
    });
  }

  beforeAll(async () => {
    watch = watchProcess();
    // The budget is the flood tests' subject; here it only has to let thousands of payloads through.
    const roomy = { capacity: 1_000_000, perSecond: 1_000_000 };
    t = await startTestHub({
      requestLimits: { ...DEFAULT_REQUEST_LIMITS, maxInFlight: IN_FLIGHT, buckets: { read: roomy, write: roomy, live: roomy } },
      lookupLimit: { max: 1_000_000, windowMs: 60_000 },
    });
    const first = await t.inbound({ channel: 'chat', text: 'Where is my parcel?', from: { phone: '+48601234567', name: 'Jan Kowalski' } });
    real.caseId = first.body.caseId as string;
    real.customerId = first.body.customerId as string;
    sup = await connect('sup1');
  });
  afterEach(async () => {
    // The hub still answers a normal request, and nothing escaped or left a stack in its log.
    expect(await sup.ask('sync:pull', { cursor: 0, limit: 1 })).toMatchObject({ ok: true });
    expect((await fetch(`${t.hub.url}/api/v1/health`)).status).toBe(200);
    expect(watch.escaped).toEqual([]);
    expect(watch.stackLines()).toEqual([]);
    expect(watch.logged.filter((line) => /failed|internal/.test(line))).toEqual([]);
  });
  afterAll(async () => {
    watch.stop();
    vi.restoreAllMocks();
    sockets.forEach((socket) => socket.disconnect());
    await t?.stop();
  });

  it('has valid examples for every event and every mutation type', () => {
    const events = EVENT_EXAMPLES();
    for (const name of Object.keys(REQUESTS) as RequestName[]) expect(REQUESTS[name][0].safeParse(events[name]).success, name).toBe(true);
    for (const [type, m] of Object.entries(MUTATION_EXAMPLES())) expect(MutationSchema.safeParse({ mutationId: MUTATION_ID, ...m }).success, type).toBe(true);
  });

  it('answers hostile values and malformed variants on every socket event, invalid whenever the protocol refuses them', async () => {
    const prng = createPrng(SEED);
    const examples = EVENT_EXAMPLES();
    let sent = 0;
    for (const event of Object.keys(REQUESTS) as RequestName[]) {
      const hostile = Array.from({ length: HOSTILE_PER_EVENT }, () => hostileValue(prng));
      sent += await fuzz(sup, event, [...hostile, ...malformedVariants(examples[event], prng, VARIANTS_PER_EVENT)]);
    }
    expect(sent).toBeGreaterThanOrEqual(1_000);
  }, 180_000);

  it('answers malformed variants of every mutation type, from an agent and a supervisor', async () => {
    const prng = createPrng(SEED + 1);
    const a1 = await connect('a1');
    let sent = 0;
    for (const example of Object.values(MUTATION_EXAMPLES())) {
      const variants = malformedVariants({ mutationId: MUTATION_ID, ...example }, prng, VARIANTS_PER_MUTATION).map((v) =>
        // A fresh id for each, so that every variant is really applied, not answered from a stored result.
        v !== null && typeof v === 'object' && !Array.isArray(v) && (v as { mutationId?: unknown }).mutationId === MUTATION_ID
          ? withOwnKey(v, 'mutationId', crypto.randomUUID())
          : v,
      );
      sent += await fuzz(sent % 2 === 0 ? sup : a1, 'mutate', variants);
    }
    expect(sent).toBeGreaterThanOrEqual(1_000);
  }, 180_000);

  it('refuses unknown events, events without an acknowledgement and malformed frames without closing other connections', async () => {
    const own = await connect('a2');
    for (const name of ['drop:tables', '__proto__', 'constructor', 'hello', ...SHORT_HOSTILE_STRINGS]) {
      expect(await own.ask(name, {}), name).toMatchObject({ ok: false, reason: 'invalid' });
    }
    own.send(eventFrame(null, 'sync:pull', { cursor: 0, limit: 1 }));
    for (const frame of ['2[', '2{}', '2["sync:pull"', `2${toJson([deeplyNested(DEEP_NESTING, 'array')])}`, '2/other,["sync:pull",{}]', '6', '9']) own.send(frame);
    await new Promise((r) => setTimeout(r, 300));
    expect(await sup.ask('audit:query', { limit: 1 })).toMatchObject({ ok: true });
  });

  it('answers every HTTP endpoint’s malformed, hostile, deeply nested and oversized bodies with a 4xx and a JSON error, never a 5xx', async () => {
    const prng = createPrng(SEED + 2);
    const json = { 'Content-Type': 'application/json' };
    const bodies = [
      ...Array.from({ length: BODIES_PER_ENDPOINT / 3 }, () => toJson(hostileValue(prng))),
      ...malformedVariants({ channel: 'chat', externalId: 'fuzz', text: 'Hello', from: { email: 'jan@example.pl' } }, prng, BODIES_PER_ENDPOINT / 3).map(toJson),
      ...malformedVariants({ username: 'a1', password: 'a1-password-1' }, prng, BODIES_PER_ENDPOINT / 6).map(toJson),
      ...malformedVariants({ refreshToken: 'x'.repeat(40) }, prng, BODIES_PER_ENDPOINT / 6).map(toJson),
      // Never the right current password: the change would end the sessions of this test's sockets.
      ...malformedVariants({ currentPassword: 'not-a3-password', newPassword: 'lantern-orchard-1987' }, prng, BODIES_PER_ENDPOINT / 6).map(toJson),
      '{"channel": ',
      '\u0000\uD800',
      toJson(deeplyNested(DEEP_NESTING, 'object')),
    ];
    const bearer = { Authorization: `Bearer ${(await t.login('a3')).accessToken}` };
    let sent = 0;
    for (const path of ['/api/v1/inbound', '/api/v1/auth/login', '/api/v1/auth/refresh', '/api/v1/auth/logout', '/api/v1/auth/password']) {
      for (let i = 0; i < bodies.length; i += IN_FLIGHT) {
        await Promise.all(
          bodies.slice(i, i + IN_FLIGHT).map(async (body, k) => {
            // Ingestion is signed: half the bodies get a right signature, so what is behind the check is fuzzed too.
            // So is the password change: half the bodies come with a live session's token.
            const signed: Record<string, string> =
              (i + k) % 2 === 0 ? (path === '/api/v1/inbound' ? { 'X-Signature': signBody(body, t.secret) } : path === '/api/v1/auth/password' ? bearer : {}) : {};
            const res = await post(path, body, { ...json, ...signed });
            sent++;
            const label = `${path} ${body.slice(0, 120)}`;
            expect(res.status, label).toBeLessThan(500);
            if (res.status >= 400) expect(JSON.parse(res.text), label).toMatchObject({ ok: false, error: expect.any(String), message: expect.any(String) });
          }),
        );
      }
    }
    for (const [method, path, headers, body] of [
      ['GET', '/api/v1/inbound', {}, ''],
      ['PUT', '/api/v1/health', json, '{}'],
      ['POST', '/api/v1/nothing', json, '{}'],
      ['POST', '/api/v1/auth/login', { 'Content-Type': 'text/plain' }, '{}'],
      ['POST', '/api/v1/auth/login', json, 'x'.repeat(200_000)],
      ['POST', '/../../etc/passwd', json, '{}'],
    ] as const) {
      const res = await post(path, body, headers, method);
      sent++;
      expect([400, 404, 405, 413, 415], `${method} ${path.slice(0, 40)}`).toContain(res.status);
    }
    expect(sent).toBeGreaterThanOrEqual(500);
  }, 180_000);
});
