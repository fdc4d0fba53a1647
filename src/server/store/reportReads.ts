import type { Channel } from '../../shared/domain';
import type { ReportFilter } from '../../shared/protocol';

/**
 * What supervisor reports read of one slice of time `[from, to)` (src/server/reports adds slices up into a
 * report): the facts each figure needs, for the cases a filter keeps as they are now. Both engines run the same
 * SQL (`reportSliceSql`) over the report columns (reportColumns.ts).
 */
export interface ReportSlice {
  /** Cases created in the slice. */
  created: Array<{ createdAt: number; firstRespondedAt: number | null; firstResponseDue: number | null; channelCount: number; originChannel: Channel }>;
  /** Cases whose (latest) resolution is in the slice, and who has them now. */
  resolved: Array<{ createdAt: number; resolvedAt: number; assigneeId: string | null }>;
  /** Survey answers given in the slice (the queue filter is the answer's queue), and who has their case now. */
  answers: Array<{ score: number; assigneeId: string | null }>;
  /** Surveys sent in the slice. */
  surveysSent: number;
  /** Customer messages in and replies out, per channel. */
  volumes: Array<{ channel: Channel; inbound: number; outbound: number }>;
  /** Customers who wrote in the slice, each once, and whether a message of theirs read negative. */
  customers: Array<{ customerId: string; negative: number }>;
  /** Who replied on which case in the slice, each pair once. */
  replies: Array<{ staffId: string; caseId: string }>;
  /** Talk time of calls and video sessions in the slice per member of staff: seconds in all and how many. */
  talk: Array<{ staffId: string; seconds: number; sessions: number }>;
  /** For each reply in the slice that is not its case's first: ms since the oldest customer message it answers. */
  nextWaits: number[];
}

/** The report reads of a store (a part of StoreReads). */
export interface ReportReads {
  reportSlice(filter: ReportFilter, from: number, to: number): Promise<ReportSlice>;
}

/** One statement of a slice: SQL with `?` placeholders (PostgreSQL numbers them) and its values. */
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

/** Whether anything but the answer's queue needs the case: a survey answer's own columns cover the rest. */
const needsCase = (f: ReportFilter) => f.agentId !== undefined || f.storeId !== undefined || f.channel !== undefined;

/**
 * The statements of one slice, keyed as ReportSlice. Messages are joined to their case only when the filter
 * needs it: an unfiltered report reads the covering index over the interactions' times and nothing else.
 */
export function reportSliceSql(f: ReportFilter, from: number, to: number): Record<keyof ReportSlice, SliceStatement> {
  const onCase = caseConditions(f);
  const filtered = onCase.values.length > 0;
  const messages = (alias: string) => (filtered ? `interactions ${alias} JOIN cases c ON c.id = ${alias}.case_id` : `interactions ${alias}`);
  const range = (column: string) => `${column} >= ? AND ${column} < ?`;
  const withCase = (sql: string, extra: SliceStatement = onCase): SliceStatement => ({ sql: sql.replace('$FILTER', extra.sql), values: [from, to, ...extra.values] });
  const answersOn = caseConditions(f, 's.queue_id');
  return {
    created: withCase(
      `SELECT c.created_at AS "createdAt", c.first_responded_at AS "firstRespondedAt", c.first_response_due AS "firstResponseDue",
         c.channel_count AS "channelCount", c.origin_channel AS "originChannel" FROM cases c WHERE ${range('c.created_at')}$FILTER`,
    ),
    resolved: withCase(
      `SELECT c.created_at AS "createdAt", c.resolved_at AS "resolvedAt", c.assignee_id AS "assigneeId" FROM cases c WHERE ${range('c.resolved_at')}$FILTER`,
    ),
    answers: withCase(
      `SELECT s.score, c.assignee_id AS "assigneeId" FROM csat s LEFT JOIN cases c ON c.id = s.case_id WHERE ${range('s.created_at')}$FILTER`,
      needsCase(f) || f.queueId !== undefined ? answersOn : { sql: '', values: [] },
    ),
    surveysSent: withCase(
      `SELECT count(*) AS n FROM surveys v${filtered ? ' JOIN cases c ON c.id = v.case_id' : ''} WHERE ${range('v.sent_at')}$FILTER`,
    ),
    volumes: withCase(
      `SELECT i.kind AS channel, CAST(sum(CASE WHEN i.direction = 'inbound' THEN 1 ELSE 0 END) AS bigint) AS inbound,
         CAST(sum(CASE WHEN i.direction = 'outbound' THEN 1 ELSE 0 END) AS bigint) AS outbound
       FROM ${messages('i')} WHERE ${range('i.created_at')} AND i.direction IN ('inbound', 'outbound') AND i.kind <> 'note'$FILTER GROUP BY i.kind`,
    ),
    customers: withCase(
      `SELECT i.customer_id AS "customerId", max(i.negative) AS negative FROM ${messages('i')}
       WHERE ${range('i.created_at')} AND i.direction = 'inbound' AND i.negative IS NOT NULL$FILTER GROUP BY i.customer_id`,
    ),
    replies: withCase(
      `SELECT DISTINCT i.author_id AS "staffId", i.case_id AS "caseId" FROM ${messages('i')}
       WHERE ${range('i.created_at')} AND i.direction = 'outbound' AND i.author_id IS NOT NULL$FILTER`,
    ),
    talk: withCase(
      `SELECT i.author_id AS "staffId", CAST(sum(i.talk_sec) AS bigint) AS seconds, count(*) AS sessions FROM ${messages('i')}
       WHERE ${range('i.created_at')} AND i.talk_sec IS NOT NULL AND i.author_id IS NOT NULL$FILTER GROUP BY i.author_id`,
    ),
    // A reply answers the customer messages since the reply before it; the case's first reply has none before it.
    nextWaits: withCase(
      `SELECT w.wait FROM (SELECT o.created_at - (
           SELECT min(q.created_at) FROM interactions q WHERE q.case_id = o.case_id AND q.direction = 'inbound' AND q.created_at < o.created_at
             AND q.created_at > (SELECT max(p.created_at) FROM interactions p
                                 WHERE p.case_id = o.case_id AND p.direction = 'outbound' AND p.author_id IS NOT NULL AND p.created_at < o.created_at)
         ) AS wait
         FROM ${messages('o')} WHERE ${range('o.created_at')} AND o.direction = 'outbound' AND o.author_id IS NOT NULL$FILTER) w
       WHERE w.wait IS NOT NULL`,
    ),
  };
}
