import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from '../testing/hubHarness';

describe('the demo shop', () => {
  let demo: TestHub;
  let plain: TestHub;
  beforeAll(async () => {
    [demo, plain] = await Promise.all([startTestHub({ demoShop: true }), startTestHub()]);
  });
  afterAll(async () => Promise.all([demo.stop(), plain.stop()]));

  it('embeds the web chat with the one tag a shop would use, for a chat queue of the reader\'s language', async () => {
    const res = await fetch(`${demo.hub.url}/demo/shop`, { headers: { 'Accept-Language': 'el-GR,el;q=0.9' } });
    expect(res.status).toBe(200);
    const page = await res.text();
    expect(page).toContain('<html lang="el">');
    // The test organisation's Greek queue takes chat.
    expect(page).toContain('<script src="/widget.js" data-queue="q-el" data-lang="el" async></script>');
    // The page's own policy lets the loader run and frame the hub's chat, and nothing else.
    expect(res.headers.get('content-security-policy')).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    );
  });

  it('has more pages to walk through, and answers others with the 404 page', async () => {
    const boots = await fetch(`${demo.hub.url}/demo/shop/boots?lang=pl`);
    expect(boots.status).toBe(200);
    const page = await boots.text();
    expect(page).toContain('<h1>Buty zimowe</h1>');
    expect(page).toContain('data-queue="q-chat"');
    expect((await fetch(`${demo.hub.url}/demo/shop/nothing`)).status).toBe(404);
  });

  it('is not there unless the hub runs the demo', async () => {
    expect((await fetch(`${plain.hub.url}/demo/shop`)).status).toBe(404);
  });
});
