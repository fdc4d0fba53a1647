import type { Migration } from './index';

/**
 * Interaction search keyed by time. The index's rowid becomes a time key (createdAt and a tie-breaker), so
 * FTS5 walks matches newest first and a query stops after the newest few hundred instead of ranking every
 * match: a common word over a million messages costs the same as a rare one. `interaction_search_keys` maps
 * each interaction to its key (to drop it from the index, and to join hits back to rows).
 */
export const searchByTime: Migration = {
  version: 3,
  name: 'search-by-time',
  up(db) {
    db.exec(`
      DROP TABLE interactions_fts;
      CREATE VIRTUAL TABLE interactions_fts USING fts5(
        text,
        content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 0', prefix = '2 3'
      );
      CREATE TABLE interaction_search_keys (row_id INTEGER PRIMARY KEY, tkey INTEGER NOT NULL UNIQUE);
      DELETE FROM search_queue WHERE entity = 'interaction';
      INSERT INTO search_queue (entity, row_id) SELECT 'interaction', rowid FROM interactions;
    `);
  },
};
