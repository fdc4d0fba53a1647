import type { Migration } from './index';

/**
 * Entity tables keep the hub's row as JSON in `data`, its change-feed `seq`, and copies of the fields that
 * queries filter or sort on (kept in step by the upsert in entities.ts), so that reads parse JSON only for
 * the rows they return.
 */
export const initial: Migration = {
  version: 1,
  name: 'initial',
  up(db) {
    db.exec(`
      CREATE TABLE customers (
        id TEXT PRIMARY KEY, seq INTEGER NOT NULL, data TEXT NOT NULL,
        name TEXT NOT NULL, loyalty_number TEXT, merged_into TEXT, updated_at INTEGER NOT NULL
      );

      CREATE TABLE cases (
        id TEXT PRIMARY KEY, seq INTEGER NOT NULL, data TEXT NOT NULL,
        customer_id TEXT NOT NULL, queue_id TEXT NOT NULL, assignee_id TEXT, store_id TEXT,
        status TEXT NOT NULL, priority TEXT NOT NULL, last_channel TEXT NOT NULL,
        last_inbound_at INTEGER, sla_due_at INTEGER, updated_at INTEGER NOT NULL
      );
      CREATE INDEX cases_by_assignee ON cases (assignee_id, status);
      CREATE INDEX cases_by_queue ON cases (queue_id, status);
      CREATE INDEX cases_by_store ON cases (store_id, status);
      CREATE INDEX cases_by_customer ON cases (customer_id, updated_at);

      CREATE TABLE interactions (
        id TEXT PRIMARY KEY, seq INTEGER NOT NULL, data TEXT NOT NULL,
        case_id TEXT NOT NULL, customer_id TEXT NOT NULL, created_at INTEGER NOT NULL
      );
      CREATE INDEX interactions_by_case ON interactions (case_id, created_at, id);
      CREATE INDEX interactions_by_customer ON interactions (customer_id, created_at);

      CREATE TABLE queues (id TEXT PRIMARY KEY, seq INTEGER NOT NULL, data TEXT NOT NULL, name TEXT NOT NULL);
      CREATE TABLE staff (id TEXT PRIMARY KEY, seq INTEGER NOT NULL, data TEXT NOT NULL, name TEXT NOT NULL);
      CREATE TABLE store_locations (id TEXT PRIMARY KEY, seq INTEGER NOT NULL, data TEXT NOT NULL, name TEXT NOT NULL);

      CREATE TABLE kb_articles (
        id TEXT PRIMARY KEY, seq INTEGER NOT NULL, data TEXT NOT NULL,
        queue_id TEXT, language TEXT NOT NULL, title TEXT NOT NULL
      );
      CREATE INDEX kb_by_language ON kb_articles (language, queue_id);

      CREATE TABLE canned_responses (
        id TEXT PRIMARY KEY, seq INTEGER NOT NULL, data TEXT NOT NULL,
        queue_id TEXT, language TEXT NOT NULL, shortcut TEXT NOT NULL
      );
      CREATE INDEX canned_by_language ON canned_responses (language, shortcut);

      CREATE TABLE csat (
        id TEXT PRIMARY KEY, seq INTEGER NOT NULL, data TEXT NOT NULL,
        case_id TEXT NOT NULL, created_at INTEGER NOT NULL
      );
      CREATE INDEX csat_by_case ON csat (case_id);

      CREATE TABLE alerts (
        id TEXT PRIMARY KEY, seq INTEGER NOT NULL, data TEXT NOT NULL,
        case_id TEXT NOT NULL, status TEXT NOT NULL, raised_at INTEGER NOT NULL
      );
      CREATE INDEX alerts_by_status ON alerts (status, raised_at);

      CREATE TABLE held_replies (
        id TEXT PRIMARY KEY, seq INTEGER NOT NULL, data TEXT NOT NULL,
        case_id TEXT NOT NULL, author_id TEXT NOT NULL, status TEXT NOT NULL, created_at INTEGER NOT NULL
      );
      CREATE INDEX held_by_author ON held_replies (author_id, status);
      CREATE INDEX held_by_case ON held_replies (case_id);

      -- A row deleted by the feed stays dead: an older copy arriving later (snapshot overlap) must not revive it.
      CREATE TABLE tombstones (entity TEXT NOT NULL, id TEXT NOT NULL, seq INTEGER NOT NULL, PRIMARY KEY (entity, id)) WITHOUT ROWID;

      -- One row. cursor: last applied log seq. snapshot_*: progress of a bootstrap or scope snapshot in flight.
      CREATE TABLE sync_state (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        cursor INTEGER NOT NULL DEFAULT 0,
        bootstrapped INTEGER NOT NULL DEFAULT 0,
        snapshot_after TEXT, snapshot_hwm INTEGER, snapshot_queue_ids TEXT, snapshot_active INTEGER NOT NULL DEFAULT 0,
        scope TEXT
      );
      INSERT INTO sync_state (id) VALUES (1);

      -- position orders sending; AUTOINCREMENT so a position is never reused after a discard.
      CREATE TABLE outbox (
        position INTEGER PRIMARY KEY AUTOINCREMENT,
        mutation_id TEXT NOT NULL UNIQUE,
        type TEXT NOT NULL,
        body TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('pending', 'sending', 'acked', 'held', 'rejected')),
        attempts INTEGER NOT NULL DEFAULT 0,
        reason TEXT, message TEXT, current TEXT, acked_seq INTEGER,
        created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL
      );
      CREATE INDEX outbox_by_state ON outbox (state, position);

      -- Optimistic effects of outbox mutations: a patch over a confirmed row, or a whole new row (is_new).
      CREATE TABLE overlay (
        mutation_id TEXT NOT NULL REFERENCES outbox (mutation_id) ON DELETE CASCADE ON UPDATE CASCADE,
        entity TEXT NOT NULL, entity_id TEXT NOT NULL, case_id TEXT, patch TEXT NOT NULL, is_new INTEGER NOT NULL,
        PRIMARY KEY (mutation_id, entity, entity_id)
      ) WITHOUT ROWID;
      CREATE INDEX overlay_by_entity ON overlay (entity, entity_id);
      CREATE INDEX overlay_by_case ON overlay (case_id);
    `);
  },
};
