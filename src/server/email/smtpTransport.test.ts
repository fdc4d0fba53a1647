import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseReference, type Delivery } from '../../shared/domain';
import type { Mailbox } from '../../shared/protocol';
import { customer, interaction, kase, staff } from '../../shared/testing/rows';
import { DeliveryFailure, type OutboundMessage } from '../delivery/transport';
import { startMailSink, type MailSink } from '../testing/mailSink';
import { outboundMessageId } from './messageIds';
import { createSmtpTransport } from './smtpTransport';

let sink: MailSink;
beforeAll(async () => {
  sink = await startMailSink();
});
afterAll(async () => {
  await sink?.close();
});

const mailbox = (port: number): Mailbox => ({
  address: 'help@shop.example',
  name: 'Shop support',
  smtp: { host: '127.0.0.1', port, secure: false, user: 'hub', password: 'pw' },
  inbound: { kind: 'smtp', host: '127.0.0.1', port: 0 },
  updatedAt: 1,
});

const photo = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
const delivery: Delivery = {
  id: 'dlv-1', caseId: 'ca1', customerId: 'cu1', interactionId: 'out1', channel: 'email', purpose: 'reply',
  to: { kind: 'email', value: 'anna@customer.example' }, authorId: 'st1', status: 'queued', attempts: 0,
  nextAttemptAt: 1, lastError: null, providerMessageId: null, createdAt: 1, updatedAt: 1, version: 1,
};
const REPLY = 'Hello Anna,\n\nthe <b>courier</b> comes tomorrow.\nRegards';
const message = (): OutboundMessage => ({
  delivery,
  interaction: interaction({ id: 'out1', kind: 'email', direction: 'outbound', authorId: 'st1', text: REPLY }),
  text: REPLY,
  survey: null,
  kase: kase({ id: 'ca1', subject: 'Dead pixel' }),
  customer: customer(),
  author: staff({ id: 'st1', name: 'Marta Nowak' }),
  attachments: [{ name: 'label.png', type: 'image/png', size: photo.length, sha256: createHash('sha256').update(photo).digest('hex'), data: photo.toString('base64') }],
  thread: [
    interaction({ id: 'in1', kind: 'email', meta: { messageId: '<first@customer.example>' } }),
    interaction({ id: 'in2', kind: 'email', meta: {} }),
    interaction({ id: 'out0', kind: 'email', direction: 'outbound', authorId: 'st1', meta: {} }),
    interaction({ id: 'in3', kind: 'email', meta: { messageId: '<second@customer.example>' } }),
  ],
});

const send = (port: number, m = message()) => createSmtpTransport(async () => mailbox(port), { connectMs: 2_000, commandMs: 2_000 }).send(m, new AbortController().signal);

describe('the email transport', () => {
  it('sends one threaded message from the agent at the mailbox, with the case reference, text, HTML and the file', async () => {
    sink.answer(250);
    const accepted = await send(sink.port);
    expect(accepted.providerMessageId).toBe(outboundMessageId('out1', 'shop.example'));
    const { mail, to } = sink.received.at(-1)!;
    expect(to).toEqual(['anna@customer.example']);
    expect(mail.from?.value[0]).toEqual({ name: 'Marta Nowak', address: 'help@shop.example' });
    expect(mail.messageId).toBe(outboundMessageId('out1', 'shop.example'));
    expect(mail.inReplyTo).toBe('<second@customer.example>');
    // The hub's own earlier reply is named by the Message-ID it was sent with.
    expect(mail.references).toEqual(['<first@customer.example>', outboundMessageId('out0', 'shop.example'), '<second@customer.example>']);
    expect(mail.subject).toBe(`Re: Dead pixel [#${caseReference('ca1')}]`);
    expect(mail.text?.trim()).toBe('Hello Anna,\n\nthe <b>courier</b> comes tomorrow.\nRegards');
    expect(mail.html).toContain('<p>Hello Anna,</p><p>the &lt;b&gt;courier&lt;/b&gt; comes tomorrow.<br>Regards</p>');
    expect(mail.attachments.map((a) => [a.filename, a.contentType, a.content.equals(photo)])).toEqual([['label.png', 'image/png', true]]);
  });

  it("puts a survey's page in the text and as a link in the HTML", async () => {
    sink.answer(250);
    const url = 'https://help.shop.example/survey/AbCdEfGhIjKlMnOpQrStUvWxYz012-_9';
    const text = `Your case has been resolved. How would you rate our help?\n\nAnswer here: ${url}`;
    await send(sink.port, { ...message(), delivery: { ...delivery, purpose: 'survey' }, attachments: [], text, survey: { url } });
    const { mail } = sink.received.at(-1)!;
    expect(mail.text?.trim()).toBe(text);
    expect(mail.html).toContain(`<p>Answer here: <a href="${url}">${url}</a></p>`);
  });

  it('fails transiently on 451 and for good on 550, with the server reason', async () => {
    sink.answer(451);
    const later = await send(sink.port).catch((e: unknown) => e);
    expect(later).toBeInstanceOf(DeliveryFailure);
    expect((later as DeliveryFailure).transient).toBe(true);
    expect((later as DeliveryFailure).message).toMatch(/451.*mailbox busy/);
    sink.answer(550);
    const refused = await send(sink.port).catch((e: unknown) => e);
    expect((refused as DeliveryFailure).transient).toBe(false);
    expect((refused as DeliveryFailure).message).toMatch(/550.*no such user/);
    sink.answer(250);
  });

  it('fails transiently when nobody listens, and when the server never answers', async () => {
    const closed = await new Promise<number>((resolve) => {
      const s = createServer().listen(0, '127.0.0.1', () => {
        const port = (s.address() as { port: number }).port;
        s.close(() => resolve(port));
      });
    });
    const refused = await send(closed).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(DeliveryFailure);
    expect((refused as DeliveryFailure).transient).toBe(true);

    // A server that accepts the connection and says nothing: the greeting times out.
    const silent: Server = createServer(() => {}).listen(0, '127.0.0.1');
    await new Promise((r) => silent.once('listening', r));
    try {
      const stuck = await send((silent.address() as { port: number }).port).catch((e: unknown) => e);
      expect((stuck as DeliveryFailure).transient).toBe(true);
      expect((stuck as DeliveryFailure).message).toMatch(/could not be reached/);
    } finally {
      silent.close();
    }
  });

  it('refuses for good when no mailbox is configured', async () => {
    const none = await createSmtpTransport(async () => null).send(message(), new AbortController().signal).catch((e: unknown) => e);
    expect((none as DeliveryFailure).transient).toBe(false);
  });
});
