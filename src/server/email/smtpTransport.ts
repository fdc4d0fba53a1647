import nodemailer from 'nodemailer';
import { withCaseReference } from '../../shared/domain';
import type { Mailbox } from '../../shared/protocol';
import { DeliveryFailure, type Accepted, type OutboundMessage, type Transport } from '../delivery/transport';
import { outboundMessageId } from './messageIds';

/** How long one SMTP step may take (connecting, the greeting, each command): a stuck server is a transient failure. */
export interface SmtpTimeouts {
  connectMs: number;
  commandMs: number;
}
const DEFAULT_TIMEOUTS: SmtpTimeouts = { connectMs: 10_000, commandMs: 30_000 };
/** Threading headers name at most this many earlier messages (the newest ones). */
const MAX_REFERENCES = 20;

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/**
 * The HTML part of a reply: the text escaped, a paragraph per blank-line block, line breaks kept; `link` (a
 * survey's page), where the text has it, becomes a link.
 */
export function replyHtml(text: string, link?: string): string {
  const paragraphs = text.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
  const anchor = link === undefined ? null : escapeHtml(link);
  const linked = (html: string) => (anchor === null ? html : html.split(anchor).join(`<a href="${anchor}">${anchor}</a>`));
  return `<!doctype html><html><body>${paragraphs.map((p) => `<p>${linked(escapeHtml(p)).replace(/\n/g, '<br>')}</p>`).join('')}</body></html>`;
}

/** The subject of a reply: the interaction's, else "Re:" the case's, with the case reference. */
function subjectOf(m: OutboundMessage): string {
  const base = m.interaction.subject ?? (m.thread.length > 0 ? `Re: ${m.kase.subject}` : m.kase.subject);
  return withCaseReference(base, m.kase.id);
}

/**
 * SMTP's answer as a delivery failure: 4xx is "try later", 5xx is final, anything without an answer (a refused
 * connection, a timeout, a dropped socket) is transient. The server's reason is kept for people.
 */
export function smtpFailure(err: unknown): DeliveryFailure {
  const e = err as { responseCode?: number; response?: string; code?: string; message?: string };
  const reason = (e.response ?? e.message ?? String(err)).replace(/\s+/g, ' ').trim().slice(0, 900);
  if (typeof e.responseCode === 'number' && e.responseCode >= 500) return new DeliveryFailure(false, `the mail server refused the message: ${reason}`);
  if (typeof e.responseCode === 'number' && e.responseCode >= 400) return new DeliveryFailure(true, `the mail server asked to try later: ${reason}`);
  return new DeliveryFailure(true, `the mail server could not be reached: ${e.code ? `${e.code} ` : ''}${reason}`);
}

/**
 * The hub's own way out for email: each delivery as one message over SMTP from the mailbox (the agent's name
 * with the mailbox's address), threaded on the case's earlier emails, with the case reference in the subject,
 * plain text and HTML, and the interaction's files.
 */
export function createSmtpTransport(mailbox: () => Promise<Mailbox | null>, timeouts: SmtpTimeouts = DEFAULT_TIMEOUTS): Transport {
  return {
    async send(m: OutboundMessage, signal: AbortSignal): Promise<Accepted> {
      const box = await mailbox();
      if (!box) throw new DeliveryFailure(false, 'no mailbox is configured for email: an administrator must add one');
      const transport = nodemailer.createTransport({
        host: box.smtp.host,
        port: box.smtp.port,
        secure: box.smtp.secure,
        auth: box.smtp.user ? { user: box.smtp.user, pass: box.smtp.password ?? '' } : undefined,
        connectionTimeout: timeouts.connectMs,
        greetingTimeout: timeouts.connectMs,
        socketTimeout: timeouts.commandMs,
      });
      const abort = () => transport.close();
      signal.addEventListener('abort', abort, { once: true });
      try {
        if (signal.aborted) throw new DeliveryFailure(true, 'the attempt was cancelled before it started');
        const domain = box.address.split('@')[1];
        const messageId = outboundMessageId(m.interaction.id, domain);
        // Customers' emails carry their Message-ID in meta; the hub's own replies have theirs from their id.
        const idOf = (i: OutboundMessage['thread'][number]) => i.meta.messageId ?? (i.direction === 'outbound' ? outboundMessageId(i.id, domain) : undefined);
        const earlier = m.thread.map(idOf).filter((id): id is string => id !== undefined).slice(-MAX_REFERENCES);
        await transport.sendMail({
          from: { name: m.author?.name ?? box.name, address: box.address },
          to: m.delivery.to.value,
          subject: subjectOf(m),
          messageId,
          ...(earlier.length > 0 ? { inReplyTo: earlier[earlier.length - 1], references: earlier } : {}),
          text: m.text,
          html: replyHtml(m.text, m.survey?.url),
          attachments: m.attachments.map((a) => ({ filename: a.name, contentType: a.type, content: Buffer.from(a.data, 'base64') })),
        });
        return { providerMessageId: messageId };
      } catch (err) {
        if (err instanceof DeliveryFailure) throw err;
        if (signal.aborted) throw new DeliveryFailure(true, 'the attempt was cancelled (timeout or hub stopping)');
        throw smtpFailure(err);
      } finally {
        signal.removeEventListener('abort', abort);
        transport.close();
      }
    },
  };
}
