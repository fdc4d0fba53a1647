import { format } from 'node:util';
import type { IpcResult } from '../../shared/ipc/contract';
import { createEngine, type Engine, type EngineOptions } from './createEngine';
import { internalFailure } from './engineError';
import type { EngineEvent } from './engineEvents';

/**
 * The one protocol between a host (browser host, Electron main process) and the engine running apart from it
 * (a worker thread, an Electron utility process). Both ends speak it over a `PortLike`, so the two hosts share
 * everything but the few lines that open the thread or process. Every message is structured-clone safe: errors
 * travel as IpcResults and log lines as text.
 */

/** What the engine's thread or process is started with: EngineOptions without the functions, which cannot cross. */
export type EngineStartOptions = Pick<EngineOptions, 'dataDir' | 'hubUrl' | 'idleCheckMs' | 'nativeBinding' | 'kdf' | 'sync'> & {
  /** The host reports the system's idle time with each `checkIdle` (Electron's powerMonitor lives in the main process). */
  hostIdle?: boolean;
};

/** Host → engine. `id` pairs a request with its answer. */
export type ToEngine =
  | { type: 'start'; options: EngineStartOptions }
  | { type: 'invoke'; id: number; channel: unknown; input: unknown }
  | { type: 'checkIdle'; id: number; systemIdleMs: number | null }
  | { type: 'close'; id: number };

/** Engine → host. */
export type FromEngine =
  | { type: 'answer'; id: number; result: IpcResult<unknown> }
  | { type: 'done'; id: number }
  | { type: 'event'; event: EngineEvent }
  | { type: 'log'; line: string };

/** Both ends of the protocol see their port like this (worker_threads and Electron each get a small adapter). */
export interface PortLike<In, Out> {
  post(message: Out): void;
  /** Registers the one message listener. */
  onMessage(listener: (message: In) => void): void;
}

/**
 * The engine's end: waits for `start`, creates the engine, then answers requests and forwards events until
 * `close`, after which `onClosed` runs (the thread or process then ends). An answer that cannot be carried
 * (not structured-clone safe) becomes an `internal` error answer, so the host never waits for it in vain.
 */
export function serveEngine(port: PortLike<ToEngine, FromEngine>, onClosed: () => void): void {
  let engine: Engine | null = null;
  let reportedIdleMs = 0;
  const log = (message: string, detail?: unknown) => port.post({ type: 'log', line: detail === undefined ? message : format(message, detail) });
  const answer = (id: number, result: IpcResult<unknown>) => {
    try {
      port.post({ type: 'answer', id, result });
    } catch (error) {
      log('engine: an answer could not be sent to the host', error);
      port.post({ type: 'answer', id, result: internalFailure() });
    }
  };

  port.onMessage((message) => {
    switch (message.type) {
      case 'start': {
        if (engine) return;
        const { hostIdle, ...options } = message.options;
        // A failure here ends the thread or process with the error, which the host turns into error answers.
        engine = createEngine({ ...options, log, ...(hostIdle ? { systemIdleMs: () => reportedIdleMs, idleCheckMs: 0 } : {}) });
        engine.subscribe((event) => port.post({ type: 'event', event }));
        return;
      }
      case 'invoke':
        if (!engine) return answer(message.id, internalFailure());
        void engine.invoke(message.channel, message.input).then((result) => answer(message.id, result));
        return;
      case 'checkIdle':
        if (message.systemIdleMs !== null) reportedIdleMs = message.systemIdleMs;
        void (engine?.checkIdle() ?? Promise.resolve())
          .catch((error: unknown) => log('engine: idle check failed', error))
          .then(() => port.post({ type: 'done', id: message.id }));
        return;
      case 'close':
        void (engine?.close() ?? Promise.resolve())
          .catch((error: unknown) => log('engine: close failed', error))
          .then(() => {
            port.post({ type: 'done', id: message.id });
            onClosed();
          });
        return;
    }
  });
}
