import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type EngineProcess, once, ownedFolder, requireBinary, startEngineProcess, waitUntilReady } from './engineProcess';
import { freePort, portAccepts } from './ports';

/** A private HAProxy on loopback in front of hub nodes, owned by this process. */
export interface HaproxyServer {
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  readonly port: number;
  /** Stops it and removes its folder. Safe to call again. */
  stop(): Promise<void>;
}

/**
 * The load balancer's configuration. Round robin without stickiness is enough because workstations speak
 * WebSocket only (Socket.IO's polling transport would need sticky sessions). HTTP mode, so that a WebSocket
 * upgrade becomes a tunnel, which `timeout tunnel` keeps for an hour of silence (Socket.IO pings well within
 * it). A node whose `GET /api/v1/health` fails twice in a row leaves the rotation until it answers twice.
 * `X-Forwarded-For` carries the workstation's address: sign-in limits per address need it from the proxy.
 */
function haproxyConfig(port: number, backends: ReadonlyArray<{ host: string; port: number }>): string {
  return [
    'defaults',
    '  mode http',
    '  option forwardfor',
    '  timeout connect 5s',
    '  timeout client 60s',
    '  timeout server 60s',
    '  timeout http-request 15s',
    '  timeout tunnel 1h',
    '  timeout client-fin 30s',
    'frontend hub',
    `  bind 127.0.0.1:${port}`,
    '  default_backend hub_nodes',
    'backend hub_nodes',
    '  balance roundrobin',
    '  option httpchk',
    '  http-check send meth GET uri /api/v1/health',
    '  http-check expect status 200',
    '  default-server inter 1s fall 2 rise 2',
    ...backends.map((b, i) => `  server node${i} ${b.host}:${b.port} check`),
    '',
  ].join('\n');
}

/** Starts Debian's haproxy (`-db`: in the foreground, as our child) on loopback and a free port (or `port`). */
export async function startHaproxy(opts: { port?: number; backends: ReadonlyArray<{ host: string; port: number }> }): Promise<HaproxyServer> {
  const binary = requireBinary('/usr/sbin/haproxy', 'haproxy');
  const folder = await ownedFolder('hub-haproxy-');
  let proc: EngineProcess | undefined;
  const stop = once(async () => {
    await proc?.stop('SIGTERM');
    await folder.remove();
  });
  try {
    const port = opts.port ?? (await freePort());
    const config = join(folder.path, 'haproxy.cfg');
    await writeFile(config, haproxyConfig(port, opts.backends));
    proc = startEngineProcess(binary, ['-f', config, '-db'], { cwd: folder.path });
    await waitUntilReady(`haproxy on port ${port}`, proc, () => portAccepts(port));
    return { url: `http://127.0.0.1:${port}`, port, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
