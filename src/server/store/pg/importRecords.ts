import { ENTITY_NAMES, type EntityName, type EntityRow } from '../../../shared/protocol';
import type { Queue } from '../../../shared/domain';
import type { HubRecord } from '../hubStore';
import { firstResponseDueOf } from '../reportColumns';
import { columnParams, customerSideParams, refreshWaits, ROW_TABLES } from './rowTables';
import type { Run, Statement } from './run';
import type { Send } from './storeWrites';

type Kind = HubRecord['kind'];
type RecordOf<K extends Kind> = Extract<HubRecord, { kind: K }>;
type Columns = ReadonlyArray<readonly [name: string, type: 'text' | 'bigint' | 'boolean' | 'bytea']>;

/** The statement that fills `table` from one array per column: a batch of any size is one statement. */
function fill(table: string, columns: Columns): Statement {
  const arrays = columns.map(([, type], i) => `$${i + 1}::${type}[]`);
  return { name: `import-${table}`, text: `INSERT INTO ${table} (${columns.map(([name]) => name).join(', ')}) SELECT * FROM unnest(${arrays.join(', ')})` };
}

/** Rows of values as `fill` takes them: one array per column. */
const byColumn = (rows: ReadonlyArray<readonly unknown[]>, width: number) => Array.from({ length: width }, (_, i) => rows.map((r) => r[i]));

const CHANGES = fill('changes', [['seq', 'bigint'], ['entity', 'text'], ['op', 'text'], ['id', 'text'], ['data', 'text']]);
const AUDIENCE = fill('change_audience', [['key', 'text'], ['seq', 'bigint']]);
// Write transactions number their changes from the counter (see pgStore.ts): it moves to the last seq copied.
const HEAD = { name: 'import-head', text: 'UPDATE change_counter SET seq = GREATEST(seq, $1)' };
const ROWS = Object.fromEntries(
  ENTITY_NAMES.map((e) => [e, fill(ROW_TABLES[e].table, [['id', 'text'], ['seq', 'bigint'], ['data', 'text'], ...ROW_TABLES[e].columns.map((c) => [c.name, c.type] as const)])]),
) as Record<EntityName, Statement>;
const CUSTOMER_IDENTITIES = fill('customer_identities', [['kind', 'text'], ['value', 'text'], ['customer_id', 'text']]);
const CUSTOMER_NAME_STARTS = fill('customer_name_starts', [['start', 'text'], ['customer_id', 'text']]);
const STAFF_ACCOUNTS = {
  name: 'import-staff-accounts',
  text: `UPDATE staff s SET password_hash = a.hash, must_change_password = a.must_change, last_assigned_at = a.at
         FROM unnest($1::text[], $2::text[], $3::boolean[], $4::bigint[]) AS a(id, hash, must_change, at) WHERE s.id = a.id`,
};

/** A table of records, one row each: its statement and a record's values. */
function table<R>(name: string, columns: Columns, values: (r: R) => unknown[]) {
  return { statement: fill(name, columns), width: columns.length, values };
}

/** The records kept in tables of their own, one row each. */
type Plain = Exclude<Kind, 'change' | 'row' | 'staffAccount'>;
const PLAIN: { [K in Plain]: { statement: Statement; width: number; values(r: RecordOf<K>): unknown[] } } = {
  mutation: table('mutations', [['staff_id', 'text'], ['mutation_id', 'text'], ['result', 'text'], ['at', 'bigint']], (r) => [
    r.staffId,
    r.mutationId,
    JSON.stringify(r.result),
    r.at,
  ]),
  inbound: table('inbound', [['external_id', 'text'], ['result', 'text'], ['at', 'bigint']], (r) => [r.externalId, JSON.stringify(r.result), r.at]),
  call: table('calls', [['id', 'text'], ['data', 'text']], (r) => [r.call.callId, JSON.stringify(r.call)]),
  survey: table('surveys', [['case_id', 'text'], ['token', 'text'], ['sent_at', 'bigint'], ['answered_at', 'bigint']], ({ survey: s }) => [
    s.caseId,
    s.token,
    s.sentAt,
    s.answeredAt,
  ]),
  visitor: table(
    'visitors',
    [['id', 'text'], ['token_hash', 'text'], ['queue_id', 'text'], ['case_id', 'text'], ['created_at', 'bigint'], ['data', 'text']],
    ({ visitor: v }) => [v.id, v.tokenHash, v.queueId, v.caseId, v.createdAt, JSON.stringify(v)],
  ),
  deflection: table(
    'deflections',
    [['id', 'text'], ['queue_id', 'text'], ['lang', 'text'], ['article_id', 'text'], ['visitor_id', 'text'], ['at', 'bigint']],
    ({ deflection: d }) => [d.id, d.queueId, d.lang, d.articleId, d.visitorId, d.at],
  ),
  audit: table(
    'audit',
    [['id', 'text'], ['at', 'bigint'], ['actor_id', 'text'], ['action', 'text'], ['queue_id', 'text'], ['case_id', 'text'], ['data', 'text']],
    ({ entry: e }) => [e.id, e.at, e.actorId, e.action, e.queueId, e.caseId, JSON.stringify(e)],
  ),
  session: table(
    'sessions',
    [['id', 'text'], ['staff_id', 'text'], ['refresh_hash', 'text'], ['refresh_expires_at', 'bigint'], ['created_at', 'bigint'], ['revoked_at', 'bigint']],
    ({ session: s }) => [s.id, s.staffId, s.refreshHash, s.refreshExpiresAt, s.createdAt, s.revokedAt],
  ),
  retiredRefresh: table('retired_refresh', [['hash', 'text'], ['session_id', 'text'], ['expires_at', 'bigint']], (r) => [r.hash, r.sessionId, r.expiresAt]),
  serving: table('serving', [['staff_id', 'text'], ['customer_id', 'text'], ['until', 'bigint']], (r) => [r.staffId, r.customerId, r.until]),
  meta: table('meta', [['key', 'text'], ['value', 'text']], (r) => [r.key, r.value]),
  attachment: table(
    'attachments',
    [['sha256', 'text'], ['type', 'text'], ['size', 'bigint'], ['at', 'bigint'], ['bytes', 'bytea']],
    ({ file: f, bytes }) => [f.sha256, f.type, f.size, f.at, bytes],
  ),
  attachmentHolder: table('attachment_holders', [['sha256', 'text'], ['holder', 'text']], (r) => [r.sha256, r.holder]),
};

// Every table of the hub's schema but the two that always hold a row (the schema version and the counter).
const TABLES = {
  name: 'import-tables',
  text: `SELECT relname AS name FROM pg_class WHERE relkind IN ('r', 'p') AND relnamespace = current_schema()::regnamespace
         AND relname NOT IN ('schema_version', 'change_counter')`,
};

/** Whether the store holds nothing: no change counted and no row in any table, one added later included. */
async function holdsNothing(run: Run): Promise<boolean> {
  const tables = await run<{ name: string }>(TABLES);
  const none = tables.map(({ name }) => ` AND NOT EXISTS (SELECT 1 FROM "${name.replaceAll('"', '""')}")`);
  const [answer] = await run<{ empty: boolean }>({ text: `SELECT (SELECT seq FROM change_counter) = 0${none.join('')} AS empty` });
  return answer.empty;
}

/** The records of each kind, in the order given. */
function byKind(records: readonly HubRecord[]): { [K in Kind]?: Array<RecordOf<K>> } {
  const groups: Partial<Record<Kind, HubRecord[]>> = {};
  for (const r of records) (groups[r.kind] ??= []).push(r);
  return groups as { [K in Kind]?: Array<RecordOf<K>> };
}

/** Each entity's rows among `rows`, in the order given. */
function byEntity(rows: ReadonlyArray<RecordOf<'row'>>): Map<EntityName, Array<RecordOf<'row'>['row']>> {
  const groups = new Map<EntityName, Array<RecordOf<'row'>['row']>>();
  for (const { row } of rows) (groups.get(row.entity) ?? groups.set(row.entity, []).get(row.entity)!).push(row);
  return groups;
}

/**
 * The cases' columns, with the first-reply deadline as set at creation (see firstResponseDueOf): a SQLite hub kept
 * it in a column of its own, but its records carry only the rows, whose own deadline is null once answered.
 */
async function withKeptDeadlines(run: Run, cases: Array<EntityRow<'case'>>): Promise<unknown[][]> {
  const queues = await run<{ id: string; data: string }>({ text: 'SELECT id, data FROM queues' });
  const minutes = new Map(queues.map((q) => [q.id, (JSON.parse(q.data) as Queue).sla.firstResponseMinutes]));
  const due = ROW_TABLES.case.columns.findIndex((c) => c.name === 'first_response_due');
  return columnParams('case', cases).map((values, i) => (i === due ? cases.map((c) => firstResponseDueOf(c, minutes.get(c.queueId))) : values));
}

/**
 * HubStore.importRecords inside a write transaction (its `run` and `send`): one statement per table the records
 * fill, sent without waiting (a failure fails the transaction at COMMIT). Rows go before the staff accounts that
 * update them; customers' identities and name starts are derived from their rows as the store's writes derive them.
 */
export async function importRecords(run: Run, send: Send, records: readonly HubRecord[], intoEmpty: boolean): Promise<boolean> {
  if (intoEmpty && !(await holdsNothing(run))) return false;
  const groups = byKind(records);

  const changes = groups.change ?? [];
  if (changes.length > 0) {
    send(CHANGES, byColumn(changes.map(({ change: c }) => [c.seq, c.entity, c.op, c.id, c.data === null ? null : JSON.stringify(c.data)]), 5));
    send(AUDIENCE, byColumn(changes.flatMap(({ change, audience }) => audience.map((key) => [key, change.seq])), 2));
    send(HEAD, [changes.reduce((last, { change }) => Math.max(last, change.seq), 0)]);
  }
  for (const [entity, rows] of byEntity(groups.row ?? [])) {
    const data = rows.map((r) => r.data);
    const columns = entity === 'case' ? await withKeptDeadlines(run, data as Array<EntityRow<'case'>>) : columnParams<EntityName>(entity, data);
    send(ROWS[entity], [rows.map((r) => r.id), rows.map((r) => r.seq), data.map((d) => JSON.stringify(d)), ...columns]);
    if (entity === 'interaction') refreshWaits(send, data as Array<EntityRow<'interaction'>>);
    if (entity === 'customer') {
      const [kinds, values, owners, starts, startOwners] = customerSideParams(data as Array<EntityRow<'customer'>>);
      send(CUSTOMER_IDENTITIES, [kinds, values, owners]);
      send(CUSTOMER_NAME_STARTS, [starts, startOwners]);
    }
  }
  const accounts = groups.staffAccount ?? [];
  if (accounts.length > 0) send(STAFF_ACCOUNTS, byColumn(accounts.map((a) => [a.staffId, a.passwordHash, a.mustChangePassword, a.lastAssignedAt]), 4));
  for (const kind of Object.keys(PLAIN) as Plain[]) {
    const { statement, width, values } = PLAIN[kind] as { statement: Statement; width: number; values(r: HubRecord): unknown[] };
    const list = groups[kind];
    if (list) send(statement, byColumn(list.map(values), width));
  }
  return true;
}
