import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { liveTraffic } from './support/liveTraffic';

/**
 * The case pane through a shift, on a 1440×900 screen: a long case (60 messages) opens at its newest message,
 * and while the agent types a reply the composer and the tone hint stay on screen, with other customers writing
 * in all along. New messages on the open case keep an agent at the bottom there, and do not move one who scrolled
 * up to read (a "New messages" button takes them down).
 */

const VIEWPORT = { width: 1440, height: 900 };
const CUSTOMER = { email: 'marta@example.com', name: 'Marta Kowalczyk' };
const MESSAGES = 60;

/** The n-th of her messages: questions about an order, growing impatient towards the end. */
const message = (n: number) =>
  n < MESSAGES - 3
    ? `Message ${n}: my order 88${n} still has not arrived, could you check where it is?`
    : `Message ${n}: This is UNACCEPTABLE!!! I keep writing and nobody answers. Terrible service.`;

/** Wholly inside the window (its box from the page's own layout, not just "visible somewhere"). */
async function expectOnScreen(page: Page, locator: Locator, what: string) {
  const box = await locator.boundingBox();
  expect(box, `${what} is laid out`).not.toBeNull();
  const viewport = page.viewportSize()!;
  expect(box!.y, `${what}: top inside the window`).toBeGreaterThanOrEqual(0);
  expect(box!.y + box!.height, `${what}: bottom inside the window`).toBeLessThanOrEqual(viewport.height);
  expect(box!.x + box!.width, `${what}: right edge inside the window`).toBeLessThanOrEqual(viewport.width);
}

test.describe('case pane', () => {
  test('a 60-message case opens at the newest message; composer and tone hint stay on screen while typing under live traffic', async ({ app, hub, page }) => {
    // Sixty messages to seed, and axe twice over a page that shows them all: longer than a usual journey.
    test.setTimeout(240_000);
    await page.setViewportSize(VIEWPORT);
    for (let n = 0; n < MESSAGES; n++) await hub.inbound({ from: CUSTOMER, text: message(n), externalId: `marta-${n}` });
    // Other customers write in (Greek, to the Greek queue) while the agent works.
    const traffic = liveTraffic((n) => hub.inbound({ from: { email: `pelatis${n}@example.gr`, name: `Πελάτης ${n}` }, text: `Καλησπέρα, πού είναι το δέμα μου με αριθμό ${n};` }));
    try {
      await app.signIn('a1');
      await app.inboxRow(CUSTOMER.name).click();
      const pane = page.getByRole('region', { name: 'Conversation: brief and timeline' });
      const entries = pane.locator('article');
      await expect(entries).toHaveCount(MESSAGES);

      // Opened at the newest message: the last entry is in view, the first is scrolled out of it.
      await expect(entries.last()).toContainText(`Message ${MESSAGES - 1}:`);
      await expect(entries.last()).toBeInViewport();
      await expect(entries.first()).not.toBeInViewport();
      expect(await pane.evaluate((el) => el.scrollHeight > el.clientHeight), 'the timeline scrolls on its own').toBe(true);

      const composer = page.getByRole('region', { name: 'Write a reply or a note' });
      const toneHint = page.getByRole('region', { name: 'Tone hint' });
      const box = page.getByLabel('Reply by Chat');
      await box.click();
      // Typed key by key, checked as it goes: the agent never has to scroll to see the hint or what they write.
      for (const words of ['haha calm down, ', 'it is your fault ', 'that the parcel is late.']) {
        await box.pressSequentially(words, { delay: 15 });
        await expectOnScreen(page, composer, 'the composer');
        await expectOnScreen(page, toneHint, 'the tone hint');
      }
      const hint = toneHint.locator('[data-hint="humour-when-upset"]');
      await expect(hint).toBeVisible();
      await expectOnScreen(page, hint, 'the hint about humour');
      await expect(box).toBeFocused();
      await expect(entries.last()).toBeInViewport();
      // The hint's badges and marks read in both colour schemes (axe's colour-contrast among the rest).
      expect(await app.axe(), 'axe on the case pane with tone hints, light').toEqual([]);
      await page.getByRole('button', { name: 'Switch to dark theme' }).click();
      await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'dark');
      expect(await app.axe(), 'axe on the case pane with tone hints, dark').toEqual([]);

      // She writes again while the agent is at the bottom: the new message comes into view by itself.
      await hub.inbound({ from: CUSTOMER, text: 'Message 60: hello???', externalId: 'marta-60' });
      await expect(entries).toHaveCount(MESSAGES + 1);
      await expect(entries.last()).toBeInViewport();

      // Scrolled up to read: a new message does not move the agent; the button takes them to it.
      await entries.first().evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await expect(entries.first()).toBeInViewport();
      // Where the entry being read is on screen (the page's scroll anchoring keeps it there as the brief changes).
      const readingAt = (await entries.first().boundingBox())!.y;
      await hub.inbound({ from: CUSTOMER, text: 'Message 61: are you there?', externalId: 'marta-61' });
      await expect(entries).toHaveCount(MESSAGES + 2);
      const jump = page.getByRole('button', { name: 'New messages' });
      await expect(jump).toBeVisible();
      expect((await entries.first().boundingBox())!.y, 'the agent keeps their place').toBeCloseTo(readingAt, 0);
      await expect(entries.first()).toBeInViewport();
      await expect(entries.last()).not.toBeInViewport();
      await jump.click();
      await expect(entries.last()).toBeInViewport();
      await expect(jump).toHaveCount(0);
      await expectOnScreen(page, composer, 'the composer after jumping');

      // Narrower windows: beside the timeline down to a 1280-wide window, above the composer below that.
      for (const [size, layout] of [
        [{ width: 1280, height: 800 }, 'side'],
        [{ width: 1024, height: 768 }, 'stacked'],
      ] as const) {
        await page.setViewportSize(size);
        await expect(page.locator('[data-layout]')).toHaveAttribute('data-layout', layout);
        await box.pressSequentially(' Sorry.', { delay: 15 });
        await expectOnScreen(page, box, `the reply box at ${size.width}×${size.height}`);
        await expectOnScreen(page, page.getByRole('button', { name: 'Send reply' }), `the send button at ${size.width}×${size.height}`);
        await expectOnScreen(page, toneHint.getByRole('heading', { name: 'Tone hint' }), `the tone hint at ${size.width}×${size.height}`);
        await expect(entries.last()).toBeInViewport();
        // Beside the timeline the hints themselves are in view; above the composer on a short window the panel
        // may scroll (the composer and a few lines of the conversation come first).
        if (layout === 'side') await expect(toneHint.locator('[data-hint]').first()).toBeInViewport();
      }

      await expect.poll(traffic.sent).toBeGreaterThanOrEqual(3);
    } finally {
      await traffic.stop();
    }
    expect(traffic.failures).toEqual([]);
  });
});
