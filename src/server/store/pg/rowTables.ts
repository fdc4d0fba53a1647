import { breachCheckAt, identitiesOf } from '../../../shared/domain';
import { ENTITY_NAMES, type EntityName, type EntityRow } from '../../../shared/protocol';
import { foldText } from '../../../shared/text/fold';
import { caseReportColumns, negativeFlag, talkSeconds } from '../reportColumns';
import { REPLY_WAIT, STAFF_REPLY, waitChanges } from '../replyWaits';
import { normalizeSubject } from '../storeRules';
import type { Send } from './storeWrites';

/** A column a query filters on, kept beside the row's JSON: its SQL type and how it is read from the row. */
interface Column<E extends EntityName> {
  name: string;
  type: 'text' | 'bigint' | 'boolean';
  of: (row: EntityRow<E>) => unknown;
  /** Written once: a later write keeps the first value that is not null. */
  keepFirst?: boolean;
}
const col = <E extends EntityName>(name: string, type: Column<E>['type'], of: Column<E>['of'], keepFirst = false): Column<E> => ({ name, type, of, keepFirst });

/** Each synced entity's table and its filter columns (id, seq and data are in every one). */
export const ROW_TABLES: { [E in EntityName]: { table: string; columns: Column<E>[] } } = {
  queue: { table: 'queues', columns: [] },
  storeLocation: { table: 'store_locations', columns: [] },
  kb: { table: 'kb', columns: [] },
  canned: { table: 'canned', columns: [] },
  staff: { table: 'staff', columns: [col('username', 'text', (s) => s.username)] },
  customer: {
    table: 'customers',
    columns: [col('name_fold', 'text', (c) => foldText(c.name)), col('store_id', 'text', (c) => c.storeId), col('merged', 'boolean', (c) => c.mergedInto !== null)],
  },
  case: {
    table: 'cases',
    columns: [
      col('customer_id', 'text', (c) => c.customerId),
      col('queue_id', 'text', (c) => c.queueId),
      col('assignee_id', 'text', (c) => c.assigneeId),
      col('store_id', 'text', (c) => c.storeId),
      col('status', 'text', (c) => c.status),
      col('last_channel', 'text', (c) => c.lastChannel),
      col('subject_norm', 'text', (c) => normalizeSubject(c.subject)),
      col('due_at', 'bigint', breachCheckAt),
      col('created_at', 'bigint', (c) => c.createdAt),
      col('updated_at', 'bigint', (c) => c.updatedAt),
      // Report columns (reportColumns.ts); the first-reply deadline keeps its first value (the row's is nulled once answered).
      col('resolved_at', 'bigint', (c) => c.resolvedAt),
      col('first_responded_at', 'bigint', (c) => c.firstRespondedAt),
      col('first_response_due', 'bigint', (c) => caseReportColumns(c).first_response_due, true),
      col('channel_count', 'bigint', (c) => caseReportColumns(c).channel_count),
      col('channel_set', 'text', (c) => caseReportColumns(c).channel_set),
      col('origin_channel', 'text', (c) => c.originChannel),
    ],
  },
  interaction: {
    table: 'interactions',
    columns: [
      col('case_id', 'text', (i) => i.caseId),
      col('created_at', 'bigint', (i) => i.createdAt),
      col('message_id', 'text', (i) => i.meta.messageId ?? null),
      col('kind', 'text', (i) => i.kind),
      col('direction', 'text', (i) => i.direction),
      col('author_id', 'text', (i) => i.authorId),
      col('customer_id', 'text', (i) => i.customerId),
      col('talk_sec', 'bigint', talkSeconds),
      col('negative', 'bigint', negativeFlag),
    ],
  },
  csat: {
    table: 'csat',
    columns: [
      col('case_id', 'text', (c) => c.caseId),
      col('created_at', 'bigint', (c) => c.createdAt),
      col('score', 'bigint', (c) => c.score),
      col('queue_id', 'text', (c) => c.queueId),
    ],
  },
  alert: {
    table: 'alerts',
    columns: [col('case_id', 'text', (a) => a.caseId), col('status', 'text', (a) => a.status), col('raised_at', 'bigint', (a) => a.raisedAt)],
  },
  held: { table: 'held', columns: [col('case_id', 'text', (h) => h.caseId), col('author_id', 'text', (h) => h.authorId)] },
  delivery: {
    table: 'deliveries',
    columns: [
      col('case_id', 'text', (d) => d.caseId),
      col('status', 'text', (d) => d.status),
      col('next_attempt_at', 'bigint', (d) => d.nextAttemptAt),
      col('provider_message_id', 'text', (d) => d.providerMessageId),
    ],
  },
};

/** Where a folded name can be matched from: its start and the start of every later word. */
export function nameStarts(fold: string): string[] {
  const starts = [fold];
  for (let i = fold.indexOf(' '); i !== -1; i = fold.indexOf(' ', i + 1)) starts.push(fold.slice(i + 1));
  return [...new Set(starts)];
}

/**
 * A customer's identities and name starts, replaced by a difference (drop what the row no longer has, add what
 * it gained), so one statement never deletes and inserts the same key. An identity another customer holds fails
 * the insert (unique_violation) instead of moving: moving one is a supervisor's merge, which releases it first.
 */
function customerSideTables(first: number): string[] {
  const [kinds, values, owners, starts, startOwners] = [0, 1, 2, 3, 4].map((i) => `$${first + i}::text[]`);
  const replace = (table: string, wanted: string, keys: string[]) => {
    const same = (a: string, b: string) => [...keys, 'customer_id'].map((k) => `${a}.${k} = ${b}.${k}`).join(' AND ');
    return [
      `${table}_dropped AS (DELETE FROM ${table} t WHERE t.customer_id = ANY($2::text[]) AND NOT EXISTS (SELECT 1 FROM ${wanted} w WHERE ${same('w', 't')}))`,
      // A scalar subquery, not NOT EXISTS: one primary-key probe per row, never a join over the whole table.
      `${table}_added AS (INSERT INTO ${table} (${keys.join(', ')}, customer_id) SELECT ${keys.join(', ')}, customer_id FROM ${wanted} w
         WHERE (SELECT 1 FROM ${table} t WHERE ${same('t', 'w')}) IS NULL)`,
    ];
  };
  return [
    `wanted_identities AS (SELECT * FROM unnest(${kinds}, ${values}, ${owners}) AS w(kind, value, customer_id))`,
    ...replace('customer_identities', 'wanted_identities', ['kind', 'value']),
    `wanted_starts AS (SELECT * FROM unnest(${starts}, ${startOwners}) AS w(start, customer_id))`,
    ...replace('customer_name_starts', 'wanted_starts', ['start']),
  ];
}

/**
 * The one statement that writes rows of an entity (`upsert`) or removes them (`delete`) and logs their changes
 * with their audiences: parameters are arrays (see `upsertParams`, `removeParams`), so `put` is one row,
 * `putMany` many, and either is one statement. Rows must have distinct ids (one row is written once per
 * statement). A change's seq is the counter's value (locked by the transaction, and moved only when it commits)
 * plus the change's place in its transaction, `n`: statements need nothing back from earlier ones, so a
 * transaction sends them all without waiting (see pgStore.ts).
 */
function writeSql(entity: EntityName, op: 'upsert' | 'delete'): string {
  const { table, columns } = ROW_TABLES[entity];
  const own = op === 'upsert' ? columns : [];
  const names = ['id', 'data', ...own.map((c) => c.name)];
  const arrays = ['$1::bigint[]', '$2::text[]', '$3::text[]', ...own.map((c, i) => `$${6 + i}::${c.type}[]`)];
  const ctes = [
    'base AS (SELECT seq FROM change_counter)',
    `v AS (SELECT (SELECT seq FROM base) + n AS seq, ${names.join(', ')} FROM unnest(${arrays.join(', ')}) AS u(n, ${names.join(', ')}))`,
    `logged AS (INSERT INTO changes (seq, entity, op, id, data) SELECT seq, '${entity}', '${op}', id, data FROM v)`,
    'heard AS (INSERT INTO change_audience (key, seq) SELECT key, (SELECT seq FROM base) + n FROM unnest($4::text[], $5::bigint[]) AS a(key, n))',
    ...(entity === 'customer' ? customerSideTables(6 + own.length) : []),
  ];
  const last =
    op === 'upsert'
      ? `INSERT INTO ${table} (seq, ${names.join(', ')}) SELECT seq, ${names.join(', ')} FROM v
         ON CONFLICT (id) DO UPDATE SET ${['seq', ...names.slice(1)].map((n) => (own.find((c) => c.name === n)?.keepFirst ? `${n} = COALESCE(${table}.${n}, excluded.${n})` : `${n} = excluded.${n}`)).join(', ')}`
      : `DELETE FROM ${table} WHERE id = ANY($2::text[])`;
  return `WITH ${ctes.join(',\n')}\n${last}`;
}

/** Named statements: each connection prepares them once. */
export const WRITE_STATEMENTS = Object.fromEntries(
  ENTITY_NAMES.map((e) => [e, { upsert: { name: `put-${e}`, text: writeSql(e, 'upsert') }, delete: { name: `remove-${e}`, text: writeSql(e, 'delete') } }]),
) as Record<EntityName, Record<'upsert' | 'delete', { name: string; text: string }>>;

/** The reply waits storing messages can change (replyWaits.ts), from each case's earliest message stored on. */
const REFRESH_WAITS = {
  name: 'refresh-waits',
  text: `UPDATE interactions AS o SET wait_ms = ${REPLY_WAIT} FROM unnest($1::text[], $2::bigint[]) AS t(case_id, since)
         WHERE o.case_id = t.case_id AND o.created_at >= t.since AND ${STAFF_REPLY}`,
};

/** Sends the refresh of the reply waits that storing `messages` can change, after the statement that stores them. */
export function refreshWaits(send: Send, messages: ReadonlyArray<EntityRow<'interaction'>>): void {
  const [caseIds, since] = waitChanges(messages);
  if (caseIds.length > 0) send(REFRESH_WAITS, [caseIds, since]);
}

/** One row to write as the `n`th change of its transaction, heard by `audience`. */
export interface RowWrite<E extends EntityName> {
  n: number;
  row: EntityRow<E>;
  audience: readonly string[];
}

/** Parameters $1 to $5: the changes to log and who hears them (each key once). */
function logParams(changes: ReadonlyArray<{ n: number; id: string; audience: readonly string[] }>, data: Array<string | null>): unknown[] {
  const heard = changes.flatMap((c) => [...new Set(c.audience)].map((key) => [key, c.n] as const));
  return [changes.map((c) => c.n), changes.map((c) => c.id), data, heard.map(([key]) => key), heard.map(([, n]) => n)];
}

/**
 * The identities and name starts the customers hold from now on (none for a merged or removed customer), as five
 * arrays: identity kinds, values and owners, then name starts and their owners.
 */
export function customerSideParams(customers: ReadonlyArray<EntityRow<'customer'>>): unknown[] {
  const identities = customers.flatMap((c) => (c.mergedInto === null ? identitiesOf(c).map(([kind, value]) => [kind, value, c.id]) : []));
  const starts = customers.flatMap((c) => nameStarts(foldText(c.name)).map((start) => [start, c.id]));
  return [...[0, 1, 2].map((i) => identities.map((t) => t[i])), ...[0, 1].map((i) => starts.map((t) => t[i]))];
}

/** The filter columns of rows of `entity` (ROW_TABLES), one array per column. */
export function columnParams<E extends EntityName>(entity: E, rows: ReadonlyArray<EntityRow<E>>): unknown[][] {
  return (ROW_TABLES[entity].columns as Column<E>[]).map((c) => rows.map(c.of));
}

/** The parameters of `WRITE_STATEMENTS[entity].upsert` for rows with distinct ids. */
export function upsertParams<E extends EntityName>(entity: E, writes: ReadonlyArray<RowWrite<E>>): unknown[] {
  const rows = writes.map((w) => w.row);
  const params = [
    ...logParams(writes.map((w) => ({ n: w.n, id: w.row.id, audience: w.audience })), rows.map((r) => JSON.stringify(r))),
    ...columnParams(entity, rows),
  ];
  return entity === 'customer' ? [...params, ...customerSideParams(rows as EntityRow<'customer'>[])] : params;
}

/** The parameters of `WRITE_STATEMENTS[entity].delete` for one row. */
export function removeParams(entity: EntityName, n: number, id: string, audience: readonly string[]): unknown[] {
  const params = logParams([{ n, id, audience }], [null]);
  return entity === 'customer' ? [...params, ...customerSideParams([])] : params;
}

/**
 * Splits rows into runs with distinct ids, at most `size` each, in order: writing the runs one after another is
 * writing the rows one after another (a row written twice ends as its later version, with the later seq).
 */
export function* distinctIdRuns<T extends { row: { id: string } }>(rows: ReadonlyArray<T>, size: number): Generator<T[]> {
  let run: T[] = [];
  let ids = new Set<string>();
  for (const r of rows) {
    if (run.length === size || ids.has(r.row.id)) {
      yield run;
      run = [];
      ids = new Set();
    }
    run.push(r);
    ids.add(r.row.id);
  }
  if (run.length > 0) yield run;
}
