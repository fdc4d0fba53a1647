import { events, type EventName, type EventPayload, type IpcResult, type WorkstationApi } from './contract';
import { EVENT, EventMessageSchema, IMPORT_CHANNELS, IMPORT_SOCKET_PATH, INVOKE, IpcResultSchema, SOCKET_PATH } from './socketWire';

/**
 * The little of a socket.io-client socket this module uses. Declared here, not imported: src/shared stays
 * free of imports, and the renderer passes socket.io-client's `io` in.
 */
export interface SocketLike {
  on(event: string, listener: (...args: never[]) => void): unknown;
  timeout(ms: number): { emit(event: string, payload: unknown, ack: (error: Error | null, answer: unknown) => void): unknown };
  disconnect(): unknown;
}
/** socket.io-client's `io`, as far as this module calls it. */
export type IoFactory = (
  url: string,
  options: { path: string; transports: string[]; auth: { secret: string }; query?: { secret: string }; forceNew?: boolean; reconnection?: boolean },
) => SocketLike;

export interface SocketApiOptions {
  io: IoFactory;
  /** The browser host's origin, e.g. `window.location.origin`. */
  url: string;
  /** The launch secret from the page URL's fragment (`#secret=...`). */
  secret: string;
  /** How long a call may wait for its answer (a first sign-in derives a key and may sync a while). */
  timeoutMs?: number;
}

const unreachable = (message: string): IpcResult<never> => ({ ok: false, error: { code: 'engine-unreachable', message } });

/**
 * The WorkstationApi over the browser host's WebSocket: the same contract the preload exposes in Electron.
 * Answers and events are checked on arrival; a malformed one becomes an error (calls) or is dropped (events).
 */
export function createSocketApi(options: SocketApiOptions): WorkstationApi & { close(): void } {
  const socket = options.io(options.url, { path: SOCKET_PATH, transports: ['websocket'], auth: { secret: options.secret } });
  const timeoutMs = options.timeoutMs ?? 120_000;
  const listeners = new Map<EventName, Set<(payload: never) => void>>();

  socket.on(EVENT, (raw: unknown) => {
    const message = EventMessageSchema.safeParse(raw);
    if (!message.success || !Object.hasOwn(events, message.data.name)) return;
    const name = message.data.name as EventName;
    const payload = events[name].safeParse(message.data.payload);
    if (!payload.success) return;
    for (const listener of listeners.get(name) ?? []) (listener as (p: unknown) => void)(payload.data);
  });

  /** Sends one invoke on `over` and resolves with its checked answer. */
  const ask = (over: SocketLike, channel: string, input: unknown) =>
    new Promise<IpcResult<never>>((resolve) => {
      over.timeout(timeoutMs).emit(INVOKE, { channel, input }, (error, answer) => {
        if (error) return resolve(unreachable(`the workstation did not answer ${channel}: ${error.message}`));
        const result = IpcResultSchema.safeParse(answer);
        resolve(result.success ? (result.data as never) : unreachable(`the workstation sent a malformed answer to ${channel}`));
      });
    });
  /** An import goes on a socket of its own, opened for it and closed after (see IMPORT_SOCKET_PATH). */
  async function importOnItsOwn(channel: string, input: unknown) {
    const { secret } = options;
    const own = options.io(options.url, { path: IMPORT_SOCKET_PATH, transports: ['websocket'], auth: { secret }, query: { secret }, forceNew: true, reconnection: false });
    const lost = new Promise<IpcResult<never>>((resolve) => {
      own.on('connect_error', (error: Error) => resolve(unreachable(`the workstation refused the import connection: ${error.message}`)));
      own.on('disconnect', (reason: string) => resolve(unreachable(`the import connection closed: ${reason}`)));
    });
    try {
      return await Promise.race([ask(own, channel, input), lost]);
    } finally {
      own.disconnect();
    }
  }

  return {
    invoke: (channel, input) => (IMPORT_CHANNELS.includes(channel) ? importOnItsOwn(channel, input) : ask(socket, channel, input)),
    on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void) {
      const set = listeners.get(event) ?? listeners.set(event, new Set()).get(event)!;
      set.add(listener as (payload: never) => void);
      return () => void set.delete(listener as (payload: never) => void);
    },
    close: () => void socket.disconnect(),
  };
}
