import { CHANNELS, type Channel } from '../../shared/domain';
import type { ReportFilter } from '../../shared/protocol';

/**
 * What supervisor reports read of a period `[from, to)` (src/server/reports computes the figures from it): the
 * facts each figure needs, for the cases a filter keeps as they are now. Both engines run the same SQL
 * (`reportPeriodSql`, `writerRows`) over the report columns (reportColumns.ts, replyWaits.ts). The large sets
 * come as tuples: a 90-day report over a million messages reads a few hundred thousand of them, and rows as
 * objects would cost more to build than the figures.
 */

/** A case created in the period. */
export type CreatedCase = [createdAt: number, firstRespondedAt: number | null, firstResponseDue: number | null, channelCount: number, originChannel: Channel];
/** A case whose (latest) resolution is in the period, and who has it now. */
export type ResolvedCase = [createdAt: number, resolvedAt: number, assigneeId: string | null];
/** A survey answer given in the period (the queue filter is the answer's queue), and who has its case now. */
export type SurveyAnswer = [answeredAt: number, score: number, assigneeId: string | null];

/** Customers who wrote, each once, and how many of them wrote at least one message that read negative. */
export interface Writers {
  customers: number;
  negative: number;
}

export interface ReportPeriod {
  created: CreatedCase[];
  resolved: ResolvedCase[];
  answers: SurveyAnswer[];
  /** Surveys sent in the period. */
  surveysSent: number;
  /** Customer messages in and replies out, per channel. */
  volumes: Array<{ channel: Channel; inbound: number; outbound: number }>;
  /** Per member of staff: the distinct cases they replied on in the period. */
  handled: Array<{ staffId: string; cases: number }>;
  /** Talk time of calls and video sessions in the period per member of staff: seconds in all and how many. */
  talk: Array<{ staffId: string; seconds: number; sessions: number }>;
  /** The wait each reply in the period answered, for replies that are not their case's first (replyWaits.ts). */
  nextWaits: number[];
}

/** The report reads of a store (a part of StoreReads): the rows of one statement built here, each row as an array of its columns. */
export interface ReportReads {
  reportRows(statement: SliceStatement): Promise<unknown[][]>;
}

/** One statement: SQL with `?` placeholders (PostgreSQL numbers them) and its values. */
export interface SliceStatement {
  sql: string;
  values: unknown[];
}

/** The conditions a filter puts on the case `c` as it is now; `queueColumn` is where the queue is read (a survey answer has its own). */
function caseConditions(f: ReportFilter, queueColumn = 'c.queue_id'): SliceStatement {
  const parts: SliceStatement[] = [];
  if (f.queueId !== undefined) parts.push({ sql: `${queueColumn} = ?`, values: [f.queueId] });
  if (f.agentId !== undefined) parts.push({ sql: 'c.assignee_id = ?', values: [f.agentId] });
  if (f.storeId !== undefined) parts.push({ sql: 'c.store_id = ?', values: [f.storeId] });
  if (f.channel !== undefined) parts.push({ sql: 'c.channel_set LIKE ?', values: [`%,${f.channel},%`] });
  return { sql: parts.map((p) => ` AND ${p.sql}`).join(''), values: parts.flatMap((p) => p.values) };
}

const range = (column: string) => `${column} >= ? AND ${column} < ?`;

/** Messages `alias`, joined to their case only when the filter needs it: unfiltered, a report reads the messages' indexes alone. */
function messagesOf(f: ReportFilter, alias: string) {
  const onCase = caseConditions(f);
  const from = onCase.values.length > 0 ? `interactions ${alias} JOIN cases c ON c.id = ${alias}.case_id` : `interactions ${alias}`;
  return { from, onCase };
}

/** Customer messages in a span (`?`, `?`), each customer once with 1 when any of theirs read negative, else 0. */
function writerRows(f: ReportFilter, from: number, to: number): SliceStatement {
  const { from: messages, onCase } = messagesOf(f, 'i');
  return {
    sql: `SELECT i.customer_id, max(i.negative) AS negative FROM ${messages}
          WHERE ${range('i.created_at')} AND i.direction = 'inbound' AND i.negative IS NOT NULL${onCase.sql} GROUP BY i.customer_id`,
    values: [from, to, ...onCase.values],
  };
}

/**
 * Messages per channel and direction, each count its own seek on the index over (kind, direction, time): a
 * GROUP BY over the period would sort every message of it.
 */
function volumesSql(f: ReportFilter, from: number, to: number): SliceStatement {
  const { from: messages, onCase } = messagesOf(f, 'i');
  const counts = CHANNELS.flatMap((channel) =>
    (['inbound', 'outbound'] as const).map((direction) => ({
      sql: `(SELECT count(*) FROM ${messages} WHERE i.kind = '${channel}' AND i.direction = '${direction}' AND ${range('i.created_at')}${onCase.sql})`,
      values: [from, to, ...onCase.values],
    })),
  );
  return { sql: `SELECT ${counts.map((c) => c.sql).join(',\n')}`, values: counts.flatMap((c) => c.values) };
}

/**
 * `aggregates` of each member of staff's own messages (`which`) in the period, for those with any: a seek per
 * member on their messages by time (the indexes interactions_staff and interactions_talk), where one pass over the
 * period's messages would sort them all by author.
 */
function perStaff(f: ReportFilter, aggregates: string, which: string, from: number, to: number): SliceStatement {
  const { from: messages, onCase } = messagesOf(f, 'i');
  return {
    // CROSS JOIN: SQLite keeps its left side the outer loop (PostgreSQL plans it as any join).
    sql: `SELECT s.id, ${aggregates} FROM staff s CROSS JOIN ${messages}
          WHERE i.author_id = s.id AND ${which} AND ${range('i.created_at')}${onCase.sql} GROUP BY s.id`,
    values: [from, to, ...onCase.values],
  };
}

/** The statements of a period, keyed as ReportPeriod (`volumes` answers one row: inbound and outbound counts per channel, in CHANNELS' order). */
export function reportPeriodSql(f: ReportFilter, from: number, to: number): Record<keyof ReportPeriod, SliceStatement> {
  const onCase = caseConditions(f);
  const filtered = onCase.values.length > 0;
  const { from: messages } = messagesOf(f, 'i');
  const withCase = (sql: string, extra: SliceStatement = onCase): SliceStatement => ({ sql: sql.replace('$FILTER', extra.sql), values: [from, to, ...extra.values] });
  const answersOn = caseConditions(f, 's.queue_id');
  return {
    created: withCase(
      `SELECT c.created_at, c.first_responded_at, c.first_response_due, c.channel_count, c.origin_channel FROM cases c WHERE ${range('c.created_at')}$FILTER`,
    ),
    resolved: withCase(`SELECT c.created_at, c.resolved_at, c.assignee_id FROM cases c WHERE ${range('c.resolved_at')}$FILTER`),
    answers: withCase(`SELECT s.created_at, s.score, c.assignee_id FROM csat s LEFT JOIN cases c ON c.id = s.case_id WHERE ${range('s.created_at')}$FILTER`, answersOn),
    surveysSent: withCase(`SELECT count(*) AS n FROM surveys v${filtered ? ' JOIN cases c ON c.id = v.case_id' : ''} WHERE ${range('v.sent_at')}$FILTER`),
    volumes: volumesSql(f, from, to),
    handled: perStaff(f, 'count(DISTINCT i.case_id)', `i.direction = 'outbound'`, from, to),
    talk: perStaff(f, 'CAST(sum(i.talk_sec) AS bigint), count(*)', 'i.talk_sec IS NOT NULL', from, to),
    nextWaits: withCase(`SELECT i.wait_ms FROM ${messages} WHERE ${range('i.created_at')} AND i.wait_ms IS NOT NULL$FILTER`),
  };
}

/**
 * Reads a period: its statements asked for at once (PostgreSQL runs them side by side on its pool; SQLite one at
 * a time, with a turn of the event loop before each, see sqliteStore.ts).
 */
export async function readReportPeriod(reads: ReportReads, f: ReportFilter, from: number, to: number): Promise<ReportPeriod> {
  const q = reportPeriodSql(f, from, to);
  const [created, resolved, answers, surveys, volumes, handled, talk, waits] = await Promise.all(
    [q.created, q.resolved, q.answers, q.surveysSent, q.volumes, q.handled, q.talk, q.nextWaits].map((s) => reads.reportRows(s)),
  );
  const counts = (volumes[0] as number[]).map(Number);
  return {
    created: created as CreatedCase[],
    resolved: resolved as ResolvedCase[],
    answers: answers as SurveyAnswer[],
    surveysSent: Number(surveys[0][0]),
    volumes: CHANNELS.map((channel, k) => ({ channel, inbound: counts[2 * k], outbound: counts[2 * k + 1] })),
    handled: handled.map(([staffId, cases]) => ({ staffId: String(staffId), cases: Number(cases) })),
    talk: talk.map(([staffId, seconds, sessions]) => ({ staffId: String(staffId), seconds: Number(seconds), sessions: Number(sessions) })),
    nextWaits: waits.map(([wait]) => Number(wait)),
  };
}

/** The writers of a period on its own (a report's previous period, the summary: no series to read them from). */
export async function readPeriodWriters(reads: ReportReads, f: ReportFilter, from: number, to: number): Promise<Writers> {
  const rows = writerRows(f, from, to);
  const [[customers, negative]] = await reads.reportRows({ sql: `SELECT count(*), coalesce(sum(w.negative), 0) FROM (${rows.sql}) w`, values: rows.values });
  return { customers: Number(customers), negative: Number(negative) };
}

/**
 * The writers of each bucket of a series, and of the whole period they add up to: each bucket's customers are read
 * once, and the period's are their union (a share of distinct customers cannot be added up from the buckets' counts).
 */
export async function readBucketWriters(reads: ReportReads, f: ReportFilter, buckets: ReadonlyArray<{ start: number; end: number }>): Promise<{ buckets: Writers[]; whole: Writers }> {
  const everyone = new Map<unknown, number>();
  const perBucket = await Promise.all(
    buckets.map(async (bucket) => {
      const rows = await reads.reportRows(writerRows(f, bucket.start, bucket.end));
      let negative = 0;
      for (const [customerId, flag] of rows) {
        negative += Number(flag);
        everyone.set(customerId, Math.max(everyone.get(customerId) ?? 0, Number(flag)));
      }
      return { customers: rows.length, negative };
    }),
  );
  let negative = 0;
  for (const flag of everyone.values()) negative += flag;
  return { buckets: perBucket, whole: { customers: everyone.size, negative } };
}
