/**
 * Entry of the engine's worker thread (see engineThread.ts): the engine at the far end of the thread's port.
 * When the host closes the engine, the port closes too, and with nothing left to do the thread ends.
 */
import { parentPort } from 'node:worker_threads';
import { serveEngine, type FromEngine, type ToEngine } from './enginePort';

if (!parentPort) throw new Error('engineWorker.ts runs as a worker thread (engineThread.ts starts it)');
const port = parentPort;
serveEngine(
  { post: (message: FromEngine) => port.postMessage(message), onMessage: (listener) => port.on('message', (message: ToEngine) => listener(message)) },
  () => port.close(),
);
