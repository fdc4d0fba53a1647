import type { InboundResult } from '../../shared/protocol';
import type { HubContext } from '../context';
import { InboundRejected, ingestInbound } from '../ingest';
import { StoreUnavailable } from '../store/storeUnavailable';
import { bounceOf, type Bounce } from './bounce';
import { interactionOfMessageId } from './messageIds';
import { MailRefused, parseRaw, receivedEmail } from './parseMail';

/** What became of one email: a customer message on a case, or a bounce of a message the hub sent. */
export type Intake = { kind: 'message'; result: InboundResult } | { kind: 'bounce'; bounce: Bounce };

/** Reports a bounce as a failed delivery (the path a connector's delivery receipt takes). */
export type BounceReport = (bounce: Bounce) => Promise<void>;

/**
 * The cases of the emails a message answers, most likely first: the hub's own replies (their Message-ID names the
 * interaction), then the newest customer email among them.
 */
async function casesAnswered(ctx: HubContext, answers: string[]): Promise<string[]> {
  if (answers.length === 0) return [];
  const ours = answers.map(interactionOfMessageId).filter((id): id is string => id !== null);
  const replied = await Promise.all(ours.map((id) => ctx.store.get('interaction', id)));
  const theirs = await ctx.store.caseOfMessage(answers);
  return [...replied.flatMap((i) => (i ? [i.caseId] : [])), ...(theirs ? [theirs] : [])];
}

/**
 * Takes one raw email, however it arrived (the SMTP listener, an IMAP poll): a bounce is reported, anything else
 * is ingested as a customer message, threaded onto the case it answers (In-Reply-To and References first, then
 * the case reference in its subject). Throws MailRefused with the reason for what it will not take; 451 when the
 * hub cannot take it now (its database away, no queue yet), so the sending server tries again.
 */
export async function takeMail(ctx: HubContext, raw: Buffer, reportBounce: BounceReport): Promise<Intake> {
  try {
    const mail = await parseRaw(raw);
    const bounce = bounceOf(mail);
    if (bounce) {
      await reportBounce(bounce);
      return { kind: 'bounce', bounce };
    }
    const email = receivedEmail(mail, raw);
    const result = await ingestInbound(ctx, email.message, { caseIds: await casesAnswered(ctx, email.answers), caseReference: email.caseReference, messageId: email.messageId });
    return { kind: 'message', result };
  } catch (err) {
    if (err instanceof MailRefused) throw err;
    if (err instanceof StoreUnavailable) throw new MailRefused(451, 'the hub cannot store mail right now; try again later');
    if (err instanceof InboundRejected) throw new MailRefused(err.code === 'no-queue' ? 451 : 550, err.message);
    throw err;
  }
}
