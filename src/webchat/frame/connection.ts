/**
 * The frame's link to the hub: Socket.IO on the frame's own origin (`/socket.io`), namespace `/visitor`, the
 * session's token as `auth`. Socket.IO reconnects after a dropped line by itself; a refused handshake or a
 * disconnect by the hub (a flooding visitor is cut off for a while) is tried again here, more slowly each time,
 * and a token the hub no longer knows is reported so a new session can start.
 */
import { io, type Socket } from 'socket.io-client';
import type { z } from 'zod';
import type { VISITOR_REQUESTS, VisitorAck, VisitorRequestName, VisitorServerEvents } from '../../shared/protocol/webchat';

export type RequestOf<N extends VisitorRequestName> = z.input<(typeof VISITOR_REQUESTS)[N][0]>;
export type ResponseOf<N extends VisitorRequestName> = z.output<(typeof VISITOR_REQUESTS)[N][1]>;

export interface LinkEvents {
  /** Connected (again): time to fetch what was missed. */
  up(): void;
  down(): void;
  /** The hub does not know this session's token. */
  unknownSession(): void;
}

/** How long a request may wait for its answer, including while the line is being restored. */
const REQUEST_TIMEOUT_MS = 20_000;
const RETRY_MS = [1_000, 2_000, 5_000, 10_000, 30_000];

export interface VisitorLink {
  request<N extends VisitorRequestName>(name: N, payload: RequestOf<N>): Promise<VisitorAck<ResponseOf<N>>>;
  on<E extends keyof VisitorServerEvents>(event: E, listener: VisitorServerEvents[E]): void;
  /** Connects again with another session's token. */
  reconnect(token: string): void;
}

export function connectVisitor(namespace: string, token: string, events: LinkEvents): VisitorLink {
  const socket: Socket<VisitorServerEvents> = io(namespace, { path: '/socket.io', auth: { token }, reconnectionDelayMax: 10_000 });
  let failures = 0;
  let retry: ReturnType<typeof setTimeout> | null = null;
  const again = () => {
    if (retry !== null) return;
    retry = setTimeout(() => {
      retry = null;
      socket.connect();
    }, RETRY_MS[Math.min(failures++, RETRY_MS.length - 1)]);
  };

  socket.on('connect', () => {
    failures = 0;
    events.up();
  });
  socket.on('disconnect', (reason) => {
    events.down();
    // Socket.IO comes back by itself unless the hub ended the connection.
    if (reason === 'io server disconnect') again();
  });
  socket.on('connect_error', (err: Error & { data?: { reason?: string } }) => {
    events.down();
    if (err.data?.reason === 'bad-token') events.unknownSession();
    else if (!socket.active) again();
  });

  return {
    async request(name, payload) {
      try {
        const timed = socket.timeout(REQUEST_TIMEOUT_MS) as unknown as { emitWithAck(event: string, payload: unknown): Promise<VisitorAck<never>> };
        return await timed.emitWithAck(name, payload);
      } catch {
        return { ok: false, reason: 'unavailable', message: `${name} was not answered in time` };
      }
    },
    on(event, listener) {
      // A push the hub asks to have acknowledged (a reply: that is how it becomes "delivered") is, once handled.
      socket.on(event, ((payload: never, ack?: unknown) => {
        (listener as (p: never) => void)(payload);
        if (typeof ack === 'function') (ack as () => void)();
      }) as never);
    },
    reconnect(next) {
      socket.auth = { token: next };
      socket.disconnect();
      socket.connect();
    },
  };
}
