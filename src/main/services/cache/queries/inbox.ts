import { z } from 'zod';
import { caseTags, IdSchema, replyDueAt, tagKey, type Case, type CaseStatus, type Channel } from '../../../../shared/domain';
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
  /** Only cases with this tag (compared by tagKey: case and accents ignored). */
  tag?: string;
  /** waiting: longest-waiting customer first; sla: nearest deadline first; updated: most recent first. */
  sort?: InboxSort;
  limit?: number;
  /** Only rows after this one in the order (keyset paging: the last row of the previous page). */
  after?: InboxCursor;
}

export type InboxSort = 'waiting' | 'sla' | 'updated';

/** Where a page ended: the sort key and id of its last row, in the order the page was read in. */
export interface InboxCursor {
  sort: InboxSort;
  key: number | null;
  id: string;
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
  if (filter.tag !== undefined) {
    const key = tagKey(filter.tag);
    list.push({
      sql: "EXISTS (SELECT 1 FROM json_each(data, '$.tags') WHERE fold_text(value) = ?)",
      params: [key],
      test: (c) => caseTags(c).some((t) => tagKey(t) === key),
    });
  }
  return list;
}

/**
 * Each order is by one key (its column, and the same key read from a row), then by id. Ascending keys put nulls
 * (no deadline, nobody waiting) last; descending ones are never null.
 */
interface Order {
  column: string;
  descending: boolean;
  key(c: Case): number | null;
}
const ORDERS: Record<InboxSort, Order> = {
  waiting: { column: 'last_inbound_at', descending: false, key: (c) => c.lastInboundAt },
  sla: { column: 'sla_due_at', descending: false, key: (c) => replyDueAt(c) },
  updated: { column: 'updated_at', descending: true, key: (c) => c.updatedAt },
};

const orderSql = ({ column, descending }: Order) => (descending ? `${column} DESC, id` : `${column} IS NULL, ${column}, id`);

/** Negative when key `a` (of row id `aId`) comes first in the order. */
function compareKeys(order: Order, a: number | null, aId: string, b: number | null, bId: string): number {
  const byKey = order.descending ? (b ?? -Infinity) - (a ?? -Infinity) : (a ?? Infinity) - (b ?? Infinity);
  return byKey || (aId < bId ? -1 : aId > bId ? 1 : 0);
}

/** Rows after the cursor, as SQL over the confirmed columns and as a test of an overlaid row. */
function afterCursor(order: Order, cursor: InboxCursor): Condition {
  const { column } = order;
  const sql =
    cursor.key === null
      ? { sql: `(${column} IS NULL AND id > ?)`, params: [cursor.id] }
      : order.descending
        ? { sql: `(${column} < ? OR (${column} = ? AND id > ?))`, params: [cursor.key, cursor.key, cursor.id] }
        : { sql: `(${column} > ? OR ${column} IS NULL OR (${column} = ? AND id > ?))`, params: [cursor.key, cursor.key, cursor.id] };
  return { ...sql, test: (c) => compareKeys(order, order.key(c), c.id, cursor.key, cursor.id) > 0 };
}

const CursorSchema = z.tuple([z.enum(['waiting', 'sla', 'updated']), z.number().nullable(), IdSchema]);

/** The cursor after a row, for the next page, as the opaque text the contract carries. */
export function inboxCursorAfter(sort: InboxSort, c: Case): string {
  return Buffer.from(JSON.stringify([sort, ORDERS[sort].key(c), c.id])).toString('base64url');
}

/** A cursor `inboxCursorAfter` made; null when the text is not one. */
export function readInboxCursor(text: string): InboxCursor | null {
  try {
    const parsed = CursorSchema.safeParse(JSON.parse(Buffer.from(text, 'base64url').toString('utf8')));
    return parsed.success ? { sort: parsed.data[0], key: parsed.data[1], id: parsed.data[2] } : null;
  } catch {
    return null;
  }
}

/**
 * The inbox: cases assigned to me or waiting unassigned in my queues, filtered and sorted, with my unconfirmed
 * changes laid over them (a case I just resolved leaves the open inbox at once).
 */
export function listInbox(db: Db, owner: InboxOwner, filter: InboxFilter = {}): Overlaid<Case>[] {
  const order = ORDERS[filter.sort ?? 'waiting'];
  const where = [...conditions(owner, filter), ...(filter.after ? [afterCursor(order, filter.after)] : [])];
  const limit = filter.limit ?? DEFAULT_LIMIT;
  const patched = patchedIds(db, 'case');
  // Only rows with unconfirmed changes can move in the order: reading that many more confirmed rows than the
  // page holds is enough for the page to be exact, and only those rows are parsed.
  const { sql, params } = inboxSql(owner, { ...filter, limit: limit + patched.length });
  const confirmed = parseRows<Case>(db.prepare(sql).all(...params) as { data: string }[]);
  const seen = new Set(confirmed.map((c) => c.id));
  const touched = patched.filter((id) => !seen.has(id)).flatMap((id) => getRow(db, 'case', id) ?? []);
  return layOver(db, 'case', [...confirmed, ...touched])
    .filter((c) => where.every((w) => w.test(c)))
    .sort((a, b) => compareKeys(order, order.key(a), a.id, order.key(b), b.id))
    .slice(0, limit);
}

/** The SQL the inbox runs over confirmed rows, exported for query-plan tests. */
export function inboxSql(owner: InboxOwner, filter: InboxFilter = {}): { sql: string; params: unknown[] } {
  const order = ORDERS[filter.sort ?? 'waiting'];
  const where = [...conditions(owner, filter), ...(filter.after ? [afterCursor(order, filter.after)] : [])];
  return {
    sql: `SELECT data FROM cases WHERE ${where.map((w) => w.sql).join(' AND ')} ORDER BY ${orderSql(order)} LIMIT ?`,
    params: [...where.flatMap((w) => w.params), filter.limit ?? DEFAULT_LIMIT],
  };
}
