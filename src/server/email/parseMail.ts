import { createHash } from 'node:crypto';
import { simpleParser, type AddressObject, type Attachment, type ParsedMail } from 'mailparser';
import { ATTACHMENT_TYPES, MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS, referenceInSubject, subjectWithoutReference, type AttachmentType } from '../../shared/domain';
import { InboundMessageSchema, type ConnectorAttachment, type InboundMessage } from '../../shared/protocol';
import { cleanText } from '../../shared/text/clean';
import { htmlToText } from './htmlText';

/** Largest header block the hub reads; real mail has a few KiB, more is a trick to exhaust the parser. */
export const MAX_HEADER_BYTES = 64 * 1024;
/** Most characters of an email's text that are stored (the inbound schema's limit, less room for notes). */
const MAX_TEXT = 19_000;
/** Largest HTML body turned into text; beyond it the rest of the HTML is not read. */
const MAX_HTML = 2 * 1024 * 1024;
/** Message-IDs of In-Reply-To and References looked up: the newest ones (a long thread lists every ancestor). */
const MAX_ANSWERED = 50;

/** An email the hub will not take (451: not now, try again), with the SMTP status and the reason the sender's server is told. */
export class MailRefused extends Error {
  constructor(
    readonly smtpCode: 451 | 550 | 552 | 554,
    message: string,
  ) {
    super(message);
    this.name = 'MailRefused';
  }
}

/** An email as the hub ingests it: the message, and what threads it to a case. */
export interface ReceivedEmail {
  message: InboundMessage;
  /** Its Message-ID with angle brackets (a made-up one from its bytes when it has none). */
  messageId: string;
  /** Message-IDs it answers, newest first (In-Reply-To, then References from the end). */
  answers: string[];
  /** The case reference in its subject, or null. */
  caseReference: string | null;
}

const ALLOWED = new Set<string>(ATTACHMENT_TYPES);

/** The header block's length in bytes, or the whole length when it never ends. */
function headerLength(raw: Buffer): number {
  const crlf = raw.indexOf('\r\n\r\n');
  const lf = raw.indexOf('\n\n');
  const ends = [crlf, lf].filter((i) => i >= 0);
  return ends.length > 0 ? Math.min(...ends) : raw.length;
}

/** Parses raw bytes; refuses what is too big in its headers before any parsing. */
export async function parseRaw(raw: Buffer): Promise<ParsedMail> {
  if (headerLength(raw) > MAX_HEADER_BYTES) throw new MailRefused(552, `headers larger than ${MAX_HEADER_BYTES / 1024} KiB`);
  try {
    return await simpleParser(raw, { skipHtmlToText: true, skipTextToHtml: true, skipImageLinks: true, maxHtmlLengthToParse: MAX_HTML, checksumAlgo: 'sha256' });
  } catch (err) {
    throw new MailRefused(554, `malformed message: ${(err as Error).message}`.slice(0, 200));
  }
}

const firstAddress = (field: AddressObject | AddressObject[] | undefined) => (Array.isArray(field) ? field[0] : field)?.value[0];

/** Message-IDs in a header value, with their angle brackets. */
const messageIds = (value: string | string[] | undefined): string[] =>
  (Array.isArray(value) ? value : value ? [value] : []).flatMap((v) => v.match(/<[^<>\s]{1,996}>/g) ?? []);

/** A file name as the hub stores it: no folders or control characters, at most 200 characters. */
function fileName(a: Attachment, index: number): string {
  const base = cleanText(a.filename ?? '').replace(/[\\/\x00-\x1f\x7f]/g, '_').trim().slice(-200);
  return base || `attachment-${index + 1}`;
}

/** The files the hub keeps (allowed types, within limits) and a line for each one it dropped. */
function takeAttachments(all: Attachment[]): { files: ConnectorAttachment[]; dropped: string[] } {
  const files: ConnectorAttachment[] = [];
  const dropped: string[] = [];
  all.forEach((a, i) => {
    const name = fileName(a, i);
    const type = a.contentType.toLowerCase();
    if (!ALLOWED.has(type)) dropped.push(`${name} (${type}: a type the hub does not keep)`);
    else if (a.size === 0) dropped.push(`${name} (empty)`);
    else if (a.size > MAX_ATTACHMENT_BYTES) dropped.push(`${name} (larger than ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MiB)`);
    else if (files.length >= MAX_ATTACHMENTS) dropped.push(`${name} (more than ${MAX_ATTACHMENTS} files)`);
    else files.push({ name, type: type as AttachmentType, size: a.size, sha256: a.checksum, data: a.content.toString('base64') });
  });
  return { files, dropped };
}

/** The body as text: the plain part, else the HTML's text (the hub never keeps mail HTML). */
function bodyText(mail: ParsedMail): string {
  const text = typeof mail.text === 'string' && mail.text.trim() ? mail.text : typeof mail.html === 'string' ? htmlToText(mail.html.slice(0, MAX_HTML)) : '';
  const clean = cleanText(text).replace(/\r\n?/g, '\n').trim();
  return clean.length > MAX_TEXT ? `${clean.slice(0, MAX_TEXT)}\n\n[The rest of this email, ${clean.length - MAX_TEXT} characters, was not kept.]` : clean;
}

/**
 * A parsed email as the hub's inbound message, or MailRefused with the reason (no sender, nothing in it). The
 * external id is the Message-ID's hash, so the same email received twice (a retried SMTP transaction, an IMAP
 * poll that did not get to mark it seen) is one interaction.
 */
export function receivedEmail(mail: ParsedMail, raw: Buffer): ReceivedEmail {
  const sender = firstAddress(mail.from);
  if (!sender?.address) throw new MailRefused(550, 'the message has no From address');
  const messageId = messageIds(mail.messageId)[0] ?? `<${createHash('sha256').update(raw).digest('hex')}@message.invalid>`;
  const answers = [...messageIds(mail.inReplyTo), ...messageIds(mail.references).reverse()].filter((id, i, all) => id !== messageId && all.indexOf(id) === i).slice(0, MAX_ANSWERED);
  const subject = cleanText(mail.subject ?? '').replace(/\s+/g, ' ').trim();
  const { files, dropped } = takeAttachments(mail.attachments);
  const note = dropped.length ? [`[Attachments not kept: ${dropped.join('; ')}]`.slice(0, 900)] : [];
  const text = [bodyText(mail), ...note].join('\n\n').trim();
  const name = cleanText(sender.name ?? '').trim().slice(0, 200);
  const candidate = {
    channel: 'email',
    from: { email: sender.address, ...(name ? { name } : {}) },
    text: text || (files.length ? `[${files.map((f) => f.name).join(', ')}]` : ''),
    ...(subject ? { subject: (subjectWithoutReference(subject) || subject).slice(0, 300) } : {}),
    externalId: `email:${createHash('sha256').update(messageId).digest('hex')}`,
    ...(files.length ? { attachments: files } : {}),
  };
  const parsed = InboundMessageSchema.safeParse(candidate);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new MailRefused(550, `${issue.path.join('.') || 'message'}: ${issue.message}`.slice(0, 200));
  }
  return { message: parsed.data, messageId, answers, caseReference: referenceInSubject(subject) };
}
