import { z } from 'zod';
import {
  AlertResultSchema,
  AttachmentRefSchema,
  attachmentListSchema,
  CapacitySchema,
  CaseStatusSchema,
  ChannelSchema,
  CustomerPatchSchema,
  IdSchema,
  MAX_CASE_TAGS,
  MAX_CUSTOMER_NOTE,
  TagSchema,
  LangSchema,
  PhoneSchema,
  EmailSchema,
  PrioritySchema,
  PersonNameInputSchema,
  StaffStatusSchema,
  TextInputSchema,
} from '../domain';
import { EntityNameSchema, type EntityName } from './changes';

const Base = {
  /** Client-generated UUIDv7: the hub applies a mutation id once, and answers a retry with the first result. */
  mutationId: z.uuid(),
};

/** What a state change was based on: the version of the row the author saw. */
const BasedOnVersion = z.object({ version: z.number().int().positive() }).strict();

/** Where a case goes: to a person, or back to a queue (unassigned). */
export const AssignTargetSchema = z.union([
  z.object({ staffId: IdSchema }).strict(),
  z.object({ queueId: IdSchema }).strict(),
]);
export type AssignTarget = z.infer<typeof AssignTargetSchema>;

const MAX_TEXT = 20_000;
/** Most colleagues one note mentions. */
export const MAX_MENTIONS = 20;
/** Text a person wrote: cleaned (see cleanText), trimmed, not empty. */
const WrittenText = (max: number) => TextInputSchema(max).pipe(z.string().trim().min(1));

/**
 * Every change a workstation can ask of the hub. All of them travel through the outbox and the one
 * `mutate` event, so that each is retried until acknowledged and applied exactly once.
 */
export const MutationSchema = z.discriminatedUnion('type', [
  /** A customer-facing reply. Sent if the author still owns the case and saw the newest message; else held. */
  z.object({
    ...Base,
    type: z.literal('reply'),
    caseId: IdSchema,
    channel: ChannelSchema,
    text: WrittenText(MAX_TEXT),
    subject: TextInputSchema(300).optional(),
    /** Files uploaded first (`POST /api/v1/attachments`): the hub checks each is stored and the author's to use. */
    attachments: attachmentListSchema(AttachmentRefSchema).optional(),
    basedOn: z.object({ lastMessageId: IdSchema.nullable() }).strict(),
  }).strict(),
  /** An internal note: always accepted. `mentions` names colleagues to tell (active staff only; each is notified). */
  z.object({
    ...Base,
    type: z.literal('note'),
    caseId: IdSchema,
    text: WrittenText(MAX_TEXT),
    mentions: z.array(IdSchema).max(MAX_MENTIONS).optional(),
  }).strict(),
  /**
   * Tags added to and taken from a case (compared by tagKey). Based on nothing: tags from several people merge,
   * so two people tagging at once never conflict.
   */
  z.object({
    ...Base,
    type: z.literal('case.tag'),
    caseId: IdSchema,
    add: z.array(TagSchema).max(MAX_CASE_TAGS).default([]),
    remove: z.array(TagSchema).max(MAX_CASE_TAGS).default([]),
  }).strict().refine((m) => m.add.length + m.remove.length > 0, { message: 'add or remove at least one tag' }),
  /** A note kept on the customer (Customer 360), for everyone who sees them. Appended: never a conflict. */
  z.object({ ...Base, type: z.literal('customer.note'), customerId: IdSchema, text: WrittenText(MAX_CUSTOMER_NOTE) }).strict(),
  z.object({
    ...Base,
    type: z.literal('case.update'),
    caseId: IdSchema,
    basedOn: BasedOnVersion,
    patch: z.object({ status: CaseStatusSchema.optional(), priority: PrioritySchema.optional() }).strict(),
  }).strict(),
  /** Take a case from a queue, hand it back, or (supervisors) give it to someone. */
  z.object({ ...Base, type: z.literal('case.assign'), caseId: IdSchema, basedOn: BasedOnVersion, to: AssignTargetSchema }).strict(),
  /** Store staff continue a case in person: records the visit and takes the case over. */
  z.object({
    ...Base,
    type: z.literal('case.continueInStore'),
    caseId: IdSchema,
    storeId: IdSchema,
    text: WrittenText(MAX_TEXT),
    basedOn: BasedOnVersion,
  }).strict(),
  z.object({
    ...Base,
    type: z.literal('customer.update'),
    customerId: IdSchema,
    basedOn: BasedOnVersion,
    patch: CustomerPatchSchema,
  }).strict(),
  /** A new customer record, e.g. for an unknown caller. */
  z.object({
    ...Base,
    type: z.literal('customer.create'),
    name: PersonNameInputSchema,
    phones: z.array(PhoneSchema).max(5).default([]),
    emails: z.array(EmailSchema).max(5).default([]),
    language: LangSchema,
  }).strict(),
  /** What the author of a held reply decided. */
  z.object({ ...Base, type: z.literal('held.resolve'), heldId: IdSchema, action: z.enum(['resend', 'note', 'discard']) }).strict(),
  /** Send (or send again) the 1-10 survey of a resolved case. */
  z.object({ ...Base, type: z.literal('survey.send'), caseId: IdSchema }).strict(),
  /** Try a failed delivery again (its author, the case's owner, or a supervisor): a real new attempt, same delivery id. */
  z.object({ ...Base, type: z.literal('delivery.retry'), deliveryId: IdSchema }).strict(),
  z.object({ ...Base, type: z.literal('alert.acknowledge'), alertId: IdSchema, basedOn: BasedOnVersion }).strict(),
  z.object({ ...Base, type: z.literal('alert.assign'), alertId: IdSchema, staffId: IdSchema, basedOn: BasedOnVersion }).strict(),
  z.object({
    ...Base,
    type: z.literal('alert.close'),
    alertId: IdSchema,
    result: AlertResultSchema,
    outcome: WrittenText(2_000),
    basedOn: BasedOnVersion,
  }).strict(),
  /** One's own status (available, busy, away, offline). */
  z.object({ ...Base, type: z.literal('staff.setStatus'), status: StaffStatusSchema }).strict(),
  /** Supervisor: move many cases at once (one case is a list of one). */
  z.object({
    ...Base,
    type: z.literal('supervisor.reassign'),
    caseIds: z.array(IdSchema).min(1).max(1_000),
    to: AssignTargetSchema,
  }).strict(),
  /** Supervisor: move all of one person's open cases, optionally setting their status (end of shift). */
  z.object({
    ...Base,
    type: z.literal('supervisor.reassignAll'),
    fromStaffId: IdSchema,
    to: AssignTargetSchema,
    setStatus: StaffStatusSchema.optional(),
  }).strict(),
  /** Supervisor: change someone's status, capacity or queues. */
  z.object({
    ...Base,
    type: z.literal('supervisor.updateStaff'),
    staffId: IdSchema,
    basedOn: BasedOnVersion,
    patch: z
      .object({ status: StaffStatusSchema.optional(), capacity: CapacitySchema.partial().strict().optional(), queueIds: z.array(IdSchema).max(100).optional() })
      .strict(),
  }).strict(),
  /** Supervisor: merge a duplicate customer into a survivor; the duplicate's history follows. */
  z.object({ ...Base, type: z.literal('supervisor.mergeCustomers'), survivorId: IdSchema, mergedId: IdSchema }).strict(),
]);
export type Mutation = z.infer<typeof MutationSchema>;
export type MutationType = Mutation['type'];

/**
 * The row a mutation is based on (its `basedOn` names a version of it, or for a reply the case's newest message)
 * and changes; null for mutations based on nothing. The hub reports this row's basis before and after applying
 * the mutation, and the outbox bases the author's later changes of the same row on it.
 */
export function basisRowOf(m: Mutation): { entity: EntityName; id: string } | null {
  switch (m.type) {
    case 'reply':
    case 'note':
    case 'case.update':
    case 'case.assign':
    case 'case.continueInStore':
    case 'case.tag':
      return { entity: 'case', id: m.caseId };
    case 'customer.update':
    case 'customer.note':
      return { entity: 'customer', id: m.customerId };
    case 'alert.acknowledge':
    case 'alert.assign':
    case 'alert.close':
      return { entity: 'alert', id: m.alertId };
    case 'supervisor.updateStaff':
      return { entity: 'staff', id: m.staffId };
    default:
      return null;
  }
}

/** What a change can be based on: a row's version and, for a case, its newest message. */
export const BasisSchema = z.object({ version: z.number().int().positive(), lastMessageId: IdSchema.nullable().optional() }).strict();
export type Basis = z.infer<typeof BasisSchema>;

/** The basis row (basisRowOf) as it was just before an applied mutation and just after it. */
export const BasisChangeSchema = z.object({ entity: EntityNameSchema, id: IdSchema, before: BasisSchema, after: BasisSchema }).strict();
export type BasisChange = z.infer<typeof BasisChangeSchema>;

/** Why the hub refused a mutation. Stable codes: the UI translates them. */
export const REASON_CODES = [
  'invalid',
  'forbidden',
  'not-found',
  'stale',
  'conflict',
  /** An email, phone, handle or loyalty number that belongs to another customer (moving it is a merge). */
  'identity-taken',
  'rate-limited',
  /** The hub's database is unreachable for a moment: nothing was done; ask again after `retryAfterMs`. */
  'unavailable',
  'unauthorized',
  'too-large',
  'internal',
  /** A reply on a channel the customer has no address for (no email for email, no phone for SMS, no handle). */
  'no-address',
  /** A survey to a customer who said no to surveys. */
  'no-consent',
] as const;
export const ReasonCodeSchema = z.enum(REASON_CODES);
export type ReasonCode = z.infer<typeof ReasonCodeSchema>;

/** Per-case outcome of a bulk reassignment. */
export const ItemResultSchema = z.object({
  id: IdSchema,
  ok: z.boolean(),
  reason: ReasonCodeSchema.optional(),
  message: z.string().optional(),
});
export type ItemResult = z.infer<typeof ItemResultSchema>;

/**
 * The hub's answer to a mutation.
 * `applied`: done, at change-log position `seq`, with the `basis` it produced. `held`: a reply kept back (see
 * HeldReply), also final.
 * Refusals carry a reason code, a message for people, and for `stale` the current row so the client can
 * show what changed.
 */
export const MutationResultSchema = z.union([
  z.object({
    ok: z.literal(true),
    outcome: z.enum(['applied', 'held']),
    seq: z.number().int().nonnegative(),
    id: IdSchema.optional(),
    items: z.array(ItemResultSchema).optional(),
    /** The version the mutation produced: the author's changes queued behind it are based on `after`. */
    basis: BasisChangeSchema.optional(),
  }),
  z.object({
    ok: z.literal(false),
    reason: ReasonCodeSchema,
    message: z.string(),
    current: z.unknown().optional(),
  }),
]);
export type MutationResult = z.infer<typeof MutationResultSchema>;
