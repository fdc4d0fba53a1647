import { createConnection, createServer } from 'node:net';

/**
 * A loopback port nobody listens on right now, found by letting the kernel pick one. Another process may take it
 * before the engine binds it; the launchers then fail with the engine's own "address in use" line.
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Whether a loopback port can be bound (the engine that held it has let go). */
export function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** Whether something accepts TCP connections on a loopback port. */
export function portAccepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/**
 * Starts an engine on `port`, or on a free loopback port: when the one picked was taken before the engine bound it
 * (another process picked the same free port meanwhile), on another, three times at most. `start` must leave
 * nothing running when it fails.
 */
export async function onFreePort<T>(port: number | undefined, start: (port: number) => Promise<T>): Promise<T> {
  if (port !== undefined) return start(port);
  for (let attempt = 1; ; attempt++) {
    const candidate = await freePort();
    try {
      return await start(candidate);
    } catch (err) {
      if (attempt === 3 || (await portIsFree(candidate))) throw err;
    }
  }
}
