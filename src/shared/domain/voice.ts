import { z } from 'zod';
import { IdSchema, TimeSchema } from './enums';
import type { CALL_OUTCOMES } from './interaction';

/** How an answered call can end, as the agent records it at wrap-up (missed and voicemail are never answered). */
export const WRAP_UP_OUTCOMES = ['resolved', 'follow-up', 'transferred', 'dropped'] as const satisfies ReadonlyArray<(typeof CALL_OUTCOMES)[number]>;
export type WrapUpOutcome = (typeof WRAP_UP_OUTCOMES)[number];

/** Longest survey comment a customer may leave (characters, after cleaning): the survey page and the web chat's question. */
export const MAX_SURVEY_COMMENT = 2_000;

/** A customer's answer to the 1-10 survey sent when their case was resolved. */
export const CsatResponseSchema = z.object({
  id: IdSchema,
  caseId: IdSchema,
  customerId: IdSchema,
  queueId: IdSchema,
  score: z.number().int().min(1).max(10),
  comment: z.string().max(5_000).nullable(),
  createdAt: TimeSchema,
});
export type CsatResponse = z.infer<typeof CsatResponseSchema>;

export const ALERT_STATUSES = ['raised', 'acknowledged', 'follow-up', 'closed'] as const;
export const AlertStatusSchema = z.enum(ALERT_STATUSES);
export type AlertStatus = z.infer<typeof AlertStatusSchema>;

/**
 * What came of a red alert, recorded when it is closed: the customer won back, lost, or never reached. Alerts
 * closed before results were recorded have none.
 */
export const ALERT_RESULTS = ['recovered', 'lost', 'no-answer'] as const;
export const AlertResultSchema = z.enum(ALERT_RESULTS);
export type AlertResult = z.infer<typeof AlertResultSchema>;

export const ALERT_REASONS = ['low-csat', 'negative-message'] as const;
export const AlertReasonSchema = z.enum(ALERT_REASONS);

/** A red alert: a customer who had a bad experience, to be followed up by the queue's designated staff. */
export const AlertSchema = z.object({
  id: IdSchema,
  caseId: IdSchema,
  customerId: IdSchema,
  queueId: IdSchema,
  reason: AlertReasonSchema,
  score: z.number().int().min(1).max(10).nullable(),
  comment: z.string().max(5_000).nullable(),
  status: AlertStatusSchema,
  raisedAt: TimeSchema,
  /** Designated staff notified when raised; supervisors are added when it escalates. */
  notifiedStaffIds: z.array(IdSchema),
  acknowledgedAt: TimeSchema.nullable(),
  acknowledgedBy: IdSchema.nullable(),
  followUpStaffId: IdSchema.nullable(),
  escalatedAt: TimeSchema.nullable(),
  closedAt: TimeSchema.nullable(),
  /** What was done, in the closer's words (the note beside `result`). */
  outcome: z.string().max(2_000).nullable(),
  /** Set when closed (absent on rows from before results were recorded). */
  result: AlertResultSchema.optional(),
  version: z.number().int().positive(),
});
export type Alert = z.infer<typeof AlertSchema>;
