/**
 * Raw Socket.IO clients and signed inbound traffic for the benchmarks: the load of many workstations without
 * running an engine for each (bench/hub.bench.ts, bench/support/agentLoad.ts).
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { io, type Socket } from 'socket.io-client';
import type { Change, ClientToServerEvents, ServerToClientEvents } from '../../src/shared/protocol';
import { signBody } from '../../src/server/http/signature';

export type BenchSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** One connected person, following the change feed: its cursor, and the gaps it saw after catching up. */
export interface BenchClient {
  id: string;
  token: string;
  socket: BenchSocket;
  cursor: number;
  caughtUp: boolean;
  gaps: number;
  /** The highest `to` of pushes set aside while catching up because they began above the cursor. */
  behindTo: number;
  onChanges?: (changes: Change[], at: number) => void;
}

/** A client for a session the hub opened (`{ id, token }`), not connected yet. */
export const benchClient = (session: { id: string; token: string }): BenchClient => ({
  ...session,
  socket: null as unknown as BenchSocket,
  cursor: 0,
  caughtUp: true,
  gaps: 0,
  behindTo: 0,
});

/** Connects over WebSocket and resolves on the hub's hello (the cursor starts at its head). */
export function connect(url: string, c: BenchClient): Promise<void> {
  c.socket = io(url, { transports: ['websocket'], auth: { token: c.token }, reconnection: false, forceNew: true });
  c.socket.on('changes', (p) => {
    const at = performance.now();
    if (p.from > c.cursor) {
      // Above the cursor: after catching up, changes were lost (a gap); while catching up, the pulls have not
      // got there yet, and moving the cursor past them would skip what lies between.
      if (!c.caughtUp) return void (c.behindTo = Math.max(c.behindTo, p.to));
      c.gaps++;
    }
    c.cursor = Math.max(c.cursor, p.to);
    c.onChanges?.(p.changes, at);
  });
  return new Promise((resolve, reject) => {
    c.socket.once('hello', (h) => {
      if (c.cursor === 0) c.cursor = h.head;
      resolve();
    });
    c.socket.once('connect_error', reject);
  });
}

/** Connects many clients, a hundred at a time (as a floor of workstations starting up would). */
export async function connectAll(url: string, clients: readonly BenchClient[]): Promise<void> {
  for (let i = 0; i < clients.length; i += 100) await Promise.all(clients.slice(i, i + 100).map((c) => connect(url, c)));
}

/**
 * Pulls from the client's cursor until the hub says there is no more and no push set aside meanwhile lies
 * beyond it (a push can overtake the answer of the last pull). The caller marks the client not caught up
 * before it connects again, so that pushes arriving before the first pull are set aside too.
 */
export async function catchUp(c: BenchClient): Promise<void> {
  for (;;) {
    const ack = await c.socket.emitWithAck('sync:pull', { cursor: c.cursor, limit: 1000 });
    if (!ack.ok) throw new Error(`pull: ${ack.message}`);
    c.cursor = Math.max(c.cursor, ack.value.cursor);
    if (!ack.value.more && c.behindTo <= c.cursor) break;
  }
  c.caughtUp = true;
}

const CHANNELS = ['chat', 'email', 'phone', 'video', 'social', 'sms', 'store'] as const;
const DOMAINS = ['example.com', 'example.pl', 'example.gr'];

/**
 * Sends message `n` from its own new customer, on a channel and language that vary with `n`: the answer as it
 * came, which may be a balancer's error page rather than the hub's JSON.
 */
export function sendInbound(url: string, secret: string, n: number, text: string): Promise<Response> {
  const from = { email: `customer${n}@${DOMAINS[n % 3]}`, name: `Customer ${n}` };
  const body = JSON.stringify({ channel: CHANNELS[n % 7], externalId: randomUUID(), text, from });
  return fetch(`${url}/api/v1/inbound`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Signature': signBody(body, secret) }, body });
}

/** Posts message `n` (see `sendInbound`) to a hub and reads its answer. */
export async function postInbound(url: string, secret: string, n: number, text: string) {
  const res = await sendInbound(url, secret, n, text);
  return { status: res.status, body: (await res.json()) as { caseId: string; assigneeId: string | null } };
}

export const sleep = (t: number) => new Promise((r) => setTimeout(r, t));
