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

    // The same case opens, its timeline showing the video session and the store visit (the lookup, hand-over
    // included, waits hidden behind it for Esc).
    const video = page.locator('article[data-kind="video"]').filter({ visible: true });
    const visit = page.locator('article[data-kind="store"]').filter({ visible: true });
    await expect(page.getByRole('heading', { name: 'Timeline' })).toBeVisible();
    await expect(video.getByText(summary)).toBeVisible();
    await expect(visit.getByText('Visit at Warsaw, Warsaw', { exact: false })).toBeVisible();
    await expect(visit.locator('[data-delivery="sent"]')).toBeVisible();
    await expect(page.getByText('Channels: Video chat and Store visit')).toBeVisible();
    await expect(page.getByTestId('case-assignee')).toContainText('Assigned to:');
    await expect(page.getByTestId('case-assignee')).not.toContainText('nobody');
    expect(await app.axe(), 'axe on the case view').toEqual([]);

    // On the hub: one case, both channels, taken over by the store staff member.
    const kinds = (await hub.hub.ctx.store.interactionsOfCase(caseId)).map((i) => i.kind);
    expect(kinds).toContain('video');
    expect(kinds.filter((k) => k === 'store')).toHaveLength(1);
    const kase = (await hub.hub.ctx.store.get('case', caseId));
    expect(kase?.assigneeId).toBe('store1');
    expect(kase?.channels).toEqual(expect.arrayContaining(['video', 'store']));

    // Esc closes the case and brings store mode back.
    await page.getByLabel(/^Reply by /).press('Escape');
    await expect(page.getByRole('heading', { name: 'Store mode' })).toBeVisible();
  });

  test('a name alone asks for one more detail, and a case from another queue shows its hand-over but never its internal notes', async ({ app, hub, page }) => {
    const summary = 'Offered an exchange in store; the customer prefers Saturday.';
    const started = await hub.inbound({
      channel: 'video',
      from: { phone: '+48601444555', name: 'Ewa Malinowska' },
      text: 'The headphones I bought crackle on the left side.',
      video: { sessionLengthSec: 300, summary, notes: 'Receipt number 4471.' },
    });
    // The advisor's internal note on the case: for the advisor's colleagues, not for the store counter.
    const { ctx } = hub.hub;
    const kase = (await ctx.store.get('case', started.caseId as string))!;
    await ctx.write((w) =>
      w.save('interaction', {
        id: 'int-e2e-note', caseId: kase.id, customerId: kase.customerId, kind: 'note', direction: 'internal',
        text: 'Internal: the customer returned two pairs before.', subject: null, authorId: 'a1', externalId: null, meta: {}, createdAt: ctx.now(),
      }),
    );

    await app.signIn('store1');
    const lookup = page.getByLabel('Find the customer');
    await lookup.fill('Malinowska');
    await lookup.press('Enter');
    await expect(page.getByRole('alert')).toContainText('add one more detail');
    const detail = page.getByLabel('One more detail');
    await expect(detail).toBeFocused();
    await detail.fill('4555');
    await detail.press('Enter');
    await expect(page.getByText('Ewa Malinowska: 1 open case')).toBeVisible();
    const handover = page.locator('section[aria-labelledby="continue-title"]');
    await expect(handover.locator('article[data-kind="video"]').getByText(summary)).toBeVisible();
    await expect(page.getByText('returned two pairs')).toHaveCount(0);
    expect(await app.axe(), 'axe on store mode asking for a detail').toEqual([]);
  });
});
