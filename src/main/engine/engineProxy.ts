import type { IpcResult, OutputOf } from '../../shared/ipc/contract';
import { createEmitter } from '../services/sync/emitter';
import type { Engine } from './createEngine';
import { internalFailure } from './engineError';
import type { EngineEvent } from './engineEvents';
import type { EngineStartOptions, FromEngine, PortLike, ToEngine } from './enginePort';
import { DEFAULT_IDLE_CHECK_MS } from './idleCheck';

/** The host's side of an engine that runs in another thread or process. */
export interface EngineProxyOptions {
  /** Where the engine's log lines go; default console.error. */
  log?: (line: string) => void;
  /** The OS's idle time (Electron: powerMonitor), read here and sent with each idle check the host runs. */
  systemIdleMs?: () => number;
}

/** Where the proxy hears that the engine's thread or process has ended (`error`: why, when it crashed). */
export type EngineEnded = (listener: (error?: unknown) => void) => void;

/**
 * An `Engine` for the host whose work happens at the other end of `port`: calls are posted as messages and
 * their answers resolve them; events are forwarded to subscribers. The host only relays (the engine checks
 * channel names and inputs), and nothing here hangs: an input that cannot be carried, an engine that fails to
 * start or crashes, and every call after `close` get an error answer.
 */
export function createEngineProxy(
  port: PortLike<FromEngine, ToEngine>,
  onEnded: EngineEnded,
  start: EngineStartOptions,
  options: EngineProxyOptions = {},
): Engine {
  const log = options.log ?? ((line: string) => console.error(line));
  const events = createEmitter<{ event: EngineEvent }>();
  const pending = new Map<number, (answer: Answer | 'ended') => void>();
  let nextId = 1;
  let ended = false;

  /** Posts a request and resolves with its answer; 'ended' when the engine ended first, 'unsendable' when it cannot be carried. */
  function request(message: ToEngine & { id: number }): Promise<Answer | 'ended' | 'unsendable'> {
    if (ended) return Promise.resolve('ended');
    return new Promise((resolve) => {
      pending.set(message.id, resolve);
      try {
        port.post(message);
      } catch {
        // Not structured-clone safe (only an input can be: the host sends nothing else of the caller's).
        pending.delete(message.id);
        resolve('unsendable');
      }
    });
  }

  port.onMessage((message) => {
    if (message.type === 'event') return events.emit('event', message.event);
    if (message.type === 'log') return log(message.line);
    const settle = pending.get(message.id);
    pending.delete(message.id);
    settle?.(message);
  });
  onEnded((error) => {
    ended = true;
    if (error !== undefined) log(`engine: its thread ended: ${error instanceof Error ? error.message : String(error)}`);
    for (const settle of pending.values()) settle('ended');
    pending.clear();
  });

  const hostIdle = options.systemIdleMs !== undefined;
  port.post({ type: 'start', options: { ...start, hostIdle } });

  async function invoke(channel: unknown, input: unknown): Promise<IpcResult<unknown>> {
    const answer = await request({ type: 'invoke', id: nextId++, channel, input });
    if (answer === 'unsendable') return { ok: false, error: { code: 'invalid-input', message: 'this input cannot be carried to the engine' } };
    return answer !== 'ended' && answer.type === 'answer' ? answer.result : internalFailure();
  }
  const checkIdle = async () => void (await request({ type: 'checkIdle', id: nextId++, systemIdleMs: options.systemIdleMs?.() ?? null }));

  // With the OS's idle time here, the idle timer runs here too, so each check carries a fresh reading.
  const idleCheckMs = start.idleCheckMs ?? DEFAULT_IDLE_CHECK_MS;
  const idleTimer = hostIdle && idleCheckMs > 0 ? setInterval(() => void checkIdle(), idleCheckMs) : null;
  idleTimer?.unref();

  return {
    invoke,
    call: (channel, input) => invoke(channel, input) as Promise<IpcResult<OutputOf<typeof channel>>>,
    subscribe: (listener) => events.on('event', listener),
    checkIdle,
    async close() {
      if (idleTimer) clearInterval(idleTimer);
      await request({ type: 'close', id: nextId++ });
    },
  };
}

/** An answer to one request. */
type Answer = Extract<FromEngine, { id: number }>;
