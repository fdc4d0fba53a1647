import { z } from 'zod';
import { ChannelSchema, IdSchema, TimeSchema } from '../domain';

/**
 * Supervisor reports: the figures over a period, computed by the hub from its store (both engines), the same for
 * the console (`report:query`), its CSV export and BI tools (`GET /api/v1/reports/summary`).
 *
 * Definitions (one each; the hub's report code and docs/architecture.md, "Reports", follow them):
 * - `cases.created`: cases created in `[from, to)`; `cases.resolved`: cases whose (latest) resolution is in it.
 * - `csat`: survey answers given in `[from, to)` (filtered by the queue the answer was given for).
 * - `firstResponseMs`: `firstRespondedAt - createdAt` over cases created in the range that have a first response.
 * - `resolutionMs`: `resolvedAt - createdAt` over cases resolved in the range.
 * - Percentiles are nearest-rank: the smallest value with at least that share of values at or below it; null
 *   when there are no values. Averages and shares are null when there is nothing to divide by.
 * - Filters on a case (queue, channel, agent, store) use the case as it is now: a case moved between queues
 *   counts in the queue it is in.
 */

/** Longest period one report covers (days). */
export const MAX_REPORT_DAYS = 400;
/** Most buckets one series may have (an hourly series covers at most this many hours). */
export const MAX_REPORT_BUCKETS = 24 * 62;

export const PercentilesSchema = z.object({ p50: z.number().int().nonnegative().nullable(), p90: z.number().int().nonnegative().nullable() });
export type Percentiles = z.infer<typeof PercentilesSchema>;

/** The figures of `GET /api/v1/reports/summary`: a contract, names kept exactly. */
export const ReportSummarySchema = z
  .object({
    from: TimeSchema,
    to: TimeSchema,
    cases: z.object({ created: z.number().int().nonnegative(), resolved: z.number().int().nonnegative() }),
    csat: z.object({
      answers: z.number().int().nonnegative(),
      average: z.number().nullable(),
      /** Answers per score, scores 1..10. */
      distribution: z.array(z.number().int().nonnegative()).length(10),
    }),
    firstResponseMs: PercentilesSchema,
    resolutionMs: PercentilesSchema,
    /** Share (0..1) of first replies that came by their deadline, among cases created in the range that were answered or are past it. */
    slaAttainment: z.number().min(0).max(1).nullable(),
    /** Share (0..1) of customers who wrote in the range whose messages include a negative one (the tone engine's reading). */
    negativeShare: z.number().min(0).max(1).nullable(),
    /** Cases created in the range whose customer contacted us on more than one channel about them. */
    explainedTwice: z.number().int().nonnegative(),
  })
  .strict();
export type ReportSummary = z.infer<typeof ReportSummarySchema>;

/** The summary's figures plus those only the console shows. */
export const ReportFiguresSchema = ReportSummarySchema.extend({
  /** From a customer message after a reply to the next reply, over replies sent in the range. */
  nextResponseMs: PercentilesSchema,
  /** Surveys sent in the range, and answers over surveys sent (null when none was sent). */
  surveysSent: z.number().int().nonnegative(),
  csatResponseRate: z.number().min(0).nullable(),
}).strict();
export type ReportFigures = z.infer<typeof ReportFiguresSchema>;

export const REPORT_GRANULARITIES = ['hour', 'day', 'week'] as const;
export const ReportGranularitySchema = z.enum(REPORT_GRANULARITIES);
export type ReportGranularity = z.infer<typeof ReportGranularitySchema>;

/** An IANA time zone name the runtime knows ("Europe/Athens"). */
export const TimeZoneSchema = z
  .string()
  .min(1)
  .max(64)
  .refine((zone) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  }, 'an IANA time zone name, such as Europe/Athens');

/** Which cases a report covers: all, or one queue, channel (of a case's contacts), agent (assignee) or store. */
export const ReportFilterSchema = z
  .object({
    queueId: IdSchema.optional(),
    channel: ChannelSchema.optional(),
    agentId: IdSchema.optional(),
    storeId: IdSchema.optional(),
  })
  .strict();
export type ReportFilter = z.infer<typeof ReportFilterSchema>;

/** `report:query`: one period's report, its series in the asker's time zone, and the period before for comparison. */
export const ReportQuerySchema = ReportFilterSchema.extend({
  from: TimeSchema,
  to: TimeSchema,
  granularity: ReportGranularitySchema,
  timeZone: TimeZoneSchema,
  /** Also compute the period of the same length just before `from`. */
  compare: z.boolean().default(true),
})
  .strict()
  .refine((q) => q.to > q.from, { message: 'to must be after from', path: ['to'] })
  .refine((q) => q.to - q.from <= MAX_REPORT_DAYS * 86_400_000, { message: `a report covers at most ${MAX_REPORT_DAYS} days`, path: ['to'] });
export type ReportQuery = z.input<typeof ReportQuerySchema>;

/** One bucket of a series: an hour, a day or a week (Monday first) in the asker's time zone, `[start, end)`. */
export const ReportBucketSchema = z.object({
  start: TimeSchema,
  end: TimeSchema,
  created: z.number().int().nonnegative(),
  resolved: z.number().int().nonnegative(),
  csatAnswers: z.number().int().nonnegative(),
  csatAverage: z.number().nullable(),
  negativeShare: z.number().min(0).max(1).nullable(),
  firstResponseP50: z.number().int().nonnegative().nullable(),
});
export type ReportBucket = z.infer<typeof ReportBucketSchema>;

/** Contacts per channel in the range: customer messages in, replies out, and cases that began there. */
export const ChannelVolumeSchema = z.object({
  channel: ChannelSchema,
  inbound: z.number().int().nonnegative(),
  outbound: z.number().int().nonnegative(),
  casesCreated: z.number().int().nonnegative(),
});

/** One agent's period: cases they replied on, cases they resolved, average talk time (calls and video), their customers' CSAT. */
export const AgentFiguresSchema = z.object({
  staffId: IdSchema,
  name: z.string(),
  handled: z.number().int().nonnegative(),
  resolved: z.number().int().nonnegative(),
  handleTimeMs: z.number().int().nonnegative().nullable(),
  csatAnswers: z.number().int().nonnegative(),
  csatAverage: z.number().nullable(),
});

export const ReportSchema = z.object({
  timeZone: z.string(),
  granularity: ReportGranularitySchema,
  current: ReportFiguresSchema,
  /** The period of the same length just before (null when not asked for). */
  previous: ReportFiguresSchema.nullable(),
  series: z.array(ReportBucketSchema),
  channels: z.array(ChannelVolumeSchema),
  agents: z.array(AgentFiguresSchema),
});
export type Report = z.infer<typeof ReportSchema>;
