/**
 * `npm start`: builds the app, starts the demo hub, and opens the workstation in Electron, or, where the
 * Electron binary cannot be obtained (it is downloaded from outside the package registry), in a browser
 * through the browser host. `npm start -- --browser` goes straight to the browser host; `npm start -- --cluster`
 * runs the demo hub as several nodes behind a balancer on the same port (`npm run cluster`) instead of one
 * SQLite hub. Ctrl+C stops everything it started.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { runBrowserHost } from '../src/main/browser-host/runBrowserHost';
import { devSqliteBindingPath, LAUNCH_ENV } from '../src/main/electron/launchEnv';
import { waitForHealth } from './support/hubHealth';

const HUB_PORT = 4410;
const HUB_URL = `http://127.0.0.1:${HUB_PORT}`;
const BROWSER_HOST_PORT = 4411;
const bin = (name: string) => resolve('node_modules/.bin', name);

const { values: flags } = parseArgs({ options: { browser: { type: 'boolean', default: false }, cluster: { type: 'boolean', default: false } } });

/** Runs a command to completion with its output shown; exits this script when it fails. */
function run(command: string, args: string[], what: string, cwd?: string): void {
  const result = spawnSync(command, args, { stdio: 'inherit', cwd });
  if (result.status !== 0) {
    console.error(`start: ${what} failed`);
    process.exit(1);
  }
}

/**
 * The Electron executable, or null when it cannot be had. Asked in a child process: resolving `electron`
 * downloads the binary on first use, and a failed download must not flood this terminal.
 */
function electronExecutable(): string | null {
  const probe = spawnSync(process.execPath, ['-e', 'process.stdout.write(require("electron"))'], { encoding: 'utf8', timeout: 300_000 });
  const path = probe.status === 0 ? probe.stdout.trim() : '';
  return path !== '' && existsSync(path) ? path : null;
}

/**
 * better-sqlite3-multiple-ciphers built for Electron's ABI, in its own folder (see src/main/electron/nativeBinding.ts):
 * the Node build in node_modules stays as it is for tests and the hub. Built once per Electron version.
 */
function electronSqliteBinding(): string {
  const electronVersion = (JSON.parse(readFileSync('node_modules/electron/package.json', 'utf8')) as { version: string }).version;
  const binding = devSqliteBindingPath(resolve('.'), electronVersion);
  if (existsSync(binding)) return binding;
  const target = dirname(binding);
  console.log(`start: building the SQLite driver for Electron ${electronVersion} (once)...`);
  const source = join(target, 'source');
  rmSync(source, { recursive: true, force: true });
  cpSync('node_modules/better-sqlite3-multiple-ciphers', source, { recursive: true, filter: (p) => !p.includes(`${sep}build${sep}`) });
  // npm names its bundled node-gyp when it runs a script; `npx` fetches it from the registry otherwise.
  const gyp = process.env.npm_config_node_gyp;
  const gypArgs = ['rebuild', '--release', '--runtime=electron', `--target=${electronVersion}`, '--dist-url=https://electronjs.org/headers'];
  if (gyp) run(process.execPath, [gyp, ...gypArgs], 'building the SQLite driver for Electron', source);
  else run('npx', ['--yes', 'node-gyp', ...gypArgs], 'building the SQLite driver for Electron', source);
  mkdirSync(target, { recursive: true });
  cpSync(join(source, 'build/Release/better_sqlite3.node'), binding);
  rmSync(source, { recursive: true, force: true });
  return binding;
}

/** Stops children and the browser host once, then exits; `stopping()` tells whether that has begun. */
function shutdownOnce(children: ChildProcess[], stopHost: () => Promise<void>) {
  let stopping: Promise<void> | null = null;
  const shutdown = () =>
    (stopping ??= (async () => {
      await stopHost().catch(() => {});
      await Promise.all(
        children.map(
          (child) =>
            new Promise<void>((done) => {
              if (child.exitCode !== null || child.signalCode !== null) return done();
              child.once('exit', () => done());
              child.kill('SIGTERM');
            }),
        ),
      );
      process.exit(0);
    })());
  return Object.assign(shutdown, { started: () => stopping !== null });
}

async function main(): Promise<void> {
  run(bin('electron-vite'), ['build'], 'electron-vite build');

  const hubFlags = ['--simulate', '0.3', '--port', String(HUB_PORT)];
  const hubName = flags.cluster ? 'the hub cluster' : 'the hub';
  const hub = flags.cluster
    ? spawn(bin('tsx'), ['scripts/cluster.ts', ...hubFlags], { stdio: 'inherit' })
    : spawn(bin('tsx'), ['src/server/cli.ts', '--data', '.data/hub', ...hubFlags], { stdio: 'inherit' });
  const children: ChildProcess[] = [hub];
  let stopHost = async () => {};
  const shutdown = shutdownOnce(children, () => stopHost());
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());
  hub.once('exit', (code) => {
    // Ctrl+C reaches the hub too; only an exit nobody asked for is news.
    if (!shutdown.started()) console.error(`start: ${hubName} exited (${code ?? 'signal'}); stopping`);
    void shutdown();
  });
  await waitForHealth(HUB_URL, hubName, () => hub.exitCode !== null || hub.signalCode !== null);

  const electron = flags.browser ? null : electronExecutable();
  if (electron) {
    const app = spawn(electron, ['.'], {
      stdio: 'inherit',
      env: { ...process.env, [LAUNCH_ENV.hubUrl]: HUB_URL, [LAUNCH_ENV.sqliteBinding]: electronSqliteBinding() },
    });
    children.push(app);
    app.once('exit', () => void shutdown());
    return;
  }

  if (!flags.browser) console.log('start: the Electron binary cannot be obtained here (it downloads from outside the npm registry): serving the workstation to your browser instead.');
  const host = await runBrowserHost({ hubUrl: HUB_URL, dataDir: '.data/workstation', rendererDir: 'out/renderer', port: BROWSER_HOST_PORT });
  stopHost = host.stop;
  console.log(`\nWorkstation: open ${host.url}\nSign in with one of the demo sign-ins the hub printed above. Ctrl+C stops everything.\n`);
}

main().catch((error: Error) => {
  console.error(`start: ${error.message}`);
  process.exit(1);
});
