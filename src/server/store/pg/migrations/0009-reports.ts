import type pg from 'pg';
import type { Queue } from '../../../../shared/domain';
import type { EntityRow } from '../../../../shared/protocol';
import { query } from '../run';
import { firstResponseDueOf } from '../../reportColumns';
import { columnParams, ROW_TABLES } from '../rowTables';

/**
 * Supervisor reports (src/server/reports), as the SQLite schema's migration 0011: the columns their queries filter
 * and count on (see reportColumns.ts), derived from each row, and indexes over the periods they read. A case's
 * first-reply deadline was nulled in the row once answered: rows from before take it as the row has it, else as
 * set at creation (created_at plus the queue's first-response minutes).
 */
export const up = `
ALTER TABLE cases ADD COLUMN IF NOT EXISTS resolved_at bigint, ADD COLUMN IF NOT EXISTS first_responded_at bigint,
  ADD COLUMN IF NOT EXISTS first_response_due bigint, ADD COLUMN IF NOT EXISTS channel_count bigint NOT NULL DEFAULT 1,
  ADD COLUMN IF NOT EXISTS channel_set text NOT NULL DEFAULT '', ADD COLUMN IF NOT EXISTS origin_channel text NOT NULL DEFAULT '';
ALTER TABLE interactions ADD COLUMN IF NOT EXISTS kind text NOT NULL DEFAULT '', ADD COLUMN IF NOT EXISTS direction text NOT NULL DEFAULT '',
  ADD COLUMN IF NOT EXISTS author_id text, ADD COLUMN IF NOT EXISTS customer_id text NOT NULL DEFAULT '',
  ADD COLUMN IF NOT EXISTS talk_sec bigint, ADD COLUMN IF NOT EXISTS negative bigint;
ALTER TABLE csat ADD COLUMN IF NOT EXISTS created_at bigint NOT NULL DEFAULT 0, ADD COLUMN IF NOT EXISTS score bigint NOT NULL DEFAULT 0,
  ADD COLUMN IF NOT EXISTS queue_id text NOT NULL DEFAULT '';
CREATE INDEX IF NOT EXISTS cases_created ON cases (created_at) INCLUDE (first_responded_at, first_response_due, channel_count, origin_channel, queue_id, assignee_id, store_id);
CREATE INDEX IF NOT EXISTS cases_resolved ON cases (resolved_at) INCLUDE (created_at, assignee_id, queue_id, store_id) WHERE resolved_at IS NOT NULL;
CREATE INDEX IF NOT EXISTS interactions_report ON interactions (created_at) INCLUDE (direction, kind, case_id, customer_id, author_id, negative, talk_sec);
CREATE INDEX IF NOT EXISTS interactions_reply ON interactions (case_id, direction, created_at) INCLUDE (author_id);
CREATE INDEX IF NOT EXISTS csat_created ON csat (created_at);
CREATE INDEX IF NOT EXISTS surveys_sent ON surveys (sent_at);
`;

const PAGE = 1_000;

/**
 * Writes every filter column of each row of `entity` again (ROW_TABLES, as every write derives them), a page of
 * ids at a time; `adjust` may replace a column's values for the page.
 */
async function rederive<E extends 'case' | 'interaction' | 'csat'>(
  client: pg.ClientBase,
  entity: E,
  adjust: (rows: EntityRow<E>[], column: string, values: unknown[]) => unknown[] = (_rows, _column, values) => values,
): Promise<void> {
  const { table, columns } = ROW_TABLES[entity];
  const set = columns.map((c, i) => `${c.name} = v.c${i}`).join(', ');
  const arrays = columns.map((c, i) => `$${i + 2}::${c.type}[]`).join(', ');
  const names = columns.map((_, i) => `c${i}`).join(', ');
  for (let after = ''; ; ) {
    const { rows } = await query<{ id: string; data: string }>(client, { text: `SELECT id, data FROM ${table} WHERE id > $1 ORDER BY id LIMIT $2`, values: [after, PAGE] });
    if (rows.length === 0) return;
    const parsed = rows.map((r) => JSON.parse(r.data) as EntityRow<E>);
    const params = columnParams(entity, parsed).map((values, i) => adjust(parsed, columns[i].name, values));
    await query(client, {
      text: `UPDATE ${table} t SET ${set} FROM unnest($1::text[], ${arrays}) AS v(id, ${names}) WHERE t.id = v.id`,
      values: [rows.map((r) => r.id), ...params],
    });
    after = rows[rows.length - 1].id;
  }
}

export async function after(client: pg.ClientBase): Promise<void> {
  const queues = await query<{ id: string; data: string }>(client, { text: 'SELECT id, data FROM queues' });
  const minutes = new Map(queues.rows.map((q) => [q.id, (JSON.parse(q.data) as Queue).sla.firstResponseMinutes]));
  await rederive(client, 'case', (cases, column, values) => (column === 'first_response_due' ? cases.map((c) => firstResponseDueOf(c, minutes.get(c.queueId))) : values));
  await rederive(client, 'interaction');
  await rederive(client, 'csat');
}
