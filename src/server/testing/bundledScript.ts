/**
 * A TypeScript entry point compiled once into a single JavaScript file, for tests that start it as a process
 * many times (the hub's command line, the crash test's sync process). `node --import tsx` resolves and
 * transforms every source module again in each process, which costs a second or more per start on a loaded
 * machine; the bundle starts in a fraction of that. It is the same code compiled by the same compiler tsx uses
 * (esbuild); packages stay outside it and load from node_modules as they do in production.
 */
import { mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build, type Plugin } from 'esbuild';

const NODE_MODULES = fileURLToPath(new URL('../../../node_modules', import.meta.url));

/**
 * Each module keeps its own `import.meta.url` (its source file), not the bundle's: code that finds files
 * beside itself (the web chat's entry points, for one) still finds them.
 */
const ownImportMetaUrl: Plugin = {
  name: 'own-import-meta-url',
  setup(b) {
    b.onLoad({ filter: /\.ts$/ }, (args) => ({
      contents: readFileSync(args.path, 'utf8').replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)),
      loader: 'ts',
    }));
  },
};

/**
 * Compiles `entry` into `outDir` (a test's own temporary folder) and returns the node arguments that run it;
 * the process's own arguments follow them.
 */
export async function bundleScript(entry: string, outDir: string): Promise<string[]> {
  const dir = join(outDir, `bundle-${basename(entry, extname(entry))}`);
  mkdirSync(dir, { recursive: true });
  // Packages are resolved from the folder the bundle is in.
  symlinkSync(NODE_MODULES, join(dir, 'node_modules'), 'dir');
  const outfile = join(dir, 'main.mjs');
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: 'linked',
    logLevel: 'warning',
    plugins: [ownImportMetaUrl],
  });
  return ['--enable-source-maps', outfile];
}
