import type { AttachmentRef, InteractionMeta } from '../../shared/domain';
import type { InboundMessage, VisitorMessage } from '../../shared/protocol';
import type { HubContext } from '../context';
import { ingestInbound } from '../ingest';
import { Refused } from '../refused';
import type { VisitorRecord } from '../store/hubStore';
import { conversationOf, leftMessagePrefix, visitorMessage } from './visitorConversation';
import { updateVisitor } from './visitorRecord';
import { visitorHolder, webHandle } from './visitorToken';
import { leftMessageSubject } from './webchatTexts';

/**
 * What a visitor writes becomes a chat message like any channel's (`ingestInbound`): the same identity matching,
 * routing, SLA and alerts. The visitor is `web:<id>` plus what they told us; their message's id is their own
 * (`clientId`), so a message sent again after a lost answer is stored once.
 */

/** The files a visitor names: each stored as described and uploaded by them. Refused (`not-found`) otherwise. */
async function ownFiles(ctx: HubContext, visitor: VisitorRecord, refs: readonly AttachmentRef[]): Promise<void> {
  for (const ref of refs) {
    const stored = await ctx.store.attachment(ref.sha256);
    const held = stored !== null && (await ctx.store.attachmentHolders(ref.sha256)).includes(visitorHolder(visitor.id));
    if (!held || stored.type !== ref.type || stored.size !== ref.size) throw new Refused('not-found', `the file ${JSON.stringify(ref.name)} was not uploaded in this chat: upload it, then send again`);
  }
}

/** The pages visited since the visitor's last message on their case (all kept ones before their first). */
async function pagesSinceLastMessage(ctx: HubContext, visitor: VisitorRecord): Promise<NonNullable<InteractionMeta['pages']>> {
  const kase = visitor.caseId ? await ctx.store.get('case', visitor.caseId) : null;
  const since = kase?.lastInboundAt ?? 0;
  return visitor.pages.filter((p) => p.at > since).map(({ url, title }) => ({ url, title }));
}

/** Records which customer and case the visitor's message went to (their next messages and replies follow). */
const noteCase = (ctx: HubContext, visitorId: string, customerId: string | null, caseId: string | null) =>
  updateVisitor(ctx, visitorId, (v) => ({ ...v, customerId: customerId ?? v.customerId, caseId: caseId ?? v.caseId, lastSeenAt: ctx.now() }));

export async function sendVisitorMessage(
  ctx: HubContext,
  visitor: VisitorRecord,
  req: { clientId: string; text: string; attachments?: AttachmentRef[]; articlesSeen?: string[] },
): Promise<VisitorMessage> {
  const attachments = req.attachments ?? [];
  if (!req.text.trim() && attachments.length === 0) throw new Refused('invalid', 'write something or attach a photo');
  await ownFiles(ctx, visitor, attachments);
  const msg: InboundMessage = {
    channel: 'chat',
    from: { handle: webHandle(visitor.id), ...visitor.contact },
    text: req.text,
    externalId: `web:${visitor.id}:${req.clientId}`,
  };
  const result = await ingestInbound(ctx, msg, {
    // The customer the session is matched to (signed in, or whom its first message matched) stays its customer;
    // a contact left later only adds identities that are nobody else's (see resolveCustomer).
    ...(visitor.customerId ? { customerId: visitor.customerId } : {}),
    ...(visitor.caseId ? { caseIds: [visitor.caseId] } : {}),
    queueId: visitor.queueId,
    pages: await pagesSinceLastMessage(ctx, visitor),
    ...(req.articlesSeen?.length ? { articlesSeen: req.articlesSeen } : {}),
    heldFiles: { holder: visitorHolder(visitor.id), refs: attachments },
  });
  const updated = await noteCase(ctx, visitor.id, result.customerId, result.caseId);
  const entry = (await conversationOf(ctx, updated)).entries.find((e) => e.interaction.id === result.interactionId);
  if (!entry) throw new Error(`visitor message ${result.interactionId} is not in the visitor's conversation`);
  return visitorMessage(ctx, updated, entry);
}

/**
 * Nobody can chat: the visitor leaves a message with an email address. It is an email like any (identity by the
 * address, the visitor's queue), so the agent's answer goes out by email; the widget shows it in the conversation.
 */
export async function leaveVisitorMessage(ctx: HubContext, visitor: VisitorRecord, req: { clientId: string; email: string; name?: string; text: string }): Promise<void> {
  if (!req.text.trim()) throw new Refused('invalid', 'write your message');
  const msg: InboundMessage = {
    channel: 'email',
    from: { email: req.email, ...(req.name ? { name: req.name } : visitor.contact.name ? { name: visitor.contact.name } : {}) },
    subject: leftMessageSubject[visitor.lang],
    text: req.text,
    externalId: `${leftMessagePrefix(visitor.id)}${req.clientId}`,
  };
  const result = await ingestInbound(ctx, msg, { ...(visitor.caseId ? { caseIds: [visitor.caseId] } : {}), queueId: visitor.queueId });
  await updateVisitor(ctx, visitor.id, (v) => ({
    ...v,
    contact: { ...v.contact, email: req.email, ...(req.name ? { name: req.name } : {}) },
    caseId: result.caseId ?? v.caseId,
    lastSeenAt: ctx.now(),
  }));
}
