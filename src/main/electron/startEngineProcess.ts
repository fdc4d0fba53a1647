import { fileURLToPath } from 'node:url';
import { utilityProcess } from 'electron';
import type { Engine } from '../engine/createEngine';
import type { EngineStartOptions, FromEngine, ToEngine } from '../engine/enginePort';
import { createEngineProxy, type EngineProxyOptions } from '../engine/engineProxy';

/**
 * Starts the engine in an Electron utility process, so that database work, sync and search indexing never
 * hold up the main process, which drives the window. The main process keeps the window, OS notifications and
 * the OS idle time (`proxy.systemIdleMs`, sent with each idle check). electron-vite builds the entry beside
 * the main bundle (electron.vite.config.ts).
 */
export function startEngineProcess(options: EngineStartOptions, proxy: EngineProxyOptions): Engine {
  const child = utilityProcess.fork(fileURLToPath(new URL('./engineProcess.js', import.meta.url)), [], {
    serviceName: 'Workstation engine',
    stdio: 'inherit',
  });
  const ended = new Promise<number>((resolve) => child.once('exit', resolve));
  const engine = createEngineProxy(
    { post: (message: ToEngine) => child.postMessage(message), onMessage: (listener) => child.on('message', (message: FromEngine) => listener(message)) },
    (listener) => void ended.then((code) => listener(code === 0 ? undefined : new Error(`the engine's process exited with code ${code}`))),
    options,
    proxy,
  );
  return {
    ...engine,
    async close() {
      await engine.close();
      child.kill();
    },
  };
}
