import { Worker } from 'node:worker_threads';
import type { Engine } from './createEngine';
import type { EngineStartOptions, FromEngine, ToEngine } from './enginePort';
import { createEngineProxy, type EngineProxyOptions } from './engineProxy';

/** The engine on a worker thread, as the browser host holds it. */
export type ThreadEngine = Engine & {
  /** The worker's thread id (never the host's own, 0). */
  threadId: number;
  /** Resolves when the thread has ended (after `close`, or when it crashed). */
  ended: Promise<void>;
};

/**
 * The worker's entry beside this file, in this file's form: the TypeScript source under tsx and in tests, the
 * built JavaScript where a bundler has turned this module into .js.
 */
const entry = new URL(`./engineWorker${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url);

/**
 * A worker started from the TypeScript source registers tsx's loader itself before importing the entry: on
 * Node 20 a worker whose entry is a .ts file fails before loader flags inherited from the tsx CLI apply.
 */
function workerFor(file: URL): Worker {
  if (!file.pathname.endsWith('.ts')) return new Worker(file);
  const tsxApi = import.meta.resolve('tsx/esm/api');
  const boot = `import(${JSON.stringify(tsxApi)}).then(({ register }) => { register(); return import(${JSON.stringify(file.href)}); })`;
  return new Worker(boot, { eval: true });
}

/**
 * Starts the engine on its own thread, so that database work, sync and search indexing never hold up the
 * thread that answers the page. The engine behind it is createEngine's, over the message-port protocol
 * (enginePort.ts); its log lines come back to `proxy.log`.
 */
export function startEngineThread(options: EngineStartOptions, proxy: EngineProxyOptions = {}): ThreadEngine {
  const worker = workerFor(entry);
  const log = proxy.log ?? ((line: string) => console.error(line));
  let crash: unknown;
  worker.on('error', (error) => (crash = error));
  const ended = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  const engine = createEngineProxy(
    { post: (message: ToEngine) => worker.postMessage(message), onMessage: (listener) => worker.on('message', (message: FromEngine) => listener(message)) },
    (listener) => void ended.then(() => listener(crash)),
    options,
    { ...proxy, log },
  );
  return {
    ...engine,
    threadId: worker.threadId,
    ended,
    async close() {
      await engine.close();
      // The engine has closed its cache; whatever else it left running (a socket closing, a timer) goes with the thread.
      await worker.terminate();
    },
  };
}
