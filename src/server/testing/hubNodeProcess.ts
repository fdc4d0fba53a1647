import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { DeliveryOptions } from '../delivery/deliveryWorker';

/**
 * A hub node in a child process of its own (forked with `--import tsx`), for tests of several nodes behind a
 * load balancer or of a hub that dies: started against a PostgreSQL database (and a Redis) or a SQLite file,
 * with a fixed token key and ingest secret,
 * it reports its URL over IPC once it listens, so a test can SIGKILL it mid-traffic like a machine that dies.
 * The same file is the child's entry point (see `runNode` at the bottom).
 */

/** What of the delivery worker's options crosses to a node (transports are the node's own). */
export type NodeDeliveryOptions = Partial<Omit<DeliveryOptions, 'transports'>>;

export interface HubNodeOptions {
  /** A PostgreSQL database, or (`dbPath`) a SQLite file: one of them. */
  databaseUrl?: string;
  dbPath?: string;
  /** Without it, live events stay in the node (one node, or a test of one). */
  redisUrl?: string;
  /** Signs access tokens; every node of one cluster has the same, so a token is valid on each. */
  tokenKey: Buffer;
  ingestSecret: string;
  /** 0 (the default) picks a free port; a replacement node takes the port of the node it replaces. */
  port?: number;
  /** How often the node flags SLA breaches and escalates alerts (the hub's default unless given). */
  tickMs?: number;
  /** For messages: which node this is. */
  name?: string;
  /** How long the node may take to listen (it compiles its sources on start). */
  startTimeoutMs?: number;
  delivery?: NodeDeliveryOptions;
}

export interface HubNodeStatus {
  /** Socket.IO connections this node holds. */
  connections: number;
}

export interface HubNodeProcess {
  readonly name: string;
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  readonly port: number;
  readonly pid: number;
  /** Settles when the process has exited: the signal that ended it, or its exit code. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  running(): boolean;
  /** The tail of what it wrote to stdout and stderr. */
  output(): string;
  /** Asks the node (over IPC) what it holds now. */
  status(timeoutMs?: number): Promise<HubNodeStatus>;
  /** A crash: SIGKILL, nothing closed cleanly. Resolves once the process is gone. */
  kill(): Promise<void>;
  /** Closes the hub cleanly (SIGKILL if it has not exited within `graceMs`). Safe to call again, and after kill. */
  stop(graceMs?: number): Promise<void>;
}

/** Messages from the parent to a node. */
type ToNode =
  | {
      type: 'start';
      databaseUrl?: string;
      dbPath?: string;
      redisUrl?: string;
      tokenKey: string;
      ingestSecret: string;
      port: number;
      tickMs?: number;
      delivery?: NodeDeliveryOptions;
    }
  | { type: 'status'; id: number }
  | { type: 'stop' };

/** Messages from a node to the parent. */
type FromNode =
  | { type: 'listening'; url: string; port: number }
  | { type: 'failed'; message: string }
  | ({ type: 'status'; id: number } & HubNodeStatus);

const KEEP_OUTPUT = 32 * 1024;
const HERE = fileURLToPath(import.meta.url);

// A test process that ends without stopping its nodes (a crash, a forgotten afterAll) must not leave them
// holding ports and database connections on a shared machine. Nodes also exit when their IPC channel closes.
const live = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of live) child.kill('SIGKILL');
});

/** Starts a hub node in its own process and resolves once it listens; fails with its last output otherwise. */
export async function startHubNode(opts: HubNodeOptions): Promise<HubNodeProcess> {
  const name = opts.name ?? 'hub node';
  const child = fork(HERE, [], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, HUB_NODE_PROCESS: '1' },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  live.add(child);
  let tail = '';
  const keep = (chunk: Buffer) => void (tail = (tail + chunk.toString('utf8')).slice(-KEEP_OUTPUT));
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  let alive = child.pid !== undefined;
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('error', (err) => {
      keep(Buffer.from(`${err.message}\n`));
      alive = false;
      resolve({ code: null, signal: null });
    });
    child.once('exit', (code, signal) => {
      alive = false;
      live.delete(child);
      resolve({ code, signal });
    });
  });
  const lastLines = () => tail.trim().split('\n').slice(-6).join(' | ');

  const send = (m: ToNode) => {
    if (alive && child.connected) child.send(m);
  };
  const pending = new Map<number, (s: HubNodeStatus) => void>();
  let nextId = 0;
  child.on('message', (m: FromNode) => {
    if (m.type === 'status') pending.get(m.id)?.({ connections: m.connections });
  });

  const killNow = async () => {
    if (alive) child.kill('SIGKILL');
    await exited;
  };
  try {
    const started = new Promise<{ url: string; port: number }>((resolve, reject) => {
      child.on('message', (m: FromNode) => {
        if (m.type === 'listening') resolve(m);
        if (m.type === 'failed') reject(new Error(`${name} failed to start: ${m.message}`));
      });
      void exited.then(({ code, signal }) => reject(new Error(`${name} exited (${signal ?? code}) before listening: ${lastLines()}`)));
      const timeoutMs = opts.startTimeoutMs ?? 60_000;
      const timer = setTimeout(() => reject(new Error(`${name} not listening after ${timeoutMs / 1000} s: ${lastLines()}`)), timeoutMs);
      timer.unref();
    });
    send({
      type: 'start',
      databaseUrl: opts.databaseUrl,
      dbPath: opts.dbPath,
      redisUrl: opts.redisUrl,
      tokenKey: opts.tokenKey.toString('hex'),
      ingestSecret: opts.ingestSecret,
      port: opts.port ?? 0,
      ...(opts.tickMs !== undefined ? { tickMs: opts.tickMs } : {}),
      ...(opts.delivery ? { delivery: opts.delivery } : {}),
    });
    const { url, port } = await started;
    let stopping: Promise<void> | null = null;
    return {
      name,
      url,
      port,
      pid: child.pid!,
      exited,
      running: () => alive,
      output: () => tail,
      status(timeoutMs = 5_000) {
        return new Promise<HubNodeStatus>((resolve, reject) => {
          if (!alive) return reject(new Error(`${name} is not running`));
          const id = ++nextId;
          const timer = setTimeout(() => {
            pending.delete(id);
            reject(new Error(`${name} did not answer a status request within ${timeoutMs} ms`));
          }, timeoutMs);
          pending.set(id, (s) => {
            clearTimeout(timer);
            pending.delete(id);
            resolve(s);
          });
          send({ type: 'status', id });
        });
      },
      kill: killNow,
      stop(graceMs = 10_000) {
        return (stopping ??= (async () => {
          if (!alive) return;
          send({ type: 'stop' });
          const timer = setTimeout(() => alive && child.kill('SIGKILL'), graceMs);
          await exited;
          clearTimeout(timer);
        })());
      },
    };
  } catch (err) {
    await killNow();
    throw err;
  }
}

/** The child: one hub node, told what to open over IPC, closed cleanly on `stop` or SIGTERM. */
async function runNode(): Promise<void> {
  const tell = (m: FromNode) => process.send?.(m);
  // The parent is gone (its IPC channel closed): a node nobody can stop must not linger.
  process.once('disconnect', () => process.exit(0));
  const config = await new Promise<Extract<ToNode, { type: 'start' }>>((resolve) => {
    const onMessage = (m: ToNode) => {
      if (m.type !== 'start') return;
      process.off('message', onMessage);
      resolve(m);
    };
    process.on('message', onMessage);
  });
  // Imported here, so that the parent loading this file for `startHubNode` loads nothing of the hub.
  const { createHub } = await import('../hub');
  const { openPgStore } = await import('../store/pg/pgStore');
  const { openSqliteStore } = await import('../store/sqlite/sqliteStore');
  let hub: Awaited<ReturnType<typeof createHub>>;
  try {
    const store = config.databaseUrl ? await openPgStore(config.databaseUrl) : openSqliteStore(config.dbPath ?? ':memory:');
    try {
      hub = await createHub({
        store,
        redisUrl: config.redisUrl,
        tokenKey: Buffer.from(config.tokenKey, 'hex'),
        ingestSecret: config.ingestSecret,
        port: config.port,
        host: '127.0.0.1',
        ...(config.tickMs !== undefined ? { tickMs: config.tickMs } : {}),
        ...(config.delivery ? { delivery: config.delivery } : {}),
      });
    } catch (err) {
      await store.close().catch(() => {});
      throw err;
    }
  } catch (err) {
    tell({ type: 'failed', message: (err as Error).message });
    process.exit(1);
  }
  let closing: Promise<void> | null = null;
  const close = () =>
    (closing ??= hub.close().then(
      () => process.exit(0),
      (err: Error) => {
        console.error(`hub node: close failed: ${err.message}`);
        process.exit(1);
      },
    ));
  process.on('message', (m: ToNode) => {
    if (m.type === 'status') tell({ type: 'status', id: m.id, connections: hub.connections() });
    if (m.type === 'stop') void close();
  });
  process.on('SIGTERM', () => void close());
  tell({ type: 'listening', url: hub.url, port: hub.port });
}

if (process.env.HUB_NODE_PROCESS === '1' && process.send && process.argv[1] && pathToFileURL(process.argv[1]).href === import.meta.url) {
  void runNode();
}
