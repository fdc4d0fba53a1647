import { replyDueAt, type Case, type CaseStatus, type Channel } from '../../../../shared/domain';
import { layOver, patchedIds, type Overlaid } from '../../outbox/overlay';
import type { Db } from '../database';
import { getRow, parseRows } from '../rows';

/** Whose inbox: the signed-in person and the queues they work (from the hub's scope). */
export interface InboxOwner {
  staffId: string;
  queueIds: readonly string[];
}

/** How the inbox is narrowed and ordered. Omitted filters do not narrow. */
export interface InboxFilter {
  /** Channel of the newest customer message. */
  channels?: readonly Channel[];
  queueIds?: readonly string[];
  /** Defaults to the open statuses (new, open, pending). */
  statuses?: readonly CaseStatus[];
  mine?: boolean;
  unassigned?: boolean;
  /** waiting: longest-waiting customer first; sla: nearest deadline first; updated: most recent first. */
  sort?: 'waiting' | 'sla' | 'updated';
  limit?: number;
}

const DEFAULT_LIMIT = 500;
const OPEN_STATUSES: readonly CaseStatus[] = ['new', 'open', 'pending'];

// Each condition is written once in SQL (index-friendly, over confirmed columns) and once as a test, so rows
// whose unconfirmed local changes alter the answer are judged by the same rule after the overlay.
interface Condition {
  sql: string;
  params: unknown[];
  test(c: Case): boolean;
}

const oneOf = <T>(column: string, values: readonly T[], pick: (c: Case) => T): Condition => ({
  sql: `${column} IN (SELECT value FROM json_each(?))`,
  params: [JSON.stringify(values)],
  test: (c) => values.includes(pick(c)),
});

function conditions(owner: InboxOwner, filter: InboxFilter): Condition[] {
  const list: Condition[] = [
    {
      sql: '(assignee_id = ? OR (assignee_id IS NULL AND queue_id IN (SELECT value FROM json_each(?))))',
      params: [owner.staffId, JSON.stringify(owner.queueIds)],
      test: (c) => c.assigneeId === owner.staffId || (c.assigneeId === null && owner.queueIds.includes(c.queueId)),
    },
    oneOf('status', filter.statuses ?? OPEN_STATUSES, (c) => c.status),
  ];
  if (filter.channels) list.push(oneOf('last_channel', filter.channels, (c) => c.lastChannel));
  if (filter.queueIds) list.push(oneOf('queue_id', filter.queueIds, (c) => c.queueId));
  if (filter.mine) list.push({ sql: 'assignee_id = ?', params: [owner.staffId], test: (c) => c.assigneeId === owner.staffId });
  if (filter.unassigned) list.push({ sql: 'assignee_id IS NULL', params: [], test: (c) => c.assigneeId === null });
  return list;
}

// Nulls (no deadline, nobody waiting) sort last in every order.
const ascNullsLast = (a: number | null, b: number | null): number => (a ?? Infinity) - (b ?? Infinity);
const ORDERS = {
  waiting: { sql: 'last_inbound_at IS NULL, last_inbound_at, id', compare: (a: Case, b: Case) => ascNullsLast(a.lastInboundAt, b.lastInboundAt) },
  sla: { sql: 'sla_due_at IS NULL, sla_due_at, id', compare: (a: Case, b: Case) => ascNullsLast(replyDueAt(a), replyDueAt(b)) },
  updated: { sql: 'updated_at DESC, id', compare: (a: Case, b: Case) => b.updatedAt - a.updatedAt },
} as const;

/**
 * The inbox: cases assigned to me or waiting unassigned in my queues, filtered and sorted, with my unconfirmed
 * changes laid over them (a case I just resolved leaves the open inbox at once).
 */
export function listInbox(db: Db, owner: InboxOwner, filter: InboxFilter = {}): Overlaid<Case>[] {
  const where = conditions(owner, filter);
  const order = ORDERS[filter.sort ?? 'waiting'];
  const { sql, params } = inboxSql(owner, filter);
  const confirmed = parseRows<Case>(db.prepare(sql).all(...params) as { data: string }[]);
  const seen = new Set(confirmed.map((c) => c.id));
  const touched = patchedIds(db, 'case')
    .filter((id) => !seen.has(id))
    .flatMap((id) => getRow(db, 'case', id) ?? []);
  return layOver(db, 'case', [...confirmed, ...touched])
    .filter((c) => where.every((w) => w.test(c)))
    .sort((a, b) => order.compare(a, b) || (a.id < b.id ? -1 : 1))
    .slice(0, filter.limit ?? DEFAULT_LIMIT);
}

/** The SQL the inbox runs over confirmed rows, exported for query-plan tests. */
export function inboxSql(owner: InboxOwner, filter: InboxFilter = {}): { sql: string; params: unknown[] } {
  const where = conditions(owner, filter);
  return {
    sql: `SELECT data FROM cases WHERE ${where.map((w) => w.sql).join(' AND ')} ORDER BY ${ORDERS[filter.sort ?? 'waiting'].sql} LIMIT ?`,
    params: [...where.flatMap((w) => w.params), filter.limit ?? DEFAULT_LIMIT],
  };
}
