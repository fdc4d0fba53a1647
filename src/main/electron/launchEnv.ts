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
