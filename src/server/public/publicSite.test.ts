import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpError } from '../http/body';
import { StoreUnavailable } from '../store/storeUnavailable';
import { startTestHub, testClock, type TestHub } from '../testing/hubHarness';
import { escapeHtml, htmlPage } from './html';
import { PUBLIC_CSS } from './publicCss';
import { createPublicSite, MAX_FORM_BYTES, parseForm, type PublicRoutes } from './publicSite';

/**
 * The public site over a real hub's context, with routes of its own and a small per-address budget, served on
 * a port of its own; the address of a request is its `X-Client` header, so one test can be several visitors.
 */
const clock = testClock();
const LIMIT = { perAddress: 5, windowMs: 60_000 };
const ROUTES: PublicRoutes = {
  'GET /things': () => htmlPage({ lang: 'en', title: 'Things', body: '<main><h1>Things</h1></main>' }),
  'GET /things/*': (_req, _raw, rest) => htmlPage({ lang: 'en', title: 'One thing', body: `<main><h1>${escapeHtml(rest)}</h1></main>` }),
  'GET /things/special/*': (_req, _raw, rest) => htmlPage({ lang: 'en', title: 'Special', body: `<main><h1>special ${escapeHtml(rest)}</h1></main>` }),
  'POST /things/*': (req, raw, rest) => {
    const form = parseForm(req, raw);
    return htmlPage({ lang: 'en', title: 'Sent', body: `<main><h1>${escapeHtml(rest)}: ${escapeHtml(form.get('comment') ?? '')}</h1></main>` });
  },
  'GET /broken': () => {
    throw new Error('a bug');
  },
  'GET /unavailable': () => {
    throw new StoreUnavailable('the database is away', 'rolled-back');
  },
  'GET /teapot': () => {
    throw new HttpError(404, 'not-found', 'nothing here');
  },
};

let t: TestHub;
let server: Server;
let base: string;
let visitor = 0;
beforeAll(async () => {
  t = await startTestHub({ now: clock.now });
  const site = createPublicSite(t.hub.ctx, [ROUTES], { address: (req) => String(req.headers['x-client']), limits: LIMIT });
  server = createServer((req, res) => void site(req, res, (req.url ?? '/').split('?')[0]));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 60_000);
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await t.stop();
});

/** A request from a visitor of its own (so the flood limit is the flood test's alone) unless `client` is given. */
async function ask(path: string, init: RequestInit & { client?: string; lang?: string } = {}) {
  const headers = new Headers(init.headers);
  headers.set('X-Client', init.client ?? `visitor-${++visitor}`);
  if (init.lang) headers.set('Accept-Language', init.lang);
  const res = await fetch(`${base}${path}`, { ...init, headers });
  const text = await res.text();
  return { status: res.status, headers: res.headers, text, lang: /<html lang="(\w+)">/.exec(text)?.[1] };
}

describe('the public site', () => {
  it('answers a route, and under a prefix the longest prefix wins', async () => {
    expect((await ask('/things')).text).toContain('<h1>Things</h1>');
    expect((await ask('/things/a%3Cb')).text).toContain('<h1>a%3Cb</h1>');
    expect((await ask('/things/special/x')).text).toContain('<h1>special x</h1>');
  });

  it('serves its one stylesheet, cacheable, never sniffed', async () => {
    const css = await ask('/public.css');
    expect(css.status).toBe(200);
    expect(css.text).toBe(PUBLIC_CSS);
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(css.headers.get('x-content-type-options')).toBe('nosniff');
    expect(css.headers.get('cache-control')).toBe('public, max-age=3600');
  });

  it.each([
    ['/nowhere', 'pl', 'pl', 'Ta strona nie istnieje'],
    ['/nowhere?lang=el', 'pl', 'el', 'Αυτή η σελίδα δεν υπάρχει'],
    ['/thingsx', undefined, 'en', 'This page does not exist'],
    ['/teapot', 'el', 'el', 'Αυτή η σελίδα δεν υπάρχει'],
  ])('%s is a 404 page in the customer’s language', async (path, lang, pageLang, text) => {
    const p = await ask(path, { lang });
    expect(p.status).toBe(404);
    expect(p.lang).toBe(pageLang);
    expect(p.text).toContain(text);
    expect(p.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(p.headers.get('cache-control')).toBe('no-store');
  });

  it('refuses a method a page does not take with a 405 page', async () => {
    const p = await ask('/things', { method: 'DELETE', lang: 'pl' });
    expect(p.status).toBe(405);
    expect(p.text).toContain('Tej strony nie można użyć w ten sposób.');
    expect((await ask('/broken', { method: 'POST' })).status).toBe(405);
  });

  it('reads a form, and refuses one larger than the limit with a 413 page', async () => {
    const form = (comment: string) => ({ method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ comment }).toString() });
    expect((await ask('/things/survey', form('<b>great</b>'))).text).toContain('<h1>survey: &lt;b&gt;great&lt;/b&gt;</h1>');
    const big = await ask('/things/survey', { ...form('x'.repeat(MAX_FORM_BYTES)), lang: 'el' });
    expect(big.status).toBe(413);
    expect(big.lang).toBe('el');
    expect(big.text).toContain('Αυτό που στείλατε είναι πολύ μεγάλο.');
  });

  it('answers a fault as a 500 page and an unreachable store as a 503 page to retry', async () => {
    const broken = await ask('/broken', { lang: 'pl' });
    expect(broken.status).toBe(500);
    expect(broken.text).toContain('Coś poszło nie tak po naszej stronie');
    expect(broken.text).not.toContain('a bug');
    const away = await ask('/unavailable');
    expect(away.status).toBe(503);
    expect(away.headers.get('retry-after')).toBe('1');
  });

  it('slows an address that asks too much, with Retry-After, and only that address, until the window ends', async () => {
    clock.advance(LIMIT.windowMs);
    const statuses = [];
    for (let i = 0; i < LIMIT.perAddress; i++) statuses.push((await ask('/things', { client: 'flooder' })).status);
    expect(statuses.every((s) => s === 200)).toBe(true);
    clock.advance(20_000);
    const refused = await ask('/things', { client: 'flooder', lang: 'el' });
    expect(refused.status).toBe(429);
    expect(refused.lang).toBe('el');
    expect(refused.text).toContain('Πάρα πολλά αιτήματα');
    expect(refused.headers.get('retry-after')).toBe('40');
    // Refusals count too (a flood stays refused) and every page is refused, the stylesheet included.
    expect((await ask('/public.css', { client: 'flooder' })).status).toBe(429);
    expect((await ask('/things', { client: 'someone-else' })).status).toBe(200);
    clock.advance(40_000);
    expect((await ask('/things', { client: 'flooder' })).status).toBe(200);
  });
});
