import type pg from 'pg';
import { foldText } from '../../../../shared/text/fold';
import { normalizeSubject } from '../../storeRules';
import { query } from '../run';
import { nameStarts } from '../rowTables';

/**
 * One folding of text everywhere (shared/text/fold), as the SQLite schema's migration 0009: folded names, the
 * name starts a lookup ranges over and normalized subjects written by the hub's earlier rule (canonical
 * decomposition only, no œ or ı) are derived again from each row, a page of ids at a time.
 */
export const up = '';

const PAGE = 1_000;

async function eachPage(client: pg.ClientBase, table: string, fn: (rows: Array<{ id: string; data: string }>) => Promise<void>): Promise<void> {
  for (let after = ''; ; ) {
    const { rows } = await query<{ id: string; data: string }>(client, {
      text: `SELECT id, data FROM ${table} WHERE id > $1 ORDER BY id LIMIT $2`,
      values: [after, PAGE],
    });
    if (rows.length === 0) return;
    await fn(rows);
    after = rows[rows.length - 1].id;
  }
}

export async function after(client: pg.ClientBase): Promise<void> {
  await query(client, { text: 'DELETE FROM customer_name_starts' });
  await eachPage(client, 'customers', async (rows) => {
    const folds = rows.map((r) => foldText((JSON.parse(r.data) as { name: string }).name));
    await query(client, {
      text: 'UPDATE customers c SET name_fold = f.fold FROM unnest($1::text[], $2::text[]) AS f(id, fold) WHERE c.id = f.id',
      values: [rows.map((r) => r.id), folds],
    });
    const starts = folds.flatMap((fold, i) => nameStarts(fold).map((start) => [start, rows[i].id]));
    await query(client, {
      text: 'INSERT INTO customer_name_starts (start, customer_id) SELECT * FROM unnest($1::text[], $2::text[])',
      values: [starts.map(([s]) => s), starts.map(([, id]) => id)],
    });
  });
  await eachPage(client, 'cases', async (rows) => {
    await query(client, {
      text: 'UPDATE cases c SET subject_norm = f.norm FROM unnest($1::text[], $2::text[]) AS f(id, norm) WHERE c.id = f.id',
      values: [rows.map((r) => r.id), rows.map((r) => normalizeSubject((JSON.parse(r.data) as { subject: string }).subject))],
    });
  });
}
