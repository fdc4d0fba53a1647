import { randomBytes } from 'node:crypto';
import nodemailer from 'nodemailer';
import type Mail from 'nodemailer/lib/mailer';
import { caseReference } from '../src/shared/domain';
import { PutConnectorSchema, type Mailbox } from '../src/shared/protocol';
import { putConnectorAs } from '../src/server/admin/connectors';
import { startExampleConnector, type ExampleConnector } from '../src/server/connectors/exampleConnector';
import { COMMAND_LINE_ACTOR } from '../src/server/setup/staffAccounts';
import { startMailSink, type MailSink } from '../src/server/testing/mailSink';
import { expect, test as base } from './fixtures';
import { startE2eHub } from './support/e2eHub';
import { liveTraffic } from './support/liveTraffic';

/**
 * Replies reaching the customer, as an agent sees it: a chat reply delivered through a real connector and its
 * receipts turning the bubble to Delivered and Read; a refused one failing with the reason and retried; and an
 * email thread in and out on one case, with a photo.
 */

const MAILBOX = 'help@shop.example';
/** An 8×8 dark PNG with one bright pixel: the customer's photo of a dead pixel. */
const PHOTO = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAIAAABLbSncAAAAFUlEQVR4nGNQwAEYaCHx38CARnYAALrFGQBscswPAAAAAElFTkSuQmCC', 'base64');

/** The n-th message of a Greek customer: routed to the Greek queue (a3), never into a1's inbox. */
const greekCustomer = (n: number) => ({
  from: { email: `pelatis${n}@example.gr`, name: `Πελάτης ${n}` },
  text: `Καλησπέρα, πού είναι το δέμα μου με αριθμό ${n}; Περιμένω μια εβδομάδα.`,
});

const test = base.extend<{ mailSink: MailSink; chatConnector: ExampleConnector }>({
  // A provider's SMTP server the hub's replies go out to; stopped even when the test fails.
  mailSink: async ({}, use) => {
    const sink = await startMailSink();
    try {
      await use(sink);
    } finally {
      await sink.close();
    }
  },

  // The hub with a mailbox: customers' mail to its own SMTP listener (a free port), replies out to the sink.
  hub: async ({ org, mailSink }, use) => {
    const mailbox: Mailbox = {
      address: MAILBOX,
      name: 'Shop support',
      smtp: { host: '127.0.0.1', port: mailSink.port, secure: false },
      inbound: { kind: 'smtp', host: '127.0.0.1', port: 0 },
      updatedAt: 1,
    };
    const hub = await startE2eHub(org, { mail: { mailboxes: [mailbox] } });
    try {
      await use(hub);
    } finally {
      await hub.stop();
    }
  },

  // The example connector for chat, registered on the hub as the hub's command line registers one.
  chatConnector: async ({ hub }, use) => {
    const secret = randomBytes(24).toString('hex');
    const inboundSecret = randomBytes(24).toString('hex');
    const connector = await startExampleConnector({ channel: 'chat', hubUrl: hub.url, secret, inboundSecret });
    try {
      await putConnectorAs(hub.hub.ctx, COMMAND_LINE_ACTOR, 'chat', PutConnectorSchema.parse({ url: connector.url, secret, inboundSecret, graceMinutes: 0 }));
      await use(connector);
    } finally {
      await connector.stop();
    }
  },
});

/** Chat traffic through the connector while the journey runs; each message must be taken (2xx). */
function chatTraffic(connector: ExampleConnector) {
  return liveTraffic(async (n) => {
    const answer = await connector.forwardInbound({ ...greekCustomer(n), externalId: `traffic-${n}` });
    if (answer.status >= 300) throw new Error(`traffic ${n}: ${answer.status} ${JSON.stringify(answer.body)}`);
  });
}

test.describe('delivery', () => {
  test("a chat reply reaches the connector and its receipts turn the bubble to Delivered, then Read", async ({ app, hub, page, chatConnector }) => {
    const first = await chatConnector.forwardInbound({ from: { email: 'grace@example.com', name: 'Grace Hopper' }, text: 'Hello, my order 5521 arrived damaged. Can you help?', externalId: 'grace-1' });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    const traffic = chatTraffic(chatConnector);
    try {
      await app.signIn('a1');
      await app.inboxRow('Grace Hopper').click();
      const replyText = 'I am sorry to hear that, Grace: a replacement leaves our warehouse today.';
      const composer = page.getByLabel('Reply by Chat');
      await composer.fill(replyText);
      await composer.press('Control+Enter');

      // The connector takes it once, under the id of the hub's delivery of that reply (it records only signed
      // requests whose X-Delivery-Id equals the body's deliveryId; any other it refuses, counted in `refused`).
      await expect.poll(() => chatConnector.taken.filter((d) => d.text === replyText).length).toBe(1);
      const delivery = chatConnector.taken.find((d) => d.text === replyText)!;
      const attempt = chatConnector.attempts.find((a) => a.delivery.deliveryId === delivery.deliveryId)!;
      expect(attempt).toMatchObject({ status: 200, duplicate: false });
      const row = await hub.hub.ctx.store.get('delivery', delivery.deliveryId);
      expect(row).toMatchObject({ interactionId: delivery.interactionId, channel: 'chat', status: 'sent' });
      expect(delivery.to).toEqual({ kind: 'email', value: 'grace@example.com' });

      const bubble = page.locator('article').filter({ hasText: replyText });
      const state = bubble.locator('[data-delivery-state]');
      await expect(state).toHaveAttribute('data-delivery-state', 'sent');
      await expect(state).toHaveText("Sent to the customer's channel");

      // The channel's receipts: by the hub's delivery id, then by the channel's own message id.
      expect((await chatConnector.report({ deliveryId: delivery.deliveryId, status: 'delivered' })).status).toBe(200);
      await expect(state).toHaveAttribute('data-delivery-state', 'delivered');
      await expect(state).toHaveText('Delivered');
      const providerMessageId = attempt.answer.outcome === 'taken' ? attempt.answer.providerMessageId : '';
      expect((await chatConnector.report({ providerMessageId, status: 'read' })).status).toBe(200);
      await expect(state).toHaveAttribute('data-delivery-state', 'read');
      await expect(state).toHaveText('Read');
      await expect(bubble).toHaveCount(1);
      expect(chatConnector.counts()).toMatchObject({ refused: 0, duplicates: 0 });

      await expect.poll(traffic.sent).toBeGreaterThanOrEqual(3);
    } finally {
      await traffic.stop();
    }
    expect(traffic.failures).toEqual([]);
  });

  test('a reply the connector refuses shows Failed with the reason; Retry sends the same delivery again and it goes out', async ({ app, hub, page, chatConnector }) => {
    const first = await chatConnector.forwardInbound({ from: { email: 'alan@example.com', name: 'Alan Turing' }, text: 'Can you send me the invoice for order 7731?', externalId: 'alan-1' });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    const traffic = chatTraffic(chatConnector);
    try {
      await app.signIn('a1');
      await app.inboxRow('Alan Turing').click();
      const reason = 'the customer closed this chat';
      chatConnector.setAnswer(400, { reason });
      const replyText = 'Here is your invoice, Alan: you will find it in your account too.';
      const composer = page.getByLabel('Reply by Chat');
      await composer.fill(replyText);
      await composer.press('Control+Enter');

      const bubble = page.locator('article').filter({ hasText: replyText });
      const failed = bubble.locator('[data-delivery-state="failed"]');
      await expect(failed).toBeVisible();
      await expect(failed).toContainText('Not delivered');
      await expect(failed).toContainText(reason);
      // The author sees it on the case they have open, so no toast covers it: the notice waits in the bell, and the
      // case keeps an internal note of what failed and why.
      await expect(page.getByRole('region', { name: 'Notifications' }).getByRole('alert')).toHaveCount(0);
      await page.getByTestId('bell').click();
      const notice = page.getByRole('list', { name: 'Notifications of this session, newest first' }).getByRole('listitem').filter({ hasText: 'Message not delivered' });
      await expect(notice).toContainText('A message to Alan Turing by Chat could not be delivered');
      await expect(notice).toContainText(reason);
      await page.keyboard.press('Escape');
      await expect(page.locator('article').filter({ hasText: 'A reply sent by chat to alan@example.com did not reach the customer' })).toContainText(reason);
      expect(await app.axe(), 'axe with a failed delivery shown').toEqual([]);
      const refused = chatConnector.attempts.filter((a) => a.delivery.text === replyText);
      expect(refused.map((a) => a.status)).toEqual([400]);
      const deliveryId = refused[0].delivery.deliveryId;
      expect(chatConnector.taken.filter((d) => d.text === replyText)).toEqual([]);

      // The channel takes messages again; Retry makes a real new attempt under the same delivery id.
      chatConnector.setAnswer(200);
      await failed.getByRole('button', { name: 'Retry' }).click();
      await expect.poll(() => chatConnector.taken.filter((d) => d.text === replyText).map((d) => d.deliveryId)).toEqual([deliveryId]);
      expect(chatConnector.attempts.filter((a) => a.delivery.text === replyText).map((a) => [a.delivery.deliveryId, a.status])).toEqual([
        [deliveryId, 400],
        [deliveryId, 200],
      ]);
      const state = bubble.locator('[data-delivery-state]');
      await expect(state).toHaveAttribute('data-delivery-state', 'sent');
      await expect(state).toHaveText("Sent to the customer's channel");
      expect(await hub.hub.ctx.store.get('delivery', deliveryId)).toMatchObject({ status: 'sent', lastError: null });
      expect(chatConnector.counts()).toMatchObject({ refused: 0 });

      await expect.poll(traffic.sent).toBeGreaterThanOrEqual(3);
    } finally {
      await traffic.stop();
    }
    expect(traffic.failures).toEqual([]);
  });

  test('an email with a photo, the reply out with threading headers, and the answer back on the same case', async ({ app, hub, page, mailSink }) => {
    const listener = hub.hub.mail.listenerOf(MAILBOX);
    expect(listener, 'the mailbox listens').not.toBeNull();
    /** The customer's mail program, sending to the hub's listener. */
    const send = async (mail: Mail.Options) => {
      const client = nodemailer.createTransport({ host: listener!.host, port: listener!.port, secure: false, ignoreTLS: true, connectionTimeout: 5_000, socketTimeout: 10_000 });
      try {
        await client.sendMail({ from: 'Anna Nowak <anna@customer.example>', to: MAILBOX, ...mail });
      } finally {
        client.close();
      }
    };
    const store = hub.hub.ctx.store;
    const traffic = liveTraffic((n) => hub.inbound(greekCustomer(n)));
    try {
      await app.signIn('a1');
      await send({
        subject: 'Dead pixel on my new monitor',
        text: 'Hello, there is a dead pixel on the monitor I bought last week. A photo is attached.',
        messageId: '<photo-1@customer.example>',
        attachments: [{ filename: 'dead-pixel.png', content: PHOTO, contentType: 'image/png' }],
      });
      await expect.poll(() => store.caseOfMessage(['<photo-1@customer.example>'])).not.toBeNull();
      const caseId = (await store.caseOfMessage(['<photo-1@customer.example>']))!;

      // The agent opens it: the photo shows as a thumbnail in the timeline, decoded by the browser.
      await app.inboxRow('Anna Nowak').click();
      const thumbnail = page.getByRole('img', { name: 'dead-pixel.png' });
      await expect(thumbnail).toBeVisible();
      await expect.poll(() => thumbnail.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(8);
      expect(await app.axe(), 'axe on an email case with a photo').toEqual([]);

      const replyText = 'Thank you for the photo, Anna: we will replace the monitor. A courier will call you tomorrow.';
      const composer = page.getByLabel('Reply by Email');
      await composer.fill(replyText);
      await composer.press('Control+Enter');

      // The provider gets the reply, threaded on the customer's message, with the case reference in the subject.
      await expect.poll(() => mailSink.received.length).toBe(1);
      const [{ mail: reply, to }] = mailSink.received;
      expect(to).toEqual(['anna@customer.example']);
      expect(reply.inReplyTo).toBe('<photo-1@customer.example>');
      expect(reply.subject).toContain(`[#${caseReference(caseId)}]`);
      expect(reply.text).toContain(replyText);
      const hubMessageId = reply.messageId!;
      expect(hubMessageId).toMatch(/^<.+@shop\.example>$/);
      const state = page.locator('article').filter({ hasText: replyText }).locator('[data-delivery-state]');
      await expect(state).toHaveAttribute('data-delivery-state', 'sent');

      // Her answer to the hub's reply (another subject, her program's quote below) lands on the same case.
      const answer = 'Great, thank you! I will be at home all day.';
      await send({
        subject: 'Courier',
        text: `${answer}\n\nOn Thu, 3 Dec 2026, Shop support <${MAILBOX}> wrote:\n> ${replyText}`,
        messageId: '<photo-2@customer.example>',
        inReplyTo: hubMessageId,
        references: ['<photo-1@customer.example>', hubMessageId],
      });
      await expect.poll(() => store.caseOfMessage(['<photo-2@customer.example>'])).toBe(caseId);
      await expect(page.locator('article').filter({ hasText: answer })).toBeVisible();
      await expect(app.inboxRow('Anna Nowak')).toHaveCount(1);

      await expect.poll(traffic.sent).toBeGreaterThanOrEqual(3);
    } finally {
      await traffic.stop();
    }
    expect(traffic.failures).toEqual([]);
  });
});
