import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { customerLanguage, errorPage, escapeHtml, htmlPage, languageSwitch, PAGE_CSP } from './html';

/** What customerLanguage reads of a request: its headers. */
const asking = (acceptLanguage?: string) => ({ headers: acceptLanguage === undefined ? {} : { 'accept-language': acceptLanguage } }) as IncomingMessage;
const page = (answer: ReturnType<typeof htmlPage>) => {
  if (Array.isArray(answer)) throw new Error('a page answers with bytes');
  return { ...answer, html: answer.bytes.toString('utf8') };
};

describe('escapeHtml', () => {
  it('escapes the five characters that could end text or an attribute', () => {
    expect(escapeHtml(`<a href="x" title='y'>&amp;</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;');
  });

  it('leaves every other character as it is', () => {
    expect(escapeHtml('Zażółć gęślą jaźń · Καλημέρα 😀 / = `')).toBe('Zażółć gęślą jaźń · Καλημέρα 😀 / = `');
  });
});

describe('customerLanguage', () => {
  it.each([
    [undefined, 'en'],
    ['', 'en'],
    ['pl', 'pl'],
    ['pl-PL,pl;q=0.9,en-US;q=0.8', 'pl'],
    ['EL-gr', 'el'],
    ['de-DE,de;q=0.9', 'en'],
    ['de, el;q=0.5, pl;q=0.7', 'pl'],
    ['en;q=0.2, el;q=0.8', 'el'],
    ['el;q=0, pl;q=0.1', 'pl'],
    ['*', 'en'],
    ['pl;q=banana, el;q=0.5', 'el'],
    ['el;q=0.5, pl;q=0.5', 'el'],
  ])('Accept-Language %j speaks %s', (header, lang) => {
    expect(customerLanguage(asking(header))).toBe(lang);
  });

  it('takes the language picked on the page over the browser’s, when the product speaks it', () => {
    expect(customerLanguage(asking('pl'), 'el')).toBe('el');
    expect(customerLanguage(asking('pl'), 'de')).toBe('pl');
    expect(customerLanguage(asking('pl'), null)).toBe('pl');
  });

  it('reads only the start of an endless header', () => {
    expect(customerLanguage(asking(`${'de;q=0.9,'.repeat(10_000)}el`))).toBe('en');
  });
});

describe('htmlPage', () => {
  it('is a whole page in the language, with the stylesheet and the strict headers', () => {
    const p = page(htmlPage({ lang: 'pl', title: 'Tytuł <i>', body: '<main><h1>x</h1></main>' }));
    expect(p.status).toBe(200);
    expect(p.html).toMatch(/^<!doctype html>\n<html lang="pl">/);
    expect(p.html).toContain('<title>Tytuł &lt;i&gt;</title>');
    expect(p.html).toContain('<link rel="stylesheet" href="/public.css">');
    expect(p.headers).toMatchObject({
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': PAGE_CSP,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-store',
    });
  });

  it('takes the page’s own headers over the defaults', () => {
    const p = page(htmlPage({ lang: 'en', title: 't', body: '', headers: { 'Cache-Control': 'public, max-age=60' } }));
    expect(p.headers['Cache-Control']).toBe('public, max-age=60');
    expect(p.headers['X-Content-Type-Options']).toBe('nosniff');
  });
});

describe('errorPage', () => {
  it('says what went wrong in the customer’s language, with the headers given', () => {
    const p = page(errorPage('el', 429, { 'Retry-After': '30' }));
    expect(p.status).toBe(429);
    expect(p.html).toContain('<html lang="el">');
    expect(p.html).toContain('Πάρα πολλά αιτήματα');
    expect(p.headers['Retry-After']).toBe('30');
    expect(p.headers['Cache-Control']).toBe('no-store');
  });

  it('uses the 500 text for a status without its own', () => {
    expect(page(errorPage('pl', 418)).html).toContain('Coś poszło nie tak po naszej stronie');
  });
});

describe('languageSwitch', () => {
  it('links every language, marks the current one, and escapes the addresses', () => {
    const html = languageSwitch('pl', (l) => `/x?lang=${l}&q="a"`, 'Język');
    expect(html).toContain('<nav class="langs" aria-label="Język">');
    expect(html).toContain('<a href="/x?lang=pl&amp;q=&quot;a&quot;" aria-current="true" lang="pl">Polski</a>');
    expect(html).toContain('<a href="/x?lang=el&amp;q=&quot;a&quot;" lang="el" hreflang="el">Ελληνικά</a>');
    expect(html.match(/aria-current/g)).toHaveLength(1);
  });
});
