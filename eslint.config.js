// @ts-check
import tseslint from 'typescript-eslint';

/** Which process may import what: the path of a file says where it runs (see README, "Architecture"). */
const nodeOnly = ['node:*', 'better-sqlite3-multiple-ciphers', 'socket.io', 'electron'];
const restrict = (patterns, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }],
});

export default tseslint.config(
  { ignores: ['node_modules', 'out', 'dist', '.data', 'test-results', 'playwright-report'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    files: ['src/shared/**'],
    rules: restrict([...nodeOnly, 'react', 'react-dom', '@mantine/*', 'socket.io-client'], 'src/shared runs in every process: pure TypeScript only.'),
  },
  {
    // The web chat's browser code is bundled for shops' pages: contracts by type only (their schemas would add
    // hundreds of KB), nothing of the hub's.
    files: ['src/webchat/**'],
    ignores: ['src/webchat/**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: [...nodeOnly, 'react', 'react-dom', '@mantine/*', '**/server/**', '**/main/**', '**/renderer/**'], message: 'src/webchat runs on shops\' pages.' },
            { group: ['zod', '**/shared/**'], allowTypeImports: true, message: 'Import the contract by type only: the limits come from the frame page (frameConfig.ts).' },
          ],
        },
      ],
    },
  },
  {
    // At any depth (`**`): `../../../main/...` is as much the engine as `../main/...`. There are no path aliases
    // (tsconfig.json, electron.vite.config.ts), so a path is the only way in.
    files: ['src/renderer/**'],
    rules: restrict([...nodeOnly, '**/main/**', '**/server/**', '**/preload/**'], 'The renderer talks to the engine only through the IPC contract.'),
  },
  {
    // The sandboxed preload is bundled whole into every window: the contract's names, not its schemas
    // (src/preload/preloadBundle.test.ts measures the bundle).
    files: ['src/preload/**'],
    ignores: ['src/preload/**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['react', 'react-dom', '@mantine/*', '**/server/**', '**/main/**', '**/renderer/**'], message: 'The preload runs beside the page: electron and the IPC names only.' },
            { group: ['zod', '**/ipc/contract'], allowTypeImports: true, message: 'Import the contract by type only; check names with src/shared/ipc/names.ts.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/server/**'],
    ignores: ['src/server/**/*.test.ts'],
    rules: restrict(['electron', 'react', 'react-dom', '@mantine/*', '**/main/**', '**/renderer/**'], 'The hub is a plain Node server.'),
  },
  {
    // Hub tests may drive real workstation sync engines against it (the cluster tests do).
    files: ['src/server/**/*.test.ts'],
    rules: restrict(['electron', 'react', 'react-dom', '@mantine/*', '**/renderer/**'], 'Hub tests run in plain Node.'),
  },
  {
    files: ['src/main/services/**', 'src/main/engine/**', 'src/main/browser-host/**'],
    ignores: ['**/*.test.ts'],
    rules: restrict(['electron', 'react', 'react-dom', '@mantine/*', '**/renderer/**', '**/server/**'], 'Services are host-agnostic: no electron here (see src/main/electron).'),
  },
  {
    // Tests of the workstation side start a real hub (src/server/testing) to sync against.
    files: ['src/main/**/*.test.ts'],
    rules: restrict(['electron', 'react', 'react-dom', '@mantine/*', '**/renderer/**'], 'Workstation tests run in plain Node.'),
  },
);
