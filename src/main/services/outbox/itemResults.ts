import type { ItemResult } from '../../../shared/protocol';
import type { Db } from '../cache/database';
import { statementCache } from '../cache/statementCache';

// Long enough for a supervisor to read the outcome of a shift's moves; bounded so the table never grows.
const KEEP_MS = 24 * 3_600_000;
const KEEP_MAX = 200;

/** The hub's refusals of the items of one bulk mutation (a reassignment: one item per case). */
export interface FailedItems {
  mutationId: string;
  failed: ItemResult[];
}

const statements = statementCache((db) => ({
  insert: db.prepare('INSERT OR REPLACE INTO item_results (mutation_id, failed, kept_at) VALUES (?, ?, ?)'),
  prune: db.prepare(
    `DELETE FROM item_results WHERE kept_at < ?
       OR mutation_id NOT IN (SELECT mutation_id FROM item_results ORDER BY kept_at DESC, mutation_id DESC LIMIT ${KEEP_MAX})`,
  ),
  failedOf: db.prepare('SELECT mutation_id AS mutationId, failed FROM item_results WHERE mutation_id IN (SELECT value FROM json_each(?))'),
}));

/**
 * Keeps the refused items of a mutation the hub applied (nothing when every item went through), and forgets
 * results older than a day or beyond the newest 200. Runs inside the transaction that records the hub's
 * answer, so the results are on disk whenever the answer is.
 */
export function keepFailedItems(db: Db, mutationId: string, items: readonly ItemResult[], now: number): void {
  const failed = items.filter((i) => !i.ok);
  if (failed.length === 0) return;
  const s = statements(db);
  s.insert.run(mutationId, JSON.stringify(failed), now);
  s.prune.run(now - KEEP_MS);
}

/**
 * The refused items kept for these mutations. A mutation left out had no refused item, or its results are not
 * kept here (sent from another workstation, or pruned).
 */
export function failedItemsOf(db: Db, mutationIds: readonly string[]): FailedItems[] {
  const rows = statements(db).failedOf.all(JSON.stringify(mutationIds)) as Array<{ mutationId: string; failed: string }>;
  return rows.map((r) => ({ mutationId: r.mutationId, failed: JSON.parse(r.failed) as ItemResult[] }));
}
