import type { ParsedMail, StructuredHeader } from 'mailparser';

/** A delivery status notification saying a message the hub sent could not be delivered. */
export interface Bounce {
  /** The Message-ID of the message that bounced (what the hub's transport answered as providerMessageId). */
  providerMessageId: string;
  /** Why, as the receiving server said it. */
  error: string;
}

/** Parts of a report that hold the original message or its headers. */
const ORIGINAL_TYPES = new Set(['message/rfc822', 'text/rfc822-headers', 'message/global', 'message/global-headers']);
const STATUS_TYPES = new Set(['message/delivery-status', 'message/global-delivery-status']);

const field = (fields: string, name: string): string | null => new RegExp(`^${name}:[ \\t]*(.+)$`, 'im').exec(fields)?.[1].trim() ?? null;

/**
 * The failed delivery a mail is a bounce of (RFC 3464: `multipart/report; report-type=delivery-status` with
 * `Action: failed`), or null for any other mail, delays ("Action: delayed") included. The original is named by the
 * Message-ID in the returned message or headers, else by the report's own In-Reply-To.
 */
export function bounceOf(mail: ParsedMail): Bounce | null {
  const type = mail.headers.get('content-type') as StructuredHeader | undefined;
  if (type?.value.toLowerCase() !== 'multipart/report' || type.params['report-type']?.toLowerCase() !== 'delivery-status') return null;
  // mailparser hands a delivery-status part over as text or as an attachment, depending on how it is marked.
  const fields = [mail.text ?? '', ...mail.attachments.filter((a) => STATUS_TYPES.has(a.contentType)).map((a) => a.content.toString('utf8'))].join('\n');
  if (!/^Action:[ \t]*failed\b/im.test(fields)) return null;
  const original = mail.attachments.filter((a) => ORIGINAL_TYPES.has(a.contentType)).map((a) => a.content.subarray(0, 64 * 1024).toString('utf8')).join('\n');
  const providerMessageId = /^Message-ID:[ \t]*(<[^<>\s]{1,996}>)/im.exec(original)?.[1] ?? (typeof mail.inReplyTo === 'string' ? /<[^<>\s]{1,996}>/.exec(mail.inReplyTo)?.[0] : undefined);
  if (!providerMessageId) return null;
  const diagnostic = field(fields, 'Diagnostic-Code')?.replace(/^smtp;\s*/i, '');
  const status = field(fields, 'Status');
  const recipient = field(fields, 'Final-Recipient')?.replace(/^rfc822;\s*/i, '');
  const error = diagnostic ?? (status ? `status ${status}` : 'the receiving server returned the message as undeliverable');
  return { providerMessageId, error: `${recipient ? `${recipient}: ` : ''}${error}`.slice(0, 1_000) };
}
