import type { Migration } from './index';

const TRIGGERS = [
  ['customers_search_ins', 'INSERT', 'customers', 'customer', 'new'],
  ['customers_search_upd', 'UPDATE OF data', 'customers', 'customer', 'new'],
  ['customers_search_del', 'DELETE', 'customers', 'customer', 'old'],
  ['interactions_search_ins', 'INSERT', 'interactions', 'interaction', 'new'],
  ['interactions_search_upd', 'UPDATE OF data', 'interactions', 'interaction', 'new'],
  ['interactions_search_del', 'DELETE', 'interactions', 'interaction', 'old'],
] as const;

/**
 * The search triggers of 0002 queued rows with `INSERT OR IGNORE`, but a trigger's OR clause gives way to the
 * outer statement's conflict handling, and rows are written by an upsert (ABORT): a customer or message
 * changed again before the indexer took it off the queue failed the whole apply with a UNIQUE error (a live
 * update during the indexing of a fresh bootstrap; two versions of one row in a batch). An upsert clause in
 * the trigger (`ON CONFLICT DO NOTHING`) is its own and holds.
 */
export const searchQueueUpserts: Migration = {
  version: 7,
  name: 'search-queue-upserts',
  up(db) {
    for (const [name, event, table, entity, row] of TRIGGERS) {
      db.exec(`
        DROP TRIGGER ${name};
        CREATE TRIGGER ${name} AFTER ${event} ON ${table} BEGIN
          INSERT INTO search_queue VALUES ('${entity}', ${row}.rowid) ON CONFLICT DO NOTHING;
        END;
      `);
    }
  },
};
