/**
 * npm run bench:ui — the agent workspace in Debian Chromium, through the browser host and the real engine on its
 * own worker thread (as `npm start` runs them), against a hub seeded with 100,000 customers / 1,000,000
 * interactions (BENCH_CUSTOMERS, BENCH_INTERACTIONS to change).
 *
 * Measured while the first sync runs, the moment a person would start working: first paint of the inbox after
 * sign-in; click a case in the inbox -> its timeline painted (p50, p95, clicks never painted); scrolling the
 * whole inbox (frames over 50 ms); search-as-you-type result time (p95); and the event-loop delay of the
 * thread that answers the page (the host's main thread). The host runs in a process of its own, as `npm start`
 * runs it, so that Playwright's driver (which runs inside the process that launches the browser) does not share
 * its event loop. Rounds of clicks, scrolling and typing repeat until
 * the first sync ends; samples taken after it are shown apart. Page times are taken inside the page
 * (performance.now and animation frames), so Playwright's own round trips are not counted.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { chromium, type Page } from '@playwright/test';
import { startBrowserHost } from '../src/main/browser-host/startBrowserHost';
import { startEngineThread } from '../src/main/engine/engineThread';
import { loadOrg } from '../src/server/loadOrg';
import { generateDemoOrg } from '../src/server/seed/demoOrg';
import { openSqliteStore } from '../src/server/store/sqlite/sqliteStore';
import buildRenderer, { RENDERER_DIR } from '../e2e/support/buildRenderer';
import { startChildHub, stopChildHub } from './support/childHub';
import { scrollFrames } from './support/scrollFrames';
import { ms, percentile, printTable } from './support/stats';

const CUSTOMERS = Number(process.env.BENCH_CUSTOMERS ?? 100_000);
const INTERACTIONS = Number(process.env.BENCH_INTERACTIONS ?? 1_000_000);
/** Clicks per round; a click whose timeline has not painted after CLICK_GIVE_UP_MS counts as never painted. */
const CLICKS_PER_ROUND = 10;
const CLICK_GIVE_UP_MS = 10_000;
/** Rounds stop when the first sync has ended (after at least one round), or after this many. */
const MAX_ROUNDS = 12;
const QUERIES = ['paczka', 'zamowienie', 'delivery', 'refund', 'παραγγελια', 'router', 'warranty', 'kowalsk'];

/** One measurement, and whether the first sync was still running when it ended. */
type Sample = { ms: number; duringSync: boolean };

/**
 * Clicks the `n`th inbox row (other than the open one) and resolves with the time until the case's title and
 * timeline are in the DOM and painted (the next animation frame); Infinity when it never painted.
 */
function clickCase(page: Page, n: number): Promise<number> {
  return page.evaluate(
    ({ n, giveUpMs }) =>
      new Promise<number>((resolve) => {
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
          else if (performance.now() - start > giveUpMs) resolve(Number.POSITIVE_INFINITY);
          else requestAnimationFrame(check);
        };
        check();
      }),
    { n, giveUpMs: CLICK_GIVE_UP_MS },
  );
}

/**
 * Search as you type in the open search field: emptied, then set to `value` as React sees a keystroke, timed
 * until its results are on screen; NaN when none came within 3 s.
 */
function searchFor(page: Page, value: string): Promise<number> {
  return page.evaluate(
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
    value,
  );
}

/** What the host process tells the bench. */
type HostMessage = { type: 'ready'; url: string } | { type: 'synced' } | { type: 'stopped'; loopP99Ms: number; loopMaxMs: number };

/**
 * The host process (this file run with BENCH_UI_HUB set): the engine on its worker thread and the browser host,
 * as `npm start` runs them. Says when the first sync has ended (the engine's cache caught up with the hub), and
 * measures its own event-loop delay from `measure` to `stop`.
 */
async function serveHost(hubUrl: string, dataDir: string): Promise<void> {
  const send = (message: HostMessage) => process.send!(message);
  const engine = startEngineThread({ dataDir, hubUrl, idleCheckMs: 0 });
  const host = await startBrowserHost({ engine, rendererDir: RENDERER_DIR });
  let synced = false;
  engine.subscribe((event) => {
    if (synced || event.name !== 'connection.changed' || event.payload.state !== 'online' || event.payload.lastSyncAt === null) return;
    synced = true;
    send({ type: 'synced' });
  });
  const loopDelay = monitorEventLoopDelay({ resolution: 10 });
  process.on('message', (message: { type: 'measure' | 'stop' }) => {
    if (message.type === 'measure') return loopDelay.enable();
    loopDelay.disable();
    void host
      .close()
      .then(() => engine.close())
      .then(() => process.send!({ type: 'stopped', loopP99Ms: loopDelay.percentile(99) / 1e6, loopMaxMs: loopDelay.max / 1e6 } satisfies HostMessage, () => process.exit(0)));
  });
  send({ type: 'ready', url: host.url });
}

/** Starts the host process and resolves once it serves the page. */
function startHost(hubUrl: string, dataDir: string): Promise<{ child: ChildProcess; url: string; stopped?: Promise<Extract<HostMessage, { type: 'stopped' }>> }> {
  const child = fork(fileURLToPath(import.meta.url), {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, BENCH_UI_HUB: hubUrl, BENCH_UI_DATA: dataDir },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.on('message', (message: HostMessage) => message.type === 'ready' && resolve({ child, url: message.url }));
    child.once('exit', (code) => reject(new Error(`the host process exited with ${code}`)));
  });
}

/** `p50 / p95` of finite samples, in ms. */
const p50p95 = (values: number[]) => `${ms(percentile(values, 50))} / ${ms(percentile(values, 95))}`;
const verdict = (met: boolean) => (met ? 'met' : 'NOT met');

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
  const host = await startHost(ready.url, join(dir, 'workstation'));
  let syncedAt: number | null = null;
  const synced = new Promise<void>((resolve) =>
    host.child.on('message', (message: HostMessage) => {
      if (message.type !== 'synced') return;
      syncedAt = performance.now();
      resolve();
    }),
  );
  const syncing = () => syncedAt === null;
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
    // The thread that answers the page: every delay there is a delay of every answer and event the page waits for.
    host.child.send({ type: 'measure' });
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.locator('[role=option][data-case-id]').first().waitFor({ timeout: 600_000 });
    const firstPaint = performance.now() - t;
    const paintedDuringSync = syncing();

    const clicks: Sample[] = [];
    const typing: Sample[] = [];
    const scrolls: Array<{ frames: number; slow: number; worst: number; duringSync: boolean }> = [];
    let empty = 0;
    let rounds = 0;
    for (; rounds < MAX_ROUNDS && (rounds === 0 || syncing()); rounds++) {
      for (let i = 0; i < CLICKS_PER_ROUND; i++) {
        const took = await clickCase(page, (rounds * CLICKS_PER_ROUND + i) * 3 + 1);
        clicks.push({ ms: took, duringSync: syncing() });
      }
      const scroll = await page.evaluate(scrollFrames, '[role=listbox]');
      scrolls.push({ ...scroll, duringSync: syncing() });
      await page.keyboard.press('Control+k');
      await page.locator('input[role=combobox][aria-controls=search-results]').waitFor();
      const q = QUERIES[rounds % QUERIES.length];
      for (let n = 2; n <= q.length; n++) {
        const took = await searchFor(page, q.slice(0, n));
        if (Number.isNaN(took)) empty++;
        else typing.push({ ms: took, duringSync: syncing() });
      }
      await page.keyboard.press('Escape');
    }
    await synced;
    const loop = await stopHost(host);
    const syncedAfter = (syncedAt! - t) / 1000;

    const during = <T extends { duringSync: boolean }>(samples: T[]) => samples.filter((x) => x.duringSync);
    const report = (samples: Sample[]) => {
      const within = during(samples);
      return { within, used: within.length > 0 ? within : samples, note: within.length > 0 ? `during the sync: ${within.length} of ${samples.length}` : `none during the sync: all ${samples.length} after it` };
    };
    const click = report(clicks);
    const clickTimes = click.used.map((x) => x.ms);
    const unpainted = clickTimes.filter((x) => !Number.isFinite(x)).length;
    const search = report(typing);
    const searchTimes = search.used.map((x) => x.ms);
    const scrollUsed = during(scrolls).length > 0 ? during(scrolls) : scrolls;
    const frames = scrollUsed.reduce((sum, x) => sum + x.frames, 0);
    const slow = scrollUsed.reduce((sum, x) => sum + x.slow, 0);
    const worst = Math.max(...scrollUsed.map((x) => x.worst));
    const loopP99 = loop.loopP99Ms;

    printTable(`Results (first sync done ${syncedAfter.toFixed(1)} s after sign-in; ${rounds} rounds; a shared 2-core machine)`, [
      ['first paint of the inbox after sign-in', ms(firstPaint, 0), `goal < 2000 ms: ${verdict(firstPaint < 2000)}${paintedDuringSync ? '' : ' (the sync had ended first)'}`],
      [
        'click a case -> timeline painted p50 / p95',
        p50p95(clickTimes),
        `goal p95 < 100 ms, every click painted: ${verdict(percentile(clickTimes, 95) < 100 && unpainted === 0)} (${click.note}; never painted: ${unpainted})`,
      ],
      [
        'scroll the whole inbox',
        `${slow} of ${frames} frames over 50 ms`,
        `goal < 2%: ${verdict(slow < frames * 0.02)} (${(frames > 0 ? (100 * slow) / frames : 0).toFixed(1)}%; worst frame ${ms(worst)}; ${during(scrolls).length} of ${scrolls.length} passes during the sync)`,
      ],
      [
        'search as you type p50 / p95',
        p50p95(searchTimes),
        `goal p95 < 100 ms: ${verdict(percentile(searchTimes, 95) < 100)} (${search.note}; ${empty} keystrokes without results)`,
      ],
      [
        "event-loop delay of the page's thread p99 / max",
        `${ms(loopP99)} / ${ms(loop.loopMaxMs)}`,
        `goal p99 < 50 ms: ${verdict(loopP99 < 50)} (sign-in to the end of the first sync)`,
      ],
    ]);
  } finally {
    await browser.close();
    await stopHost(host);
    await stopChildHub(child);
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Stops the host process once and resolves with its event-loop delay. */
function stopHost(host: { child: ChildProcess; stopped?: Promise<Extract<HostMessage, { type: 'stopped' }>> }) {
  return (host.stopped ??= new Promise((resolve) => {
    host.child.on('message', (message: HostMessage) => message.type === 'stopped' && resolve(message));
    host.child.send({ type: 'stop' });
  }));
}

const hostHub = process.env.BENCH_UI_HUB;
(hostHub ? serveHost(hostHub, process.env.BENCH_UI_DATA!) : main()).catch((err) => {
  console.error(err);
  process.exit(1);
});
