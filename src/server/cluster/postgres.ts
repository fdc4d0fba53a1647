import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { chown } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { type EngineProcess, once, ownedFolder, type RunAs, requireBinary, runToEnd, startEngineProcess, waitUntilReady } from './engineProcess';
import { onFreePort } from './ports';

/** A private PostgreSQL server on loopback, owned by this process. */
export interface PostgresServer {
  /** `postgres://<role>@127.0.0.1:<port>/<role>`: the database created for the role, trust auth. */
  readonly url: string;
  readonly port: number;
  readonly dataDir: string;
  /** Creates another empty database on this server and gives its URL (a fresh database per test). */
  createDatabase(name?: string): Promise<string>;
  /** Fast shutdown (open transactions roll back); removes the folder if it was a temporary one. Safe to call again. */
  stop(): Promise<void>;
  /** A crash: the server and every backend killed at once (SIGKILL), the folder kept for `restart`. */
  kill(): Promise<void>;
  /** Starts again on the same folder and port (crash recovery after `kill`), stopping it first if it runs. */
  restart(): Promise<void>;
}

const DEBIAN_ROOT = '/usr/lib/postgresql';

/**
 * Debian's newest PostgreSQL (`/usr/lib/postgresql/<version>/bin`), never what may sit in /usr/local/bin. The
 * postmaster runs as this process's child rather than through pg_ctl, so stopping or killing it is a signal to a
 * process we own.
 */
function debianBinaries(): { initdb: string; postgres: string } {
  const versions = existsSync(DEBIAN_ROOT) ? readdirSync(DEBIAN_ROOT).filter((v) => /^\d+$/.test(v)) : [];
  const newest = versions.sort((a, b) => Number(b) - Number(a))[0] ?? '<version>';
  const bin = join(DEBIAN_ROOT, newest, 'bin');
  return { initdb: requireBinary(join(bin, 'initdb'), 'postgresql'), postgres: requireBinary(join(bin, 'postgres'), 'postgresql') };
}

/** PostgreSQL refuses to run as root: then it runs as Debian's unprivileged `postgres` account. */
function unprivilegedAccount(): RunAs | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const entry = readFileSync('/etc/passwd', 'utf8').split('\n').find((l) => l.startsWith('postgres:'));
  if (!entry) throw new Error('running as root needs the postgres account to run PostgreSQL: install postgresql from Debian (apt-get install postgresql)');
  const [, , uid, gid] = entry.split(':');
  return { uid: Number(uid), gid: Number(gid) };
}

/**
 * Settings for tests and benchmarks on a small shared machine. Durability stays as shipped (fsync and
 * synchronous_commit on): `kill` then `restart` must find every acknowledged commit.
 */
const SETTINGS: Record<string, string> = {
  listen_addresses: '127.0.0.1',
  // Several store instances (a pool each), change listeners and test connections at once.
  max_connections: '200',
  // Short queries on two shared cores: compiling or parallel workers cost more than they save.
  jit: 'off',
  max_parallel_workers_per_gather: '0',
};

/** Children of a process, from /proc (the postmaster's backends run in their own sessions, so not its group). */
function childPids(pid: number): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid) pids.push(Number(entry));
    } catch {
      // exited while we looked
    }
  }
  return pids;
}

/** Gone, or a zombie nobody reaps (which holds no memory, port or file any more). */
function hasExited(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.startsWith('Z') ?? true;
  } catch {
    return true;
  }
}

const identifier = (name: string) => name.toLowerCase().replace(/[^a-z0-9_]/g, '_').replace(/^(?=\d)/, '_').slice(0, 63);

/**
 * Starts a private PostgreSQL: initdb into a temporary folder (or `dir`, reused when it already holds a
 * cluster), on a free loopback port (or `port`), the Unix socket in the data folder, trust auth for a superuser
 * role called `name` and a database of the same name. Whatever it started is cleaned up when it fails.
 */
export async function startPostgres(opts: { dir?: string; port?: number; name?: string } = {}): Promise<PostgresServer> {
  const bin = debianBinaries();
  const runAs = unprivilegedAccount();
  const role = identifier(opts.name ?? 'hub');
  const folder = await ownedFolder('hub-pg-', opts.dir);
  const dataDir = join(folder.path, 'data');
  let proc: EngineProcess | undefined;
  // SIGINT is PostgreSQL's fast shutdown: sessions end, open transactions roll back, a checkpoint is written.
  const shutdown = async () => proc?.stop('SIGINT', 30_000);
  const stop = once(async () => {
    await shutdown();
    await folder.remove();
  });
  try {
    let port = 0;
    const urlOf = (db: string) => `postgres://${role}@127.0.0.1:${port}/${db}`;
    const asAdmin = async <T>(fn: (client: pg.Client) => Promise<T>): Promise<T> => {
      const client = new pg.Client({ connectionString: urlOf('postgres'), connectionTimeoutMillis: 2_000 });
      await client.connect();
      try {
        return await fn(client);
      } finally {
        await client.end();
      }
    };
    const createDatabase = async (name: string) => {
      await asAdmin((c) => c.query(`CREATE DATABASE ${c.escapeIdentifier(name)}`));
      return urlOf(name);
    };
    // Ready when it answers, and it is this one answering (not another server that took the port first).
    const answers = () => asAdmin(async (c) => (await c.query<{ d: string }>('SELECT current_setting($1) AS d', ['data_directory'])).rows[0].d === dataDir);
    const launch = async () => {
      const settings = Object.entries({ ...SETTINGS, unix_socket_directories: dataDir }).flatMap(([k, v]) => ['-c', `${k}=${v}`]);
      proc = startEngineProcess(bin.postgres, ['-D', dataDir, '-p', String(port), ...settings], { runAs, cwd: folder.path });
      try {
        await waitUntilReady(`postgres on port ${port}`, proc, () => answers().catch(() => false), 60_000);
      } catch (err) {
        await shutdown();
        throw err;
      }
    };

    if (runAs) await chown(folder.path, runAs.uid, runAs.gid);
    const fresh = !existsSync(join(dataDir, 'PG_VERSION'));
    if (fresh) {
      const initdb = ['-D', dataDir, '-U', role, '--auth=trust', '--encoding=UTF8', '--no-locale', '--no-sync', '--no-instructions'];
      await runToEnd(bin.initdb, initdb, { runAs, cwd: folder.path });
    }
    await onFreePort(opts.port, async (p) => {
      port = p;
      await launch();
    });
    if (fresh) await createDatabase(role);
    let databases = 0;
    return {
      url: urlOf(role),
      port,
      dataDir,
      createDatabase: (name) => createDatabase(identifier(name ?? `${role}_${++databases}`)),
      stop,
      async kill() {
        if (!proc?.running()) return;
        const backends = childPids(proc.pid);
        await proc.stop('SIGKILL');
        for (const pid of backends.filter((b) => !hasExited(b))) process.kill(pid, 'SIGKILL');
        while (!backends.every(hasExited)) await sleep(20);
      },
      async restart() {
        await shutdown();
        await launch();
      },
    };
  } catch (err) {
    await stop();
    throw err;
  }
}
