import type { Case, Channel, Interaction } from '../../shared/domain';
import type { CsatResponse } from '../../shared/domain/voice';
import { toneOfMessage } from '../messageTone';

/**
 * The columns supervisor reports filter and count on (src/server/reports), derived from each row by both engines
 * at every write and by their migrations (SQLite 0011, PostgreSQL 0009) for rows written before: one derivation,
 * so a report reads the same figures from either store.
 */

/**
 * A customer message is negative when the tone engine reads its sentiment as negative (toneOfMessage, the
 * reading the agent's tone panel shows). Null for what is not a customer's written message: replies, notes, and
 * inbound contacts without text (a call), which count neither way in `negativeShare`.
 */
export function negativeFlag(i: Pick<Interaction, 'direction' | 'text'>): 0 | 1 | null {
  if (i.direction !== 'inbound' || i.text.trim() === '') return null;
  return toneOfMessage(i.text).sentiment === 'negative' ? 1 : 0;
}

/** Talk time of a call or video session in seconds (null for any other interaction). */
export const talkSeconds = (i: Pick<Interaction, 'meta'>): number | null => i.meta.durationSec ?? i.meta.sessionLengthSec ?? null;

/** The channels a case touched as `,chat,email,`: "touched channel X" is `LIKE '%,X,%'` in either engine. */
export const channelSet = (channels: readonly Channel[]): string => `,${[...new Set(channels)].join(',')},`;

export interface CaseReportColumns {
  resolved_at: number | null;
  first_responded_at: number | null;
  /** The first-reply deadline as set when the case was created: written once (the row's field is nulled once answered). */
  first_response_due: number | null;
  channel_count: number;
  channel_set: string;
  origin_channel: Channel;
}
export const caseReportColumns = (c: Case): CaseReportColumns => ({
  resolved_at: c.resolvedAt,
  first_responded_at: c.firstRespondedAt,
  first_response_due: c.firstResponseDueAt,
  channel_count: new Set(c.channels).size,
  channel_set: channelSet(c.channels),
  origin_channel: c.originChannel,
});

/**
 * A case's first-reply deadline as set at its creation, for a row written before the deadline was kept (once
 * answered, the row's own field is null): its creation plus its queue's first-response minutes, when known. What
 * the migrations and a copy from SQLite to PostgreSQL fill in.
 */
export const firstResponseDueOf = (c: Case, firstResponseMinutes: number | undefined): number | null =>
  c.firstResponseDueAt ?? (firstResponseMinutes === undefined ? null : c.createdAt + firstResponseMinutes * 60_000);

export interface InteractionReportColumns {
  kind: Interaction['kind'];
  direction: Interaction['direction'];
  author_id: string | null;
  customer_id: string;
  talk_sec: number | null;
  negative: 0 | 1 | null;
}
export const interactionReportColumns = (i: Interaction): InteractionReportColumns => ({
  kind: i.kind,
  direction: i.direction,
  author_id: i.authorId,
  customer_id: i.customerId,
  talk_sec: talkSeconds(i),
  negative: negativeFlag(i),
});

export interface CsatReportColumns {
  created_at: number;
  score: number;
  queue_id: string;
}
export const csatReportColumns = (s: CsatResponse): CsatReportColumns => ({ created_at: s.createdAt, score: s.score, queue_id: s.queueId });
