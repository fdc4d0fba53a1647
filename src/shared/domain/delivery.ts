import { z } from 'zod';
import { ChannelSchema, IdSchema, TimeSchema } from './enums';

/**
 * A delivery: one customer-facing outbound interaction (a reply, a survey, a held reply resent) on its way to
 * the customer through its channel. Written in the same transaction as the interaction; a worker on the hub
 * sends it and records every attempt. Its status only moves forward (see `advancesTo`).
 */
export const DELIVERY_STATUSES = ['queued', 'sent', 'delivered', 'read', 'failed'] as const;
export const DeliveryStatusSchema = z.enum(DELIVERY_STATUSES);
export type DeliveryStatus = z.infer<typeof DeliveryStatusSchema>;

/** The address a delivery goes to: one of the customer's identities on the channel. */
export const DeliveryAddressSchema = z
  .object({
    kind: z.enum(['email', 'phone', 'handle']),
    value: z.string().min(1).max(254),
  })
  .strict();
export type DeliveryAddress = z.infer<typeof DeliveryAddressSchema>;

export const DeliverySchema = z.object({
  /** Stays the same on every attempt: connectors drop repeats by it (`X-Delivery-Id`). */
  id: IdSchema,
  caseId: IdSchema,
  customerId: IdSchema,
  interactionId: IdSchema,
  channel: ChannelSchema,
  purpose: z.enum(['reply', 'survey']),
  to: DeliveryAddressSchema,
  /** Who wrote it (told when it fails); null for what the hub sent by itself. */
  authorId: IdSchema.nullable(),
  status: DeliveryStatusSchema,
  /** Attempts made so far. */
  attempts: z.number().int().nonnegative(),
  /** When the worker may try next (queued only; also the lease of an attempt under way); null once settled. */
  nextAttemptAt: TimeSchema.nullable(),
  /** Why the last attempt failed (transient or final), for people. */
  lastError: z.string().max(1_000).nullable(),
  /** The channel's own id of the message (an SMTP Message-ID, a gateway's id), once it took it. */
  providerMessageId: z.string().max(998).nullable(),
  createdAt: TimeSchema,
  updatedAt: TimeSchema,
  version: z.number().int().positive(),
});
export type Delivery = z.infer<typeof DeliverySchema>;

const RANK: Record<DeliveryStatus, number> = { queued: 0, sent: 1, delivered: 2, read: 3, failed: 4 };

/**
 * Whether a delivery may move from `from` to `to`: statuses never go backwards (a late "delivered" after
 * "read" changes nothing) and a failed delivery stays failed until someone retries it (a new attempt, which
 * only the retry itself may start). A receipt may still fail a delivery that was sent (a bounce).
 */
export function advancesTo(from: DeliveryStatus, to: DeliveryStatus): boolean {
  if (from === 'failed') return false;
  if (to === 'failed') return from === 'queued' || from === 'sent';
  return RANK[to] > RANK[from];
}
