import type { Db } from '../cache/database';
import { priorityHistory } from '../cache/partialCases';
import { readSyncState } from '../cache/syncState';

/**
 * "Ready for offline": the promise that the person's own cases and the open cases of their queues are on this
 * workstation with their whole history, so they can work on them without the hub. Finished cases of others
 * older than the history window may still come without their timeline (fetched when opened): they are not part
 * of the promise.
 */
export interface OfflineReadiness {
  ready: boolean;
  /** How far towards ready, 0-100 (100 when ready). */
  percent: number;
}

/** Where a snapshot in flight stands: rows applied, and the row count at which the priority timelines end. */
export interface SnapshotStanding {
  done: number;
  readyAt: number;
  /** The snapshot has moved past the priority timelines (a later phase, or finished). */
  pastHistory: boolean;
}

/**
 * Decides readiness from the cache's standing. `snapshot` is the snapshot in flight in this session (null
 * when none, or none known yet); `priority` counts the person's priority cases cached, and those whole.
 * Before the first snapshot is past its priority timelines nothing is promised, whatever is cached.
 */
export function offlineReadiness(input: { bootstrapped: boolean; snapshot: SnapshotStanding | null; priority: { total: number; whole: number } }): OfflineReadiness {
  const { snapshot, priority } = input;
  if (snapshot !== null && !snapshot.pastHistory) {
    // Never 100 before it is true: the last rows of the phase are still being applied.
    return { ready: false, percent: snapshot.readyAt === 0 ? 99 : Math.min(99, Math.floor((snapshot.done / snapshot.readyAt) * 100)) };
  }
  if (!input.bootstrapped && snapshot === null) return { ready: false, percent: 0 };
  if (priority.whole >= priority.total) return { ready: true, percent: 100 };
  return { ready: false, percent: Math.min(99, Math.floor((priority.whole / priority.total) * 100)) };
}

/** Readiness as the cache alone tells it (no snapshot in flight known: signed in offline, or not yet synced). */
export function readinessOfCache(db: Db, staffId: string): OfflineReadiness {
  const s = readSyncState(db);
  return offlineReadiness({ bootstrapped: s.bootstrapped, snapshot: null, priority: s.scope ? priorityHistory(db, staffId, s.scope) : { total: 0, whole: 0 } });
}
