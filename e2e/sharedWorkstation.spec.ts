import { expect, passwordOf, test } from './fixtures';
import { liveTraffic } from './support/liveTraffic';

const IDLE_LOCK_MS = 15 * 60_000;

test.describe('shared workstation', () => {
  test('the next person sees none of the previous person’s cases; idle lock hides everything until unlock', async ({ app, hub, page, workstation }) => {
    await app.signIn('a1');
    await hub.inbound({ from: { email: 'ewa@example.pl', name: 'Ewa Lis' }, text: 'Gdzie jest moja przesyłka?' });
    await expect(app.inboxRow('Ewa Lis')).toBeVisible();

    await app.signOut('Person a1');
    await expect(page.getByText('Ewa Lis')).toHaveCount(0);
    // The sign-in screen lists who has a cache here by name (a name fills in the username).
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
    await expect(page.getByRole('alert')).toContainText('Wrong password.');
    await expect(page.getByText('Νίκος Παπαδόπουλος')).toHaveCount(0);

    await app.unlock(passwordOf('a3'));
    await expect(app.inboxRow('Νίκος Παπαδόπουλος')).toBeVisible();
  });

  test('a colleague signs in from the lock screen; the locked person’s unsent note waits and is sent when they come back', async ({ app, hub, page }) => {
    const started = await hub.inbound({ from: { email: 'karol@example.pl', name: 'Karol Nowicki' }, text: 'Where is my parcel? Order 123456.' });
    // a3 has signed in here before (so offline sign-in knows them); a1 works on.
    await app.signIn('a3');
    await app.signOut('Person a3');
    await app.signIn('a1');
    await app.inboxRow('Karol Nowicki').click();

    await hub.goDown();
    await expect(page.getByTestId('link').getByText(/^Connection: offline since /)).toBeVisible();
    const noteText = 'Called the courier: the parcel is at the depot, delivery tomorrow.';
    await page.getByText('Internal note', { exact: true }).click();
    const note = page.getByLabel('Internal note (only staff see it)');
    await note.fill(noteText);
    await note.press('Control+Enter');
    await expect(page.locator('article').filter({ hasText: noteText }).locator('[data-delivery="pending"]')).toBeVisible();

    await app.personMenu('Person a1');
    await page.getByRole('menuitem', { name: 'Lock now' }).click();
    await page.getByRole('button', { name: 'Not Person a1? Sign in as someone else' }).click();
    await expect(page.getByTestId('kept-locked')).toContainText('Person a1’s session stays locked');
    // Someone who never signed in here cannot be checked without the hub, and is told so (not "wrong password").
    await app.signInAttempt('a2');
    await expect(page.getByRole('alert')).toContainText('You have never signed in online on this workstation');
    // A name on the list fills in the username; without the hub, a3's cache here checks the password.
    await page.getByRole('button', { name: 'Person a3', exact: true }).click();
    await expect(page.getByLabel('Username')).toHaveValue('a3');
    await expect(page.getByLabel(/^Password/)).toBeFocused();
    await page.keyboard.type('not-a3-password');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('alert')).toContainText('Wrong password.');

    await hub.comeBack();
    const traffic = liveTraffic((n) => hub.inbound({ from: { email: `eleni${n}@example.gr`, name: `Ελένη ${n}` }, text: `Καλησπέρα, ερώτηση ${n} για την παραγγελία μου.` }), 1_000);
    try {
      await app.signIn('a3');
      await expect(app.inboxRow('Ελένη 0')).toBeVisible();
      await expect(page.getByText('Karol Nowicki')).toHaveCount(0);
      await app.signOut('Person a3');

      // a1 comes back: the note waited in their cache and now reaches the hub, once.
      await app.signIn('a1');
      await app.inboxRow('Karol Nowicki').click();
      const sentNote = page.locator('article').filter({ hasText: noteText });
      await expect(sentNote.locator('[data-delivery="sent"]')).toBeVisible({ timeout: 30_000 });
      await expect(sentNote).toHaveCount(1);
      await expect.poll(traffic.sent).toBeGreaterThanOrEqual(3);
    } finally {
      await traffic.stop();
    }
    expect(traffic.failures).toEqual([]);
    const timeline = await hub.hub.ctx.store.interactionsOfCase(started.caseId as string);
    expect(timeline.filter((i) => i.text === noteText)).toHaveLength(1);
  });
});
