import { randomUUID } from 'node:crypto';
import { expect, test } from './fixtures';
import { liveTraffic } from './support/liveTraffic';

/**
 * A call arriving while the agent types, with customers writing in all along: the call rings as a banner that
 * leaves the keyboard in the composer, is answered with Alt+A, hung up, and written up on the caller's case.
 */

const PHONE = '+48601234567';

test.describe('calls', () => {
  test('a call rings while the agent types, is answered, hung up, and its wrap-up lands on the case', async ({ app, hub, page }) => {
    const known = await hub.inbound({ channel: 'sms', from: { phone: PHONE, name: 'Jan Kowalski' }, text: 'Where is my parcel? It is a week late.', externalId: 'sms-jan-1' });
    // Greek customers writing in (routed to the Greek queue, never into a1's inbox), every 300 ms.
    const traffic = liveTraffic(async (n) => {
      await hub.inbound({ channel: 'email', from: { email: `pelatis${n}@example.gr`, name: `Πελάτης ${n}` }, text: `Καλησπέρα, πού είναι το δέμα μου ${n};`, externalId: `traffic-${n}` });
    });
    try {
      await app.signIn('a1');
      await app.inboxRow('Jan Kowalski').click();
      const composer = page.getByLabel(/^Reply by/);
      await composer.click();
      await composer.pressSequentially('Dear Jan, ');

      const ring = await hub.inbound({ channel: 'phone', from: { phone: PHONE }, text: '', call: { id: 'call-e2e-1', state: 'ringing' }, externalId: randomUUID() });
      expect(ring.assigneeId).toBe('a1');
      const banner = page.getByTestId('call-banner');
      await expect(banner.getByRole('status')).toHaveText('Incoming call: Jan Kowalski');
      await expect(page.getByRole('dialog')).toHaveCount(0);
      await expect(composer).toBeFocused();
      await page.keyboard.type('your parcel');
      await expect(composer).toHaveValue('Dear Jan, your parcel');
      await expect(banner.getByRole('button', { name: /Answer/ })).toHaveAttribute('aria-keyshortcuts', 'Alt+A');

      await page.keyboard.press('Alt+KeyA');
      await expect(banner.getByRole('status')).toHaveText('On a call with Jan Kowalski');
      await expect(banner.getByRole('timer')).toHaveText(/^0:0[1-9]$/);
      await expect(composer).toBeFocused();
      await expect(composer).toHaveValue('Dear Jan, your parcel');
      await expect.poll(async () => (await hub.hub.ctx.store.call('call-e2e-1'))?.answeredBy).toBe('a1');

      await banner.getByRole('button', { name: /Hang up/ }).click();
      const wrapUp = banner.getByRole('form', { name: 'Wrap-up: call with Jan Kowalski' });
      await wrapUp.getByLabel('Outcome').selectOption({ label: 'needs follow-up' });
      await wrapUp.getByLabel('Notes').fill('Parcel stuck at the depot; courier to call back tomorrow');
      await wrapUp.getByRole('button', { name: 'Save wrap-up' }).click();
      await expect(banner).toHaveCount(0);

      const note = page.locator('article').filter({ hasText: 'Parcel stuck at the depot; courier to call back tomorrow' });
      await expect(note).toContainText(/Phone call \(\d+:\d\d\): needs follow-up\./);
      await expect
        .poll(async () => (await hub.hub.ctx.store.interactionsOfCase(known.caseId!)).filter((i) => i.kind === 'note').map((i) => i.text))
        .toEqual([expect.stringMatching(/^Phone call \(\d+:\d\d\): needs follow-up\. Parcel stuck at the depot; courier to call back tomorrow$/)]);

      await expect.poll(traffic.sent).toBeGreaterThanOrEqual(3);
    } finally {
      await traffic.stop();
    }
    expect(traffic.failures).toEqual([]);
  });
});
