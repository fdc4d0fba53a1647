import { expect, test } from './fixtures';

test.describe('store journey', () => {
  test('a case begun on video chat is found by phone in store mode, continued in store, and keeps both channels on one case', async ({ app, hub, page }) => {
    const summary = 'We will exchange the phone at the Warsaw store: a replacement is reserved.';
    const started = await hub.inbound({
      channel: 'video',
      from: { phone: '+48601222333', name: 'Ewa Malinowska' },
      text: 'My new phone has a dead pixel in the middle of the screen.',
      video: { sessionLengthSec: 540, summary, notes: 'The customer will bring the receipt.' },
    });
    const caseId = started.caseId as string;

    await app.signIn('store1');
    await expect(page.getByRole('heading', { name: 'Store mode' })).toBeVisible();
    expect(await app.axe(), 'axe on store mode').toEqual([]);

    // Lookup first, by keyboard: the search box has the focus; the number is typed as the customer says it.
    const lookup = page.getByLabel('Find the customer');
    await expect(lookup).toBeFocused();
    await lookup.fill('601 222 333');
    await lookup.press('Enter');
    await expect(page.getByText('Ewa Malinowska: 1 open case')).toBeVisible();
    await expect(page.getByText('Began on Video chat')).toBeVisible();

    const handover = page.locator('section[aria-labelledby="continue-title"]');
    await expect(handover.locator('article[data-kind="video"]').getByText(summary)).toBeVisible();
    await expect(handover.getByText('The customer will bring the receipt.')).toBeVisible();
    expect(await app.axe(), 'axe on store mode with a case in view').toEqual([]);

    await handover.getByLabel('What you are doing in store').fill('Checked the screen with the customer and swapped the phone for the reserved one.');
    await handover.getByRole('button', { name: 'Continue in store' }).click();

    // The same case opens, its timeline showing the video session and the store visit.
    const video = page.locator('article[data-kind="video"]');
    const visit = page.locator('article[data-kind="store"]');
    await expect(page.getByRole('heading', { name: 'Timeline' })).toBeVisible();
    await expect(video.getByText(summary)).toBeVisible();
    await expect(visit.getByText('Visit at Warsaw, Warsaw', { exact: false })).toBeVisible();
    await expect(visit.locator('[data-delivery="sent"]')).toBeVisible();
    await expect(page.getByText('Channels: Video chat and Store visit')).toBeVisible();
    await expect(page.getByTestId('case-assignee')).toContainText('Assigned to:');
    await expect(page.getByTestId('case-assignee')).not.toContainText('nobody');
    expect(await app.axe(), 'axe on the case view').toEqual([]);

    // On the hub: one case, both channels, taken over by the store staff member.
    const kinds = hub.hub.ctx.store.interactionsOfCase(caseId).map((i) => i.kind);
    expect(kinds).toContain('video');
    expect(kinds.filter((k) => k === 'store')).toHaveLength(1);
    const kase = hub.hub.ctx.store.get('case', caseId);
    expect(kase?.assigneeId).toBe('store1');
    expect(kase?.channels).toEqual(expect.arrayContaining(['video', 'store']));

    // Esc closes the case and brings store mode back.
    await page.getByLabel('Reply by SMS').press('Escape');
    await expect(page.getByRole('heading', { name: 'Store mode' })).toBeVisible();
  });
});
