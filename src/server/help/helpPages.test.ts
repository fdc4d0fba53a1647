import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KbArticle } from '../../shared/domain';
import { buildKnowledgeBase } from '../seed/knowledge';
import { startTestHub, testClock, type TestHub } from '../testing/hubHarness';
import { person, testOrg } from '../testing/testOrg';
import { MAX_QUERY_CHARS } from './helpPages';

const clock = testClock();
const article = (over: Partial<KbArticle> & Pick<KbArticle, 'id' | 'title' | 'body'>): KbArticle => ({
  queueId: null,
  language: 'en',
  tags: [],
  status: 'published',
  updatedAt: clock.now(),
  ...over,
});
/** Written by staff, yet shown as text: markup in a title or body must never become the page's. */
const HOSTILE = article({
  id: 'kb-en-hostile',
  title: 'Gift <script>alert(1)</script> vouchers',
  body: 'Vouchers <img src=x onerror=alert(1)> are "valid" for 12 months & more.\n\nA second paragraph\nwith a line break.',
});
const DRAFT = article({ id: 'kb-en-draft', title: 'Secret discount codes', body: 'Unreleased discount codes for the secret sale.', status: 'draft' });

let t: TestHub;
beforeAll(async () => {
  const org = testOrg();
  t = await startTestHub({
    now: clock.now,
    org: { ...org, staff: [...org.staff, person('adm1', 'admin', { status: 'offline' })], kb: [...buildKnowledgeBase(clock.now()), HOSTILE, DRAFT] },
  });
}, 60_000);
afterAll(() => t.stop());

async function page(path: string, acceptLanguage?: string, method = 'GET') {
  const res = await fetch(`${t.hub.url}${path}`, { method, headers: acceptLanguage === undefined ? {} : { 'Accept-Language': acceptLanguage } });
  const html = await res.text();
  return {
    status: res.status,
    headers: res.headers,
    html,
    lang: /<html lang="(\w+)">/.exec(html)?.[1],
    /** The ids of the articles the page links to, in order. */
    links: [...html.matchAll(/href="\/help\/([^"?]+)"/g)].map((m) => decodeURIComponent(m[1])),
  };
}

describe('the help index', () => {
  it.each([
    ['pl-PL,pl;q=0.9,en;q=0.5', 'pl'],
    ['el', 'el'],
    ['de-DE,fr;q=0.8', 'en'],
    ['en;q=0.3, el;q=0.9, pl;q=0.5', 'el'],
    ['pl;q=0, el;q=0.2', 'el'],
    [undefined, 'en'],
  ])('with Accept-Language %s lists the published articles in %s', async (header, lang) => {
    const p = await page('/help', header);
    expect(p.status).toBe(200);
    expect(p.lang).toBe(lang);
    const expected = buildKnowledgeBase(0).filter((a) => a.language === lang).map((a) => a.id);
    if (lang === 'en') expected.push(HOSTILE.id);
    expect(p.links.sort()).toEqual(expected.sort());
    expect(p.headers.get('vary')).toBe('Accept-Language');
  });

  it('takes the language the reader picked over their browser’s, and keeps it in the search form', async () => {
    const p = await page('/help?lang=pl', 'el');
    expect(p.lang).toBe('pl');
    expect(p.html).toContain('<h1>Centrum pomocy</h1>');
    expect(p.html).toContain('<input type="hidden" name="lang" value="pl">');
    expect(p.links.every((id) => id.startsWith('kb-pl-'))).toBe(true);
    // The switch links to the index in each language, the current one marked.
    expect(p.html).toMatch(/<a href="\/help\?lang=pl" aria-current="true" lang="pl">Polski<\/a>/);
    expect(p.html).toContain('<a href="/help?lang=el" lang="el" hreflang="el">Ελληνικά</a>');
    // An unknown language is no pick: the browser's stands.
    expect((await page('/help?lang=xx', 'el')).lang).toBe('el');
  });

  it('lists articles alphabetically in the reader’s language, each with its opening', async () => {
    const p = await page('/help', 'pl');
    const titles = [...p.html.matchAll(/<li><a href="[^"]+">([^<]+)<\/a>/g)].map((m) => m[1]);
    expect(titles).toEqual([...titles].sort((a, b) => a.localeCompare(b, 'pl')));
    expect(p.html).toMatch(/Zwroty i zwrot pieniędzy<\/a><p class="muted">[^<]{40,}…<\/p>/);
  });

  it('is a good page: one h1, landmarks, a skip link, a description, canonical and alternate addresses', async () => {
    const p = await page('/help', 'el');
    expect(p.html.match(/<h1>/g)).toHaveLength(1);
    expect(p.html).toContain('<main id="main">');
    expect(p.html).toContain('<a class="skip" href="#main">Μετάβαση στο περιεχόμενο</a>');
    expect(p.html).toContain('<header class="site">');
    expect(p.html).toContain('<form class="search" role="search" method="get" action="/help">');
    expect(p.html).toContain('<label for="q">Αναζήτηση στο κέντρο βοήθειας</label>');
    expect(p.html).toMatch(/<meta name="description" content="Απαντήσεις[^"]+">/);
    expect(p.html).toContain(`<link rel="canonical" href="${t.hub.url}/help?lang=el">`);
    for (const l of ['en', 'pl', 'el']) expect(p.html).toContain(`<link rel="alternate" hreflang="${l}" href="${t.hub.url}/help?lang=${l}">`);
    expect(p.html).toContain(`<link rel="alternate" hreflang="x-default" href="${t.hub.url}/help">`);
  });

  it('sends the customer pages’ security headers and lets published pages be cached for a minute', async () => {
    for (const path of ['/help', '/help?q=returns', '/help/kb-en-returns', '/help/kb-en-draft']) {
      const p = await page(path, 'en');
      expect(p.headers.get('content-security-policy'), path).toContain("default-src 'none'");
      expect(p.headers.get('content-security-policy'), path).toContain("frame-ancestors 'none'");
      expect(p.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(p.headers.get('content-type'), path).toBe('text/html; charset=utf-8');
      expect(p.html, path).not.toMatch(/<script|style=/i);
    }
    expect((await page('/help/kb-en-returns')).headers.get('cache-control')).toBe('public, max-age=60');
    // What does not exist (or is a draft) is not kept anywhere.
    expect((await page('/help/kb-en-draft')).headers.get('cache-control')).toBe('no-store');
  });

  it('answers HEAD like GET without the body', async () => {
    const get = await page('/help/kb-pl-warranty');
    const head = await fetch(`${t.hub.url}/help/kb-pl-warranty`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe(String(Buffer.byteLength(get.html)));
    expect(await head.text()).toBe('');
  });
});

describe('searching the help site', () => {
  it('finds the article that answers the question, in the reader’s language only, with the words marked', async () => {
    const pl = await page(`/help?q=${encodeURIComponent('jak dostać zwrot pieniędzy?')}`, 'pl');
    expect(pl.status).toBe(200);
    expect(pl.links[0]).toBe('kb-pl-returns');
    expect(pl.links.every((id) => id.startsWith('kb-pl-'))).toBe(true);
    expect(pl.html).toMatch(/<mark>[^<]+<\/mark>/);
    expect(pl.html).toContain('<meta name="robots" content="noindex">');
    expect(pl.html).toContain('Wyniki dla „jak dostać zwrot pieniędzy?”');

    const el = await page(`/help?q=${encodeURIComponent('η πληρωμή με κάρτα απέτυχε')}`, 'el');
    expect(el.links[0]).toBe('kb-el-payment-failed');
    expect(el.links.every((id) => id.startsWith('kb-el-'))).toBe(true);

    const en = await page(`/help?q=${encodeURIComponent('my parcel delivery is late')}`);
    expect(en.links[0]).toBe('kb-en-delivery-delays');
    expect(en.html).toMatch(/<p role="status">\d+ articles? found\.<\/p>/);
  });

  it('never offers an article in another language, even when the words are that language’s', async () => {
    const q = encodeURIComponent('unused original packaging');
    expect((await page(`/help?q=${q}`, 'en')).links[0]).toBe('kb-en-returns');
    const p = await page(`/help?lang=pl&q=${q}`, 'en');
    expect(p.lang).toBe('pl');
    expect(p.html).toContain('Żaden artykuł nie pasuje do „unused original packaging”.');
    // The no-results page lists the reader's language's articles, and only those.
    expect(p.links.length).toBeGreaterThan(0);
    expect(p.links.every((id) => id.startsWith('kb-pl-'))).toBe(true);
  });

  it('says when nothing matched, points to the people, and still lists every article', async () => {
    const p = await page('/help?q=zzzz+qqqq', 'en');
    expect(p.html).toContain('No article matches “zzzz qqqq”.');
    expect(p.html).toContain('<h2 id="contact">Still need help?</h2>');
    expect(p.html).toContain('chat on our website');
    expect(p.links).toContain('kb-en-returns');
  });

  it('keeps the language and the search when the reader switches language', async () => {
    const p = await page('/help?q=faktura', 'pl');
    expect(p.html).toContain('<a href="/help?lang=el&amp;q=faktura" lang="el" hreflang="el">Ελληνικά</a>');
  });

  it('cuts a long search to its first characters and says so, without refusing it', async () => {
    const long = `refund ${'x'.repeat(600)}`;
    const p = await page(`/help?q=${encodeURIComponent(long)}`);
    expect(p.status).toBe(200);
    expect(p.html).toContain(`value="${long.slice(0, MAX_QUERY_CHARS)}"`);
    expect(p.html).not.toContain(long.slice(0, MAX_QUERY_CHARS + 1));
    expect(p.html).toContain(`only its first ${MAX_QUERY_CHARS} characters were used`);
    // Characters outside the basic plane count as one and are never split.
    const emoji = await page(`/help?q=${encodeURIComponent('😀'.repeat(300))}`);
    expect(emoji.html).toContain(`value="${'😀'.repeat(MAX_QUERY_CHARS)}"`);
  });

  it('reads control characters and runs of spaces as one space, and a blank search as none', async () => {
    expect((await page('/help?q=%20%09%0A%00')).html).toContain('<h1>Help centre</h1>');
    expect((await page('/help?q=gift%00%0A%0A++vouchers')).html).toContain('value="gift vouchers"');
  });

  it('shows a hostile search as text', async () => {
    const q = '"><script>alert(1)</script><b onmouseover=x>';
    const p = await page(`/help?q=${encodeURIComponent(q)}`);
    expect(p.status).toBe(200);
    expect(p.html).not.toMatch(/<script|<b /);
    expect(p.html).toContain('value="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;b onmouseover=x&gt;"');
    expect(p.html).toContain('<h1>Results for “&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;b onmouseover=x&gt;”</h1>');
    expect(p.html).toContain('<title>Results for “&quot;&gt;&lt;script&gt;');
  });
});

describe('an article page', () => {
  it('shows the article in its own language, whatever the reader’s browser asks for', async () => {
    const p = await page('/help/kb-el-returns', 'pl');
    expect(p.status).toBe(200);
    expect(p.lang).toBe('el');
    expect(p.html).toContain('<h1>Επιστροφές και επιστροφή χρημάτων</h1>');
    expect(p.html.match(/<h1>/g)).toHaveLength(1);
    expect(p.html).toContain('<main id="main">');
    expect(p.html).toContain(`<link rel="canonical" href="${t.hub.url}/help/kb-el-returns">`);
    expect(p.html).toMatch(/<meta name="description" content="Τα περισσότερα προϊόντα[^"]*">/);
    expect(p.html).toMatch(/<time datetime="[\d-]+T[\d:.]+Z">Ενημερώθηκε \d+ \S+ \d{4}<\/time>/);
    // The other languages' switch goes to their help index: articles are written per language.
    expect(p.html).toContain('<a href="/help?lang=pl" lang="pl" hreflang="pl">Polski</a>');
    expect(p.html).toContain('<a href="/help/kb-el-returns" aria-current="true" lang="el">Ελληνικά</a>');
    expect(p.html).toContain('<a href="/help?lang=el">Όλα τα άρθρα βοήθειας</a>');
  });

  it('shows a hostile article as text, in paragraphs', async () => {
    const p = await page(`/help/${HOSTILE.id}`);
    expect(p.html).not.toMatch(/<script|<img/);
    expect(p.html).toContain('<h1>Gift &lt;script&gt;alert(1)&lt;/script&gt; vouchers</h1>');
    expect(p.html).toContain(
      '<div class="article-body"><p>Vouchers &lt;img src=x onerror=alert(1)&gt; are &quot;valid&quot; for 12 months &amp; more.</p><p>A second paragraph\nwith a line break.</p></div>',
    );
    // And so in the lists and the description.
    expect(p.html).toContain('<meta name="description" content="Vouchers &lt;img src=x onerror=alert(1)&gt; are &quot;valid&quot;');
    const index = await page('/help', 'en');
    expect(index.html).toContain('Gift &lt;script&gt;alert(1)&lt;/script&gt; vouchers</a>');
    const found = await page('/help?q=gift+vouchers+valid');
    expect(found.links[0]).toBe(HOSTILE.id);
    expect(found.html).not.toMatch(/<script|<img/);
    expect(found.html).toContain('<mark>Vouchers</mark> &lt;img src=x onerror=alert(1)&gt; are &quot;<mark>valid</mark>&quot;');
  });

  it.each([
    ['/help/no-such-article', 'el', 'el', 'Αυτή η σελίδα δεν υπάρχει'],
    ['/help/kb-en-returns/more', 'pl', 'pl', 'Ta strona nie istnieje'],
    ['/help/%E0%A4%A', undefined, 'en', 'This page does not exist'],
    ['/help/x?lang=pl', 'el', 'pl', 'Ta strona nie istnieje'],
  ])('%s is a 404 page in the reader’s language', async (path, header, lang, text) => {
    const p = await page(path, header);
    expect(p.status).toBe(404);
    expect(p.lang).toBe(lang);
    expect(p.html).toContain(text);
  });

  it('/help/ with a slash is the index', async () => {
    const p = await page('/help/?lang=pl');
    expect(p.status).toBe(200);
    expect(p.html).toContain('<h1>Centrum pomocy</h1>');
  });
});

describe('drafts', () => {
  it('never show: not in the index, not in a search, not by their address', async () => {
    expect((await page('/help', 'en')).html).not.toContain('Secret discount');
    const search = await page('/help?q=secret+discount+codes', 'en');
    expect(search.links).not.toContain(DRAFT.id);
    expect(search.html).toContain('No article matches');
    const direct = await page(`/help/${DRAFT.id}`, 'en');
    expect(direct.status).toBe(404);
    expect(direct.html).not.toContain('Secret discount');
  });

  it('show once an admin publishes them, and go when an admin takes them back to draft', async () => {
    const admin = await t.login('adm1');
    const call = (method: string, path: string, body: unknown) =>
      fetch(`${t.hub.url}${path}`, { method, headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${admin.accessToken}` }, body: JSON.stringify(body) });
    const created = (await (await call('POST', '/api/v1/admin/articles', { title: 'Parking at our stores', body: 'Free parking for two hours.', language: 'en', queueId: null, tags: [] })).json()) as { id: string };
    clock.advance(10_000);
    expect((await page(`/help/${created.id}`)).status).toBe(404);
    expect((await call('PATCH', `/api/v1/admin/articles/${created.id}`, { status: 'published' })).status).toBe(200);
    clock.advance(10_000);
    expect((await page(`/help/${created.id}`)).html).toContain('<h1>Parking at our stores</h1>');
    expect((await page('/help?q=parking+stores')).links).toContain(created.id);
    expect((await call('PATCH', `/api/v1/admin/articles/${created.id}`, { status: 'draft' })).status).toBe(200);
    clock.advance(10_000);
    expect((await page(`/help/${created.id}`)).status).toBe(404);
    expect((await page('/help', 'en')).links).not.toContain(created.id);
  });
});
