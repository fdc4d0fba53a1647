import { z } from 'zod';
import { ChannelSchema, IdSchema, TimeSchema } from '../domain';
import { MAX_REPORT_DAYS, PercentilesSchema, TimeZoneSchema } from './reports';

/**
 * Voice of the Customer (`voc:query`, supervisors and admins): the survey answers of a period with their
 * comments, the words and phrases that recur in the low-score ones, and what came of red alerts over time.
 *
 * Definitions (docs/architecture.md, "Voice of the Customer", follows them):
 * - An answer is in the period when it was given in `[from, to)`. Its queue is the queue it was given for; its
 *   agent is the case's assignee now. The channel filter keeps cases that touched the channel, as reports' does;
 *   an answer shows its case's last channel (where the customer last wrote).
 * - A low-score comment is the comment of an answer scored at or below its queue's `csatAlertThreshold`.
 * - Phrases are words and two-word runs of low-score comments, folded as search folds text, stop words left
 *   out; counted over the period and every filter but `phrase`, so that picking one keeps the list in place.
 * - Alerts are those raised in `[from, to)`, bucketed by when they were raised, in the asker's time zone (by
 *   day, or by week from Monday). Time to acknowledge is `acknowledgedAt - raisedAt`, nearest-rank percentiles.
 */

/** Most answers one page holds. */
export const MAX_VOC_PAGE = 200;
/** Most phrases listed, and the fewest comments a phrase must appear in to be listed. */
export const VOC_TOP_PHRASES = 30;
export const VOC_MIN_PHRASE_COMMENTS = 2;
/** Longest phrase filter (characters). */
export const MAX_VOC_PHRASE = 100;

export const VOC_GRANULARITIES = ['day', 'week'] as const;
export const VocGranularitySchema = z.enum(VOC_GRANULARITIES);
export type VocGranularity = z.infer<typeof VocGranularitySchema>;

const Score = z.number().int().min(1).max(10);

export const VocQuerySchema = z
  .object({
    from: TimeSchema,
    to: TimeSchema,
    timeZone: TimeZoneSchema,
    granularity: VocGranularitySchema.default('day'),
    minScore: Score.optional(),
    maxScore: Score.optional(),
    queueId: IdSchema.optional(),
    /** The case's assignee now. */
    agentId: IdSchema.optional(),
    /** A channel the case touched. */
    channel: ChannelSchema.optional(),
    /** Only answers whose comment holds this phrase, folded as search folds text. */
    phrase: z.string().trim().min(1).max(MAX_VOC_PHRASE).optional(),
    /** Position of the page's first answer in the newest-first list (0 for the first page). */
    cursor: z.number().int().nonnegative().max(1_000_000).default(0),
    limit: z.number().int().min(1).max(MAX_VOC_PAGE).default(50),
  })
  .strict()
  .refine((q) => q.to > q.from, { message: 'to must be after from', path: ['to'] })
  .refine((q) => q.to - q.from <= MAX_REPORT_DAYS * 86_400_000, { message: `covers at most ${MAX_REPORT_DAYS} days`, path: ['to'] })
  .refine((q) => q.minScore === undefined || q.maxScore === undefined || q.minScore <= q.maxScore, {
    message: 'minScore must not be above maxScore',
    path: ['maxScore'],
  });
export type VocQuery = z.input<typeof VocQuerySchema>;

/** One survey answer with what a supervisor needs to judge it (names as they are now). */
export const VocAnswerSchema = z.object({
  id: IdSchema,
  caseId: IdSchema,
  score: Score,
  comment: z.string().nullable(),
  at: TimeSchema,
  subject: z.string().nullable(),
  customerName: z.string().nullable(),
  queueId: IdSchema,
  queueName: z.string().nullable(),
  assigneeId: IdSchema.nullable(),
  assigneeName: z.string().nullable(),
  channel: ChannelSchema.nullable(),
});
export type VocAnswer = z.infer<typeof VocAnswerSchema>;

const Count = z.number().int().nonnegative();

/** A word or two-word phrase (folded), how often it occurs and in how many low-score comments. */
export const VocPhraseSchema = z.object({ phrase: z.string(), words: z.number().int().min(1).max(2), count: Count, comments: Count });
export type VocPhrase = z.infer<typeof VocPhraseSchema>;

/** Red alerts raised in one bucket `[start, end)`, by what came of them, and their time to acknowledge. */
export const VocAlertBucketSchema = z.object({
  start: TimeSchema,
  end: TimeSchema,
  recovered: Count,
  lost: Count,
  noAnswer: Count,
  /** Not closed yet. */
  open: Count,
  /** Closed before results were recorded. */
  unrecorded: Count,
  ackMs: PercentilesSchema,
});
export type VocAlertBucket = z.infer<typeof VocAlertBucketSchema>;

export const VocSchema = z.object({
  timeZone: z.string(),
  answers: z.object({ total: Count, cursor: Count, nextCursor: Count.nullable(), items: z.array(VocAnswerSchema) }),
  phrases: z.object({ lowScoreComments: Count, items: z.array(VocPhraseSchema) }),
  alerts: z.object({
    granularity: VocGranularitySchema,
    buckets: z.array(VocAlertBucketSchema),
    total: VocAlertBucketSchema.omit({ start: true, end: true }),
  }),
});
export type Voc = z.infer<typeof VocSchema>;
