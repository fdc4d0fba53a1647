/**
 * npm run bench:ui — the agent workspace in Debian Chromium, through the browser host and the real engine,
 * against a hub seeded with 100,000 customers (BENCH_CUSTOMERS, BENCH_INTERACTIONS to change).
 *
 * Prints: first paint of the inbox after sign-in; time from clicking a case in the inbox to its timeline
 * painted (p50, p95); scrolling the whole inbox (frames over 50 ms); search-as-you-type result time (p95).
 * Times are taken inside the page (performance.now and animation frames), so Playwright's own round trips
 * are not counted.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { chromium } from '@playwright/test';
import { startBrowserHost } from '../src/main/browser-host/startBrowserHost';
import { createEngine } from '../src/main/engine/createEngine';
import { loadOrg } from '../src/server/loadOrg';
import { generateDemoOrg } from '../src/server/seed/demoOrg';
import { openSqliteStore } from '../src/server/store/sqlite/sqliteStore';
import buildRenderer, { RENDERER_DIR } from '../e2e/support/buildRenderer';
import { startChildHub, stopChildHub } from './support/childHub';
import { scrollFrames } from './support/scrollFrames';
import { ms, percentile, printTable } from './support/stats';

const CUSTOMERS = Number(process.env.BENCH_CUSTOMERS ?? 100_000);
const INTERACTIONS = Number(process.env.BENCH_INTERACTIONS ?? 1_000_000);
const CLICKS = 40;
const QUERIES = ['paczka', 'zamowienie', 'delivery', 'refund', 'παραγγελια', 'router', 'warranty', 'kowalsk'];

async function main() {
  console.log(`bench:ui — hub with ${CUSTOMERS.toLocaleString('en')} customers / ${INTERACTIONS.toLocaleString('en')} interactions`);
  buildRenderer();
  const dir = mkdtempSync(join(tmpdir(), 'bench-ui-'));
  const hubDb = join(dir, 'hub.sqlite');
  const org = generateDemoOrg({ seed: 1, customers: CUSTOMERS, interactions: INTERACTIONS, now: Date.now() });
  const store = openSqliteStore(hubDb);
  let t = performance.now();
  await loadOrg(store, { ...org, batches: org.batches(2000) });
  await store.close();
  console.log(`  seeded in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  const agent = org.staff.find((s) => s.staff.role === 'agent')!;

  const { child, ready } = await startChildHub<{ url: string }>('./hubOnFile.ts', { BENCH_DB: hubDb, BENCH_USERS: '' });
  const engine = createEngine({ dataDir: join(dir, 'workstation'), hubUrl: ready.url, idleCheckMs: 0 });
  const host = await startBrowserHost({ engine, rendererDir: RENDERER_DIR });
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    // tsx compiles this file keeping function names through a `__name` helper; the functions handed to
    // page.evaluate carry calls to it into the page.
    await page.addInitScript('globalThis.__name = (fn) => fn;');
    await page.goto(host.url);
    await page.getByLabel('Username').fill(agent.staff.username);
    await page.getByLabel(/^Password/).fill(agent.password);
    t = performance.now();
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.locator('[role=option][data-case-id]').first().waitFor({ timeout: 600_000 });
    const firstPaint = performance.now() - t;

    // The first sync finishes while the inbox is already usable: wait until the count stops moving.
    const count = page.getByTestId('inbox-count');
    let last = '';
    for (let stable = 0; stable < 6; ) {
      await page.waitForTimeout(1_000);
      const now = (await count.textContent()) ?? '';
      stable = now === last ? stable + 1 : 0;
      last = now;
    }
    const syncedAfter = performance.now() - t;

    // Click a case, wait until its title and timeline are in the DOM and painted (the next animation frame).
    const clicks: number[] = [];
    for (let i = 0; i < CLICKS; i++) {
      clicks.push(
        await page.evaluate(
          (n) =>
            new Promise<number>((resolve) => {
              // A row other than the open one, so that something must change on screen.
              const rows = [...document.querySelectorAll<HTMLElement>('[role=option][data-case-id]:not([aria-current])')];
              const row = rows[n % rows.length];
              const id = row.dataset.caseId;
              const start = performance.now();
              row.click();
              const check = () => {
                const open = document.querySelector(`[role=option][aria-current][data-case-id="${id}"]`);
                const painted = document.querySelectorAll('section[aria-labelledby=case-timeline-title] li').length > 0;
                const title = document.querySelector('#case-title')?.textContent;
                if (open && painted && title) requestAnimationFrame(() => resolve(performance.now() - start));
                else if (performance.now() - start > 10_000) resolve(Number.POSITIVE_INFINITY);
                else requestAnimationFrame(check);
              };
              check();
            }),
          i * 3 + 1,
        ),
      );
    }

    // Scroll the whole inbox, one step per frame, and count frames that took over 50 ms.
    const scroll = await page.evaluate(scrollFrames, '[role=listbox]');

    // Search as you type: the field emptied, then each prefix set as React sees a keystroke, timed until its
    // results are on screen. Prefixes without results are counted apart.
    await page.keyboard.press('Control+k');
    await page.locator('input[role=combobox][aria-controls=search-results]').waitFor();
    const typing: number[] = [];
    let empty = 0;
    for (const q of QUERIES) {
      for (let n = 2; n <= q.length; n++) {
        const took = await page.evaluate(
          (value) =>
            new Promise<number>((resolve) => {
              const el = document.querySelector<HTMLInputElement>('input[role=combobox][aria-controls=search-results]')!;
              const set = (v: string) => {
                Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(el, v);
                el.dispatchEvent(new Event('input', { bubbles: true }));
              };
              const hits = () => document.querySelectorAll('#search-results [role=option]').length;
              set('');
              const clear = () => {
                if (hits() > 0) return requestAnimationFrame(clear);
                const start = performance.now();
                set(value);
                const check = () => {
                  if (hits() > 0) requestAnimationFrame(() => resolve(performance.now() - start));
                  else if (performance.now() - start > 3_000) resolve(Number.NaN);
                  else requestAnimationFrame(check);
                };
                check();
              };
              clear();
            }),
          q.slice(0, n),
        );
        if (Number.isNaN(took)) empty++;
        else typing.push(took);
      }
    }

    printTable('Results', [
      ['first paint of the inbox after sign-in', ms(firstPaint, 0), `(first sync done after ${(syncedAfter / 1000).toFixed(1)} s; inbox: ${last})`],
      ['click a case -> timeline painted p50 / p95', `${ms(percentile(clicks, 50))} / ${ms(percentile(clicks, 95))}`, `goal p95 < 100 ms (${clicks.length} clicks)`],
      ['scroll the whole inbox', `${scroll.slow} of ${scroll.frames} frames over 50 ms`, `worst frame ${ms(scroll.worst)}`],
      ['search as you type p50 / p95', `${ms(percentile(typing, 50))} / ${ms(percentile(typing, 95))}`, `goal p95 < 100 ms (${typing.length} keystrokes with results, ${empty} without)`],
    ]);
  } finally {
    await browser.close();
    await host.close();
    await engine.close();
    await stopChildHub(child);
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
