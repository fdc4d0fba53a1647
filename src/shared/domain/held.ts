import { z } from 'zod';
import { AttachmentRefSchema, attachmentListSchema } from './attachment';
import { ChannelSchema, IdSchema, TimeSchema } from './enums';

export const HOLD_REASONS = ['not-owner', 'newer-message', 'case-closed'] as const;
export const HoldReasonSchema = z.enum(HOLD_REASONS);
export type HoldReason = z.infer<typeof HoldReasonSchema>;

/**
 * A customer-facing reply the hub would not send as it stood: its author no longer owns the case, or something
 * newer reached the customer after the author last looked. It is kept (never dropped, never sent stale) until
 * its author resends it, turns it into an internal note, or discards it.
 */
export const HeldReplySchema = z.object({
  id: IdSchema,
  caseId: IdSchema,
  authorId: IdSchema,
  channel: ChannelSchema,
  text: z.string().max(50_000),
  subject: z.string().max(300).nullable(),
  /** Files attached to the reply (the case refers to them already; they go out if it is resent). */
  attachments: attachmentListSchema(AttachmentRefSchema).optional(),
  reason: HoldReasonSchema,
  status: z.enum(['held', 'sent', 'noted', 'discarded']),
  createdAt: TimeSchema,
  resolvedAt: TimeSchema.nullable(),
});
export type HeldReply = z.infer<typeof HeldReplySchema>;
