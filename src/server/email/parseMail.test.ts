import { createHash } from 'node:crypto';
import MailComposer from 'nodemailer/lib/mail-composer';
import { describe, expect, it } from 'vitest';
import type Mail from 'nodemailer/lib/mailer';
import { bounceOf } from './bounce';
import { MailRefused, parseRaw, receivedEmail } from './parseMail';

const compose = (mail: Mail.Options): Promise<Buffer> => new MailComposer(mail).compile().build();
const receive = async (raw: Buffer) => receivedEmail(await parseRaw(raw), raw);
const photo = Buffer.concat([Buffer.from('ffd8ffe000104a464946', 'hex'), Buffer.alloc(5_000, 7)]);

describe('an email as the hub takes it', () => {
  it('keeps a photo with its hash and bytes, and names the files it does not keep', async () => {
    const raw = await compose({
      from: 'Anna <anna@customer.example>', to: 'help@shop.example', subject: 'Re: Parcel [#ABCDEFG]', text: 'The box was crushed.',
      messageId: '<p1@customer.example>', inReplyTo: '<out-2@shop.example>', references: '<out-1@shop.example> <out-2@shop.example>',
      attachments: [
        { filename: 'box.jpg', content: photo, contentType: 'image/jpeg' },
        { filename: 'tool.exe', content: Buffer.from('MZ'), contentType: 'application/x-msdownload' },
        { filename: '../../etc/passwd.txt', content: Buffer.from('root'), contentType: 'text/plain' },
      ],
    });
    const email = await receive(raw);
    expect(email.messageId).toBe('<p1@customer.example>');
    expect(email.answers).toEqual(['<out-2@shop.example>', '<out-1@shop.example>']);
    expect(email.caseReference).toBe('ABCDEFG');
    expect(email.message.subject).toBe('Re: Parcel');
    expect(email.message.from).toEqual({ email: 'anna@customer.example', name: 'Anna' });
    expect(email.message.externalId).toBe(`email:${createHash('sha256').update('<p1@customer.example>').digest('hex')}`);
    const [jpeg, text] = email.message.attachments!;
    expect(jpeg).toMatchObject({ name: 'box.jpg', type: 'image/jpeg', size: photo.length, sha256: createHash('sha256').update(photo).digest('hex') });
    expect(Buffer.from(jpeg.data, 'base64').equals(photo)).toBe(true);
    expect(text.name).toBe('.._.._etc_passwd.txt');
    expect(email.message.text).toBe('The box was crushed.\n\n[Attachments not kept: tool.exe (application/x-msdownload: a type the hub does not keep)]');
  });

  it('cuts a very long body with a note, and refuses mail without a sender', async () => {
    const long = await receive(await compose({ from: 'anna@customer.example', subject: 'Log', text: 'a'.repeat(30_000) }));
    expect(long.message.text).toMatch(/^a{19000}\n\n\[The rest of this email, 11000 characters, was not kept\.\]$/);
    const anonymous = await receive(await compose({ subject: 'Who?', text: 'nobody' })).catch((e: unknown) => e);
    expect(anonymous).toBeInstanceOf(MailRefused);
    expect((anonymous as MailRefused).smtpCode).toBe(550);
  });

  it('makes a stable Message-ID from the bytes of a message without one', async () => {
    const raw = Buffer.from('From: anna@customer.example\r\nSubject: hi\r\n\r\nno id here\r\n');
    const [a, b] = [await receive(raw), await receive(raw)];
    expect(a.messageId).toMatch(/^<[0-9a-f]{64}@message\.invalid>$/);
    expect(b.messageId).toBe(a.messageId);
  });
});

const report = (action: string, original: string) =>
  Buffer.from(
    [
      'From: MAILER-DAEMON@mx.example', 'To: help@shop.example', 'Subject: Delivery Status Notification', 'In-Reply-To: <fallback@shop.example>',
      'MIME-Version: 1.0', 'Content-Type: multipart/report; report-type=delivery-status; boundary="B"', '',
      '--B', 'Content-Type: message/delivery-status', '', 'Reporting-MTA: dns; mx.example', '', 'Final-Recipient: rfc822; anna@customer.example',
      `Action: ${action}`, 'Status: 4.4.7', '', original, '--B--', '',
    ].join('\r\n'),
  );

describe('bounceOf', () => {
  it('finds the original Message-ID in returned headers, with the status when there is no diagnostic', async () => {
    const headers = '--B\r\nContent-Type: text/rfc822-headers\r\n\r\nFrom: help@shop.example\r\nMessage-ID: <dlv-7@shop.example>\r\n';
    expect(bounceOf(await parseRaw(report('failed', headers)))).toEqual({ providerMessageId: '<dlv-7@shop.example>', error: 'anna@customer.example: status 4.4.7' });
    // Without the original, the report's own In-Reply-To names it.
    expect(bounceOf(await parseRaw(report('failed', ''))))?.toMatchObject({ providerMessageId: '<fallback@shop.example>' });
  });

  it('is null for a delay and for ordinary mail', async () => {
    expect(bounceOf(await parseRaw(report('delayed', '')))).toBeNull();
    expect(bounceOf(await parseRaw(await compose({ from: 'anna@customer.example', text: 'Action: failed' })))).toBeNull();
  });
});
