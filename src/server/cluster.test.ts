import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { io, type Socket } from 'socket.io-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
// This test drives real workstations (their sync engine and encrypted cache) against a cluster of hub nodes:
// the one place a hub test needs the workstation side, as workstation tests need a real hub.
import { openCacheDatabase, type Db } from '../main/services/cache/database';
import { ENTITY_TABLES } from '../main/services/cache/entities';
import { readSyncState } from '../main/services/cache/syncState';
import { tempDir } from '../main/services/testing/fixtures';
import { startTestWorkstation } from '../main/services/testing/testWorkstation';
import type { Interaction, Presence } from '../shared/domain';
import type { Ack, Change, ClientToServerEvents, EntityName, InboundResult, RequestName, RequestOf, ServerToClientEvents, Session } from '../shared/protocol';
import { startHaproxy, type HaproxyServer } from './cluster/haproxy';
import { startPostgres, type PostgresServer } from './cluster/postgres';
import { startRedis, type RedisServer } from './cluster/redis';
import { createContext, type HubContext } from './context';
import { createHub, DEFAULT_POLICY, type Hub } from './hub';
import { signBody } from './http/signature';
import { loadOrg } from './loadOrg';
import { scopeOf } from './permissions';
import type { HubStore } from './store/hubStore';
import { openPgStore } from './store/pg/pgStore';
import { startHubNode, type HubNodeProcess } from './testing/hubNodeProcess';
import { person, testOrg } from './testing/testOrg';

/**
 * Several hub nodes for real: a private PostgreSQL and Redis, three hub nodes in processes of their own behind
 * a private HAProxy, real Socket.IO clients and real workstation sync engines. What crosses nodes (changes
 * through the log, live events through Redis, sign-outs), what survives Redis going away and a node dying
 * mid-traffic, and what must happen once however many nodes try (mutation retries, periodic checks).
 * Every wait is for a condition, with a deadline; nothing passes by waiting long enough.
 */

const SECRET = 'cluster-test-secret';
const TOKEN_KEY = randomBytes(32);
const ANGRY = 'This is a disgrace!!! Third time I write and NOBODY helps. I want my money back NOW';

let postgres: PostgresServer | undefined;
let redis: RedisServer | undefined;
let proxy: HaproxyServer | undefined;
let databaseUrl = '';
/** Every node started (stopped in afterAll), and the ones that should be running. */
const started: HubNodeProcess[] = [];
const nodes: { A?: HubNodeProcess; B?: HubNodeProcess; C?: HubNodeProcess } = {};
/** The test's own view of the database: the hub's scope rules, and the log to compare with. */
let observer: { store: HubStore; ctx: HubContext } | undefined;

/** In-process nodes (test 6), closed after the file. */
const inProcess: Hub[] = [];
/** Stopped after each test, passed or failed. */
const afterThisTest: Array<() => Promise<unknown> | unknown> = [];

async function attempt(what: string, stop: () => Promise<unknown> | unknown): Promise<void> {
  try {
    await stop();
  } catch (err) {
    console.warn(`cluster test: stopping ${what} failed: ${(err as Error).message}`);
  }
}

const node = (name: 'A' | 'B' | 'C'): HubNodeProcess => {
  const n = nodes[name];
  if (!n) throw new Error(`node ${name} did not start`);
  return n;
};

function startNode(name: string, port?: number): Promise<HubNodeProcess> {
  return startHubNode({ databaseUrl, redisUrl: redis!.url, tokenKey: TOKEN_KEY, ingestSecret: SECRET, name, ...(port ? { port } : {}) }).then((n) => {
    started.push(n);
    return n;
  });
}

/** A node in this process, with a clock of its own, on the same database and Redis. */
async function startInProcessNode(now: () => number): Promise<Hub> {
  const store = await openPgStore(databaseUrl);
  const hub = await createHub({ store, redisUrl: redis!.url, tokenKey: TOKEN_KEY, ingestSecret: SECRET, port: 0, tickMs: 3_600_000, now }).catch(async (err: Error) => {
    await store.close();
    throw err;
  });
  inProcess.push(hub);
  return hub;
}

beforeAll(async () => {
  postgres = await startPostgres({ name: 'cluster' });
  databaseUrl = postgres.url;
  redis = await startRedis();
  const store = await openPgStore(databaseUrl);
  observer = { store, ctx: createContext(store, { ingestSecret: SECRET, policy: DEFAULT_POLICY }) };
  await loadOrg(store, testOrg());
  await observer.ctx.loadCaches();
  [nodes.A, nodes.B, nodes.C] = await Promise.all([startNode('A'), startNode('B'), startNode('C')]);
  proxy = await startHaproxy({ backends: [nodes.A, nodes.B, nodes.C].map((n) => ({ host: '127.0.0.1', port: n.port })) });
}, 120_000);

afterEach(async () => {
  for (const stop of afterThisTest.splice(0).reverse()) await attempt('what a test started', stop);
});

// Whatever started is stopped, whatever failed: clients first, then nodes, then the engines under them.
afterAll(async () => {
  for (const stop of afterThisTest.splice(0).reverse()) await attempt('what a test started', stop);
  await attempt('in-process nodes', () => Promise.all(inProcess.map((h) => h.close())));
  await attempt('hub nodes', () => Promise.all(started.map((n) => n.stop())));
  await attempt('haproxy', () => proxy?.stop());
  await attempt('the observer store', () => observer?.store.close());
  await attempt('redis', () => redis?.stop());
  await attempt('postgres', () => postgres?.stop());
}, 60_000);

// ---------- waiting for conditions ----------

/** Polls `probe` until it gives a value (not undefined/false), or fails naming `what` after `ms`. */
async function eventually<T>(what: string, probe: () => T | undefined | false | Promise<T | undefined | false>, ms = 10_000, everyMs = 50): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

// ---------- HTTP: connectors and sign-in ----------

type InboundBody = Record<string, unknown> & { externalId: string };

async function post(url: string, path: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: Record<string, unknown> }> {
  const raw = JSON.stringify(body);
  const res = await fetch(`${url}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: raw });
  const text = await res.text();
  let parsed: Record<string, unknown>;
  try {
    parsed = JSON.parse(text) as Record<string, unknown>;
  } catch {
    parsed = { raw: text.slice(0, 200) };
  }
  return { status: res.status, body: parsed };
}

const inbound = (url: string, msg: InboundBody) => {
  const raw = JSON.stringify(msg);
  return post(url, '/api/v1/inbound', msg, { 'X-Signature': signBody(raw, SECRET) });
};

/**
 * Posts like a channel connector: a message that fails in flight (a node dying, the balancer answering 502 or
 * 503) is sent again with the same externalId until it is accepted. Returns the answer and how many tries it took.
 */
async function deliver(url: string, msg: InboundBody, deadlineMs = 30_000): Promise<{ result: InboundResult; attempts: number }> {
  const deadline = Date.now() + deadlineMs;
  for (let attempts = 1; ; attempts++) {
    let failure: string;
    try {
      const res = await inbound(url, msg);
      if (res.status === 200 || res.status === 201) return { result: res.body as unknown as InboundResult, attempts };
      failure = `${res.status} ${JSON.stringify(res.body)}`;
      if (res.status < 500) throw new Error(`inbound ${msg.externalId} refused: ${failure}`);
    } catch (err) {
      if ((err as Error).message.startsWith('inbound ')) throw err;
      failure = (err as Error).message;
    }
    if (Date.now() > deadline) throw new Error(`inbound ${msg.externalId} not accepted within ${deadlineMs} ms: ${failure}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function login(url: string, username: string): Promise<Session> {
  const res = await post(url, '/api/v1/auth/login', { username, password: `${username}-password-1` });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as unknown as Session;
}

/** One session per person for the tests that do not end it (signing in is deliberately slow). */
const sessions = new Map<string, Promise<Session>>();
const sessionOf = (username: string) => sessions.get(username) ?? sessions.set(username, login(node('A').url, username)).get(username)!;

// ---------- raw Socket.IO clients ----------

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
interface Batch {
  from: number;
  to: number;
  changes: Change[];
}

/** A connected socket that records what its node pushes: `changes` batches and every other event, in order. */
interface Client {
  label: string;
  socket: ClientSocket;
  head: number;
  batches: Batch[];
  events: Array<{ name: string; payload: unknown }>;
  disconnected: string | null;
  /** Resolves with the first value `probe` gives, re-checked on every event, or fails naming `what` after `ms`. */
  until<T>(what: string, probe: () => T | undefined | false, ms?: number): Promise<T>;
  request<N extends RequestName>(name: N, payload: RequestOf<N>): Promise<unknown>;
  /** Every change received, in order of arrival. */
  changes(): Change[];
}

function connect(url: string, session: Session, label: string): Promise<Client> {
  const socket: ClientSocket = io(url, { transports: ['websocket'], auth: { token: session.accessToken }, reconnection: false, forceNew: true });
  afterThisTest.push(() => socket.disconnect());
  const waiters = new Set<() => void>();
  const wake = () => waiters.forEach((w) => w());
  const client: Client = {
    label,
    socket,
    head: -1,
    batches: [],
    events: [],
    disconnected: null,
    until: (what, probe, ms = 10_000) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const value = probe();
          if (value === undefined || value === false) return;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(value);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`${label}: ${what}: not within ${ms} ms`));
        }, ms);
        waiters.add(check);
        check();
      }),
    async request(name, payload) {
      const ack = (await (socket.timeout(10_000).emitWithAck as (...a: unknown[]) => Promise<unknown>)(name, payload)) as Ack<unknown>;
      if (!ack.ok) throw new Error(`${label}: ${name} refused: ${ack.reason}: ${ack.message}`);
      return ack.value;
    },
    changes: () => client.batches.flatMap((b) => b.changes),
  };
  socket.on('changes', (b) => {
    client.batches.push(b);
    wake();
  });
  socket.onAny((name: string, payload: unknown) => {
    if (name !== 'changes') client.events.push({ name, payload });
    wake();
  });
  socket.on('disconnect', (reason) => {
    client.disconnected = reason;
    wake();
  });
  return new Promise((resolve, reject) => {
    socket.once('hello', (h) => {
      client.head = h.head;
      resolve(client);
    });
    socket.once('connect_error', (err) => reject(new Error(`${label}: cannot connect: ${err.message}`)));
  });
}

/** Why a connection is refused in the handshake, or null when it is accepted. */
function handshakeRefusal(url: string, token: string): Promise<string | null> {
  const socket: ClientSocket = io(url, { transports: ['websocket'], auth: { token }, reconnection: false, forceNew: true });
  return new Promise((resolve) => {
    socket.once('hello', () => {
      socket.disconnect();
      resolve(null);
    });
    socket.once('connect_error', (err) => {
      socket.disconnect();
      resolve(String((err as Error & { data?: { reason?: string } }).data?.reason ?? err.message));
    });
  });
}

/** Changes batches must follow one another: each starts where the last ended (the first where `hello` said). */
function chainBreaks(c: Client): string[] {
  const breaks: string[] = [];
  let at = c.head;
  for (const b of c.batches) {
    if (b.from !== at) breaks.push(`${c.label}: batch (${b.from}, ${b.to}] after ${at}`);
    if (b.changes.some((ch) => ch.seq <= b.from || ch.seq > b.to)) breaks.push(`${c.label}: batch (${b.from}, ${b.to}] holds a change outside it`);
    at = b.to;
  }
  return breaks;
}

/** A node is running and has logged no failure or stack trace (its output is the message otherwise). */
function healthy(n: HubNodeProcess): { node: string; running: boolean; trouble: string[] } {
  const trouble = n.output().split('\n').filter((l) => /failed|uncaught|unhandled|^\s+at .+:\d+:\d+\)?$/i.test(l));
  return { node: n.name, running: n.running(), trouble: n.running() ? trouble : [...trouble, ...n.output().split('\n').slice(-10)] };
}
const HEALTHY = (n: HubNodeProcess) => ({ node: n.name, running: true, trouble: [] });

const interactionIn = (c: Client, id: string) => c.changes().some((ch) => ch.entity === 'interaction' && ch.id === id);
const presenceOf = (p: unknown) => p as { caseId: string; present: Presence[] };

// ---------- what a workstation holds, and what the hub says it should ----------

/** What a person's cache must equal: every synced row, by entity and id, with the seq of its last change. */
const COMPARED: EntityName[] = ['customer', 'case', 'interaction', 'queue', 'staff'];

function cacheRows(db: Db): Map<string, number> {
  const rows = new Map<string, number>();
  for (const entity of COMPARED) {
    for (const r of db.prepare(`SELECT id, seq FROM ${ENTITY_TABLES[entity].table}`).all() as Array<{ id: string; seq: number }>) rows.set(`${entity}:${r.id}`, r.seq);
  }
  return rows;
}

async function hubRows(staffId: string): Promise<Map<string, number>> {
  const { store, ctx } = observer!;
  await ctx.loadCaches();
  const scope = scopeOf(ctx, ctx.staff(staffId)!);
  const rows = new Map<string, number>();
  for (let page = await store.snapshot(scope, null, null, 2_000); ; page = await store.snapshot(scope, page.after, page.hwm, 2_000)) {
    for (const r of page.rows) if (COMPARED.includes(r.entity)) rows.set(`${r.entity}:${r.id}`, r.seq);
    if (page.done) break;
  }
  return rows;
}

/** A checksum of rows: sha256 of their sorted `entity:id:seq` lines, and how many. */
function checksum(rows: Map<string, number>): string {
  const lines = [...rows].map(([k, seq]) => `${k}:${seq}`).sort();
  return `${createHash('sha256').update(lines.join('\n')).digest('hex').slice(0, 16)} (${lines.length} rows)`;
}

/** The first few rows that differ, for a failure message. */
function differences(cache: Map<string, number>, hub: Map<string, number>): string[] {
  const out: string[] = [];
  for (const [k, seq] of hub) if (cache.get(k) !== seq) out.push(`${k}: hub ${seq}, cache ${cache.get(k) ?? 'missing'}`);
  for (const [k, seq] of cache) if (!hub.has(k)) out.push(`${k}: cache ${seq}, not in scope on the hub`);
  return out.slice(0, 10);
}

// ---------- the tests ----------

describe('several hub nodes behind a load balancer, on one PostgreSQL and one Redis', () => {
  it('a change made through node B reaches a client on node A as a live `changes` batch; a call offer and presence cross nodes too', async () => {
    const [a1, a2] = await Promise.all([connect(node('A').url, await sessionOf('a1'), 'a1@A'), connect(node('B').url, await sessionOf('a2'), 'a2@B')]);

    const posted = await inbound(node('B').url, { channel: 'chat', externalId: 'live-1', text: 'Where is my parcel?', from: { email: 'live1@example.com' } });
    expect(posted.status).toBe(201);
    const { interactionId, caseId } = posted.body as unknown as InboundResult;
    // Pushed to A's socket (this client never pulls): A read B's commit from the log and fanned it out.
    await a1.until('the message posted to B, in a changes batch on A', () => interactionIn(a1, interactionId!));
    expect(a1.batches.find((b) => b.changes.some((c) => c.id === caseId))).toBeDefined();
    expect(chainBreaks(a1)).toEqual([]);

    // A ringing call posted to B is offered to a1 (the phone queue's one member), whose socket is on A.
    const ringing = await inbound(node('B').url, { channel: 'phone', externalId: 'live-call-1', from: { phone: '+48 601 000 101' }, call: { id: 'live-call-1', state: 'ringing' } });
    expect(ringing.status).toBe(201);
    expect(ringing.body).toMatchObject({ assigneeId: 'a1' });
    const offer = await a1.until('the call offer made on B, on A', () => a1.events.find((e) => e.name === 'call:offer' && (e.payload as { callId: string }).callId === 'live-call-1'));
    expect(offer.payload).toMatchObject({ callId: 'live-call-1', phone: '+48601000101' });
    // Answered on A, recorded in the one store: B's ring-out timer for that offer finds it answered and leaves it.
    expect(await a1.request('call:respond', { callId: 'live-call-1', action: 'answer' })).toEqual({ state: 'answered' });
    expect(await observer!.store.call('live-call-1')).toMatchObject({ state: 'answered', answeredBy: 'a1' });

    // Someone on B opens the case; a1 on A sees who is viewing it.
    await a2.request('presence:set', { caseId: caseId!, state: 'viewing' });
    await a1.until('a2 (on B) viewing the case, on A', () =>
      a1.events.some((e) => e.name === 'presence' && presenceOf(e.payload).caseId === caseId && presenceOf(e.payload).present.some((p) => p.staffId === 'a2' && p.state === 'viewing')),
    );
  }, 30_000);

  it('a mutation sent to node A and retried with the same id to node B (and to both at once) is applied once, with equal answers; so is a connector message', async () => {
    const session = await sessionOf('a1');
    const [onA, onB] = await Promise.all([connect(node('A').url, session, 'a1@A'), connect(node('B').url, session, 'a1@B')]);
    const posted = await inbound(node('A').url, { channel: 'chat', externalId: 'retry-1', text: 'Can you check my order?', from: { email: 'retry1@example.com' } });
    const { caseId } = posted.body as unknown as InboundResult;
    const from = await observer!.store.head();

    // A retry after the first answer was lost: A applied it, B must answer with A's result.
    const sequential = { type: 'note', caseId: caseId!, text: 'note sent twice, one after the other', mutationId: randomUUID() } as const;
    const first = await onA.request('mutate', sequential);
    const retried = await onB.request('mutate', sequential);
    expect(first).toMatchObject({ ok: true, outcome: 'applied' });
    expect(retried).toEqual(first);

    // A retry racing the first attempt: both nodes claim the id at once; one applies it, the other waits and answers with its result.
    const racing = { type: 'note', caseId: caseId!, text: 'note sent to two nodes at once', mutationId: randomUUID() } as const;
    const [onFirst, onSecond] = await Promise.all([onA.request('mutate', racing), onB.request('mutate', racing)]);
    expect(onFirst).toMatchObject({ ok: true, outcome: 'applied' });
    expect(onSecond).toEqual(onFirst);

    // The same for a connector: a message posted to A, and again to B (one after the other, then both at once),
    // creates one interaction; every answer names it.
    const message = { channel: 'chat', externalId: 'retry-inbound-1', text: 'Is anyone there?', from: { email: 'retry2@example.com' } };
    const [once, again] = [await inbound(node('A').url, message), await inbound(node('B').url, message)];
    expect([once.status, again.status]).toEqual([201, 200]);
    expect(again.body).toEqual({ ...once.body, duplicate: true });
    const raced = { ...message, externalId: 'retry-inbound-2' };
    const both = await Promise.all([inbound(node('A').url, raced), inbound(node('B').url, raced)]);
    expect(both.map((r) => r.status).sort()).toEqual([200, 201]);
    expect(new Set(both.map((r) => r.body.interactionId)).size).toBe(1);

    const notes = (await observer!.store.changesAfter(from, 10_000)).filter((c) => c.change.entity === 'interaction' && c.change.op === 'upsert');
    const texts = notes.map((c) => (c.change.data as Interaction).text);
    expect(texts.filter((t) => t === sequential.text)).toHaveLength(1);
    expect(texts.filter((t) => t === racing.text)).toHaveLength(1);
    expect(texts.filter((t) => t === message.text)).toHaveLength(2);
  }, 30_000);

  it('a session signed out through node A closes its sockets on every node (auth:expired revoked), and no node lets it connect again', async () => {
    const session = await login(node('A').url, 'a2');
    const bystander = await connect(node('B').url, await sessionOf('a1'), 'a1@B');
    const sockets = await Promise.all((['A', 'B', 'C'] as const).map((n) => connect(node(n).url, session, `a2@${n}`)));

    const out = await post(node('A').url, '/api/v1/auth/logout', { refreshToken: session.refreshToken });
    expect(out.status).toBe(200);
    for (const s of sockets) {
      await s.until('auth:expired (revoked), then the disconnect', () => s.disconnected !== null && s.events.find((e) => e.name === 'auth:expired'));
      expect(s.events.find((e) => e.name === 'auth:expired')?.payload).toEqual({ reason: 'revoked' });
      expect(s.disconnected).toBe('io server disconnect');
    }
    // Another person's connection on a node that relayed the sign-out is untouched.
    expect(bystander.disconnected).toBeNull();
    await bystander.request('sync:pull', { cursor: await observer!.store.head(), limit: 1 });
    for (const n of ['A', 'B', 'C'] as const) expect(await handshakeRefusal(node(n).url, session.accessToken)).toBe('revoked');
  }, 30_000);

  it('a sign-out made while Redis is away still closes the session on every node once Redis is back', async () => {
    const session = await login(node('A').url, 'a3');
    const onB = await connect(node('B').url, session, 'a3@B');
    const port = redis!.port;
    await redis!.stop();
    let redisBack = false;
    afterThisTest.push(async () => {
      if (!redisBack) redis = await startRedis({ port });
    });
    // Node A ends the session; its relay to B cannot go anywhere while Redis is away.
    expect((await post(node('A').url, '/api/v1/auth/logout', { refreshToken: session.refreshToken })).status).toBe(200);
    redis = await startRedis({ port });
    redisBack = true;
    // B asks the store again when its Redis link comes back: the connection ends long before the token would.
    await onB.until('auth:expired (revoked) on B after Redis came back', () => onB.events.find((e) => e.name === 'auth:expired'), 20_000);
    expect(onB.events.find((e) => e.name === 'auth:expired')?.payload).toEqual({ reason: 'revoked' });
  }, 45_000);

  it('Redis stopped and restarted mid-traffic: messages keep being accepted and reach clients on every node through the log, without a gap; then live events cross nodes again', async () => {
    const sup = await sessionOf('sup1');
    const clients = await Promise.all([
      connect(node('A').url, sup, 'sup1@A'),
      connect(node('B').url, sup, 'sup1@B'),
      connect(node('A').url, await sessionOf('a1'), 'a1@A'),
      connect(node('B').url, await sessionOf('a2'), 'a2@B'),
    ]);
    const [supA, supB, a1, a2] = clients;
    const start = Math.max(...clients.map((c) => c.head));

    // A connector posting to A and B in turn, without pause, until told to stop.
    const sent: Array<{ i: number; node: string; result: InboundResult; attempts: number }> = [];
    let stopping = false;
    const traffic = (async () => {
      for (let i = 0; !stopping; i++) {
        const on = i % 2 ? node('B') : node('A');
        const { result, attempts } = await deliver(on.url, { channel: i % 3 ? 'chat' : 'email', externalId: `redis-${i}`, subject: `redis topic ${i % 4}`, text: `redis traffic ${i}`, from: { email: `r${i % 6}@example.com` } });
        sent.push({ i, node: on.name, result, attempts });
      }
    })();
    traffic.catch(() => {}); // awaited below; a failure must not go unhandled meanwhile
    afterThisTest.push(async () => {
      stopping = true;
      await traffic.catch(() => {});
    });

    await eventually('8 messages before Redis stops', () => sent.length >= 8);
    const port = redis!.port;
    await redis!.stop();
    // The next tests need Redis, whatever happens to this one.
    let redisBack = false;
    afterThisTest.push(async () => {
      if (!redisBack) redis = await startRedis({ port });
    });
    const stoppedAt = sent.length;
    await eventually('8 more messages while Redis is down', () => sent.length >= stoppedAt + 8, 15_000);
    // Redis is still down: these reached both supervisors (one on each node) through the change log alone.
    const whileDown = sent.slice(stoppedAt + 1, stoppedAt + 8);
    for (const c of [supA, supB]) {
      await c.until('the messages sent while Redis is down', () => whileDown.every((m) => interactionIn(c, m.result.interactionId!)));
    }
    // Signing in and connecting need no Redis either: limits and cool-downs fall back to the node's own memory.
    const signedInWhileDown = await login(node('B').url, 'a1');
    await connect(node('B').url, signedInWhileDown, 'a1@B (Redis down)');
    redis = await startRedis({ port });
    redisBack = true;
    const restartedAt = sent.length;
    await eventually('8 more messages after Redis is back', () => sent.length >= restartedAt + 8, 15_000);
    stopping = true;
    await traffic;

    // Every message accepted at the first try, whatever Redis was doing.
    expect(sent.filter((m) => m.attempts !== 1)).toEqual([]);
    expect(sent.filter((m) => m.result.duplicate)).toEqual([]);
    for (const c of [supA, supB]) {
      await c.until('every message of the traffic', () => sent.every((m) => interactionIn(c, m.result.interactionId!)));
    }
    // Each agent got, live, every message of a case assigned to them.
    for (const [c, who] of [[a1, 'a1'], [a2, 'a2']] as const) {
      const theirs = sent.filter((m) => m.result.assigneeId === who);
      await c.until(`every message of a case assigned to ${who}`, () => theirs.every((m) => interactionIn(c, m.result.interactionId!)));
    }
    // No gap: every batch starts where the previous one ended, and a supervisor got every change of the log once.
    for (const c of clients) expect(chainBreaks(c)).toEqual([]);
    const end = Math.min(supA.batches.at(-1)!.to, supB.batches.at(-1)!.to);
    const logged = (await observer!.store.changesAfter(start, 100_000)).map((c) => c.change.seq).filter((s) => s <= end);
    for (const c of [supA, supB]) {
      const seqs = c.changes().map((ch) => ch.seq).filter((s) => s > start && s <= end);
      expect({ who: c.label, seqs }).toEqual({ who: c.label, seqs: logged });
    }

    // Live events cross nodes again once the nodes have reconnected to Redis: presence set on B is seen on A
    // and the other way round (asked again until seen: the adapters reconnect with backoff).
    const caseOf = (who: string) => sent.find((m) => m.result.assigneeId === who)?.result.caseId ?? sent[0].result.caseId!;
    for (const [setter, staffId, seer, caseId] of [[a2, 'a2', a1, caseOf('a2')], [a1, 'a1', a2, caseOf('a1')]] as const) {
      const asked = Date.now();
      const seen = () => seer.events.some((e) => e.name === 'presence' && presenceOf(e.payload).caseId === caseId && presenceOf(e.payload).present.some((p) => p.staffId === staffId && p.at >= asked));
      await eventually(`presence set through ${setter.label} seen by ${seer.label}`, async () => {
        if (!seen()) await setter.request('presence:set', { caseId, state: 'viewing' });
        return seer.until('presence', () => seen(), 500).then(() => true, () => false);
      }, 15_000, 0);
    }
    for (const n of ['A', 'B', 'C'] as const) expect(healthy(node(n))).toEqual(HEALTHY(node(n)));
  }, 60_000);

  it('a node SIGKILLed mid-traffic: its workstations reconnect through HAProxy to the other nodes and converge by checksum, every message applied exactly once', async () => {
    const dirs = tempDir();
    afterThisTest.push(() => dirs.cleanup());
    const people = ['a1', 'a2', 'a3', 'sup1'];
    const sessionsThroughProxy = await Promise.all(people.map((p) => login(proxy!.url, p)));
    const stations = people.map((who, i) => {
      const db = openCacheDatabase(join(dirs.dir, `${who}.db`), { key: randomBytes(32) });
      const ws = startTestWorkstation(proxy!.url, sessionsThroughProxy[i], db);
      return { who, db, ws };
    });
    afterThisTest.push(async () => {
      for (const s of stations) {
        await s.ws.client.stop().catch(() => {});
        s.db.close();
      }
    });
    await Promise.all(stations.map((s) => s.ws.caughtUp(30_000)));

    // The node holding the most workstations dies.
    const live = [node('A'), node('B'), node('C')];
    const held = await Promise.all(live.map(async (n) => ({ n, connections: (await n.status()).connections })));
    expect(held.reduce((sum, h) => sum + h.connections, 0)).toBe(stations.length);
    const { n: victim, connections: onVictim } = held.sort((x, y) => y.connections - x.connections)[0];
    const survivors = live.filter((n) => n !== victim);

    // A connector posting through the balancer: three at a time, each message retried until accepted.
    const TOTAL = 60;
    const results = new Map<string, { result: InboundResult; attempts: number }>();
    const messages = Array.from({ length: TOTAL }, (_, i) => ({
      channel: i % 2 ? 'email' : 'chat',
      externalId: `kill-${i}`,
      subject: `kill topic ${i % 5}`,
      text: `kill traffic ${i}`,
      from: { email: `k${i % 8}@example.${i % 3 ? 'com' : 'gr'}` },
    }));
    let next = 0;
    const traffic = Promise.all(
      [0, 1, 2].map(async () => {
        while (next < TOTAL) {
          const msg = messages[next++];
          results.set(msg.externalId, await deliver(proxy!.url, msg));
          await new Promise((r) => setTimeout(r, 20));
        }
      }),
    );
    traffic.catch(() => {}); // awaited below; a failure must not go unhandled meanwhile
    afterThisTest.push(() => traffic.catch(() => {}));

    await eventually('a third of the traffic', () => results.size >= TOTAL / 3);
    const eventsBefore = stations.map((s) => s.ws.seen.connection.length);
    await victim.kill();
    const killedAfter = results.size;
    // A replacement takes the dead node's place in the balancer (same port) while the traffic goes on.
    const replacement = await startNode(`${victim.name}'`, victim.port);
    nodes[victim.name as 'A' | 'B' | 'C'] = replacement;
    await traffic;
    expect(killedAfter).toBeLessThan(TOTAL);
    expect(results.size).toBe(TOTAL);

    // Its workstations came back through the balancer: all online again, held by the nodes still running.
    await eventually('every workstation connected again', async () => {
      if (!stations.every((s) => s.ws.client.state() === 'online')) return false;
      const counts = await Promise.all([...survivors, replacement].map(async (n) => (await n.status()).connections));
      return counts.reduce((a, b) => a + b, 0) === stations.length;
    }, 20_000);
    // Exactly the victim's workstations lost their connection; the others' stayed up.
    const moved = stations.filter((s, i) => s.ws.seen.connection.slice(eventsBefore[i]).includes('reconnecting'));
    expect(moved).toHaveLength(onVictim);

    // Converged: each cache equals the hub's rows for its person's scope, by checksum.
    await Promise.all(stations.map((s) => s.ws.caughtUp(20_000)));
    await eventually('every cache equal to the hub for its scope', async () => {
      for (const s of stations) if (checksum(cacheRows(s.db)) !== checksum(await hubRows(s.who))) return false;
      return true;
    }, 30_000, 200).catch(() => undefined);
    for (const s of stations) {
      const [cache, hub] = [cacheRows(s.db), await hubRows(s.who)];
      expect({ who: s.who, checksum: checksum(cache), differences: differences(cache, hub) }).toEqual({ who: s.who, checksum: checksum(hub), differences: [] });
      expect({ who: s.who, setAside: s.ws.seen.setAside }).toEqual({ who: s.who, setAside: [] });
      expect(readSyncState(s.db).cursor).toBeLessThanOrEqual(await observer!.store.head());
    }

    // Exactly once: one interaction per message on the hub, and in every cache that has the case in scope.
    const ids = new Map([...results].map(([ext, r]) => [ext, r.result.interactionId!]));
    const onHub = new Map<string, Set<string>>();
    for (const { change } of await observer!.store.changesAfter(0, 1_000_000)) {
      if (change.entity !== 'interaction' || change.op !== 'upsert' || !ids.has(change.data.externalId ?? '')) continue;
      (onHub.get(change.data.externalId!) ?? onHub.set(change.data.externalId!, new Set()).get(change.data.externalId!)!).add(change.id);
    }
    for (const [ext, id] of ids) expect({ ext, ids: [...(onHub.get(ext) ?? [])] }).toEqual({ ext, ids: [id] });
    for (const s of stations) {
      const cached = (s.db.prepare(`SELECT data FROM ${ENTITY_TABLES.interaction.table}`).pluck().all() as string[]).map((d) => JSON.parse(d) as Interaction);
      const byMessage = new Map<string, string[]>();
      for (const i of cached) if (i.externalId && ids.has(i.externalId)) byMessage.set(i.externalId, [...(byMessage.get(i.externalId) ?? []), i.id]);
      const inScope = await hubRows(s.who);
      for (const [ext, id] of ids) {
        expect({ who: s.who, ext, ids: byMessage.get(ext) ?? [] }).toEqual({ who: s.who, ext, ids: inScope.has(`interaction:${id}`) ? [id] : [] });
      }
    }
    // The supervisor sees everything; the Greek agent got the Greek customers' cases.
    expect(stations.find((s) => s.who === 'sup1')!.db.prepare('SELECT count(*) FROM interactions WHERE id IN (SELECT value FROM json_each(?))').pluck().get(JSON.stringify([...ids.values()]))).toBe(TOTAL);
    const a3 = stations.find((s) => s.who === 'a3')!;
    expect(a3.db.prepare('SELECT count(*) FROM interactions WHERE id IN (SELECT value FROM json_each(?))').pluck().get(JSON.stringify([...ids.values()]))).toBeGreaterThan(0);
    for (const n of [...survivors, replacement]) expect(healthy(n)).toEqual(HEALTHY(n));
  }, 90_000);

  it('periodic work runs once: two nodes ticking at once flag one overdue case once (one change, one sla:breach) and escalate one old alert once', async () => {
    let offset = 0;
    const now = () => Date.now() + offset;
    const [x, y] = await Promise.all([startInProcessNode(now), startInProcessNode(now)]);
    const watcher = await connect(node('A').url, await sessionOf('sup1'), 'sup1@A');

    const posted = await inbound(x.url, { channel: 'chat', externalId: 'tick-1', text: ANGRY, from: { email: 'tick1@example.com' } });
    expect(posted.status).toBe(201);
    const { caseId } = posted.body as unknown as InboundResult;
    const alert = await observer!.store.openAlertOfCase(caseId!);
    expect(alert).toMatchObject({ status: 'raised', escalatedAt: null });
    const kase = await observer!.store.get('case', caseId!);
    expect(kase).toMatchObject({ slaBreachedAt: null });

    // 16 minutes later on both nodes: the first reply (5 min) is overdue and the alert unacknowledged (15 min).
    offset = 16 * 60_000;
    const [supX, a1Y] = await Promise.all([x.auth.startSession(x.ctx.staff('sup1')!), y.auth.startSession(y.ctx.staff('a1')!)]);
    const onX = await connect(x.url, supX, 'sup1@X');
    const onY = await connect(y.url, await y.auth.startSession(y.ctx.staff('sup1')!), 'sup1@Y');
    const from = await observer!.store.head();
    await Promise.all([x.tick(), y.tick(), x.tick(), y.tick()]);

    // Everything either node emitted before these presence broadcasts has reached every watcher once they arrive
    // (each node's live events go through one Redis stream, in order).
    await onX.request('presence:set', { caseId: caseId!, state: 'viewing' });
    const a1OnY = await connect(y.url, a1Y, 'a1@Y');
    await a1OnY.request('presence:set', { caseId: caseId!, state: 'viewing' });
    const who = (p: unknown) => presenceOf(p).present.map((e) => e.staffId).sort().join(',');
    for (const c of [watcher, onX, onY]) {
      await c.until('presence broadcast by both nodes', () => {
        const seen = c.events.filter((e) => e.name === 'presence' && presenceOf(e.payload).caseId === caseId).map((e) => who(e.payload));
        return seen.includes('sup1') && seen.includes('a1,sup1');
      });
      const breaches = c.events.filter((e) => e.name === 'sla:breach' && (e.payload as { caseId: string }).caseId === caseId);
      expect({ who: c.label, breaches: breaches.map((e) => e.payload) }).toEqual({ who: c.label, breaches: [{ caseId, kind: 'first', dueAt: kase!.firstResponseDueAt }] });
    }

    const logged = (await observer!.store.changesAfter(from, 100_000)).map((c) => c.change);
    const caseChanges = logged.filter((c) => c.entity === 'case' && c.id === caseId);
    expect(caseChanges).toHaveLength(1);
    expect(caseChanges[0]).toMatchObject({ op: 'upsert', data: { slaBreachedAt: expect.any(Number), version: kase!.version + 1 } });
    const alertChanges = logged.filter((c) => c.entity === 'alert' && c.id === alert!.id);
    expect(alertChanges).toHaveLength(1);
    expect(alertChanges[0]).toMatchObject({ op: 'upsert', data: { escalatedAt: expect.any(Number), version: alert!.version + 1 } });
  }, 30_000);

  it('a node that loses PostgreSQL answers with a retryable error, writes nothing half, and serves again once it is back', async () => {
    const a1 = await connect(node('A').url, await sessionOf('a1'), 'a1@A (database outage)');
    await postgres!.kill();
    let restarted = false;
    afterThisTest.push(async () => {
      if (!restarted) await postgres!.restart();
    });
    const message: InboundBody = { channel: 'chat', externalId: 'db-outage-1', text: 'Anyone there?', from: { email: 'outage@example.com' } };
    const refused = await inbound(node('A').url, message);
    expect(refused).toMatchObject({ status: 503, body: { error: 'unavailable' } });
    const ack = (await (a1.socket.timeout(10_000).emitWithAck as (...a: unknown[]) => Promise<unknown>)('sync:pull', { cursor: 0, limit: 1 })) as { ok: boolean; reason?: string; retryAfterMs?: number };
    expect(ack).toMatchObject({ ok: false, reason: 'unavailable', retryAfterMs: expect.any(Number) });
    await postgres!.restart();
    restarted = true;
    // The refused message was not half-written: sent again once the database is back, it is new, and once.
    const { result } = await deliver(node('A').url, message);
    expect(result.duplicate).toBe(false);
    const again = await deliver(node('B').url, message);
    expect(again.result).toMatchObject({ duplicate: true, interactionId: result.interactionId });
  }, 60_000);

  it('a policy an admin sets through one node reaches sockets on the other nodes at once, through Redis', async () => {
    const x = await startInProcessNode(Date.now);
    // An admin of its own (the cluster's org has none), signed in on X without a password.
    const { staff: adminRow } = person('adm-policy', 'admin', { status: 'offline' });
    await x.ctx.write((w) => w.save('staff', adminRow));
    const adminSession = await x.auth.startSession(x.ctx.staff(adminRow.id)!);
    const [a1, sup1] = await Promise.all([connect(node('A').url, await sessionOf('a1'), 'a1@A'), connect(node('B').url, await sessionOf('sup1'), 'sup1@B')]);

    const policy = { maxOfflineHours: 6, idleLockMinutes: 4 };
    const res = await fetch(`${x.url}/api/v1/admin/policy`, { method: 'PUT', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${adminSession.accessToken}` }, body: JSON.stringify(policy) });
    expect(res.status).toBe(200);
    for (const c of [a1, sup1]) {
      const received = await c.until('the policy set on X', () => c.events.find((e) => e.name === 'policy'), 2_000);
      expect(received.payload).toEqual(policy);
    }
    // A connection made afterwards, on any node, is greeted with it.
    const later = await connect(node('C').url, await sessionOf('a2'), 'a2@C');
    expect(later.events.find((e) => e.name === 'hello')?.payload).toMatchObject({ policy });
  });
});
