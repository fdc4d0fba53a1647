import { replyDueAt, type Case } from '../../../../shared/domain';
import type { Migration } from './index';

const PAGE = 1_000;

/**
 * One rule of when a reply is due (shared/domain/sla), the hub's: a case not awaiting a reply (pending,
 * resolved, closed) has none, where the cache used to copy whatever deadline its row still carried. Rows
 * written before are derived again with the shared function, a page of ids at a time.
 */
export const replyDue: Migration = {
  version: 10,
  name: 'reply-due',
  up(db) {
    const page = db.prepare<[string, number], { id: string; data: string }>(
      'SELECT id, data FROM cases WHERE id > ? AND sla_due_at IS NOT NULL ORDER BY id LIMIT ?',
    );
    const update = db.prepare<[number | null, string]>('UPDATE cases SET sla_due_at = ? WHERE id = ?');
    for (let after = '', rows = page.all(after, PAGE); rows.length > 0; rows = page.all(after, PAGE)) {
      for (const r of rows) update.run(replyDueAt(JSON.parse(r.data) as Case), r.id);
      after = rows[rows.length - 1].id;
    }
  },
};
