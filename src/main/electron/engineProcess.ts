/**
 * Entry of the engine's Electron utility process (see startEngineProcess.ts): the engine at the far end of the
 * process's parent port, the same protocol the browser host's worker thread speaks.
 */
import { serveEngine, type FromEngine, type ToEngine } from '../engine/enginePort';

const port = process.parentPort;
serveEngine(
  { post: (message: FromEngine) => port.postMessage(message), onMessage: (listener) => port.on('message', (event) => listener(event.data as ToEngine)) },
  () => process.exit(0),
);
