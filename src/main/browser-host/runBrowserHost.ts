import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startEngineThread } from '../engine/engineThread';
import { startBrowserHost } from './startBrowserHost';

export interface RunBrowserHostOptions {
  hubUrl: string;
  /** Folder of the per-person encrypted caches. */
  dataDir: string;
  /** The built renderer (`electron-vite build` writes out/renderer). */
  rendererDir: string;
  port?: number;
}

/**
 * The engine and the browser host together, as `npm start` and the browser-host CLI run them: the engine on its
 * own worker thread, so that its database and sync work never hold up the answers to the page.
 */
export async function runBrowserHost(options: RunBrowserHostOptions): Promise<{ url: string; stop(): Promise<void> }> {
  const rendererDir = resolve(options.rendererDir);
  if (!existsSync(join(rendererDir, 'index.html'))) {
    throw new Error(`no built renderer in ${rendererDir}: run \`npm run build\` first`);
  }
  const engine = startEngineThread({ dataDir: resolve(options.dataDir), hubUrl: options.hubUrl });
  try {
    const host = await startBrowserHost({ engine, rendererDir, port: options.port });
    return {
      url: host.url,
      async stop() {
        await host.close();
        await engine.close();
      },
    };
  } catch (error) {
    await engine.close();
    throw error;
  }
}
