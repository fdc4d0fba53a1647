import { expect, test } from './fixtures';

test.describe('inbox', () => {
  test('an agent signs in and a customer message appears live in the inbox', async ({ app, hub, page }) => {
    await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
    expect(await app.axe(), 'axe on the sign-in screen').toEqual([]);

    await app.signIn('a1');
    await expect(app.inbox).toBeVisible();
    await expect(page.getByTestId('link').getByText('Connection: Live')).toBeVisible();

    const text = 'Dzień dobry, moja paczka nie dotarła. Numer zamówienia 1234.';
    await hub.inbound({ from: { email: 'ola@example.pl', name: 'Ola Zielińska' }, text });
    const row = app.inboxRow('Ola Zielińska');
    await expect(row).toBeVisible();
    await expect(row.getByTestId('preview')).toHaveText(text);
    await expect(row.getByRole('img', { name: 'Chat' })).toBeVisible();
    await expect(row.getByRole('img', { name: 'Unread' })).toBeVisible();
    await expect(page.getByTestId('inbox-count')).toHaveText('1 case');

    // A second message of the same customer updates the row in place.
    await hub.inbound({ from: { email: 'ola@example.pl' }, text: 'Halo? Czekam na odpowiedź!' });
    await expect(row.getByTestId('preview')).toHaveText('Halo? Czekam na odpowiedź!');
    await expect(page.getByTestId('inbox-count')).toHaveText('1 case');

    expect(await app.axe(), 'axe on the inbox').toEqual([]);

    // Keyboard: focus the list, Enter opens the active case beside it and clears its unread marker.
    await app.inbox.focus();
    await page.keyboard.press('Enter');
    await expect(row).toHaveAttribute('aria-current', 'true');
    await expect(row.getByRole('img', { name: 'Unread' })).toHaveCount(0);
  });

  test('Ctrl+K finds a customer, a case and message text from the local cache', async ({ app, hub, page }) => {
    await app.signIn('a1');
    await hub.inbound({ from: { email: 'marek@example.pl', name: 'Marek Wiśniewski' }, text: 'Reklamacja odkurzacza, proszę o kontakt.' });
    await expect(app.inboxRow('Marek Wiśniewski')).toBeVisible();

    await app.inbox.focus();
    await page.keyboard.press('Control+K');
    const search = page.getByRole('combobox', { name: 'Search customers, cases and messages' });
    await expect(search).toBeFocused();
    await search.fill('odkurzacza');
    const messages = page.getByRole('group', { name: 'Messages' });
    await expect(messages.getByRole('option')).toContainText(['Reklamacja odkurzacza, proszę o kontakt.']);
    await search.fill('Wiśniewski');
    await expect(page.getByRole('group', { name: 'Customers' }).getByRole('option').first()).toContainText('Marek Wiśniewski');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('dialog', { name: 'Search everywhere' })).toBeHidden();
  });
});
