import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Where `electron-vite build` writes the renderer the browser host serves. */
export const RENDERER_DIR = join(process.cwd(), 'out', 'renderer');

/**
 * Builds the app once before the journeys (they test what ships), unless E2E_SKIP_BUILD is set and a build
 * exists (re-running specs while the renderer has not changed).
 */
export default function buildRenderer(): void {
  if (process.env.E2E_SKIP_BUILD && existsSync(join(RENDERER_DIR, 'index.html'))) return;
  const started = Date.now();
  execFileSync('npx', ['electron-vite', 'build'], { stdio: 'inherit' });
  if (!statSync(join(RENDERER_DIR, 'index.html')).isFile()) throw new Error(`the build wrote no ${RENDERER_DIR}/index.html`);
  console.log(`renderer built in ${Date.now() - started} ms`);
}
