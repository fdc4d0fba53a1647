import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { openExtraWorkstation } from './support/extraWorkstation';

/** Switches the supervisor's work area to the console and opens one of its tabs. */
async function consoleTab(page: Page, tab: 'Live queues' | 'Agents' | 'Reassign' | 'Red alerts' | 'Audit') {
  await page.locator('header').getByText('Supervisor', { exact: true }).click();
  await page.getByRole('tab', { name: tab }).click();
}

/** Picks where cases go in the "Move to" select. */
async function moveTo(page: Page, option: string) {
  await page.getByRole('combobox', { name: 'Move to' }).click();
  await page.getByRole('listbox', { name: 'Move to' }).getByRole('option', { name: option }).click();
}

test.describe('supervisor console', () => {
  test('1. a case moved from agent A to agent B leaves A’s inbox and reaches B’s within 2 seconds', async ({ app, hub, page, launchOptions }) => {
    const a = await openExtraWorkstation(hub.url, launchOptions);
    const b = await openExtraWorkstation(hub.url, launchOptions);
    try {
      await a.app.signIn('a1');
      await b.app.signIn('a2');
      await app.signIn('sup1');
      await hub.inbound({ from: { email: 'ola@example.pl', name: 'Ola Zielińska' }, text: 'Gdzie jest moja paczka?' });
      await expect(a.app.inboxRow('Ola Zielińska')).toBeVisible();

      await consoleTab(page, 'Reassign');
      await page.getByRole('checkbox', { name: /Select the case of Ola Zielińska/ }).check();
      await moveTo(page, 'Person a2 (Offline)');
      await page.getByRole('button', { name: 'Move 1 case' }).click();

      await expect(b.app.inboxRow('Ola Zielińska')).toBeVisible({ timeout: 2_000 });
      await expect(a.app.inboxRow('Ola Zielińska')).toHaveCount(0, { timeout: 2_000 });
      await expect(page.getByTestId('move-outcome')).toContainText('1 of 1 case moved');
      expect(await app.axe(), 'axe on the reassign tab').toEqual([]);
    } finally {
      await a.close();
      await b.close();
    }
  });

  test('2. fifty cases selected and moved to another queue all land, and the audit shows fifty entries', async ({ app, hub, page }) => {
    await app.signIn('sup1');
    for (let i = 0; i < 50; i++) await hub.inbound({ from: { email: `bulk${i}@example.com`, name: `Bulk ${i}` }, text: `Question ${i}` });

    await consoleTab(page, 'Reassign');
    await page.getByLabel('Queue', { exact: true }).selectOption('q-chat');
    await expect(page.getByTestId('reassign-count')).toHaveText('0 of 50 selected');
    await page.getByRole('checkbox', { name: 'Select all 50 cases listed' }).check();
    await expect(page.getByTestId('reassign-count')).toHaveText('50 of 50 selected');
    await moveTo(page, 'q-phone');
    await page.getByRole('button', { name: 'Move 50 cases' }).click();
    await expect(page.getByTestId('move-outcome')).toContainText('50 of 50 cases moved');
    await page.getByLabel('Queue', { exact: true }).selectOption('q-phone');
    await expect(page.getByTestId('reassign-count')).toHaveText('0 of 50 selected');

    await page.getByRole('tab', { name: 'Audit' }).click();
    await page.getByLabel('Queue', { exact: true }).selectOption('q-phone');
    // The moves, without the server's routing of cases that found someone in the new queue.
    await page.getByLabel('Kind', { exact: true }).selectOption('assignment');
    await expect(page.getByTestId('audit-count')).toHaveText('50 entries');
    expect(await app.axe(), 'axe on the audit tab').toEqual([]);
  });

  test('3. an agent leaving mid-shift: marked away and all their open cases moved', async ({ app, hub, page }) => {
    await app.signIn('sup1');
    await hub.inbound({ from: { email: 'one@example.com', name: 'First Customer' }, text: 'Hello' });
    await hub.inbound({ from: { email: 'two@example.com', name: 'Second Customer' }, text: 'Hi' });

    await consoleTab(page, 'Agents');
    const a1 = page.getByTestId('agent-a1');
    await expect(a1.getByTestId('agent-open')).toHaveText('2 open cases');
    await page.getByRole('button', { name: 'Actions for Person a1' }).click();
    await page.getByRole('menuitem', { name: 'Move all open cases…' }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByText('2 open cases will move.')).toBeVisible();
    await moveTo(page, 'Person a3 (Available)');
    await dialog.getByRole('button', { name: 'Move cases' }).click();

    await expect(a1.getByTestId('agent-status')).toHaveText('Away');
    await expect(a1.getByTestId('agent-open')).toHaveText('0 open cases');
    await expect(page.getByTestId('agent-a3').getByTestId('agent-open')).toHaveText('2 open cases');
    expect(await app.axe(), 'axe on the agents board').toEqual([]);
  });

  test('4. a 2/10 survey raises a red alert for the supervisor within 2 seconds; acknowledged and assigned, it reaches the agent', async ({ app, hub, page, launchOptions }) => {
    const agent = await openExtraWorkstation(hub.url, launchOptions);
    try {
      await agent.app.signIn('a1');
      await app.signIn('sup1');
      const { caseId } = await hub.inbound({ from: { email: 'angry@example.com', name: 'Jan Kowalski' }, text: 'Mój czajnik nie działa' });
      await consoleTab(page, 'Red alerts');
      await expect(page.getByTestId('alerts')).toContainText('No red alerts today.');

      const sent = Date.now();
      await hub.inbound({ from: { email: 'angry@example.com' }, text: '', survey: { caseId: caseId!, score: 2 } });
      await expect(page.getByRole('alert').filter({ hasText: 'Jan Kowalski rated us 2 out of 10' })).toBeVisible({ timeout: 2_000 });
      // The alerts table's row (the day's survey answers below list the same customer).
      const row = page.getByTestId('alerts').locator('tr', { hasText: 'Jan Kowalski' });
      await expect(row).toContainText('2 / 10', { timeout: 2_000 });
      await expect(page.getByTestId('survey-answers').locator('tr', { hasText: 'Jan Kowalski' })).toContainText('2');
      expect(Date.now() - sent).toBeLessThan(2_000);

      await row.getByRole('button', { name: 'Acknowledge' }).click();
      await expect(row.getByTestId('alert-status')).toHaveText('Acknowledged');
      await row.getByRole('button', { name: 'Assign the follow-up of Jan Kowalski' }).click();
      await page.getByRole('menuitem', { name: 'Person a1' }).click();
      await expect(row.getByTestId('alert-status')).toHaveText('Follow-up');
      await expect(row).toContainText('Followed up by Person a1');

      await expect(agent.app.page.getByRole('alert').filter({ hasText: 'Jan Kowalski rated us 2 out of 10' })).toBeVisible();
      expect(await app.axe(), 'axe on the alerts tab').toEqual([]);
    } finally {
      await agent.close();
    }
  });

  test('5. an agent cannot reach the console, and the hub refuses the same actions sent directly', async ({ app, hub, page, workstation }) => {
    await app.signIn('a1');
    await expect(app.inbox).toBeVisible();
    await expect(page.locator('header').getByText('Supervisor', { exact: true })).toHaveCount(0);
    await expect(page.getByRole('tab', { name: 'Reassign' })).toHaveCount(0);

    const { caseId } = await hub.inbound({ from: { email: 'x@example.com', name: 'X' }, text: 'Hello' });
    const engine = workstation.engine;
    const read = await engine.call('supervisor.dashboard', { since: 0 });
    expect(read.ok ? 'ok' : read.error.code).toBe('forbidden');
    // The engine queues what it is asked; the hub is the authority and refuses each of them.
    await engine.call('supervisor.reassign', { caseIds: [caseId!], to: { staffId: 'a2' } });
    await engine.call('supervisor.reassignAll', { fromStaffId: 'a2', to: { queueId: 'q-chat' } });
    await engine.call('supervisor.updateStaff', { staffId: 'a2', patch: { status: 'away' } });
    await expect
      .poll(async () => {
        const outbox = await engine.call('outbox.list', {});
        return outbox.ok ? outbox.value.filter((e) => e.mutation.type.startsWith('supervisor.')).map((e) => `${e.state}:${e.reason}`) : [];
      })
      .toEqual(['rejected:forbidden', 'rejected:forbidden', 'rejected:forbidden']);
  });
});
