import { z } from 'zod';
import { MAX_CASE_TAGS, TagSchema } from './caseTags';
import { CaseStatusSchema, ChannelSchema, IdSchema, PrioritySchema, TimeSchema } from './enums';

export const AssignmentSchema = z.object({
  staffId: IdSchema,
  at: TimeSchema,
});

/** A case: one customer's topic, across every channel it touched. */
export const CaseSchema = z.object({
  id: IdSchema,
  customerId: IdSchema,
  subject: z.string().max(300),
  status: CaseStatusSchema,
  priority: PrioritySchema,
  queueId: IdSchema,
  assigneeId: IdSchema.nullable(),
  /** Store the case is being handled in, if any (in-store visits, store staff scope). */
  storeId: IdSchema.nullable(),
  originChannel: ChannelSchema,
  channels: z.array(ChannelSchema),
  /** Channel of the newest customer message: routing counts capacity per channel by it. */
  lastChannel: ChannelSchema,
  /** When the first reply is due (null once answered) and when the next reply is due (null when waiting on the customer). */
  firstResponseDueAt: TimeSchema.nullable(),
  nextResponseDueAt: TimeSchema.nullable(),
  firstRespondedAt: TimeSchema.nullable(),
  /** Set when the due reply was missed; cleared by the next reply. */
  slaBreachedAt: TimeSchema.nullable(),
  lastInboundAt: TimeSchema.nullable(),
  lastOutboundAt: TimeSchema.nullable(),
  /** Id of the newest customer-facing interaction (inbound or outbound); replies say what they were based on. */
  lastMessageId: IdSchema.nullable(),
  /** Number of distinct inbound contacts, used for "repeat contact". */
  inboundCount: z.number().int().nonnegative(),
  csatScore: z.number().int().min(1).max(10).nullable(),
  assigneeHistory: z.array(AssignmentSchema),
  /** Labels staff put on the case to find it again (see caseTags.ts); absent on rows from before tags, read by caseTags(). */
  tags: z.array(TagSchema).max(MAX_CASE_TAGS).optional(),
  createdAt: TimeSchema,
  updatedAt: TimeSchema,
  resolvedAt: TimeSchema.nullable(),
  version: z.number().int().positive(),
});
export type Case = z.infer<typeof CaseSchema>;

/** Statuses of a case that needs no more work (the hub's snapshot queries name them too). */
export const FINISHED_CASE_STATUSES = ['resolved', 'closed'] as const satisfies readonly Case['status'][];

/** True while the case still needs work (not resolved or closed). */
export const isOpenCase = (c: Pick<Case, 'status'>): boolean => !(FINISHED_CASE_STATUSES as readonly string[]).includes(c.status);
