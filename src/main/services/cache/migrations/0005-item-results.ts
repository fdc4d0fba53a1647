import type { Migration } from './index';

/**
 * The hub's per-case refusals of bulk reassignments, kept after their outbox entry is gone so the supervisor
 * sees why each case did not move. One row per mutation with any refused case; pruned by age and count
 * (src/main/services/outbox/itemResults.ts), so it stays a few hundred rows at most.
 */
export const itemResults: Migration = {
  version: 5,
  name: 'item-results',
  up(db) {
    db.exec('CREATE TABLE item_results (mutation_id TEXT PRIMARY KEY, failed TEXT NOT NULL, kept_at INTEGER NOT NULL) WITHOUT ROWID');
  },
};
