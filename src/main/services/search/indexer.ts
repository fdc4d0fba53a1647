import type { Customer, Interaction } from '../../../shared/domain';
import type { Db } from '../cache/database';
import { statementCache } from '../cache/statementCache';
import { foldText as fold } from '../../../shared/text/fold';
import { phoneTokens } from './phone';

/** How far the index is: rows indexed since start, and rows still waiting. */
export interface SearchProgress {
  indexed: number;
  pending: number;
}

const statements = statementCache((db) => ({
  batch: db.prepare('SELECT entity, row_id FROM search_queue LIMIT ?'),
  pending: db.prepare('SELECT count(*) FROM search_queue').pluck(),
  done: db.prepare('DELETE FROM search_queue WHERE entity = ? AND row_id = ?'),
  customer: db.prepare('SELECT data FROM customers WHERE rowid = ?').pluck(),
  interaction: db.prepare('SELECT data FROM interactions WHERE rowid = ?').pluck(),
  dropCustomer: db.prepare('DELETE FROM customers_fts WHERE rowid = ?'),
  keyOf: db.prepare('SELECT tkey FROM interaction_search_keys WHERE row_id = ?').pluck(),
  keyTaken: db.prepare('SELECT 1 FROM interaction_search_keys WHERE tkey = ?').pluck(),
  setKey: db.prepare('INSERT OR REPLACE INTO interaction_search_keys (row_id, tkey) VALUES (?, ?)'),
  dropKey: db.prepare('DELETE FROM interaction_search_keys WHERE row_id = ?'),
  dropInteraction: db.prepare('DELETE FROM interactions_fts WHERE rowid = ?'),
  addCustomer: db.prepare('INSERT INTO customers_fts (rowid, name, emails, phones, loyalty) VALUES (?, ?, ?, ?, ?)'),
  addInteraction: db.prepare('INSERT INTO interactions_fts (rowid, text) VALUES (?, ?)'),
}));

function indexCustomer(db: Db, rowId: number): void {
  const s = statements(db);
  s.dropCustomer.run(rowId);
  const data = s.customer.get(rowId) as string | undefined;
  if (data === undefined) return;
  const c = JSON.parse(data) as Customer;
  const loyalty = c.loyaltyNumber === null ? '' : fold(`${c.loyaltyNumber} ${c.loyaltyNumber.replace(/\W/g, '')}`);
  s.addCustomer.run(rowId, fold(c.name), fold(c.emails.join(' ')), c.phones.flatMap(phoneTokens).join(' '), loyalty);
}

/** Tie-breakers per millisecond in a time key: createdAt * 4096 stays below 2^53 until the year 2038 * 35. */
const KEYS_PER_MS = 4096;

/** A free time key for an interaction: its createdAt, then the first free tie-breaker from its rowid. */
function timeKey(db: Db, createdAt: number, rowId: number): number {
  const s = statements(db);
  for (let k = 0; k < KEYS_PER_MS; k++) {
    const key = createdAt * KEYS_PER_MS + ((rowId + k) % KEYS_PER_MS);
    if (!s.keyTaken.get(key)) return key;
  }
  throw new Error(`more than ${KEYS_PER_MS} messages in one millisecond`);
}

function indexInteraction(db: Db, rowId: number): void {
  const s = statements(db);
  const oldKey = s.keyOf.get(rowId) as number | undefined;
  if (oldKey !== undefined) {
    s.dropInteraction.run(oldKey);
    s.dropKey.run(rowId);
  }
  const data = s.interaction.get(rowId) as string | undefined;
  if (data === undefined) return;
  const i = JSON.parse(data) as Interaction;
  const key = timeKey(db, i.createdAt, rowId);
  s.setKey.run(rowId, key);
  // Call notes and video summaries are what store staff look for when a customer walks in.
  s.addInteraction.run(key, fold([i.subject, i.text, i.meta.summary, i.meta.notes].filter(Boolean).join('\n')));
}

/**
 * Indexes up to `limit` rows that changed since they were last indexed, in one transaction, and returns how many.
 * Re-reading the row by rowid makes each entry idempotent: the index follows the row as it is now, or drops it.
 */
export function indexPendingBatch(db: Db, limit: number): number {
  const s = statements(db);
  return db.transaction(() => {
    const batch = s.batch.all(limit) as { entity: 'customer' | 'interaction'; row_id: number }[];
    for (const { entity, row_id } of batch) {
      (entity === 'customer' ? indexCustomer : indexInteraction)(db, row_id);
      s.done.run(entity, row_id);
    }
    return batch.length;
  })();
}

/** Rows waiting to be indexed. */
export const pendingCount = (db: Db): number => statements(db).pending.get() as number;

/** The background indexer. */
export interface SearchIndexer {
  /** Rows were applied: index them soon. */
  kick(): void;
  /** Resolves when nothing waits to be indexed (for tests and for "search ready" in the UI). */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Indexes in batches, yielding to the event loop between them so the bootstrap and the UI go on while the
 * index fills. Reports progress after each batch.
 */
export function startSearchIndexer(db: Db, options: { batchSize?: number; onProgress?(p: SearchProgress): void } = {}): SearchIndexer {
  // Small batches: the engine's event loop also answers the UI, and a batch blocks it while it runs.
  const batchSize = options.batchSize ?? 200;
  let indexed = 0;
  let stopped = false;
  let wake: (() => void) | null = null;
  let idleWaiters: (() => void)[] = [];

  // Counting the queue reads all of it: a million-row backlog would cost a scan per batch. The count is taken
  // when a run of batches starts and then followed by subtraction (rows queued meanwhile show up next run).
  let pending: number | null = null;
  const loop = (async () => {
    while (!stopped) {
      const n = db.open ? indexPendingBatch(db, batchSize) : 0;
      if (n > 0) {
        indexed += n;
        pending = Math.max(0, (pending ?? pendingCount(db) + n) - n);
        options.onProgress?.({ indexed, pending });
        await new Promise((resolve) => setImmediate(resolve));
        continue;
      }
      pending = null;
      idleWaiters.forEach((resolve) => resolve());
      idleWaiters = [];
      await new Promise<void>((resolve) => (wake = resolve));
      wake = null;
    }
  })();

  return {
    kick: () => wake?.(),
    idle() {
      const waiting = new Promise<void>((resolve) => idleWaiters.push(resolve));
      wake?.();
      return waiting;
    },
    async stop() {
      stopped = true;
      wake?.();
      await loop;
      idleWaiters.forEach((resolve) => resolve());
    },
  };
}
