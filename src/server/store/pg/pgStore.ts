import type pg from 'pg';
import type { HubStore, StoreTx } from '../hubStore';
import { migrate } from './migrate';
import { CHANGES_CHANNEL, listenForChanges } from './listenForChanges';
import { changesAfter, pullChanges, snapshotPage } from './pagedReads';
import { distinctIdRuns, removeParams, upsertParams, WRITE_STATEMENTS } from './rowTables';
import { openPool, poolRunner, queries, query, type Run, type Statement, withClient } from './run';
import { storeReads } from './storeReads';
import { storeWrites } from './storeWrites';

const HEAD = { name: 'head', text: 'SELECT seq FROM change_counter' };
/** Rows per statement of `putMany`: large enough to cost little per row, small enough to keep messages small. */
const BULK_ROWS = 1_000;

/**
 * One write transaction. It starts by locking the one row of `change_counter` (SELECT ... FOR UPDATE): write
 * transactions run one at a time across every hub node, and every read inside one sees all that committed before
 * it (READ COMMITTED: each statement sees what committed before it began, and each earlier writer committed before
 * the lock was granted). Its changes take the seqs after the counter's value, numbered here, and the counter moves
 * to the last of them in the round trip that commits. Seq order is therefore commit order, the change log's
 * promise: a reader paging `seq > cursor` never skips a change that commits later with a lower seq, which a
 * sequence would allow (values are taken in one order and committed in another, and rollbacks leave gaps).
 *
 * This is the simplest correct choice, and it costs little because the hub's transactions are short (a typical
 * put is one round trip: the change, its audience and the row in one statement). The alternative, if writers must
 * overlap one day: seqs from a sequence, each change stamped with its transaction's xid8, and readers that stop
 * below the oldest transaction still running (pg_snapshot_xmin(pg_current_snapshot())), at the price of a pull
 * that lags and of reads inside a write that need their own locks to decide safely.
 *
 * A lost connection rejects the write with StoreUnavailable (see storeUnavailable.ts); PostgreSQL rolls back a
 * transaction whose connection is gone, so nothing is half-written, and the pool connects again for the next.
 * After a failed statement PostgreSQL refuses the rest of the transaction, so `write` rejects with the first
 * failure even when `fn` caught it.
 */
async function writeTransaction<T>(pool: pg.Pool, writer: { pid: number | null }, fn: (tx: StoreTx) => Promise<T>): Promise<T> {
  return withClient(pool, async (client) => {
    const [, counter] = await queries(client, 'BEGIN; SELECT seq, pg_backend_pid() AS pid FROM change_counter FOR UPDATE');
    const start = counter.rows[0].seq as number;
    writer.pid = counter.rows[0].pid as number;
    let head = start;
    let last = 0;
    let open = true;
    let failure: unknown;
    // One statement at a time on this connection, in the order they were asked for.
    let pending: Promise<unknown> = Promise.resolve();
    const run: Run = <R extends pg.QueryResultRow>(statement: Statement, values?: unknown[]) => {
      if (!open) return Promise.reject(new Error('this transaction has ended: await every store call inside write()'));
      const result = pending.then(() => query<R>(client, { ...statement, values }));
      pending = result.catch((err: unknown) => void (failure ??= err));
      return result.then((r) => r.rows);
    };
    const tx: StoreTx = {
      ...storeReads(run),
      ...storeWrites(run),
      head: async () => head,
      async put(entity, row, audience) {
        const seq = ++head;
        await run(WRITE_STATEMENTS[entity].upsert, upsertParams(entity, [{ seq, row, audience }]));
        return (last = seq);
      },
      async putMany(entity, rows) {
        for (const batch of distinctIdRuns(rows, BULK_ROWS)) {
          const writes = batch.map(({ row, audience }) => ({ seq: ++head, row, audience }));
          await run(WRITE_STATEMENTS[entity].upsert, upsertParams(entity, writes));
          last = head;
        }
      },
      async remove(entity, id, audience) {
        const seq = ++head;
        await run(WRITE_STATEMENTS[entity].delete, removeParams(entity, seq, id, audience));
        return (last = seq);
      },
      lastSeq: () => last,
    };
    try {
      const result = await fn(tx);
      open = false;
      await pending;
      if (failure) throw failure;
      const commit = head > start ? `UPDATE change_counter SET seq = ${head}; NOTIFY ${CHANGES_CHANNEL}, '${head}'; COMMIT` : 'COMMIT';
      await queries(client, commit, 'unknown');
      return result;
    } catch (err) {
      open = false;
      await pending;
      await client.query('ROLLBACK').catch(() => {});
      // "current transaction is aborted" is what follows a failure `fn` caught: the failure is the news.
      throw (err as { code?: unknown }).code === '25P02' && failure ? failure : err;
    }
  });
}

export interface PgStoreOptions {
  /** Connections for reads outside write transactions (8 unless given); writes have one more of their own. */
  readConnections?: number;
}

/**
 * Opens the hub's store on PostgreSQL at `url`, creating or migrating its schema (see migrate.ts). Reads outside
 * `write` run on a pool and see committed state only. Writes queue for one connection per store instance, so a
 * node's waiting writers hold no connections, and take turns with every other node's (see writeTransaction).
 */
export async function openPgStore(url: string, opts: PgStoreOptions = {}): Promise<HubStore> {
  const reads = openPool(url, opts.readConnections ?? 8);
  const writes = openPool(url, 1);
  const close = async () => void (await Promise.all([reads.end(), writes.end()]));
  try {
    await migrate(writes);
  } catch (err) {
    await close();
    throw err;
  }
  const run = poolRunner(reads);
  // This node's write session, whose own commits are not news to it (null when it has none).
  const writer = { pid: null as number | null };
  writes.on('remove', () => (writer.pid = null));
  return {
    ...storeReads(run),
    head: async () => (await run<{ seq: number }>(HEAD))[0].seq,
    write: (fn) => writeTransaction(writes, writer, fn),
    pull: (filter, cursor, limit) => pullChanges(run, filter, cursor, limit),
    snapshot: (scope, after, hwm, limit) => snapshotPage(reads, scope, after, hwm, limit),
    changesAfter: (cursor, limit) => changesAfter(run, cursor, limit),
    onCommitElsewhere(listener) {
      const listening = listenForChanges(url, (_seq, committer) => (committer === null || committer !== writer.pid) && listener());
      return () => listening.close();
    },
    close,
  };
}
