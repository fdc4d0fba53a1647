import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FRAME_CONFIG_ATTRIBUTE, readFrameConfig } from '../../webchat/frameConfig';
import { startTestHub, type TestHub } from '../testing/hubHarness';
import { person, testOrg } from '../testing/testOrg';
import { allowOrigins, SHOP } from './webchatTesting';

describe('the web chat served by the hub', () => {
  let t: TestHub;
  beforeAll(async () => {
    const org = testOrg();
    t = await startTestHub({ org: { ...org, staff: [...org.staff, person('adm1', 'admin', { status: 'offline' })] } });
    await allowOrigins(t, 'adm1', [SHOP, 'http://localhost:8080']);
  });
  afterAll(async () => t.stop());

  const get = (path: string, headers: Record<string, string> = {}) => fetch(`${t.hub.url}${path}`, { headers });

  it('serves /widget.js as a small script any page may load, cached five minutes and revalidated by its hash', async () => {
    const res = await get('/widget.js');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('public, max-age=300');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    const etag = res.headers.get('etag')!;
    expect(etag).toMatch(/^"[0-9a-f]{20}"$/);
    const body = await res.text();
    // Measured: about 5 KB; the shop's pages load it on every view.
    expect(body.length).toBeLessThan(8_000);
    expect(body).toContain('data-queue');
    const again = await get('/widget.js', { 'If-None-Match': etag });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
  });

  it('serves the frame page with its own strict policy, framed only by the allowed shops', async () => {
    const res = await get(`/webchat/frame?queue=q-chat&origin=${encodeURIComponent(SHOP)}&lang=pl`);
    expect(res.status).toBe(200);
    const csp = res.headers.get('content-security-policy')!;
    const ws = t.hub.url.replace(/^http/, 'ws');
    expect(csp.split('; ')).toEqual([
      "default-src 'none'",
      "script-src 'self'",
      `connect-src 'self' ${ws}`,
      "img-src 'self' blob: data:",
      "style-src 'self'",
      `frame-ancestors ${SHOP} http://localhost:8080`,
      "base-uri 'none'",
      "form-action 'none'",
    ]);
    const html = await res.text();
    expect(html).toContain('<html lang="pl">');
    expect(html).toContain('<title>Czat z obsługą klienta</title>');
    const script = /<script src="(\/webchat\/frame\.js\?v=[0-9a-f]+)" defer><\/script>/.exec(html)?.[1];
    const style = /<link rel="stylesheet" href="(\/webchat\/frame\.css\?v=[0-9a-f]+)">/.exec(html)?.[1];
    expect(script && style).toBeTruthy();
    const attribute = new RegExp(`${FRAME_CONFIG_ATTRIBUTE}="([^"]*)"`).exec(html)![1].replace(/&quot;/g, '"');
    expect(readFrameConfig(attribute)).toEqual({
      queue: 'q-chat',
      origin: SHOP,
      lang: 'pl',
      namespace: '/visitor',
      sessionsPath: '/api/v1/webchat/sessions',
      filesPath: '/api/v1/webchat/files',
      maxText: 4000,
      maxPhotoBytes: 10 * 1024 * 1024,
      photoTypes: ['image/jpeg', 'image/png', 'image/gif', 'image/webp'],
    });

    const js = await get(script!);
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    const frameCode = await js.text();
    // Measured: about 75 KB (Socket.IO's client is 42 KB of it).
    expect(frameCode.length).toBeLessThan(100_000);
    // The frame builds its DOM from text: the bundle never parses markup.
    expect(frameCode).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write/);
    const css = await get(style!);
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(await css.text()).toContain('.wc-log');
  });

  it('refuses a frame for a shop that is not allowed, or a malformed request, as a page in the language asked for', async () => {
    const other = await get(`/webchat/frame?queue=q-chat&origin=${encodeURIComponent('https://evil.example')}&lang=el`);
    expect(other.status).toBe(404);
    expect(other.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(await other.text()).toContain('<html lang="el">');
    expect((await get('/webchat/frame?queue=q-chat&origin=javascript:alert(1)')).status).toBe(400);
    expect((await get(`/webchat/frame?origin=${encodeURIComponent(SHOP)}`)).status).toBe(400);
  });

  it('writes a hostile queue name into the page as text', async () => {
    const res = await get(`/webchat/frame?queue=${encodeURIComponent('q"><script>alert(1)</script>')}&origin=${encodeURIComponent(SHOP)}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).not.toContain('<script>alert(1)');
    expect(html).toContain('q\\&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
  });
});
