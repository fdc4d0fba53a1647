import { expect, test } from './fixtures';

test.describe('offline', () => {
  test('a reply and a note written while the hub is down wait as pending, then are delivered once and shown as sent', async ({ app, hub, page }) => {
    const started = await hub.inbound({ from: { email: 'karol@example.pl', name: 'Karol Nowicki' }, text: 'Where is my parcel? Order 123456.' });
    const caseId = started.caseId as string;
    await app.signIn('a1');
    await app.inboxRow('Karol Nowicki').click();
    const reply = page.getByLabel('Reply by Chat');
    await expect(reply).toBeVisible();
    expect(await app.axe(), 'axe on the case view').toEqual([]);

    await hub.goDown();
    // The engine retries at once, so the link shows as reconnecting (or offline) while the hub is down.
    await expect(page.getByTestId('link').getByText(/^Connection: offline since /)).toBeVisible();

    const replyText = 'I am sorry for the wait: your parcel left our warehouse this morning.';
    const noteText = 'Checked with the warehouse by phone: shipped today.';
    await reply.fill(replyText);
    await reply.press('Control+Enter');
    await page.getByText('Internal note', { exact: true }).click();
    const note = page.getByLabel('Internal note (only staff see it)');
    await note.fill(noteText);
    await note.press('Control+Enter');

    const sentReply = page.locator('article').filter({ hasText: replyText });
    const sentNote = page.locator('article').filter({ hasText: noteText });
    await expect(sentReply.locator('[data-delivery="pending"]')).toBeVisible();
    await expect(sentNote.locator('[data-delivery="pending"]')).toBeVisible();

    await hub.comeBack();
    await expect(page.getByTestId('link').getByText('Connection: Live')).toBeVisible({ timeout: 30_000 });
    // Accepted by the hub, then taken by the chat connector: "sent to the channel".
    await expect(sentReply.locator('[data-delivery-state="sent"]')).toBeVisible({ timeout: 30_000 });
    await expect(sentNote.locator('[data-delivery="sent"]')).toBeVisible();
    await expect(sentReply).toHaveCount(1);
    await expect(sentNote).toHaveCount(1);

    // The hub has each exactly once, on the right channel.
    const timeline = (await hub.hub.ctx.store.interactionsOfCase(caseId));
    expect(timeline.filter((i) => i.text === replyText).map((i) => [i.kind, i.direction])).toEqual([['chat', 'outbound']]);
    expect(timeline.filter((i) => i.text === noteText).map((i) => [i.kind, i.direction])).toEqual([['note', 'internal']]);
  });
});
