import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import nodemailer from 'nodemailer';
import type { AttachmentRef, Delivery } from '../../shared/domain';
import type { Mailbox, Session } from '../../shared/protocol';
import { SAMPLE_FILES } from '../../shared/testing/sampleFiles';
import { putConnectorAs } from '../admin/connectors';
import { sha256Hex } from '../attachments/attachmentFiles';
import { startExampleConnector, type ExampleConnector } from '../connectors/exampleConnector';
import { startMailSink, type MailSink } from '../testing/mailSink';
import { startTestHub, type TestHub } from '../testing/hubHarness';

/**
 * What leaves the hub with a reply: the files an agent attached, on a connector's channel and by email, through
 * the real delivery worker; and a bounce coming back for an email, which fails its delivery.
 */
const png = Buffer.from(SAMPLE_FILES.png);
const SECRET = 'outbound-files-secret-0123456789';
const INBOUND = 'outbound-files-inbound-0123456789';

let t: TestHub;
let sink: MailSink;
let connector: ExampleConnector;
let mailbox: Mailbox;

beforeEach(async () => {
  sink = await startMailSink();
  mailbox = {
    address: 'help@shop.example',
    name: 'Shop support',
    smtp: { host: '127.0.0.1', port: sink.port, secure: false },
    inbound: { kind: 'smtp', host: '127.0.0.1', port: 0 },
    updatedAt: 1,
  };
  t = await startTestHub({ mail: { mailboxes: [mailbox] } });
  connector = await startExampleConnector({ channel: 'chat', hubUrl: t.hub.url, secret: SECRET, inboundSecret: INBOUND });
  // A grace period: the test's customers still write in signed with the hub's own secret.
  await putConnectorAs(t.hub.ctx, 'command-line', 'chat', { url: connector.url, secret: SECRET, inboundSecret: INBOUND, graceMinutes: 60 });
});
afterEach(async () => {
  await connector?.stop();
  await t?.stop();
  await sink?.close();
});

async function upload(session: Session, name: string): Promise<AttachmentRef> {
  const res = await fetch(`${t.hub.url}/api/v1/attachments`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${session.accessToken}`, 'Content-Type': 'image/png', 'X-File-Name': encodeURIComponent(name) },
    body: new Uint8Array(png),
  });
  expect(res.status).toBe(201);
  return (await res.json()) as AttachmentRef;
}

/** A customer message, and the agent it went to replying on `channel` with a photo; the reply's delivery. */
async function replyWithPhoto(channel: 'chat' | 'email', from: { email: string }): Promise<{ delivery: () => Promise<Delivery>; caseId: string }> {
  const sent = await t.inbound({ channel, text: 'The screen has a dead pixel', subject: 'Dead pixel', from });
  const caseId = sent.body.caseId as string;
  // Whoever it was routed to answers; a supervisor when nobody on the channel was free.
  const agent = await t.connect((sent.body.assigneeId as string | null) ?? 'sup1');
  const photo = await upload(agent.session, 'zdjęcie ekranu.png');
  const kase = (await t.hub.ctx.store.get('case', caseId))!;
  const result = await agent.mutate({ type: 'reply', caseId, channel, text: 'Is it this one?', attachments: [photo], basedOn: { lastMessageId: kase.lastMessageId } });
  expect(result).toMatchObject({ ok: true, outcome: 'applied' });
  const id = (result as { id: string }).id;
  const delivery = async () =>
    (await t.hub.ctx.store.caseRows(caseId)).flatMap((r) => (r.entity === 'delivery' && r.op === 'upsert' ? [r.data] : [])).find((d) => d.interactionId === id)!;
  return { delivery, caseId };
}

describe('files and bounces on the way out', () => {
  it('sends an attached photo to the channel’s connector with its bytes', async () => {
    const { delivery } = await replyWithPhoto('chat', { email: 'ola@example.com' });
    const [taken] = await connector.waitForTaken(1, 10_000);
    expect(taken.attachments).toEqual([{ name: 'zdjęcie ekranu.png', type: 'image/png', size: png.length, sha256: sha256Hex(png), data: png.toString('base64') }]);
    await expect.poll(async () => (await delivery()).status).toBe('sent');
  });

  it('mails an attached photo, and a bounce of that mail fails its delivery with the reason and a note on the case', async () => {
    const { delivery, caseId } = await replyWithPhoto('email', { email: 'gone@customer.example' });
    await expect.poll(() => sink.received.length, { timeout: 10_000 }).toBe(1);
    const mail = sink.received[0].mail;
    expect(mail.attachments.map((a) => [a.filename, a.contentType, Buffer.compare(a.content, png)])).toEqual([['zdjęcie ekranu.png', 'image/png', 0]]);
    await expect.poll(async () => (await delivery()).status).toBe('sent');
    expect((await delivery()).providerMessageId).toBe(mail.messageId);

    // The customer's server returns it: the hub's listener takes the report as the failure of that delivery.
    const dsn = [
      'From: Mail Delivery System <MAILER-DAEMON@mx.customer.example>',
      `To: ${mailbox.address}`,
      'Subject: Undelivered Mail Returned to Sender',
      'MIME-Version: 1.0',
      'Content-Type: multipart/report; report-type=delivery-status; boundary="B"',
      '',
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
      'Content-Type: text/rfc822-headers',
      '',
      `Message-ID: ${mail.messageId}`,
      '--B--',
      '',
    ].join('\r\n');
    const listener = t.hub.mail.listenerOf(mailbox.address)!;
    const client = nodemailer.createTransport({ host: listener.host, port: listener.port, secure: false, ignoreTLS: true });
    await client.sendMail({ envelope: { from: '', to: [mailbox.address] }, raw: dsn }).finally(() => client.close());

    await expect.poll(async () => (await delivery()).status).toBe('failed');
    expect((await delivery()).lastError).toContain('550 5.1.1 User unknown');
    const notes = (await t.hub.ctx.store.interactionsOfCase(caseId)).filter((i) => i.kind === 'note');
    expect(notes.map((n) => n.text).join('\n')).toContain('550 5.1.1 User unknown');
  });
});
