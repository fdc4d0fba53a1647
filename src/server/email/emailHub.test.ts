import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import nodemailer from 'nodemailer';
import type Mail from 'nodemailer/lib/mailer';
import { caseReference, type Interaction } from '../../shared/domain';
import type { Mailbox } from '../../shared/protocol';
import { startTestHub } from '../testing/hubHarness';
import type { Bounce } from './bounce';
import { outboundMessageId } from './messageIds';

const MAX_BYTES = 256 * 1024;
const mailbox: Mailbox = {
  address: 'help@shop.example',
  name: 'Shop support',
  smtp: { host: '127.0.0.1', port: 1, secure: false },
  inbound: { kind: 'smtp', host: '127.0.0.1', port: 0 },
  updatedAt: 1,
};

let t: Awaited<ReturnType<typeof startTestHub>>;
const bounces: Bounce[] = [];
let port = 0;

beforeAll(async () => {
  t = await startTestHub({ mail: { mailboxes: [mailbox], reportBounce: async (b) => void bounces.push(b), limits: { maxBytes: MAX_BYTES } } });
  port = t.hub.mail.listenerOf(mailbox.address)!.port;
});
afterAll(async () => {
  await t?.stop();
});

/** A customer's mail program, sending to the hub's listener. */
function send(mail: Mail.Options) {
  const client = nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true, connectionTimeout: 5_000, socketTimeout: 10_000 });
  return client.sendMail({ to: mailbox.address, ...mail }).finally(() => client.close());
}
/** What the listener answered a message it refused: its SMTP code and text. */
const refusal = (sent: Promise<unknown>) => sent.then(() => null, (err: { responseCode?: number; response?: string }) => ({ code: err.responseCode, text: err.response ?? '' }));

const store = () => t.hub.ctx.store;
async function interactionOf(messageId: string): Promise<Interaction> {
  const caseId = await store().caseOfMessage([messageId]);
  expect(caseId, `a case for ${messageId}`).not.toBeNull();
  const found = (await store().interactionsOfCase(caseId!)).find((i) => i.meta.messageId === messageId);
  return found!;
}

describe('email into the hub through its SMTP listener', () => {
  it('threads replies onto their case by In-Reply-To, by the case reference, and not across customers', async () => {
    await send({ from: 'Anna Nowak <anna@customer.example>', subject: 'Dead pixel on my monitor', text: 'There is a dead pixel.', messageId: '<m1@customer.example>' });
    const first = await interactionOf('<m1@customer.example>');
    expect(first).toMatchObject({ kind: 'email', direction: 'inbound', subject: 'Dead pixel on my monitor', text: 'There is a dead pixel.', meta: { address: 'anna@customer.example', messageId: '<m1@customer.example>' } });
    const caseId = first.caseId;

    // Another subject, so only the header can put it on the case.
    await send({ from: 'anna@customer.example', subject: 'Photo', text: 'Here it is.\n\nOn Mon, 1 Dec 2026, help@shop.example wrote:\n> Send a photo', messageId: '<m2@customer.example>', inReplyTo: '<m1@customer.example>', references: ['<m1@customer.example>'] });
    expect((await interactionOf('<m2@customer.example>')).caseId).toBe(caseId);
    // No threading headers (a mail program that dropped them): the subject's reference.
    await send({ from: 'anna@customer.example', subject: `Other words [#${caseReference(caseId)}]`, text: 'Any news?', messageId: '<m3@customer.example>' });
    const third = await interactionOf('<m3@customer.example>');
    expect(third.caseId).toBe(caseId);
    expect(third.subject).toBe('Other words');
    // An answer to the hub's own reply: its Message-ID names the reply's interaction.
    const reply: Interaction = { ...first, id: 'int-reply-1', direction: 'outbound', authorId: null, text: 'Please send a photo.', subject: null, externalId: null, meta: {}, createdAt: first.createdAt + 1 };
    await t.hub.ctx.write((w) => w.save('interaction', reply));
    await send({ from: 'anna@customer.example', subject: 'Sent it', text: 'Done.', messageId: '<m3b@customer.example>', inReplyTo: outboundMessageId(reply.id, 'shop.example') });
    expect((await interactionOf('<m3b@customer.example>')).caseId).toBe(caseId);
    // Neither: a new case, as for any message on a new topic.
    await send({ from: 'anna@customer.example', subject: 'Invoice address', text: 'Please change it.', messageId: '<m4@customer.example>' });
    expect((await interactionOf('<m4@customer.example>')).caseId).not.toBe(caseId);
    // Someone else answering Anna's thread does not join her case.
    await send({ from: 'piotr@other.example', subject: 'Photo', text: 'Forwarded to me.', messageId: '<m5@other.example>', inReplyTo: '<m1@customer.example>' });
    const stranger = await interactionOf('<m5@other.example>');
    expect(stranger.caseId).not.toBe(caseId);
    expect(stranger.customerId).not.toBe(first.customerId);
  });

  it('takes the same email twice as one message', async () => {
    const mail = { from: 'anna@customer.example', subject: 'Twice', text: 'Sent twice by a retrying server.', messageId: '<twice@customer.example>' };
    await send(mail);
    await send(mail);
    const caseId = await store().caseOfMessage(['<twice@customer.example>']);
    expect((await store().interactionsOfCase(caseId!)).filter((i) => i.meta.messageId === '<twice@customer.example>')).toHaveLength(1);
  });

  it('refuses mail for addresses it does not serve, too many recipients, oversized messages and headers', async () => {
    expect(await refusal(send({ from: 'anna@customer.example', to: 'someone@elsewhere.example', text: 'relay me' }))).toMatchObject({ code: 550 });
    // The 21st recipient is refused for the count, before its address is even looked at.
    const many = Array.from({ length: 21 }, (_, i) => `nobody${i}@shop.example`);
    expect(await refusal(send({ from: 'anna@customer.example', to: many, text: 'hi' }))).toMatchObject({ code: 452 });
    expect(await refusal(send({ from: 'anna@customer.example', subject: 'Big', text: 'x'.repeat(MAX_BYTES + 1) }))).toMatchObject({ code: 552 });
    const headers = Object.fromEntries(Array.from({ length: 80 }, (_, i) => [`X-Filler-${i}`, 'y'.repeat(900)]));
    const huge = await refusal(send({ from: 'anna@customer.example', subject: 'Headers', text: 'hi', headers }));
    expect(huge).toMatchObject({ code: 552 });
    expect(huge!.text).toMatch(/headers larger than/);
  });

  it('stores hostile HTML as text without its scripts, survives malformed MIME, and keeps listening', async () => {
    await send({ from: 'eve@evil.example', subject: 'Click', html: '<p>Hello</p><script>document.location="https://evil.example"</script><style>p{}</style><p>Win &amp; <b>prizes</b><img src=x onerror=alert(1)></p>', messageId: '<h1@evil.example>' });
    const html = await interactionOf('<h1@evil.example>');
    expect(html.text).toBe('Hello\n\nWin & prizes');

    const broken = Buffer.from(
      'From: eve@evil.example\r\nTo: help@shop.example\r\nSubject: =?utf-8?B?////?=\r\nMessage-ID: <h2@evil.example>\r\nMIME-Version: 1.0\r\n' +
        'Content-Type: multipart/mixed; boundary="never-closed"\r\n\r\n--never-closed\r\nContent-Type: text/plain; charset=bogus-charset\r\nContent-Transfer-Encoding: base64\r\n\r\n!!!not base64!!!\r\n',
    );
    const answer = await refusal(send({ envelope: { from: 'eve@evil.example', to: [mailbox.address] }, raw: broken }));
    // Either taken as whatever text could be read, or refused with a reason: never a dropped connection.
    if (answer) expect(answer.code).toBeGreaterThanOrEqual(500);
    else expect((await interactionOf('<h2@evil.example>')).kind).toBe('email');

    await send({ from: 'anna@customer.example', subject: 'Still there?', text: 'ping', messageId: '<after@customer.example>' });
    expect((await interactionOf('<after@customer.example>')).text).toBe('ping');
  });

  it('reports a bounce as the failed delivery of the message it returns, and stores it as no message', async () => {
    const dsn = Buffer.from(
      [
        'From: Mail Delivery System <MAILER-DAEMON@mx.customer.example>',
        'To: help@shop.example',
        'Subject: Undelivered Mail Returned to Sender',
        'Message-ID: <bounce-1@mx.customer.example>',
        'MIME-Version: 1.0',
        'Content-Type: multipart/report; report-type=delivery-status; boundary="B"',
        '',
        '--B',
        'Content-Type: text/plain',
        '',
        'Your message could not be delivered.',
        '--B',
        'Content-Type: message/delivery-status',
        '',
        'Reporting-MTA: dns; mx.customer.example',
        '',
        'Final-Recipient: rfc822; gone@customer.example',
        'Action: failed',
        'Status: 5.1.1',
        'Diagnostic-Code: smtp; 550 5.1.1 User unknown',
        '--B',
        'Content-Type: message/rfc822',
        '',
        'From: Support <help@shop.example>',
        'To: gone@customer.example',
        'Subject: Re: Dead pixel',
        'Message-ID: <dlv-42@shop.example>',
        '',
        'Hello',
        '--B--',
        '',
      ].join('\r\n'),
    );
    await send({ envelope: { from: '', to: [mailbox.address] }, raw: dsn });
    expect(bounces).toEqual([{ providerMessageId: '<dlv-42@shop.example>', error: 'gone@customer.example: 550 5.1.1 User unknown' }]);
    expect(await store().caseOfMessage(['<bounce-1@mx.customer.example>'])).toBeNull();
  });
});
