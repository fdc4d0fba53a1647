import type { Migration } from './index';

/** Deliveries of outbound messages (their status on the customer's channel), synced like every row. */
export const deliveries: Migration = {
  version: 8,
  name: 'deliveries',
  up(db) {
    db.exec(`
      CREATE TABLE deliveries (
        id TEXT PRIMARY KEY, seq INTEGER NOT NULL, data TEXT NOT NULL,
        case_id TEXT NOT NULL, interaction_id TEXT NOT NULL, status TEXT NOT NULL, updated_at INTEGER NOT NULL
      );
      CREATE INDEX deliveries_by_case ON deliveries (case_id);
      CREATE INDEX deliveries_by_status ON deliveries (status, updated_at);
    `);
  },
};
