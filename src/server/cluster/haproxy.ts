import { randomUUID } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { get } from 'node:http';
import { join } from 'node:path';
import { type EngineProcess, once, ownedFolder, requireBinary, startEngineProcess, waitUntilReady } from './engineProcess';
import { onFreePort } from './ports';

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
 * A request that cannot reach its node (killed, not yet out of rotation) is sent to another at once
 * (`option redispatch`, short connect timeout) instead of hanging until the health checks notice.
 * `X-Forwarded-For` carries the workstation's address: sign-in limits per address need it from the proxy.
 * HAProxy itself answers `monitorUri`, which tells this instance from anything else on its port.
 */
function haproxyConfig(port: number, monitorUri: string, backends: ReadonlyArray<{ host: string; port: number }>): string {
  return [
    'defaults',
    '  mode http',
    '  option forwardfor',
    '  timeout connect 1s',
    '  retries 2',
    '  option redispatch 1',
    '  timeout client 60s',
    '  timeout server 60s',
    '  timeout http-request 15s',
    '  timeout tunnel 1h',
    '  timeout client-fin 30s',
    'frontend hub',
    `  bind 127.0.0.1:${port}`,
    `  monitor-uri ${monitorUri}`,
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

const answers200 = (url: string) =>
  new Promise<boolean>((resolve) => {
    const req = get(url, { agent: false, timeout: 1_000 }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(false));
  });

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
    const monitorUri = `/haproxy-${randomUUID()}`;
    const port = await onFreePort(opts.port, async (p) => {
      const config = join(folder.path, 'haproxy.cfg');
      await writeFile(config, haproxyConfig(p, monitorUri, opts.backends));
      proc = startEngineProcess(binary, ['-f', config, '-db'], { cwd: folder.path });
      try {
        await waitUntilReady(`haproxy on port ${p}`, proc, () => answers200(`http://127.0.0.1:${p}${monitorUri}`));
      } catch (err) {
        await proc.stop('SIGTERM');
        throw err;
      }
      return p;
    });
    return { url: `http://127.0.0.1:${port}`, port, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
