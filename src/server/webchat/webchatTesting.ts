import { randomUUID } from 'node:crypto';
import { io, type Socket } from 'socket.io-client';
import { WEBCHAT_NAMESPACE, WEBCHAT_SESSIONS_PATH, type VisitorAck, type VisitorRequestName, type WebchatSession } from '../../shared/protocol';
import type { TestHub } from '../testing/hubHarness';
import { WEBCHAT_SETTINGS_KEY } from './webchatSettings';

/** The shop origin web chat tests allow. */
export const SHOP = 'https://shop.example';

/** Allows `origins` for the web chat through the admin API, as `admin`. */
export async function allowOrigins(t: TestHub, admin: string, origins: string[]): Promise<void> {
  const session = await t.login(admin);
  const r = await t.http('/api/v1/admin/webchat', { allowedOrigins: origins }, { Authorization: `Bearer ${session.accessToken}` }, 'PUT');
  if (r.status !== 200) throw new Error(`allowing origins: ${r.status} ${JSON.stringify(r.body)}`);
}

let addresses = 0;
/**
 * Asks for a visitor session from an address of its own (the hub trusts X-Forwarded-For in these tests), so that
 * the per-address limit is only met where a test means to meet it.
 */
export const askSession = (t: TestHub, body: Record<string, unknown> = {}, address = `10.1.${Math.floor(++addresses / 250)}.${addresses % 250}`) =>
  t.http(WEBCHAT_SESSIONS_PATH, { queue: 'q-chat', origin: SHOP, ...body }, { 'X-Forwarded-For': address });

/** Allows `origins` straight in the store (tests that are not about the admin API, over the standard org). */
export async function allowOriginsInStore(t: TestHub, origins: string[]): Promise<void> {
  await t.hub.ctx.write((w) => w.setMeta(WEBCHAT_SETTINGS_KEY, JSON.stringify({ allowedOrigins: origins, updatedAt: t.hub.ctx.now() })));
}

/** Starts a visitor session (throws unless the hub answers 201). */
export async function startSession(t: TestHub, body: Record<string, unknown> = {}): Promise<WebchatSession> {
  const r = await askSession(t, body);
  if (r.status !== 201) throw new Error(`session: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body as unknown as WebchatSession;
}

/** A widget's connection to the `/visitor` namespace, recording what the hub pushes. */
export interface TestVisitor {
  socket: Socket;
  events: Array<{ name: string; payload: unknown }>;
  /** Answers a `message` push (the widget acknowledges what it got) unless told not to. */
  acks: boolean;
  ask<T = unknown>(name: VisitorRequestName | string, payload: unknown): Promise<VisitorAck<T>>;
  /** Like ask, but throws on a refusal. */
  request<T = Record<string, unknown>>(name: VisitorRequestName, payload: unknown): Promise<T>;
  waitForEvent<T = unknown>(name: string, pred?: (p: T) => boolean, ms?: number): Promise<T>;
  close(): void;
}

const opened: Socket[] = [];

/** Connects a visitor with `token`; rejects with the hub's refusal (its `data.reason`). */
export async function connectVisitor(t: TestHub, token: string): Promise<TestVisitor> {
  const socket = io(`${t.hub.url}${WEBCHAT_NAMESPACE}`, { transports: ['websocket'], auth: { token }, reconnection: false, forceNew: true });
  opened.push(socket);
  const events: TestVisitor['events'] = [];
  const waiters: Array<() => void> = [];
  const visitor: TestVisitor = {
    socket,
    events,
    acks: true,
    async ask(name, payload) {
      return (await socket.timeout(10_000).emitWithAck(name, payload)) as VisitorAck<never>;
    },
    async request(name, payload) {
      const a = await visitor.ask(name, payload);
      if (!a.ok) throw Object.assign(new Error(`${name}: ${a.reason}: ${a.message}`), { reason: a.reason });
      return a.value as never;
    },
    waitForEvent: (name, pred = () => true, ms = 5_000) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`timed out waiting for ${name}`)), ms);
        const check = () => {
          const found = events.find((e) => e.name === name && pred(e.payload as never));
          if (!found) return void waiters.push(check);
          clearTimeout(timer);
          resolve(found.payload as never);
        };
        check();
      }),
    close: () => void socket.disconnect(),
  };
  socket.onAny((name: string, ...args: unknown[]) => {
    const ack = args[args.length - 1];
    if (typeof ack === 'function' && visitor.acks) (ack as () => void)();
    events.push({ name, payload: args[0] });
    waiters.splice(0).forEach((w) => w());
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', (err: Error & { data?: { reason?: string } }) => reject(Object.assign(err, { reason: err.data?.reason })));
  });
  return visitor;
}

/** Closes every visitor socket the tests opened. */
export function closeVisitors(): void {
  for (const s of opened.splice(0)) s.disconnect();
}

export const clientId = (): string => randomUUID();
