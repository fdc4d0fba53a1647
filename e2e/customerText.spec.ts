import { expect, test } from './fixtures';

const HOSTILE = '<script>alert(1)</script><img src=x onerror=alert(2)>';

test.describe('customer text', () => {
  test('markup in a customer message shows literally and runs nothing', async ({ app, hub, page }) => {
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await app.signIn('a1');
    await hub.inbound({ from: { email: 'mallory@example.com', name: 'Mallory <b>Bold</b>' }, text: HOSTILE });

    const row = app.inboxRow('Mallory <b>Bold</b>');
    await expect(row).toBeVisible();
    await expect(row.getByTestId('preview')).toHaveText(HOSTILE);
    await expect(page.locator('img[src="x"]')).toHaveCount(0);
    await expect(page.locator('b', { hasText: 'Bold' })).toHaveCount(0);

    // Opening the case renders the same text in the timeline (B's screen) and still runs nothing.
    await row.click();
    await expect(page.getByText(HOSTILE).first()).toBeVisible();
    await expect(page.locator('img[src="x"]')).toHaveCount(0);
    expect(dialogs).toEqual([]);
  });
});
