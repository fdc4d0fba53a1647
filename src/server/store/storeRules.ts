/** What every store engine decides the same way: subject matching, snapshot order and positions, due times. */
import type { Case } from '../../shared/domain';
import type { EntityName } from '../../shared/protocol';
import { foldText } from '../../shared/text/fold';
import { Refused } from '../refused';

/** Subjects match across "Re:", "Fwd:", case and spacing. */
export function normalizeSubject(subject: string): string {
  return foldText(subject.replace(/^\s*((re|fwd?|odp|πρβ|σχετ)\s*:\s*)+/i, '')).replace(/\s+/g, ' ').trim();
}

/** Snapshot order: reference data first (the UI needs queues and staff to draw anything), then cases. */
export const SNAPSHOT_ORDER: readonly EntityName[] = ['storeLocation', 'queue', 'staff', 'kb', 'canned', 'case', 'customer', 'interaction', 'csat', 'alert', 'held'];
/** Cases and what hangs off them: what a snapshot of a queue just joined covers. */
export const CASE_ENTITIES: ReadonlySet<EntityName> = new Set<EntityName>(['case', 'customer', 'interaction', 'csat']);

/** When a case's reply falls due, or null when nothing is due (answered, breached already, or not open). */
export const caseDue = (c: Case): number | null =>
  c.slaBreachedAt !== null || (c.status !== 'new' && c.status !== 'open') ? null : (c.firstResponseDueAt ?? c.nextResponseDueAt);

/** A snapshot position: `<entityIndex>:<total>:<lastId>`. */
export interface SnapshotPosition {
  idx: number;
  total: number;
  lastId: string;
}

export const formatSnapshotPosition = (p: SnapshotPosition): string => `${p.idx}:${p.total}:${p.lastId}`;

/** Reads a position this hub gave out for a snapshot over `entityCount` entities; anything else is refused. */
export function parseSnapshotPosition(after: string, entityCount: number): SnapshotPosition {
  const token = /^(\d{1,3}):(\d{1,15}):(.{0,64})$/su.exec(after);
  if (!token || Number(token[1]) > entityCount) {
    throw new Refused('invalid', 'after: not a snapshot position this hub gave out; start the snapshot again with after: null');
  }
  return { idx: Number(token[1]), total: Number(token[2]), lastId: token[3] };
}
