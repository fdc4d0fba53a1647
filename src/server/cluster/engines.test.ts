import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer, get, request, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import pg from 'pg';
import { createClient } from 'redis';
import { afterEach, describe, expect, it } from 'vitest';
import { startHaproxy } from './haproxy';
import { portIsFree } from './ports';
import { startPostgres } from './postgres';
import { startRedis } from './redis';

// Whatever a test starts is stopped after it, passed or failed (stopping twice is harmless).
const started: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.allSettled(started.splice(0).map((stop) => stop()));
});

/** A tiny hub stand-in: answers its name, the health check, and WebSocket upgrades with an echo. */
async function backend(name: string): Promise<{ port: number }> {
  const server: Server = createServer((req, res) => res.end(req.url === '/api/v1/health' ? 'ok' : name));
  server.on('upgrade', (req, socket: Socket) => {
    const accept = createHash('sha1').update(`${req.headers['sec-websocket-key']}258EAFA5-E914-47DA-95CA-C5AB0DC85B11`).digest('base64');
    socket.write(`HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`);
    socket.pipe(socket);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  started.push(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });
  return { port: (server.address() as AddressInfo).port };
}

/** One request on its own connection, so the proxy balances each. */
const fetchText = (url: string) =>
  new Promise<string>((resolve, reject) => {
    get(url, { agent: false }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve(body));
    }).on('error', reject);
  });

describe('private engines, started for real', () => {
  it('PostgreSQL runs a query as the role named for the test, restarts after a kill, and frees its port and folder when stopped', async () => {
    const server = await startPostgres({ name: 'engines_test' });
    started.push(server.stop);
    const query = async (url: string) => {
      const client = new pg.Client(url);
      await client.connect();
      try {
        return (await client.query<{ who: string; n: number }>('SELECT current_user AS who, 6 * 7 AS n')).rows[0];
      } finally {
        await client.end();
      }
    };
    expect(await query(server.url)).toEqual({ who: 'engines_test', n: 42 });
    await server.kill();
    await expect(query(server.url)).rejects.toThrow();
    await server.restart();
    expect(await query(await server.createDatabase())).toEqual({ who: 'engines_test', n: 42 });

    await server.stop();
    expect(await portIsFree(server.port)).toBe(true);
    expect(existsSync(server.dataDir)).toBe(false);
  });

  it('Redis answers PING and frees its port when stopped', async () => {
    const server = await startRedis();
    started.push(server.stop);
    const client = createClient({ url: server.url });
    await client.connect();
    try {
      expect(await client.ping()).toBe('PONG');
    } finally {
      await client.close();
    }
    await server.stop();
    expect(await portIsFree(server.port)).toBe(true);
  });

  it('HAProxy alternates HTTP requests between two nodes, tunnels a WebSocket upgrade, and frees its port when stopped', async () => {
    const [a, b] = [await backend('a'), await backend('b')];
    const proxy = await startHaproxy({ backends: [a, b].map((n) => ({ host: '127.0.0.1', port: n.port })) });
    started.push(proxy.stop);

    const answers: string[] = [];
    for (let i = 0; i < 6; i++) answers.push(await fetchText(`${proxy.url}/who`));
    expect(new Set(answers)).toEqual(new Set(['a', 'b']));
    expect(answers.every((name, i) => i === 0 || name !== answers[i - 1])).toBe(true);

    const echoed = await new Promise<string>((resolve, reject) => {
      const req = request(`${proxy.url}/socket.io/`, {
        agent: false,
        headers: { Connection: 'Upgrade', Upgrade: 'websocket', 'Sec-WebSocket-Version': '13', 'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==' },
      });
      req.on('upgrade', (_res, socket) => {
        socket.once('data', (data: Buffer) => {
          socket.destroy();
          resolve(data.toString());
        });
        socket.write('hello through the tunnel');
      });
      req.on('error', reject);
      req.end();
    });
    expect(echoed).toBe('hello through the tunnel');

    await proxy.stop();
    expect(await portIsFree(proxy.port)).toBe(true);
  });
});
