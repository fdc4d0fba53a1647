/**
 * A hostile client in its own process, so that its own work does not slow the process that measures the hub:
 * connects with the access token it is given and fires `FLOOD_EVENT` frames without waiting for answers, in
 * bursts of 500 per turn of its event loop, reconnecting whenever the hub closes it (unless FLOOD_TOTAL is
 * set: then it sends that many frames once and does not come back). Reports `{type: 'closed'}` each time the
 * hub closes it, and its counts when sent `{type: 'stop'}`. Used by the flood tests and bench:hub.
 * Environment: FLOOD_URL, FLOOD_TOKEN, FLOOD_EVENT, FLOOD_PAYLOAD (JSON), FLOOD_TOTAL (optional).
 */
import { io, type Socket } from 'socket.io-client';

export interface FloodCount {
  sent: number;
  answered: number;
  refused: number;
  closed: number;
}

const url = process.env.FLOOD_URL!;
const token = process.env.FLOOD_TOKEN!;
const event = process.env.FLOOD_EVENT!;
const payload: unknown = JSON.parse(process.env.FLOOD_PAYLOAD ?? '{}');
const total = process.env.FLOOD_TOTAL ? Number(process.env.FLOOD_TOTAL) : Number.POSITIVE_INFINITY;
const BURST = 500;

const count: FloodCount = { sent: 0, answered: 0, refused: 0, closed: 0 };
let stopping = false;
let socket: Socket | null = null;

function open(): void {
  if (stopping) return;
  socket = io(url, { transports: ['websocket'], auth: { token }, reconnection: false, forceNew: true });
  const s = socket;
  s.on('connect', function fire() {
    if (stopping || !s.connected || count.sent >= total) return;
    for (let i = 0; i < BURST && count.sent < total; i++) {
      count.sent++;
      s.emit(event, payload, (a: { ok: boolean }) => (a.ok ? count.answered++ : count.refused++));
    }
    setImmediate(fire);
  });
  s.on('disconnect', () => {
    count.closed++;
    process.send?.({ type: 'closed' });
    if (Number.isFinite(total)) return;
    setTimeout(open, 50);
  });
  s.on('connect_error', () => setTimeout(open, 200));
}

process.on('message', (m: { type: string }) => {
  if (m.type !== 'stop') return;
  stopping = true;
  socket?.disconnect();
  process.send?.(count);
  setTimeout(() => process.exit(0), 100);
});

open();
process.send?.({ type: 'ready' });
