import type { Delivery, Interaction } from '../../shared/domain';
import type { InlineSurvey, VisitorMessage } from '../../shared/protocol';
import type { HubContext } from '../context';
import { Refused } from '../refused';
import type { VisitorRecord } from '../store/hubStore';
import { surveyAnswerState } from '../voice';
import { agentName } from './agentName';
import { webHandle } from './visitorToken';

/**
 * A visitor's conversation as they see it: on their case, only what they wrote from this web chat (and the
 * message they left by email), and what the shop sent to this web chat. No internal notes, no other channels, and
 * nothing another visitor matched to the same customer wrote or was sent: the web handle is the visitor's own.
 */

/** Where a conversation resumes after a message: its time and id (ids break ties of one millisecond). */
export const cursorOf = (i: Pick<Interaction, 'createdAt' | 'id'>): string => `${i.createdAt}.${i.id}`;

function parseCursor(cursor: string): { at: number; id: string } {
  const m = /^(\d{1,15})\.(.+)$/.exec(cursor);
  if (!m) throw new Refused('invalid', 'after: not a cursor this hub gave out');
  return { at: Number(m[1]), id: m[2] };
}

/** A left message's external id starts with this: the visitor's own, on whatever case the email landed. */
export const leftMessagePrefix = (visitorId: string) => `web:${visitorId}:left:`;

export interface ConversationEntry {
  interaction: Interaction;
  /** The shop's message's delivery to this visitor (its status); null for the visitor's own. */
  delivery: Delivery | null;
}

export interface Conversation {
  entries: ConversationEntry[];
  /** The survey sent to this visitor on the case, if one went. */
  survey: { interaction: Interaction; delivery: Delivery } | null;
}

/** The visitor's conversation on their case, oldest first (empty before they wrote). */
export async function conversationOf(ctx: HubContext, visitor: VisitorRecord): Promise<Conversation> {
  if (!visitor.caseId) return { entries: [], survey: null };
  const rows = await ctx.store.caseRows(visitor.caseId);
  const handle = webHandle(visitor.id);
  const toVisitor = new Map<string, Delivery>();
  for (const r of rows) {
    if (r.op !== 'upsert' || r.entity !== 'delivery') continue;
    const d = r.data as Delivery;
    if (d.to.kind === 'handle' && d.to.value === handle) toVisitor.set(d.interactionId, d);
  }
  // In the order written: messages of one millisecond keep their order by the change log's.
  const timeline = rows
    .filter((r) => r.op === 'upsert' && r.entity === 'interaction')
    .sort((a, b) => (a.data as Interaction).createdAt - (b.data as Interaction).createdAt || a.seq - b.seq)
    .map((r) => r.data as Interaction);
  const entries: ConversationEntry[] = [];
  let survey: Conversation['survey'] = null;
  for (const i of timeline) {
    const delivery = toVisitor.get(i.id);
    if (delivery?.purpose === 'survey') survey = { interaction: i, delivery };
    else if (delivery) entries.push({ interaction: i, delivery });
    else if (i.direction === 'inbound' && i.kind === 'chat' && i.meta.handle === handle) entries.push({ interaction: i, delivery: null });
    else if (i.direction === 'inbound' && i.kind === 'email' && i.externalId?.startsWith(leftMessagePrefix(visitor.id))) entries.push({ interaction: i, delivery: null });
  }
  return { entries, survey };
}

/** One message as the visitor sees it. */
export function visitorMessage(ctx: HubContext, visitor: VisitorRecord, { interaction: i, delivery }: ConversationEntry): VisitorMessage {
  const own = delivery === null;
  return {
    id: i.id,
    from: own ? 'visitor' : 'agent',
    text: i.text,
    at: i.createdAt,
    agentName: own || i.authorId === null ? null : agentName(ctx.staff(i.authorId)),
    attachments: i.meta.attachments ?? [],
    status: own ? ((visitor.agentSeenAt ?? 0) >= i.createdAt ? 'read' : 'sent') : delivery.status === 'read' ? 'read' : 'delivered',
    cursor: cursorOf(i),
  };
}

/** Most messages one `visitor:history` answer carries; `more` says to ask again from its last cursor. */
export const HISTORY_PAGE = 50;

/**
 * The conversation after `after` (from the start when null), one page, and whether more follows. A cursor names
 * its message; one no longer in the conversation (the visitor's case moved on) resumes by its time.
 */
export function pageAfter(entries: readonly ConversationEntry[], after: string | null): { page: ConversationEntry[]; more: boolean } {
  const from = after === null ? null : parseCursor(after);
  const at = from === null ? -1 : entries.findIndex((e) => e.interaction.id === from.id);
  const rest = from === null ? entries : at >= 0 ? entries.slice(at + 1) : entries.filter((e) => e.interaction.createdAt > from.at);
  return { page: rest.slice(0, HISTORY_PAGE), more: rest.length > HISTORY_PAGE };
}

/** A case's survey as the widget asks it inline: the question sent, and the answer so far. */
export async function inlineSurvey(ctx: HubContext, caseId: string, question: string): Promise<InlineSurvey> {
  const state = await surveyAnswerState(ctx.store, caseId, ctx.now());
  return { caseId, question, score: state.score, comment: state.comment, changeableUntil: state.changeableUntil };
}
