import { join } from 'node:path';

/**
 * Environment variables through which `npm start` (scripts/start.ts) launches the Electron app. No electron
 * import here: the start script, a plain Node process, reads these names too.
 */
export const LAUNCH_ENV = {
  /** The hub to sync with (default http://127.0.0.1:4410). */
  hubUrl: 'WORKSTATION_HUB_URL',
  /** better-sqlite3-multiple-ciphers' native binding built for Electron's ABI. */
  sqliteBinding: 'WORKSTATION_SQLITE_BINDING',
} as const;

/**
 * Where `npm start` keeps better-sqlite3-multiple-ciphers built for one Electron version (own folder, so the
 * Node build in node_modules stays for tests and the hub). `npm run dev` finds it there too.
 */
export const devSqliteBindingPath = (projectRoot: string, electronVersion: string): string =>
  join(projectRoot, '.data', 'native', `electron-${electronVersion}-${process.platform}-${process.arch}`, 'better_sqlite3.node');
