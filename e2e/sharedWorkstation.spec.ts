import { expect, passwordOf, test } from './fixtures';

const IDLE_LOCK_MS = 15 * 60_000;

test.describe('shared workstation', () => {
  test('the next person sees none of the previous person’s cases; idle lock hides everything until unlock', async ({ app, hub, page, workstation }) => {
    await app.signIn('a1');
    await hub.inbound({ from: { email: 'ewa@example.pl', name: 'Ewa Lis' }, text: 'Gdzie jest moja przesyłka?' });
    await expect(app.inboxRow('Ewa Lis')).toBeVisible();

    await app.signOut('Person a1');
    await expect(page.getByText('Ewa Lis')).toHaveCount(0);
    // The sign-in screen lists who has a cache here, by name only.
    await expect(page.getByRole('list', { name: /has a cache on this workstation/ })).toContainText('Person a1');

    await app.signIn('a3');
    await expect(app.inbox).toBeVisible();
    await expect(page.getByTestId('inbox-count')).toHaveText('0 cases');
    await expect(page.getByText('Ewa Lis')).toHaveCount(0);
    await page.keyboard.press('Control+K');
    await page.getByRole('combobox', { name: 'Search customers, cases and messages' }).fill('Ewa');
    await expect(page.getByText('Nothing found on this workstation.')).toBeVisible();
    await page.keyboard.press('Escape');

    // Idle for the hub's idle-lock time: the lock screen replaces everything.
    await hub.inbound({ from: { email: 'nikos@example.gr', name: 'Νίκος Παπαδόπουλος' }, text: 'Καλησπέρα, πού είναι η παραγγελία μου;' });
    await expect(app.inboxRow('Νίκος Παπαδόπουλος')).toBeVisible();
    await workstation.advanceClock(IDLE_LOCK_MS + 1_000);
    await expect(page.getByRole('heading', { name: 'Workstation locked' })).toBeVisible();
    await expect(page.getByTestId('locked-for')).toHaveText('Person a3, your session locked after a period of inactivity.');
    await expect(page.getByText('Νίκος Παπαδόπουλος')).toHaveCount(0);
    await expect(page.locator('header')).toHaveCount(0);
    await expect(page.getByRole('listbox')).toHaveCount(0);

    await app.unlock('wrong-password');
    await expect(page.getByRole('alert')).toContainText('Wrong username or password.');
    await expect(page.getByText('Νίκος Παπαδόπουλος')).toHaveCount(0);

    await app.unlock(passwordOf('a3'));
    await expect(app.inboxRow('Νίκος Παπαδόπουλος')).toBeVisible();
  });
});
