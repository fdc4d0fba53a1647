import type { Migration } from './index';

/**
 * Full-text search. The FTS tables hold text folded by search/fold.ts (case, diacritics, ł, final sigma),
 * which SQL cannot do, so they are filled by the background indexer rather than by triggers: triggers only
 * note which rows changed in `search_queue`, which keeps applying changes cheap and lets the index catch up
 * in batches. Contentless with contentless_delete: the text already lives in the entity tables.
 */
export const search: Migration = {
  version: 2,
  name: 'search',
  up(db) {
    db.exec(`
      CREATE VIRTUAL TABLE customers_fts USING fts5(
        name, emails, phones, loyalty,
        content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 0', prefix = '2 3'
      );
      CREATE VIRTUAL TABLE interactions_fts USING fts5(
        text,
        content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 0', prefix = '2 3'
      );

      CREATE TABLE search_queue (entity TEXT NOT NULL, row_id INTEGER NOT NULL, PRIMARY KEY (entity, row_id)) WITHOUT ROWID;

      CREATE TRIGGER customers_search_ins AFTER INSERT ON customers BEGIN
        INSERT OR IGNORE INTO search_queue VALUES ('customer', new.rowid);
      END;
      CREATE TRIGGER customers_search_upd AFTER UPDATE OF data ON customers BEGIN
        INSERT OR IGNORE INTO search_queue VALUES ('customer', new.rowid);
      END;
      CREATE TRIGGER customers_search_del AFTER DELETE ON customers BEGIN
        INSERT OR IGNORE INTO search_queue VALUES ('customer', old.rowid);
      END;
      CREATE TRIGGER interactions_search_ins AFTER INSERT ON interactions BEGIN
        INSERT OR IGNORE INTO search_queue VALUES ('interaction', new.rowid);
      END;
      CREATE TRIGGER interactions_search_upd AFTER UPDATE OF data ON interactions BEGIN
        INSERT OR IGNORE INTO search_queue VALUES ('interaction', new.rowid);
      END;
      CREATE TRIGGER interactions_search_del AFTER DELETE ON interactions BEGIN
        INSERT OR IGNORE INTO search_queue VALUES ('interaction', old.rowid);
      END;
    `);
  },
};
