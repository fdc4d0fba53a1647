import type { Locator } from '@playwright/test';
import { expect, test } from './fixtures';
import { liveTraffic } from './support/liveTraffic';

/**
 * Notifications during a shift: new cases arrive while the agent types a reply on an open case. The notices are
 * grouped below the header at the right and never cover the composer, the bell counts them and keeps them for
 * the session, focus stays in the composer, and the status bar says the link is Live.
 */

/**
 * The n-th customer of the traffic: English email and chat on q-chat, routed to a1 while they have room on the
 * channel (the journeys' org: 2 chats and 3 emails at once), then waiting in the queue.
 */
const customer = (n: number) => ({
  channel: n % 2 === 0 ? ('email' as const) : ('chat' as const),
  from: { email: `customer${n}@example.com`, name: `Customer ${n}` },
  text: `Hello, where is my order ${1000 + n}?`,
});

/**
 * Whether any notice on screen overlaps the composer, read in one go in the page (notices come and go, and
 * several of a kind are replaced by their group, between two reads from outside).
 */
function coversComposer(composer: Locator): Promise<boolean> {
  return composer.evaluate((field) => {
    const under = field.getBoundingClientRect();
    return [...document.querySelectorAll('[data-testid="toasts"] .mantine-Notification-root')].some((notice) => {
      const box = notice.getBoundingClientRect();
      return box.left < under.right && under.left < box.right && box.top < under.bottom && under.top < box.bottom;
    });
  });
}

test.describe('notifications', () => {
  test('new cases arriving while the agent types are grouped away from the composer and counted in the bell', async ({ app, hub, page }) => {
    await hub.inbound({ from: { email: 'grace@example.com', name: 'Grace Hopper' }, text: 'Hello, my order 5521 arrived damaged. Can you help?' });
    await app.signIn('a1');
    await expect(page.getByLabel('Your status', { exact: true })).toHaveValue('available');
    await expect(page.getByTestId('link')).toHaveText('Connection: Live', { timeout: 30_000 });
    await app.inboxRow('Grace Hopper').click();
    const composer = page.getByLabel('Reply by Chat');
    await composer.click();
    await composer.pressSequentially('I am sorry to hear that, Grace: ');

    const bell = page.getByTestId('bell');
    await expect(bell).toHaveAccessibleName('Notifications');
    const traffic = liveTraffic((n) => hub.inbound(customer(n)), 700);
    try {
      // Typing goes on while the cases arrive; each time a notice shows, it is clear of the composer.
      for (const word of ['a ', 'replacement ', 'leaves ', 'our ', 'warehouse ', 'today.']) {
        await composer.pressSequentially(word, { delay: 40 });
        expect(await coversComposer(composer), 'a notice covers the composer').toBe(false);
      }
      await expect(bell).toHaveAccessibleName(/^Notifications, [2-9] unread$/, { timeout: 30_000 });
      await expect(page.getByRole('region', { name: 'Notifications' }).getByText(/^[2-9] new cases for you$/)).toBeVisible();
      expect(await coversComposer(composer), 'a notice covers the composer').toBe(false);
      await expect(composer).toBeFocused();
      await expect(composer).toHaveValue('I am sorry to hear that, Grace: a replacement leaves our warehouse today.');
      await expect(page.getByTestId('link')).toHaveText('Connection: Live');
      await expect.poll(traffic.sent).toBeGreaterThanOrEqual(3);
    } finally {
      await traffic.stop();
    }
    expect(traffic.failures).toEqual([]);

    // The bell keeps the session's notices, newest first; one opens its case. Grace's own case raised none.
    await bell.click();
    const history = page.getByRole('list', { name: 'Notifications of this session, newest first' });
    const items = history.getByRole('button');
    expect(await items.count()).toBeGreaterThanOrEqual(2);
    await expect(history.getByText(/Grace Hopper/)).toHaveCount(0);
    await expect(bell).toHaveAccessibleName('Notifications');
    const first = (await items.first().textContent()) ?? '';
    const name = /A case of (Customer \d+) was assigned to you/.exec(first)?.[1];
    expect(name, first).toBeTruthy();
    await items.first().click();
    await expect(app.inboxRow(name!)).toHaveAttribute('aria-current', 'true');
  });
});
