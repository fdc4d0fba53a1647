import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

// Native drivers stay outside the bundles: Node loads them from node_modules (or, in Electron, the driver
// built for Electron's ABI is passed in through `nativeBinding`; see src/main/electron/nativeBinding.ts).
const NATIVE = ['better-sqlite3-multiple-ciphers'];

export default defineConfig({
  main: {
    build: {
      externalizeDeps: { include: NATIVE },
      // The engine runs in a utility process of its own (src/main/electron/startEngineProcess.ts).
      rolldownOptions: { input: { index: resolve('src/main/index.ts'), engineProcess: resolve('src/main/electron/engineProcess.ts') } },
    },
  },
  preload: {
    build: {
      // A sandboxed preload cannot require from node_modules: bundle what it imports (the contract and zod),
      // as CommonJS, the only format a sandboxed preload runs.
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve('src/preload/index.ts') },
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve('src/renderer'),
    plugins: [react()],
    build: {
      outDir: resolve('out/renderer'),
      // electron-vite leaves the renderer unminified: minified, the page parses half as much before it paints.
      minify: true,
      // The signed-in workspace, the supervisor console and administration load as chunks of their own
      // (React.lazy in App.tsx and Workstation.tsx); rendererChunks.test.ts keeps them out of the first paint.
      rolldownOptions: { input: { index: resolve('src/renderer/index.html') } },
    },
  },
});
