import { describe, expect, it } from 'vitest';
import { asFrameMessage, asShopMessage, visitedPage } from './bridge';
import { frameUrl, readLoaderConfig } from './loaderConfig';

const SIGNATURE = 'ab'.repeat(32);
const tag = (attributes: Record<string, string>) => (name: string) => attributes[name] ?? null;

describe("the loader's script tag", () => {
  it('names the hub by where the script came from, the queue, and a language from the tag or the browser', () => {
    expect(readLoaderConfig(tag({ 'data-queue': ' q-chat ' }), 'https://hub.example:8443/widget.js?v=1', ['pl-PL'])).toEqual({
      hub: 'https://hub.example:8443',
      queue: 'q-chat',
      lang: 'pl',
      identity: null,
    });
    expect(readLoaderConfig(tag({ 'data-queue': 'q', 'data-lang': 'el' }), 'https://hub.example/widget.js', ['pl'])).toMatchObject({ lang: 'el' });
    expect(readLoaderConfig(tag({ 'data-queue': 'q', 'data-lang': 'de' }), 'https://hub.example/widget.js', ['fr'])).toMatchObject({ lang: 'en' });
  });

  it('passes a signed-in customer only when both the id and the signature are there', () => {
    const both = readLoaderConfig(tag({ 'data-queue': 'q', 'data-customer-id': 'c42', 'data-customer-signature': SIGNATURE.toUpperCase() }), 'https://hub.example/widget.js', []);
    expect(both).toMatchObject({ identity: { customerId: 'c42', signature: SIGNATURE } });
    expect(readLoaderConfig(tag({ 'data-queue': 'q', 'data-customer-id': 'c42' }), 'https://hub.example/widget.js', [])).toMatchObject({ identity: null });
  });

  it('says why it cannot start', () => {
    expect(readLoaderConfig(tag({}), 'https://hub.example/widget.js', [])).toBe('name the chat queue in data-queue');
    expect(readLoaderConfig(tag({ 'data-queue': 'q' }), '', [])).toMatch(/no address/);
    expect(readLoaderConfig(tag({ 'data-queue': 'q' }), 'file:///widget.js', [])).toMatch(/http/);
  });

  it("puts the queue, the shop's origin and the language in the frame's address, never the identity", () => {
    const config = readLoaderConfig(tag({ 'data-queue': 'q&x=1', 'data-customer-id': 'c42', 'data-customer-signature': SIGNATURE }), 'https://hub.example/widget.js', ['en']);
    if (typeof config === 'string') throw new Error(config);
    const url = new URL(frameUrl(config, 'https://shop.example', 'pl'));
    expect(`${url.origin}${url.pathname}`).toBe('https://hub.example/webchat/frame');
    expect(Object.fromEntries(url.searchParams)).toEqual({ queue: 'q&x=1', origin: 'https://shop.example', lang: 'pl' });
    expect(url.href).not.toContain('c42');
    expect(url.href).not.toContain(SIGNATURE);
  });
});

describe('messages between the shop page and the frame', () => {
  it('take only the shapes each side acts on', () => {
    expect(asShopMessage({ type: 'webchat:hello', identity: { customerId: 'c1', signature: 's' }, page: { url: 'https://shop.example/a', title: ' A ' }, open: true })).toEqual({
      type: 'webchat:hello',
      identity: { customerId: 'c1', signature: 's' },
      page: { url: 'https://shop.example/a', title: 'A' },
      open: true,
    });
    expect(asShopMessage({ type: 'webchat:hello', identity: 'me', page: null, open: 'yes' })).toEqual({ type: 'webchat:hello', identity: null, page: null, open: false });
    expect(asShopMessage({ type: 'webchat:page', page: { url: 'javascript:alert(1)', title: '' } })).toBeNull();
    expect(asShopMessage({ type: 'webchat:close' })).toBeNull();
    expect(asShopMessage('webchat:open')).toBeNull();
    expect(asFrameMessage({ type: 'webchat:lang', lang: 'pl' })).toEqual({ type: 'webchat:lang', lang: 'pl' });
    expect(asFrameMessage({ type: 'webchat:lang', lang: 'de' })).toBeNull();
    expect(asFrameMessage({ type: 'webchat:ready', extra: 1 })).toEqual({ type: 'webchat:ready' });
    expect(asFrameMessage({ type: 'webchat:hello' })).toBeNull();
  });

  it('keep a page the hub can store: titles cut, too long an address without its query', () => {
    expect(visitedPage('https://shop.example/p?q=1', 'x'.repeat(300))).toEqual({ url: 'https://shop.example/p?q=1', title: 'x'.repeat(200) });
    expect(visitedPage(`https://shop.example/p?q=${'a'.repeat(600)}`, 'T')).toEqual({ url: 'https://shop.example/p', title: 'T' });
    expect(visitedPage(`https://shop.example/${'a'.repeat(600)}`, 'T')).toBeNull();
    expect(visitedPage('not a url', 'T')).toBeNull();
  });
});
