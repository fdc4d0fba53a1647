import { relative, resolve } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

/**
 * The sandboxed preload is bundled with everything it imports (electron.vite.config.ts) and loads before every
 * page: it needs the contract's names only. Bundled here the way the build bundles it, its dependency graph must
 * stay those few files; one value import of the contract would bring zod and the assist engine's word lists
 * (about 390 kB before names.ts existed).
 */
const ALLOWED_INPUTS = ['src/preload/index.ts', 'src/shared/ipc/electronWire.ts', 'src/shared/ipc/names.ts'];
/** A ceiling with room for new names, far below what any schema library would add. */
const MAX_BYTES = 8 * 1024;

describe('the preload bundle', () => {
  it('holds the preload, the wire names and the contract names only, in a few kB', async () => {
    const root = resolve(import.meta.dirname, '../..');
    const result = await build({
      entryPoints: [resolve(root, 'src/preload/index.ts')],
      absWorkingDir: root,
      bundle: true,
      write: false,
      metafile: true,
      minify: true,
      format: 'cjs',
      platform: 'node',
      external: ['electron'],
      logLevel: 'silent',
    });
    const inputs = Object.keys(result.metafile.inputs).map((path) => relative(root, resolve(root, path)));
    expect(inputs.sort()).toEqual(ALLOWED_INPUTS);
    const [output] = result.outputFiles;
    expect(output!.contents.byteLength).toBeLessThan(MAX_BYTES);
  });
});
