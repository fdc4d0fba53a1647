import { randomBytes, randomUUID } from 'node:crypto';
import { io, type Socket } from 'socket.io-client';
import type {
  Ack,
  Change,
  ClientToServerEvents,
  InboundMessage,
  MutationResult,
  RequestName,
  RequestOf,
  ResponseOf,
  ServerToClientEvents,
  Session,
} from '../../shared/protocol';
import { signBody } from '../http/signature';
import { createHub, type Hub, type HubOptions } from '../hub';
import type { OrgData } from '../loadOrg';
import { testData } from './testData';

export type HubSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** A test clock: starts at a fixed time and moves only when told. */
export function testClock(start = Date.UTC(2026, 10, 23, 9, 0, 0)) {
  let t = start;
  return { now: () => t, advance: (ms: number) => void (t += ms), set: (ms: number) => void (t = ms) };
}

/** A connected workstation socket that records what the hub pushes. */
export interface TestClient {
  socket: HubSocket;
  session: Session;
  changes: Change[];
  events: Array<{ name: string; payload: unknown }>;
  request<N extends RequestName>(name: N, payload: RequestOf<N>): Promise<ResponseOf<N>>;
  mutate(m: Record<string, unknown> & { type: string }): Promise<MutationResult>;
  /** Resolves when a pushed change satisfies `pred` (or rejects after `ms`). */
  waitFor(pred: (c: Change) => boolean, ms?: number): Promise<Change>;
  waitForEvent(name: string, ms?: number): Promise<unknown>;
}

/**
 * A real hub on 127.0.0.1 port 0 over real data of its own (a SQLite file in a temp folder, or a PostgreSQL
 * database with HUB_TEST_STORE=postgres: see testData.ts), loaded with `testOrg()` (or the given org), plus
 * helpers to sign in, connect real socket.io-client sockets and post signed inbound messages. `stop()` closes
 * every socket and the hub and removes its data; call it in `afterEach`.
 */
export async function startTestHub(opts: Partial<HubOptions> & { org?: OrgData } = {}) {
  const secret = 'test-secret';
  const tokenKey = opts.tokenKey ?? randomBytes(32);
  const sockets: HubSocket[] = [];
  const data = await testData(opts.org);
  const open = async (port: number) => createHub({ ingestSecret: secret, tokenKey, tickMs: 3_600_000, ...opts, store: await data.open(), port });
  let hub: Hub = await open(0);

  const http = async (path: string, body: unknown, headers: Record<string, string> = {}, method = 'POST') => {
    const raw = typeof body === 'string' ? body : JSON.stringify(body);
    const res = await fetch(`${hub.url}${path}`, { method, headers: { 'Content-Type': 'application/json', ...headers }, body: raw });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };

  const harness = {
    secret,
    get hub() {
      return hub;
    },
    http,
    /** Posts a signed inbound message (`sign: false` leaves the signature off). */
    inbound(msg: Partial<InboundMessage> & Record<string, unknown>, sign = true) {
      const body = JSON.stringify({ channel: 'chat', externalId: randomUUID(), text: 'Hello', from: { email: 'jan@example.pl' }, ...msg });
      return http('/api/v1/inbound', body, sign ? { 'X-Signature': signBody(body, secret) } : {});
    },
    async login(username: string): Promise<Session> {
      const res = await http('/api/v1/auth/login', { username, password: `${username}-password-1` });
      if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body as unknown as Session;
    },
    /** Signs in (unless a session is given) and connects; resolves after `hello`. */
    async connect(who: string | Session): Promise<TestClient> {
      const session = typeof who === 'string' ? await harness.login(who) : who;
      const socket: HubSocket = io(hub.url, { transports: ['websocket'], auth: { token: session.accessToken }, reconnection: false, forceNew: true });
      sockets.push(socket);
      const changes: Change[] = [];
      const events: Array<{ name: string; payload: unknown }> = [];
      const waiters: Array<() => void> = [];
      socket.on('changes', (p) => {
        changes.push(...p.changes);
        waiters.splice(0).forEach((w) => w());
      });
      socket.onAny((name: string, payload: unknown) => {
        events.push({ name, payload });
        waiters.splice(0).forEach((w) => w());
      });
      await new Promise<void>((resolve, reject) => {
        socket.once('hello', () => resolve());
        socket.once('connect_error', reject);
      });
      const until = <T>(probe: () => T | undefined, ms: number, what: string) =>
        new Promise<T>((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), ms);
          const check = () => {
            const found = probe();
            if (found !== undefined) {
              clearTimeout(timer);
              resolve(found);
            } else waiters.push(check);
          };
          check();
        });
      const client: TestClient = {
        socket,
        session,
        changes,
        events,
        async request(name, payload) {
          const ack = (await (socket.timeout(10_000).emitWithAck as (...a: unknown[]) => Promise<unknown>)(name, payload)) as Ack<never>;
          if (!ack.ok) throw Object.assign(new Error(`${name}: ${ack.reason}: ${ack.message}`), { reason: ack.reason });
          return ack.value;
        },
        mutate: (m) => client.request('mutate', { mutationId: randomUUID(), ...m } as never) as Promise<MutationResult>,
        waitFor: (pred, ms = 3_000) => until(() => changes.find(pred), ms, 'a change'),
        waitForEvent: (name, ms = 3_000) => until(() => events.find((e) => e.name === name)?.payload, ms, `event ${name}`),
      };
      return client;
    },
    /** Stops the hub (sockets see the disconnect). `start()` brings it back on the same data and port. */
    async halt() {
      await hub.close();
    },
    async start() {
      hub = await open(hub.port);
    },
    /** Stops the hub and starts it again on the same file and port. */
    async restart() {
      await harness.halt();
      await harness.start();
    },
    async stop() {
      for (const s of sockets) s.disconnect();
      await hub.close().catch(() => {});
      await data.remove();
    },
  };
  return harness;
}
export type TestHub = Awaited<ReturnType<typeof startTestHub>>;
