import type Database from 'better-sqlite3-multiple-ciphers';
import { foldText } from '../../../../shared/text/fold';
import { normalizeSubject } from '../../storeRules';

/**
 * One folding of text everywhere (shared/text/fold): folded names and subjects written by the hub's earlier rule
 * (canonical decomposition only, no œ or ı) are folded again, so a name lookup or a reply's threading finds rows
 * stored before the change as it finds new ones. Nothing changes in the schema; the rows are read in pages of
 * ids, since a statement cannot run while another still iterates on this connection.
 */
export const up = '';

const PAGE = 1_000;

function refold(db: Database.Database, table: string, column: string, derive: (data: string) => string): void {
  const page = db.prepare<[string, number], { id: string; data: string }>(`SELECT id, data FROM ${table} WHERE id > ? ORDER BY id LIMIT ?`);
  const update = db.prepare<[string, string]>(`UPDATE ${table} SET ${column} = ? WHERE id = ?`);
  for (let after = '', rows = page.all(after, PAGE); rows.length > 0; rows = page.all(after, PAGE)) {
    for (const r of rows) update.run(derive(r.data), r.id);
    after = rows[rows.length - 1].id;
  }
}

export function after(db: Database.Database): void {
  refold(db, 'customers', 'name_fold', (data) => foldText((JSON.parse(data) as { name: string }).name));
  refold(db, 'cases', 'subject_norm', (data) => normalizeSubject((JSON.parse(data) as { subject: string }).subject));
}
