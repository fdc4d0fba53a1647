import type { Locator } from '@playwright/test';
import { expect, test } from './fixtures';
import { liveTraffic } from './support/liveTraffic';

/**
 * The inbox on a working day's screen (1440x900) while customers keep writing in: compact rows show a screenful
 * of cases, j/k and Enter open one from anywhere outside a text field, and a case opened from search is
 * highlighted in the list and scrolled to.
 */

/** The n-th customer writing in on chat in Polish: routed to q-chat, a1's queue. */
const customer = (n: number) => ({
  channel: 'chat' as const,
  from: { email: `klient${n}@example.pl`, name: `Klient Numer${n}` },
  text: `Dzień dobry, pytanie o zamówienie ${n}.`,
});

/** Rows of the list wholly inside its visible area. */
async function rowsInView(list: Locator): Promise<number> {
  return list.evaluate((el) => {
    const box = el.getBoundingClientRect();
    return [...el.querySelectorAll('[role="option"]')].filter((row) => {
      const r = row.getBoundingClientRect();
      return r.top >= box.top - 1 && r.bottom <= box.bottom + 1;
    }).length;
  });
}

test.describe('inbox density and keyboard', () => {
  test('compact rows show 18+ cases, j/k/Enter open one, a case found by search is highlighted in the list', async ({ app, hub, page }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await app.signIn('a1');
    await expect(app.inbox).toBeVisible();

    for (let n = 0; n < 30; n++) await hub.inbound(customer(n));
    const traffic = liveTraffic((n) => hub.inbound(customer(100 + n)));
    try {
      await expect(page.getByTestId('inbox-count')).toHaveText(/^(3\d|[4-9]\d)\+? cases$/);

      // Compact is the default: a screenful of cases.
      await expect(page.getByRole('radio', { name: 'Compact' })).toBeChecked();
      expect(await rowsInView(app.inbox)).toBeGreaterThanOrEqual(18);
      // The density switch's labels (its radio inputs are visually hidden behind them).
      await page.locator('label', { hasText: /^Comfortable$/ }).click();
      await expect.poll(() => rowsInView(app.inbox)).toBeLessThan(10);
      await page.locator('label', { hasText: /^Compact$/ }).click();
      await expect.poll(() => rowsInView(app.inbox)).toBeGreaterThanOrEqual(18);

      // j/k and Enter from outside the list (focus on the page, not in a field): the selected case opens.
      await page.getByRole('heading', { level: 1 }).click();
      await expect(page.locator(':focus')).toHaveCount(0);
      await page.keyboard.press('j');
      await page.keyboard.press('j');
      await page.keyboard.press('k');
      const selected = app.inbox.locator('[role="option"][aria-selected="true"]');
      await expect(selected).toHaveCount(1);
      const caseId = await selected.getAttribute('data-case-id');
      await page.keyboard.press('Enter');
      await expect(app.inbox.locator(`[data-case-id="${caseId}"]`)).toHaveAttribute('aria-current', 'true');
      await expect(page.locator('#case-title')).toBeVisible();

      // A case far down the list, opened from search: highlighted in the list and scrolled into view.
      await page.keyboard.press('Control+K');
      const search = page.getByRole('combobox', { name: 'Search customers, cases and messages' });
      await search.fill('Numer29');
      const found = page.getByRole('group', { name: 'Cases' }).getByRole('option').first();
      await expect(found).toContainText('Klient Numer29');
      await expect(found).toContainText('Chat');
      expect(await app.axe(), 'axe on the search dialog').toEqual([]);
      await found.click();
      await expect(page.getByRole('dialog', { name: 'Search everywhere' })).toBeHidden();
      const opened = app.inboxRow('Klient Numer29');
      await expect(opened).toHaveAttribute('aria-current', 'true');
      await expect(opened).toHaveAttribute('aria-selected', 'true');
      await expect(opened).toBeInViewport();
    } finally {
      await traffic.stop();
    }
    expect(traffic.sent()).toBeGreaterThan(0);
    expect(traffic.failures).toEqual([]);
  });
});
