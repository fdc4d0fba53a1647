import type pg from 'pg';
import type { HubRecord, HubStore, StoreTx } from '../hubStore';
import type { EntityRow } from '../../../shared/protocol';
import { importRecords } from './importRecords';
import { migrate } from './migrate';
import { CHANGES_CHANNEL, listenForChanges } from './listenForChanges';
import { changesAfter, pullChanges, snapshotPage } from './pagedReads';
import { distinctIdRuns, refreshWaits, removeParams, upsertParams, WRITE_STATEMENTS } from './rowTables';
import { openPool, poolRunner, queries, query, type Run, type Statement, withClient, writesPerTurn } from './run';
import { storeReads } from './storeReads';
import { type Send, storeWrites } from './storeWrites';
import { StoreUnavailable } from '../storeUnavailable';

const HEAD = { name: 'head', text: 'SELECT seq FROM change_counter' };
/** Rows per statement of `putMany`: large enough to cost little per row, small enough to keep messages small. */
const BULK_ROWS = 1_000;
/** Connections of a store instance for reads outside write transactions (writes have one of their own). */
const READ_CONNECTIONS = 8;

/**
 * One write transaction. It starts by locking the one row of `change_counter` (SELECT ... FOR UPDATE): write
 * transactions run one at a time across every hub node, and every read inside one sees all that committed before
 * it (READ COMMITTED: each statement sees what committed before it began, and each earlier writer committed before
 * the lock was granted). Its changes take the seqs after the counter's value, and the counter moves past them in
 * the round trip that commits. Seq order is therefore commit order, the change log's promise: a reader paging
 * `seq > cursor` never skips a change that commits later with a lower seq, which a sequence would allow (values
 * are taken in one order and committed in another, and rollbacks leave gaps).
 *
 * This is the simplest correct choice, and it costs little because the transaction holding the lock is short:
 * the connection is pipelined, and only what answers something (reads, claims) waits for its answer. A put, say,
 * is one statement (the change, its audience and the row), sent without waiting: its seq is the counter's value
 * plus its place in the transaction, known as soon as the lock is. A typical mutation (a claim, a read, six puts,
 * its result) waits for three round trips: the lock with the claim, the read, the commit; and the next transaction
 * of this node goes on the wire behind the COMMIT without waiting for its answer. The alternative, if
 * writers must overlap one day: seqs from a sequence, each change stamped with its transaction's xid8, and readers
 * that stop below the oldest transaction still running (pg_snapshot_xmin(pg_current_snapshot())), at the price of
 * a pull that lags and of reads inside a write that need their own locks to decide safely.
 *
 * A statement that fails (a connection lost, an identity another customer holds) fails the write: PostgreSQL
 * refuses the rest of the transaction, so `write` rejects with the first failure even when it surfaces only at
 * COMMIT or `fn` caught it. A lost connection rejects as StoreUnavailable (see storeUnavailable.ts); PostgreSQL
 * rolls back a transaction whose connection is gone, so nothing is half-written, and the pool connects again for
 * the next write.
 *
 * `fn` also gets the transaction's connection (`wire`) for writes that are not the store's own: an import, whose
 * statements write seqs as given and move the counter themselves.
 */
async function writeTransaction<T>(
  pool: pg.Pool,
  writer: { pid: number | null },
  fn: (tx: StoreTx, wire: { run: Run; send: Send }) => Promise<T>,
): Promise<T> {
  return withClient(pool, async (client, release) => {
    let open = true;
    let failure: unknown;
    const track = <R>(sent: Promise<R>): Promise<R> => {
      sent.catch((err: unknown) => void (failure ??= err));
      return sent;
    };
    const hold = writesPerTurn(client);
    const sent = <R extends pg.QueryResultRow>(statement: Statement, values?: unknown[]) => {
      if (!open) throw new Error('this transaction has ended: await every store call inside write()');
      hold();
      return track(query<R>(client, { ...statement, values }));
    };
    const run: Run = async <R extends pg.QueryResultRow>(statement: Statement, values?: unknown[]) => (await sent<R>(statement, values)).rows;
    const send: Send = (statement, values) => void sent(statement, values).catch(() => {});

    let start: number | undefined;
    hold();
    const locked = track(queries(client, 'BEGIN; SELECT seq, pg_backend_pid() AS pid FROM change_counter FOR UPDATE')).then(([, r]) => {
      writer.pid = r.rows[0].pid as number;
      return (start = r.rows[0].seq as number);
    });
    locked.catch(() => {}); // a failure here is the transaction's failure (tracked), whether or not anything awaits it
    let logged = 0;
    const seqOf = async (n: number) => (await locked) + n;
    const tx: StoreTx = {
      ...storeReads(run),
      ...storeWrites(run, send),
      head: () => seqOf(logged),
      async put(entity, row, audience) {
        const n = ++logged;
        send(WRITE_STATEMENTS[entity].upsert, upsertParams(entity, [{ n, row, audience }]));
        if (entity === 'interaction') refreshWaits(send, [row as EntityRow<'interaction'>]);
        return seqOf(n);
      },
      async putMany(entity, rows) {
        // One batch on the wire while the next is built: a bulk load never queues all of itself in memory.
        let previous: Promise<unknown> = Promise.resolve();
        for (const batch of distinctIdRuns(rows, BULK_ROWS)) {
          const params = upsertParams(entity, batch.map(({ row, audience }) => ({ n: ++logged, row, audience })));
          await previous;
          previous = sent(WRITE_STATEMENTS[entity].upsert, params);
          if (entity === 'interaction') refreshWaits(send, batch.map((w) => w.row as EntityRow<'interaction'>));
        }
        await previous;
      },
      async remove(entity, id, audience) {
        const n = ++logged;
        send(WRITE_STATEMENTS[entity].delete, removeParams(entity, n, id, audience));
        return seqOf(n);
      },
      lastSeq() {
        if (logged === 0) return 0;
        if (start === undefined) throw new Error('lastSeq() before the transaction has its seqs: await a put first');
        return start + logged;
      },
    };
    const news = (err: unknown) =>
      // What follows a failed statement ("current transaction is aborted", or a statement that could not be sent)
      // is not the news: the failure is.
      failure !== undefined && ((err as { code?: unknown }).code === '25P02' || err instanceof StoreUnavailable) ? failure : err;
    let result: T;
    try {
      result = await fn(tx, { run, send });
    } catch (err) {
      open = false;
      hold();
      void client.query('ROLLBACK').catch(() => {});
      release();
      throw news(err);
    }
    // COMMIT is a query of its own, so that it ends the transaction even when something before it failed (it then
    // rolls back): the next transaction can follow on the wire at once, without waiting for this one's answer.
    if (logged > 0) send({ text: `UPDATE change_counter SET seq = seq + ${logged}; SELECT pg_notify('${CHANGES_CHANNEL}', seq::text) FROM change_counter` }, []);
    open = false;
    hold();
    const committed = query(client, { text: 'COMMIT' }, 'unknown');
    release();
    try {
      await committed;
    } catch (err) {
      throw news(err);
    }
    if (failure !== undefined) throw failure;
    return result;
  });
}

/** The PostgreSQL store, which can also take a whole hub copied from another engine (see copyHubStore.ts). */
export interface PgStore extends HubStore {
  /**
   * Writes records as they are (seqs kept, nothing logged anew) in one write transaction, the change-log head
   * moving up to the last seq among them: how a copy from another store arrives (see copyHubStore.ts). With
   * `intoEmpty`, writes only into a store that holds nothing yet (no change, row or value) and answers whether it
   * did: checked inside the transaction, so a hub node starting meanwhile and the copy never both get the store.
   */
  importRecords(records: readonly HubRecord[], opts?: { intoEmpty?: boolean }): Promise<boolean>;
}

/**
 * Opens the hub's store on PostgreSQL at `url`, creating or migrating its schema (see migrate.ts). Reads outside
 * `write` run on a pool and see committed state only. Writes queue for one connection per store instance, so a
 * node's waiting writers hold no connections, and take turns with every other node's (see writeTransaction).
 */
export async function openPgStore(url: string): Promise<PgStore> {
  const reads = openPool(url, READ_CONNECTIONS);
  const writes = openPool(url, 1, { pipeline: true });
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
    sharedByNodes: true,
    head: async () => (await run<{ seq: number }>(HEAD))[0].seq,
    write: (fn) => writeTransaction(writes, writer, fn),
    pull: (filter, cursor, limit) => pullChanges(run, filter, cursor, limit),
    snapshot: (scope, after, hwm, limit, history) => snapshotPage(reads, scope, after, hwm, limit, history),
    changesAfter: (cursor, limit) => changesAfter(run, cursor, limit),
    importRecords: (records, opts) => writeTransaction(writes, writer, (_tx, wire) => importRecords(wire.run, wire.send, records, opts?.intoEmpty === true)),
    onCommitElsewhere(listener) {
      const listening = listenForChanges(url, (_seq, committer) => (committer === null || committer !== writer.pid) && listener());
      return () => listening.close();
    },
    close,
  };
}
