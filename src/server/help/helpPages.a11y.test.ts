/**
 * The help site as a browser shows it: its pages, with the real stylesheet, checked by axe-core in the
 * Chromium the end-to-end journeys use (launched as playwright.config.ts says), in each language.
 */
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type Page } from 'playwright';
import { afterAll, beforeAll, expect, it } from 'vitest';
import playwrightConfig from '../../../playwright.config';
import { buildKnowledgeBase } from '../seed/knowledge';
import { startTestHub, testClock, type TestHub } from '../testing/hubHarness';
import { testOrg } from '../testing/testOrg';

const clock = testClock();
let t: TestHub;
let browser: Browser;
let page: Page;
beforeAll(async () => {
  [t, browser] = await Promise.all([
    startTestHub({ now: clock.now, org: { ...testOrg(), kb: buildKnowledgeBase(clock.now()) } }),
    chromium.launch(playwrightConfig.use?.launchOptions),
  ]);
  page = await browser.newPage();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await t?.stop();
});

it.each([
  ['/help?lang=en', 'en'],
  ['/help?lang=el&q=zzzz', 'el'],
  ['/help/kb-pl-invoices', 'pl'],
])('%s has no axe violations', async (path, lang) => {
  const res = await page.goto(`${t.hub.url}${path}`);
  expect(res?.status()).toBe(200);
  expect(await page.getAttribute('html', 'lang')).toBe(lang);
  // The stylesheet applied (the contrast checks read it): the skip link sits off screen until focused.
  const skip = page.locator('a.skip');
  expect(await skip.evaluate((a) => a.getBoundingClientRect().bottom)).toBeLessThanOrEqual(0);
  await page.keyboard.press('Tab');
  expect(await skip.evaluate((a) => a === document.activeElement && a.getBoundingClientRect().top >= 0)).toBe(true);
  // The pages have no frames: axe runs in the page itself (no second page to gather frames' results).
  const { violations } = await new AxeBuilder({ page }).setLegacyMode(true).analyze();
  expect(violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.map((n) => n.target.join(' ')) }))).toEqual([]);
});
