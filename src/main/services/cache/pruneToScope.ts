import type { Scope } from '../../../shared/protocol';
import type { Db } from './database';
import { clearPartialCases } from './partialCases';

/**
 * Removes cases the person may no longer see (queues left, cases moved away) with their timelines, and the
 * customers that only those cases brought in; `caseIds` limits the check to cases just changed. Returns the
 * ids of the cases removed. No tombstones: the rows may come back with a later snapshot if the scope widens.
 * A removed case is no longer cached in part either: if it comes back, it comes without history and is fetched.
 */
export function pruneToScope(db: Db, scope: Scope, caseIds: readonly string[] | null = null): string[] {
  if (scope.all) return [];
  const only = caseIds === null ? null : JSON.stringify(caseIds);
  return db
    .transaction(() => {
      const removed = db
        .prepare(
          `DELETE FROM cases
           WHERE queue_id NOT IN (SELECT value FROM json_each(?))
             AND assignee_id IS NOT ? AND (? IS NULL OR store_id IS NOT ?)
             AND (? IS NULL OR id IN (SELECT value FROM json_each(?)))
           RETURNING id, customer_id`,
        )
        .all(JSON.stringify(scope.queueIds), scope.staffId, scope.storeId, scope.storeId, only, only) as { id: string; customer_id: string }[];
      if (removed.length === 0) return [];
      const removedIds = JSON.stringify(removed.map((r) => r.id));
      db.prepare('DELETE FROM interactions WHERE case_id IN (SELECT value FROM json_each(?))').run(removedIds);
      db.prepare('DELETE FROM csat WHERE case_id IN (SELECT value FROM json_each(?))').run(removedIds);
      db.prepare('DELETE FROM deliveries WHERE case_id IN (SELECT value FROM json_each(?))').run(removedIds);
      db.prepare(
        `DELETE FROM customers WHERE id IN (SELECT value FROM json_each(?))
           AND NOT EXISTS (SELECT 1 FROM cases WHERE cases.customer_id = customers.id)`,
      ).run(JSON.stringify(removed.map((r) => r.customer_id)));
      const removedCases = removed.map((r) => r.id);
      clearPartialCases(db, removedCases);
      return removedCases;
    })
    .immediate();
}
