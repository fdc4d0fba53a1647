import { createConnection } from 'node:net';
import { type EngineProcess, once, ownedFolder, requireBinary, startEngineProcess, waitUntilReady } from './engineProcess';
import { onFreePort } from './ports';

/** A private Redis on loopback, owned by this process. */
export interface RedisServer {
  /** `redis://127.0.0.1:<port>` */
  readonly url: string;
  readonly port: number;
  /** Shuts it down; removes its folder if it was a temporary one. Safe to call again. */
  stop(): Promise<void>;
  /** Stops and starts it again on the same port (its data survives only with `persist`). */
  restart(): Promise<void>;
}

/**
 * Whether the Redis on `port` is process `pid` and ready: it answers INFO with its process id (a server still
 * loading its data answers -LOADING; another server that took the port first answers with another id).
 */
function isReady(port: number, pid: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    let answer = '';
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1_000, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write('*2\r\n$4\r\nINFO\r\n$6\r\nserver\r\n'));
    socket.on('data', (data) => {
      answer += data.toString();
      if (answer.startsWith('-')) done(false);
      else if (/\r\nprocess_id:\d+\r\n/.test(answer)) done(answer.includes(`\r\nprocess_id:${pid}\r\n`));
    });
  });
}

/**
 * Starts Debian's redis-server on loopback and a free port (or `port`), protected mode off (it listens on
 * 127.0.0.1 only), persistence off unless `persist` (an append-only file in `dir`, or in a temporary folder).
 */
export async function startRedis(opts: { port?: number; dir?: string; persist?: boolean } = {}): Promise<RedisServer> {
  const binary = requireBinary('/usr/bin/redis-server', 'redis-server');
  const folder = await ownedFolder('hub-redis-', opts.dir);
  let proc: EngineProcess | undefined;
  const shutdown = async () => proc?.stop('SIGTERM');
  const stop = once(async () => {
    await shutdown();
    await folder.remove();
  });
  try {
    let port = 0;
    const launch = async () => {
      const args = ['--port', String(port), '--bind', '127.0.0.1', '--protected-mode', 'no', '--daemonize', 'no', '--dir', folder.path]
        .concat(['--save', '', '--appendonly', opts.persist ? 'yes' : 'no', '--loglevel', 'warning']);
      const started = (proc = startEngineProcess(binary, args, { cwd: folder.path }));
      try {
        await waitUntilReady(`redis-server on port ${port}`, started, () => isReady(port, started.pid));
      } catch (err) {
        await shutdown();
        throw err;
      }
    };
    await onFreePort(opts.port, async (p) => {
      port = p;
      await launch();
    });
    return {
      url: `redis://127.0.0.1:${port}`,
      port,
      stop,
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
