import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { app } from 'electron';
import { devSqliteBindingPath, LAUNCH_ENV } from './launchEnv';

/**
 * better-sqlite3-multiple-ciphers compiled for Electron's ABI (two builds of one native module): the one in
 * node_modules is built for Node and stays there for tests and the hub. `npm start` builds the Electron one
 * on demand into its own folder (devSqliteBindingPath) and names it in LAUNCH_ENV.sqliteBinding; a packaged
 * app ships it in its resources. Throws with what to do when neither is there.
 */
export function electronSqliteBinding(): string {
  const candidates = [
    process.env[LAUNCH_ENV.sqliteBinding],
    app.isPackaged ? join(process.resourcesPath, 'native', 'better_sqlite3.node') : devSqliteBindingPath(app.getAppPath(), process.versions.electron),
  ];
  const found = candidates.find((path): path is string => path !== undefined && existsSync(path));
  if (!found) {
    throw new Error(
      `no SQLite driver built for Electron ${process.versions.electron}: start the app with \`npm start\`, which builds it, or set ${LAUNCH_ENV.sqliteBinding}`,
    );
  }
  return found;
}
