import { createConnection } from 'node:net';
import { type EngineProcess, once, ownedFolder, requireBinary, startEngineProcess, waitUntilReady } from './engineProcess';
import { freePort } from './ports';

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

/** Whether Redis answers PING (a server still loading its data answers -LOADING instead). */
function answersPing(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1_000, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write('*1\r\n$4\r\nPING\r\n'));
    socket.once('data', (data) => done(data.toString().startsWith('+PONG')));
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
  const stop = once(async () => {
    await proc?.stop('SIGTERM');
    await folder.remove();
  });
  try {
    const port = opts.port ?? (await freePort());
    const args = ['--port', String(port), '--bind', '127.0.0.1', '--protected-mode', 'no', '--daemonize', 'no', '--dir', folder.path]
      .concat(['--save', '', '--appendonly', opts.persist ? 'yes' : 'no', '--loglevel', 'warning']);
    const launch = async () => {
      proc = startEngineProcess(binary, args, { cwd: folder.path });
      await waitUntilReady(`redis-server on port ${port}`, proc, () => answersPing(port));
    };
    await launch();
    return {
      url: `redis://127.0.0.1:${port}`,
      port,
      stop,
      async restart() {
        await proc?.stop('SIGTERM');
        await launch();
      },
    };
  } catch (err) {
    await stop();
    throw err;
  }
}
