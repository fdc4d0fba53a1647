import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io } from 'socket.io-client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSocketApi, type IoFactory } from '../../shared/ipc/createSocketApi';
import { SOCKET_PATH } from '../../shared/ipc/socketWire';
import { createEngine, type Engine } from '../engine/createEngine';
import { createEngineEvents } from '../engine/engineEvents';
import { MAX_MESSAGE_BYTES, startBrowserHost, type BrowserHost } from './startBrowserHost';

const SECRET = 'launch-secret-for-tests-0123456789abcdef';

describe('browser host', () => {
  let dir: string;
  let engine: Engine;
  let host: BrowserHost;
  const closers: (() => void)[] = [];

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'browser-host-'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Workstation</title>');
    // No hub: these tests are about the transport, and the engine answers without one.
    engine = createEngine({ dataDir: join(dir, 'people'), hubUrl: 'http://127.0.0.1:9', idleCheckMs: 0, log: () => {} });
    host = await startBrowserHost({ engine, rendererDir: dir, secret: SECRET });
  });
  afterEach(async () => {
    closers.splice(0).forEach((close) => close());
    await host.close();
    await engine.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const origin = () => `http://127.0.0.1:${host.port}`;
  /** socket.io-client in Node sends no Origin by itself; a browser always does. */
  const ioFrom = (pageOrigin: string): IoFactory => (url, options) => io(url, { ...options, forceNew: true, extraHeaders: { Origin: pageOrigin } });
  const connectRaw = (pageOrigin: string, secret: unknown) =>
    new Promise<string>((resolve) => {
      const socket = io(origin(), { path: SOCKET_PATH, transports: ['websocket'], auth: { secret }, forceNew: true, extraHeaders: { Origin: pageOrigin } });
      closers.push(() => socket.disconnect());
      socket.on('connect', () => resolve('connected'));
      socket.on('connect_error', (error) => resolve(`refused: ${error.message}`));
    });
  const get = (path: string, hostHeader = `127.0.0.1:${host.port}`) =>
    new Promise<{ status: number; headers: Record<string, unknown>; body: string }>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: host.port, path, headers: { Host: hostHeader } }, (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      });
      req.on('error', reject);
      req.end();
    });

  it('prints a 127.0.0.1 URL with the secret in the fragment', () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/#secret=${SECRET}`);
  });

  it('serves the renderer with a strict CSP, and nothing outside it', async () => {
    const page = await get('/');
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Workstation</title>');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect((await get('/inbox')).body).toContain('<title>Workstation</title>');
    expect((await get('/..%2f..%2fetc%2fpasswd.txt')).status).toBe(404);
    expect((await get('/assets/missing.js')).status).toBe(404);
    // DNS rebinding: a page of another name resolving to 127.0.0.1 is refused.
    expect((await get('/', `evil.example:${host.port}`)).status).toBe(421);
  });

  it('refuses a wrong or missing secret', async () => {
    expect(await connectRaw(origin(), 'wrong-secret')).toMatch(/^refused: wrong or missing secret/);
    expect(await connectRaw(origin(), '')).toMatch(/^refused/);
    expect(await connectRaw(origin(), SECRET)).toBe('connected');
  });

  it('refuses secrets of the right length in multibyte characters, and secrets that are not strings, and keeps serving', async () => {
    const odd: unknown[] = [
      'é'.repeat(SECRET.length),
      '😀'.repeat(SECRET.length / 2),
      '\uD800'.repeat(SECRET.length),
      `${SECRET.slice(0, -1)}é`,
      `${SECRET}x`,
      SECRET.length,
      { secret: SECRET },
      [SECRET],
      null,
      true,
    ];
    for (const secret of odd) expect(await connectRaw(origin(), secret), JSON.stringify(secret)).toMatch(/^refused: wrong or missing secret/);
    expect(await connectRaw(origin(), SECRET)).toBe('connected');
    expect((await get('/')).status).toBe(200);
  });

  it('refuses pages of other origins, even with the secret', async () => {
    expect(await connectRaw('http://evil.example', SECRET)).toMatch(/^refused/);
    expect(await connectRaw(`http://127.0.0.1:${host.port + 1}`, SECRET)).toMatch(/^refused/);
  });

  it('carries a channel round trip through createSocketApi, errors included', async () => {
    const api = createSocketApi({ io: ioFrom(origin()), url: origin(), secret: SECRET });
    closers.push(api.close);
    expect(await api.invoke('workstation.info', {})).toEqual({
      ok: true,
      value: { people: [], hubUrl: 'http://127.0.0.1:9', connection: 'offline', session: 'signed-out', locked: null, readiness: null },
    });
    expect(await api.invoke('inbox.list', {})).toMatchObject({ ok: false, error: { code: 'not-signed-in' } });
    expect(await api.invoke('case.view', { caseId: '' })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('carries an import larger than the main socket takes on a socket of its own', async () => {
    const api = createSocketApi({ io: ioFrom(origin()), url: origin(), secret: SECRET });
    closers.push(api.close);
    const csv = `name\n${'Anna Nowak\n'.repeat(MAX_MESSAGE_BYTES / 10)}`;
    // Signed out, the engine refuses it; a refusal of the transport would be engine-unreachable.
    expect(await api.invoke('admin.previewImport', { kind: 'customers', csv })).toMatchObject({ ok: false, error: { code: 'not-signed-in' } });
    expect(await api.invoke('workstation.info', {})).toMatchObject({ ok: true });
    const wrong = createSocketApi({ io: ioFrom(origin()), url: origin(), secret: 'not-the-secret' });
    closers.push(wrong.close);
    expect(await wrong.invoke('admin.applyImport', { kind: 'staff', csv: 'username\nx\n' })).toMatchObject({ ok: false, error: { code: 'engine-unreachable' } });
  });

  it('answers internal when the engine throws or rejects, logs one line without a stack, and keeps serving', async () => {
    const lines: string[] = [];
    const failing: Engine['invoke'] = (channel, input) => {
      if (channel === 'auth.lock') throw new TypeError('thrown at once');
      if (channel === 'auth.unlock') return Promise.reject(new Error('rejected\n    at handler (engine.ts:1:1)'));
      return engine.invoke(channel, input);
    };
    const failingHost = await startBrowserHost({ engine: { invoke: failing, subscribe: engine.subscribe }, rendererDir: dir, secret: SECRET, log: (line) => lines.push(line) });
    const pageOrigin = `http://127.0.0.1:${failingHost.port}`;
    const api = createSocketApi({ io: ioFrom(pageOrigin), url: pageOrigin, secret: SECRET });
    closers.push(api.close);
    const internal = { ok: false, error: { code: 'internal', message: expect.any(String) } };
    expect(await api.invoke('auth.lock', {})).toEqual(internal);
    expect(await api.invoke('auth.unlock', { password: 'x' })).toEqual(internal);
    expect(await api.invoke('workstation.info', {})).toMatchObject({ ok: true });
    expect(lines).toEqual(['browser host: invoke failed: TypeError: thrown at once', 'browser host: invoke failed: Error: rejected at handler (engine.ts:1:1)']);
    await failingHost.close();
  });

  it('forwards engine events to the page, checked against the contract', async () => {
    const events = createEngineEvents();
    const eventHost = await startBrowserHost({ engine: { invoke: engine.invoke, subscribe: events.subscribe }, rendererDir: dir, secret: SECRET });
    const pageOrigin = `http://127.0.0.1:${eventHost.port}`;
    const api = createSocketApi({ io: ioFrom(pageOrigin), url: pageOrigin, secret: SECRET });
    closers.push(api.close);
    await api.invoke('workstation.info', {});
    const received = new Promise((resolve) => api.on('session.locked', resolve));
    events.emit('session.locked', { reason: 'idle' });
    expect(await received).toEqual({ reason: 'idle' });
    await eventHost.close();
  });
});
