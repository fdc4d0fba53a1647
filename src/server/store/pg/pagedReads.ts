import type pg from 'pg';
import type { Change, EntityName } from '../../../shared/protocol';
import type { AudienceFilter, CaseScope, HubStore, LoggedChange, SnapshotPage } from '../hubStore';
import { queries, query, type Run, withClient } from './run';
import { ROW_TABLES } from './rowTables';
import { asChange, type StoredRow } from './storeReads';
import {
  FINISHED_STATUSES_SQL,
  planSnapshot,
  snapshotPager,
  snapshotTotals,
  SNAPSHOT_ORDER,
  type CaseClass,
  type SnapshotHistory,
  type SnapshotPart,
} from '../storeRules';

// One statement each, so the head and the changes come from one snapshot of the database.
const PULL_ALL = {
  name: 'pull-all',
  text: `SELECT h.seq AS head, c.seq, c.entity, c.op, c.id, c.data FROM change_counter h
         LEFT JOIN LATERAL (SELECT seq, entity, op, id, data FROM changes WHERE seq > $1 ORDER BY seq LIMIT $2) c ON true
         ORDER BY c.seq`,
};
// Each audience key walks its own index range from the cursor (at most `limit` each); the first `limit` seqs of
// their union are the page.
const PULL_KEYS = {
  name: 'pull-keys',
  text: `SELECT h.seq AS head, c.seq, c.entity, c.op, c.id, c.data FROM change_counter h
         LEFT JOIN LATERAL (
           SELECT ch.seq, ch.entity, ch.op, ch.id, ch.data FROM (
             SELECT DISTINCT a.seq FROM unnest($1::text[]) AS k(key)
             CROSS JOIN LATERAL (SELECT seq FROM change_audience WHERE key = k.key AND seq > $2 ORDER BY seq LIMIT $3) a
             ORDER BY a.seq LIMIT $3
           ) s JOIN changes ch ON ch.seq = s.seq
         ) c ON true
         ORDER BY c.seq`,
};

type LoggedRow = { seq: number; entity: EntityName; op: 'upsert' | 'delete'; id: string; data: string | null; audience: string[] };
type PulledRow = Omit<LoggedRow, 'seq' | 'audience'> & { head: number; seq: number | null };
const asLogged = (r: Omit<LoggedRow, 'audience'>) => ({ seq: r.seq, entity: r.entity, op: r.op, id: r.id, data: r.data === null ? null : JSON.parse(r.data) }) as Change;

/** Changes after `cursor` visible to `filter`: `cursor` is the last seq returned when the page is full, else the head. */
export async function pullChanges(run: Run, filter: AudienceFilter, cursor: number, limit: number): ReturnType<HubStore['pull']> {
  const rows = filter.all ? await run<PulledRow>(PULL_ALL, [cursor, limit]) : await run<PulledRow>(PULL_KEYS, [filter.keys, cursor, limit]);
  const head = rows[0].head;
  const changes = rows.filter((r): r is PulledRow & { seq: number } => r.seq !== null).map(asLogged);
  const next = changes.length === limit ? changes[changes.length - 1].seq : head;
  return { changes, cursor: next, more: next < head };
}

const CHANGES_AFTER = {
  name: 'changes-after',
  text: `SELECT seq, entity, op, id, data, ARRAY(SELECT key FROM change_audience a WHERE a.seq = c.seq ORDER BY key) AS audience
         FROM changes c WHERE seq > $1 ORDER BY seq LIMIT $2`,
};

/** Every committed change after `cursor` with its audience keys, in seq order (a node tailing the log). */
export async function changesAfter(run: Run, cursor: number, limit: number): Promise<LoggedChange[]> {
  const rows = await run<LoggedRow>(CHANGES_AFTER, [cursor, limit]);
  return rows.map((r) => ({ change: asLogged(r), audience: r.audience }));
}

/** SQL with `:name` parameters as the driver takes it: `$n` in order of first use, and their values. */
function bind(sql: string, params: Record<string, unknown>): pg.QueryConfig {
  const names: string[] = [];
  const text = sql.replace(/(?<!:):([a-z]+)/g, (_, name: string) => `$${(names.includes(name) ? names.indexOf(name) : names.push(name) - 1) + 1}`);
  return { text, values: names.map((n) => params[n]) };
}

/** Which rows of an entity a snapshot covers: its table and a condition on the scope's parameters. */
type Coverage = Record<EntityName, { from: string; where: string }>;
const everything = (e: EntityName) => ({ from: ROW_TABLES[e].table, where: 'true' });
const CASE_SCOPE = '(:all::boolean OR queue_id = ANY(:queues::text[]) OR assignee_id = :staff OR (store_id IS NOT NULL AND store_id = :store))';
const SCOPED: Coverage = {
  storeLocation: everything('storeLocation'),
  queue: everything('queue'),
  staff: everything('staff'),
  kb: everything('kb'),
  canned: everything('canned'),
  case: { from: 'cases', where: CASE_SCOPE },
  customer: { from: 'customers', where: `id IN (SELECT customer_id FROM cases WHERE ${CASE_SCOPE})` },
  interaction: { from: 'interactions', where: `case_id IN (SELECT id FROM cases WHERE ${CASE_SCOPE})` },
  csat: { from: 'csat', where: `case_id IN (SELECT id FROM cases WHERE ${CASE_SCOPE})` },
  alert: { from: 'alerts', where: `(:all::boolean OR data::jsonb ->> 'followUpStaffId' = :staff OR data::jsonb -> 'notifiedStaffIds' ? :staff)` },
  held: { from: 'held', where: '(:all::boolean OR author_id = :staff OR case_id IN (SELECT id FROM cases WHERE assignee_id = :staff))' },
  delivery: { from: 'deliveries', where: `case_id IN (SELECT id FROM cases WHERE ${CASE_SCOPE})` },
};
// Everything (supervisors): plain walks of each table, without scope subqueries.
const ALL = Object.fromEntries(SNAPSHOT_ORDER.map((e) => [e, everything(e)])) as Coverage;
// A class of cases (phased snapshots) narrows the case scope, on the parameters :mine and :since.
const FINISHED = `status IN (${FINISHED_STATUSES_SQL}) AND (assignee_id IS NULL OR assignee_id <> :mine)`;
const CASE_CLASS: Record<CaseClass, string> = {
  any: '',
  priority: ` AND (status NOT IN (${FINISHED_STATUSES_SQL}) OR assignee_id = :mine)`,
  other: ` AND ${FINISHED}`,
  recent: ` AND ${FINISHED} AND updated_at >= :since`,
};

/**
 * One page of the rows in `scope` as they are now, in the order of its parts and by id, read in one
 * repeatable-read transaction so the head (the page's `hwm` on the first page) and the rows agree.
 */
export async function snapshotPage(
  pool: pg.Pool,
  scope: CaseScope,
  after: string | null,
  hwm: number | null,
  limit: number,
  history?: SnapshotHistory,
): Promise<SnapshotPage> {
  const plan = planSnapshot(scope, after, history ?? null);
  const params = {
    all: scope.all,
    queues: scope.queueIds,
    staff: scope.staffId,
    store: scope.storeId,
    mine: history?.staffId ?? scope.staffId,
    since: plan.since ?? 0,
  };
  const coverage = (part: SnapshotPart) => {
    if (part.cases === 'any') return (scope.all && !scope.casesOnly ? ALL : SCOPED)[part.entity];
    const { from, where } = SCOPED[part.entity];
    return { from, where: where.replace(CASE_SCOPE, `${CASE_SCOPE}${CASE_CLASS[part.cases]}`) };
  };

  return withClient(pool, async (client) => {
    const [, counter] = await queries(client, 'BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY; SELECT seq FROM change_counter');
    try {
      let totals: { total: number; readyAt: number } | null = plan.from;
      if (!totals) {
        const counts = plan.parts.map((p, i) => `(SELECT count(*) FROM ${coverage(p).from} WHERE ${coverage(p).where}) AS n${i}`).join(', ');
        const row = (await query<Record<string, string | number>>(client, bind(`SELECT ${counts}`, params))).rows[0];
        totals = snapshotTotals(plan.parts, plan.parts.map((_, i) => Number(row[`n${i}`])));
      }
      const pager = snapshotPager(plan, totals, limit);
      for (let read = pager.next(); read; read = pager.next()) {
        const { part, afterId, limit: n } = read;
        const { from, where } = coverage(part);
        const sql = `SELECT id, seq, data FROM ${from} WHERE id > :after AND ${where} ORDER BY id LIMIT :limit`;
        pager.add((await query<StoredRow>(client, bind(sql, { ...params, after: afterId, limit: n }))).rows.map((r) => asChange(part.entity, r)));
      }
      return pager.page(hwm ?? counter.rows[0].seq);
    } finally {
      // Read only: ending it is all that is left to do (a connection lost by now is dropped by withClient).
      await client.query('ROLLBACK').catch(() => {});
    }
  });
}
