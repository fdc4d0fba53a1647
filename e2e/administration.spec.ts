import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test as base } from './fixtures';
import { startE2eHubOnFolder, type E2eHub } from './support/e2eHub';
import { openExtraWorkstation } from './support/extraWorkstation';
import { liveTraffic } from './support/liveTraffic';

const ADMIN = { username: 'boss', name: 'Barbara Boss', password: 'Harbour lights at 2031!' };
const AGENT = { username: 'ada', name: 'Ada Lovelace', password: 'Kettle orbit 9471 north' };
const QUEUE = 'English chat';

/** `npm run hub -- create-admin` as an operator runs it, the password piped in on one line. */
async function createAdminWithCli(dataDir: string): Promise<string> {
  const cli = spawn(process.execPath, ['--import', 'tsx', 'src/server/cli.ts', 'create-admin', '--data', dataDir, '--username', ADMIN.username, '--name', ADMIN.name], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let output = '';
  cli.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  cli.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  cli.stdin.end(`${ADMIN.password}\n`);
  const code = await new Promise<number | null>((resolve, reject) => cli.once('error', reject).once('close', resolve));
  if (code !== 0) throw new Error(`create-admin exited with ${code}: ${output}`);
  return output;
}

/**
 * Connectors posting while people work: a Polish customer's chat message every 300 ms, one at a time. Nobody
 * here speaks Polish, so they wait in the queue (in no one's "Mine").
 */
const connectorTraffic = (hub: E2eHub) =>
  liveTraffic((n) => hub.inbound({ from: { email: `klient${n}@example.pl`, name: `Klient ${n}` }, text: `Dzień dobry, gdzie jest moja paczka numer ${n}? Czekam już tydzień.` }));

/** Picks options of a multi-select found by its label (opened from the keyboard), then closes its list. */
async function pick(page: Page, label: RegExp, ...options: string[]) {
  await page.getByRole('dialog').getByLabel(label).focus();
  await page.keyboard.press('ArrowDown');
  for (const option of options) await page.getByRole('option', { name: option, exact: true }).click();
  await page.getByRole('dialog').getByRole('heading').click();
  await expect(page.getByRole('listbox')).toBeHidden();
}

// The hub of this journey starts on an empty data folder holding only the admin the real command created.
const test = base.extend<{ dataDir: string }>({
  dataDir: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'e2e-empty-hub-'));
    try {
      await use(dir);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
  hub: async ({ dataDir }, use, testInfo) => {
    await testInfo.attach('create-admin.log', { body: await createAdminWithCli(dataDir), contentType: 'text/plain' });
    const hub = await startE2eHubOnFolder(dataDir);
    try {
      await use(hub);
    } finally {
      await hub.stop();
    }
  },
});

// Longer than one screen's journey: a command run, two workstations and three sign-ins with real password hashing.
test.setTimeout(180_000);

test('from an empty hub: the first admin sets up a queue and an agent, who works until deactivated', async ({ app, hub, page, launchOptions }) => {
  const ctx = hub.hub.ctx;
  expect(ctx.allStaff().map((s) => `${s.username}:${s.role}`)).toEqual([`${ADMIN.username}:admin`]);
  expect(ctx.queues()).toEqual([]);

  // 2. The admin signs in, opens Administration and adds a chat queue in English.
  await app.signIn(ADMIN.username, { password: ADMIN.password });
  await page.locator('header').getByText('Administration', { exact: true }).click();
  await page.getByRole('tab', { name: 'Queues' }).click();
  await page.getByRole('button', { name: 'Add queue' }).click();
  await page.getByRole('dialog').getByLabel(/^Name/).fill(QUEUE);
  await pick(page, /^Channels/, 'Chat');
  await expect(page.getByRole('dialog').getByText('English', { exact: true })).toBeVisible();
  await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('dialog')).toBeHidden();
  await expect(page.getByRole('row').filter({ hasText: QUEUE })).toContainText('Open');

  // ... and the chat connector, with an inbound secret of its own: the hub's secret, which the connector traffic
  // below still signs with, keeps working for the grace period.
  await page.getByRole('tab', { name: 'Channel connectors' }).click();
  await page.getByRole('button', { name: 'Set up the Chat connector' }).click();
  const setUp = page.getByRole('dialog', { name: 'Set up the Chat connector' });
  await setUp.getByLabel(/^Connector address/).fill('https://chat-platform.example/hub');
  await setUp.getByRole('button', { name: 'Generate a new Secret' }).click();
  await setUp.getByRole('button', { name: 'Generate a new Inbound secret' }).click();
  const chatSecret = await setUp.getByLabel(/^Inbound secret/).inputValue();
  expect(chatSecret).toMatch(/^[\w-]{43}$/);
  await setUp.getByRole('button', { name: 'Save' }).click();
  await expect(setUp).toBeHidden();
  const chatRow = page.getByRole('row').filter({ hasText: 'https://chat-platform.example/hub' });
  await expect(chatRow).toContainText('The replaced secret works until');

  const traffic = connectorTraffic(hub);
  try {
    // ... then an agent in that queue, with a one-time password the dialog shows once.
    await page.getByRole('tab', { name: 'People' }).click();
    await page.getByRole('button', { name: 'Add person' }).click();
    await page.getByRole('dialog').getByLabel(/^Username/).fill(AGENT.username);
    await page.getByRole('dialog').getByLabel(/^Display name/).fill(AGENT.name);
    await pick(page, /^Queues/, QUEUE);
    await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
    const shown = page.getByRole('dialog', { name: `One-time password for ${AGENT.name}` });
    const oneTime = (await shown.getByLabel('One-time password').textContent())?.trim() ?? '';
    expect(oneTime.length).toBeGreaterThanOrEqual(12);
    await shown.getByRole('button', { name: 'Done' }).click();
    await expect(shown).toBeHidden();
    await expect(page.getByRole('row').filter({ hasText: AGENT.name })).toContainText('Active');

    // 3. The agent, on their own workstation, must replace the one-time password before seeing any work.
    const agent = await openExtraWorkstation(hub.url, launchOptions);
    try {
      const ap = agent.app.page;
      await ap.getByLabel('Username').fill(AGENT.username);
      await ap.getByLabel(/^Password/).fill(oneTime);
      await ap.getByRole('button', { name: 'Sign in' }).click();
      const change = ap.getByRole('dialog', { name: 'Choose your own password' });
      await expect(change).toBeVisible();
      await expect(ap.getByRole('heading', { name: 'Agent workstation' })).toHaveCount(0);
      await expect(agent.app.inbox).toHaveCount(0);
      await change.getByLabel(/^Password you were given/).fill(oneTime);
      await change.getByLabel(/^New password/).fill(AGENT.password);
      await change.getByLabel(/^Repeat the new password/).fill(AGENT.password);
      await change.getByRole('button', { name: 'Change password' }).click();
      await expect(change).toBeHidden();
      await expect(agent.app.inbox).toBeVisible();
      await ap.getByLabel('Your status', { exact: true }).selectOption('available');
      await expect.poll(() => ctx.staff(ctx.allStaff().find((s) => s.username === AGENT.username)!.id)?.status).toBe('available');
      await ap.getByRole('group', { name: 'Inbox filters' }).getByText('Mine', { exact: true }).click();

      // 4. An English chat message, signed with the chat connector's new secret, is routed to her and shows at once.
      await expect.poll(traffic.sent).toBeGreaterThanOrEqual(5);
      const text = 'Hello, my order 5521 arrived damaged. Can you help me please?';
      const { caseId } = await hub.inbound({ from: { email: 'grace@example.com', name: 'Grace Hopper' }, text }, chatSecret);
      const row = agent.app.inboxRow('Grace Hopper');
      await expect(row).toBeVisible();
      await expect(row.getByTestId('preview')).toHaveText(text);
      await expect(ap.getByTestId('inbox-count')).toHaveText('1 case');

      // 5. The admin deactivates her, her open case going back to the queue: her workstation is signed out at once.
      await page.getByRole('button', { name: `Actions for ${AGENT.name}` }).click();
      await page.getByRole('menuitem', { name: 'Deactivate' }).click();
      const confirm = page.getByRole('dialog', { name: `Deactivate ${AGENT.name}` });
      await expect(confirm.getByText('They hold one open case. Choose who takes it.')).toBeVisible();
      await confirm.getByLabel('Move to').click();
      await page.getByRole('option', { name: QUEUE, exact: true }).click();
      const clicked = Date.now();
      await confirm.getByRole('button', { name: 'Deactivate' }).click();
      await expect(ap.getByRole('heading', { name: 'Sign in' })).toBeVisible({ timeout: 2_000 });
      expect(Date.now() - clicked).toBeLessThan(2_000);
      await expect(ap.getByText('Your session was ended by the server. Please sign in again.')).toBeVisible();

      await expect(confirm).toBeHidden();
      await expect(page.getByRole('row').filter({ hasText: AGENT.name })).toHaveCount(0);
      const moved = await ctx.store.get('case', caseId!);
      expect({ assignee: moved?.assigneeId ?? null, queue: ctx.queue(moved!.queueId)?.name }).toEqual({ assignee: null, queue: QUEUE });
    } finally {
      await agent.close();
    }
  } finally {
    await traffic.stop();
  }
  expect(traffic.failures).toEqual([]);
});
