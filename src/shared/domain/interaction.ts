import { z } from 'zod';
import { AttachmentRefSchema, MAX_ATTACHMENTS } from './attachment';
import { IdSchema, TimeSchema } from './enums';

/** What an interaction is: a message on a channel, or an internal note. */
export const INTERACTION_KINDS = ['chat', 'email', 'phone', 'video', 'social', 'sms', 'store', 'note'] as const;
export const InteractionKindSchema = z.enum(INTERACTION_KINDS);
export type InteractionKind = z.infer<typeof InteractionKindSchema>;

export const DIRECTIONS = ['inbound', 'outbound', 'internal'] as const;
export const DirectionSchema = z.enum(DIRECTIONS);
export type Direction = z.infer<typeof DirectionSchema>;

export const CALL_OUTCOMES = ['resolved', 'follow-up', 'transferred', 'voicemail', 'missed', 'dropped'] as const;
export const CallOutcomeSchema = z.enum(CALL_OUTCOMES);

/** Channel-specific details. Every field is optional; each kind uses its own. */
export const InteractionMetaSchema = z.object({
  /** phone: call length, outcome and the agent's notes. */
  durationSec: z.number().int().nonnegative().max(86_400).optional(),
  outcome: CallOutcomeSchema.optional(),
  notes: z.string().max(10_000).optional(),
  /** video: session length and the advisor's summary (notes shared with phone). */
  sessionLengthSec: z.number().int().nonnegative().max(86_400).optional(),
  summary: z.string().max(10_000).optional(),
  /** store: where and with whom the visit took place. */
  storeId: IdSchema.optional(),
  staffId: IdSchema.optional(),
  /** social: the network and handle the message came from. */
  network: z.string().max(40).optional(),
  handle: z.string().max(100).optional(),
  /** email: the address used. */
  address: z.string().max(254).optional(),
  /** email: the Message-ID header of this message (threading: In-Reply-To and References name it). */
  messageId: z.string().max(998).optional(),
  /** web chat: the pages of the shop the visitor came through, oldest first (`url`, `title`). */
  pages: z.array(z.object({ url: z.string().max(500), title: z.string().max(200) }).strict()).max(20).optional(),
  /** web chat: knowledge-base articles the visitor was shown before asking anyway. */
  articlesSeen: z.array(IdSchema).max(10).optional(),
  /** Files sent with the message, by reference (the hub keeps their bytes; see attachment.ts). */
  attachments: z.array(AttachmentRefSchema).max(MAX_ATTACHMENTS).optional(),
  /** note: the colleagues it mentions (each was notified). */
  mentions: z.array(IdSchema).max(20).optional(),
}).strict();
export type InteractionMeta = z.infer<typeof InteractionMetaSchema>;

/** One entry of a case's timeline. Append-only: never edited once written. */
export const InteractionSchema = z.object({
  id: IdSchema,
  caseId: IdSchema,
  customerId: IdSchema,
  kind: InteractionKindSchema,
  direction: DirectionSchema,
  text: z.string().max(50_000),
  subject: z.string().max(300).nullable(),
  /** Member of staff who wrote it (outbound, internal); null for the customer. */
  authorId: IdSchema.nullable(),
  /** Connector's id for inbound traffic: makes ingestion idempotent. */
  externalId: z.string().max(200).nullable(),
  meta: InteractionMetaSchema,
  createdAt: TimeSchema,
});
export type Interaction = z.infer<typeof InteractionSchema>;
