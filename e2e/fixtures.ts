/**
 * Fixtures of the end-to-end journeys. Every test gets, and loses in teardown even when it fails:
 *
 * - `org`     (option) the organisation the hub is loaded with; default `e2eOrg()` (see e2e/support/e2eOrg.ts:
 *             a1, a2 (offline), a3 agents, sup1 supervisor, store1 store staff; password `<id>-password-1`).
 *             Override per file: `test.use({ org: generateDemoOrg({ seed: 1, customers: 50, interactions: 300, now: Date.now() }) })`
 *             (each test loads it into a fresh hub file).
 * - `hub`     a real hub (own temp SQLite file, 127.0.0.1, port 0) with `inbound(msg)` to post a signed
 *             customer message, and `goDown()` / `comeBack()` (same port and file) for offline journeys; an
 *             example connector on every connector channel takes its replies (they show as sent to the channel).
 * - `workstation` the real engine + browser host (own temp data folder) pointed at that hub; `url` opens it,
 *             `advanceClock(ms)` moves the engine's clock and runs the idle-lock check, `logs` are its output.
 * - `context` / `page` Debian Chromium (playwright.config.ts) with a fresh temporary profile per test.
 * - `app`     the page opened on the workstation, with helpers: `signIn(username, {offline})`, `signOut()`,
 *             `lock()`, `unlock(password)`, `language(lng)`, `axe()` (serious and critical violations).
 *
 * The browser console, page errors and the engine's log are attached to every test; a failing test also
 * gets a screenshot and a trace (playwright.config.ts) in test-results/.
 *
 *   import { test, expect } from './fixtures';
 *   test('...', async ({ app, hub }) => { await app.signIn('a1'); await hub.inbound({ from: { email: 'x@y.z' } }); });
 */
import { test as base, chromium, type BrowserContext, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { OrgData } from '../src/server/loadOrg';
import { WorkstationPage } from './support/WorkstationPage';
import { startE2eHub, type E2eHub } from './support/e2eHub';
import { e2eOrg } from './support/e2eOrg';
import { startE2eWorkstation, type E2eWorkstation } from './support/e2eWorkstation';

export { expect } from '@playwright/test';
export { passwordOf } from './support/e2eOrg';

interface Fixtures {
  org: OrgData;
  hub: E2eHub;
  workstation: E2eWorkstation;
  app: WorkstationPage;
}

export const test = base.extend<Fixtures>({
  org: [e2eOrg(), { option: true }],

  hub: async ({ org }, use) => {
    const hub = await startE2eHub(org);
    try {
      await use(hub);
    } finally {
      await hub.stop();
    }
  },

  workstation: async ({ hub }, use, testInfo) => {
    const workstation = await startE2eWorkstation(hub.url);
    try {
      await use(workstation);
    } finally {
      await testInfo.attach('engine.log', { body: workstation.logs.join('\n') || '(nothing logged)', contentType: 'text/plain' });
      await workstation.stop();
    }
  },

  // A persistent context on a fresh folder: each test has its own real profile (localStorage and all).
  context: async ({ launchOptions }, use) => {
    const profile = mkdtempSync(join(tmpdir(), 'e2e-profile-'));
    const context: BrowserContext = await chromium.launchPersistentContext(profile, { ...launchOptions, viewport: { width: 1400, height: 900 } });
    try {
      await use(context);
    } finally {
      await context.close().catch(() => {});
      rmSync(profile, { recursive: true, force: true });
    }
  },

  page: async ({ context }, use, testInfo) => {
    const page: Page = context.pages()[0] ?? (await context.newPage());
    const output: string[] = [];
    page.on('console', (m) => output.push(`[${m.type()}] ${m.text()}`));
    page.on('pageerror', (e) => output.push(`[pageerror] ${e.message}`));
    try {
      await use(page);
    } finally {
      await testInfo.attach('browser-console.log', { body: output.join('\n') || '(nothing logged)', contentType: 'text/plain' });
    }
  },

  app: async ({ page, workstation }, use) => {
    const app = new WorkstationPage(page, workstation);
    await app.open();
    await use(app);
  },
});
