import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBrowserHost } from '../../src/main/browser-host/startBrowserHost';
import { createEngine, type Engine } from '../../src/main/engine/createEngine';
import { RENDERER_DIR } from './buildRenderer';

/** The engine and the browser host of one test, with a temp data folder (the workstation's caches). */
export interface E2eWorkstation {
  /** The page to open (the launch secret is in the fragment). */
  readonly url: string;
  readonly dataDir: string;
  readonly engine: Engine;
  /** What the engine logged, for the test's attachments. */
  readonly logs: string[];
  /**
   * Moves the engine's clock forward (idle lock, offline periods) and runs the idle check at once; the
   * engine's own idle timer is off so that nothing locks behind a test's back.
   */
  advanceClock(ms: number): Promise<void>;
  stop(): Promise<void>;
}

// Lowered from OWASP's cost: the journeys sign in several times and test the UI, not the key derivation.
const FAST_KDF = { N: 2 ** 12, r: 8, p: 1 };

export async function startE2eWorkstation(hubUrl: string): Promise<E2eWorkstation> {
  const dataDir = mkdtempSync(join(tmpdir(), 'e2e-workstation-'));
  const logs: string[] = [];
  let skew = 0;
  const engine = createEngine({
    dataDir,
    hubUrl,
    clock: () => Date.now() + skew,
    idleCheckMs: 0,
    kdf: FAST_KDF,
    // Quick reconnects: the offline journey brings the hub back and waits for the link.
    sync: { reconnect: { baseMs: 200, maxMs: 1_000 } },
    log: (message, detail) => logs.push(`${new Date().toISOString()} ${message} ${detail === undefined ? '' : String(detail)}`),
  });
  try {
    const host = await startBrowserHost({ engine, rendererDir: RENDERER_DIR });
    return {
      url: host.url,
      dataDir,
      engine,
      logs,
      async advanceClock(ms) {
        skew += ms;
        await engine.checkIdle();
      },
      async stop() {
        await host.close().catch((e: unknown) => logs.push(`host close: ${String(e)}`));
        await engine.close().catch((e: unknown) => logs.push(`engine close: ${String(e)}`));
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await engine.close();
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
}
