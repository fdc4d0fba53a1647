import type { Change, Scope } from '../../../shared/protocol';
import { applyRows, type AppliedChanges } from './applyChanges';
import type { Db } from './database';
import { clearPartialCases, markDeferredHistory } from './partialCases';
import { applyInSlices } from './slicedApply';
import { statementCache } from './statementCache';

/** A snapshot in flight: where to resume it. `queueIds` null is the full bootstrap; else queues just joined. */
export interface SnapshotProgress {
  after: string | null;
  hwm: number | null;
  queueIds: string[] | null;
}

/** What the cache knows of its place in the hub's log. */
export interface SyncState {
  /** Last applied log seq. */
  cursor: number;
  /** True once a full snapshot has completed: from then on the log alone keeps the cache current. */
  bootstrapped: boolean;
  snapshot: SnapshotProgress | null;
  /** The scope of the last `hello` or `scope` event. */
  scope: Scope | null;
}

/** One page of a `sync:snapshot` answer. */
export interface SnapshotPage {
  rows: readonly Change[];
  after: string | null;
  hwm: number;
  done: boolean;
  /** A phased snapshot's window: finished cases older than it come without their timeline. */
  historySince?: number;
}

interface StateRow {
  cursor: number;
  bootstrapped: number;
  snapshot_after: string | null;
  snapshot_hwm: number | null;
  snapshot_queue_ids: string | null;
  snapshot_active: number;
  scope: string | null;
}

const statements = statementCache((db) => ({
  read: db.prepare('SELECT * FROM sync_state WHERE id = 1'),
  progress: db.prepare(
    'UPDATE sync_state SET snapshot_active = ?, snapshot_after = ?, snapshot_hwm = ?, snapshot_queue_ids = ? WHERE id = 1',
  ),
  finishBootstrap: db.prepare('UPDATE sync_state SET bootstrapped = 1, cursor = max(cursor, ?) WHERE id = 1'),
  scope: db.prepare('UPDATE sync_state SET scope = ? WHERE id = 1'),
}));

/** Reads the sync state. */
export function readSyncState(db: Db): SyncState {
  const row = statements(db).read.get() as StateRow;
  return {
    cursor: row.cursor,
    bootstrapped: row.bootstrapped === 1,
    snapshot:
      row.snapshot_active === 1
        ? {
            after: row.snapshot_after,
            hwm: row.snapshot_hwm,
            queueIds: row.snapshot_queue_ids === null ? null : (JSON.parse(row.snapshot_queue_ids) as string[]),
          }
        : null,
    scope: row.scope === null ? null : (JSON.parse(row.scope) as Scope),
  };
}

/**
 * Records that a snapshot must run (queues just joined, or the bootstrap), so that it is resumed after a crash.
 * A snapshot of other queues already in flight is widened and restarted rather than forgotten.
 */
export function beginSnapshot(db: Db, queueIds: string[] | null): SnapshotProgress {
  const current = readSyncState(db).snapshot;
  const widened =
    queueIds === null || (current !== null && current.queueIds === null)
      ? null
      : [...new Set([...(current?.queueIds ?? []), ...queueIds])];
  statements(db).progress.run(1, null, null, widened === null ? null : JSON.stringify(widened));
  return { after: null, hwm: null, queueIds: widened };
}

/**
 * Applies one snapshot page and records how far the snapshot got, in one transaction. When the full bootstrap
 * is done the cursor moves to its `hwm` (the log position it started at); a narrowed snapshot leaves the
 * cursor alone, since the log after it still has to be pulled for every other queue. A snapshot brings the
 * whole history of the cases it covers, so cases it brings are no longer cached in part; except, in a phased
 * snapshot, those it leaves for later (`staffId`'s priority decides which), which are marked so.
 */
export function applySnapshotPage(db: Db, queueIds: string[] | null, page: SnapshotPage, staffId: string): AppliedChanges {
  return applySnapshotSlice(db, queueIds, page, staffId, page.rows, true);
}

/**
 * `applySnapshotPage` in slices of a few hundred rows, yielding to the event loop between them (see
 * `applyInSlices`). The snapshot's place is recorded with the last slice only, so a crash mid-page asks for
 * the same page again.
 */
export function applySnapshotPageInSlices(
  db: Db,
  queueIds: string[] | null,
  page: SnapshotPage,
  staffId: string,
  sliceRows?: number,
): Promise<AppliedChanges> {
  return applyInSlices(db, page.rows, (slice, last) => applySnapshotSlice(db, queueIds, page, staffId, slice, last), sliceRows);
}

function applySnapshotSlice(db: Db, queueIds: string[] | null, page: SnapshotPage, staffId: string, rows: readonly Change[], last: boolean): AppliedChanges {
  return db
    .transaction(() => {
      if (page.historySince === undefined) clearPartialCases(db, rows.filter((r) => r.entity === 'case').map((r) => r.id));
      else markDeferredHistory(db, rows, page.historySince, staffId);
      const applied = applyRows(db, rows);
      if (!last) return applied;
      const s = statements(db);
      if (page.done) {
        s.progress.run(0, null, null, null);
        if (queueIds === null) s.finishBootstrap.run(page.hwm);
      } else {
        s.progress.run(1, page.after, page.hwm, queueIds === null ? null : JSON.stringify(queueIds));
      }
      return applied;
    })
    .immediate();
}

/** Stores the scope the hub announced. */
export function saveScope(db: Db, scope: Scope): void {
  statements(db).scope.run(JSON.stringify(scope));
}
