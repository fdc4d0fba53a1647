/** What every store engine decides the same way: subject matching, snapshot order and positions. */
import type { Change, EntityName } from '../../shared/protocol';
import { foldText } from '../../shared/text/fold';
import { Refused } from '../refused';
import type { CaseScope, SnapshotPage } from './hubStore';

/** Subjects match across "Re:", "Fwd:", case and spacing. */
export function normalizeSubject(subject: string): string {
  return foldText(subject.replace(/^\s*((re|fwd?|odp|πρβ|σχετ)\s*:\s*)+/i, '')).replace(/\s+/g, ' ').trim();
}

/**
 * Snapshot order: reference data first (the UI needs queues and staff to draw anything), then cases. Entities
 * added later go last, so positions a hub gave out before keep their meaning.
 */
export const SNAPSHOT_ORDER: readonly EntityName[] = ['storeLocation', 'queue', 'staff', 'kb', 'canned', 'case', 'customer', 'interaction', 'csat', 'alert', 'held', 'delivery'];
/** Cases and what hangs off them (whoever sees a case sees these): what a snapshot of a queue just joined covers. */
export const CASE_ENTITIES: ReadonlySet<EntityName> = new Set<EntityName>(['case', 'customer', 'interaction', 'csat', 'delivery']);

/** The entities a snapshot of `scope` walks, in order. */
export const snapshotEntities = (scope: Pick<CaseScope, 'casesOnly'>): readonly EntityName[] =>
  scope.casesOnly ? SNAPSHOT_ORDER.filter((e) => CASE_ENTITIES.has(e)) : SNAPSHOT_ORDER;

/** A snapshot position: `<entityIndex>:<total>:<lastId>`. */
export interface SnapshotPosition {
  idx: number;
  total: number;
  lastId: string;
}

const formatSnapshotPosition = (p: SnapshotPosition): string => `${p.idx}:${p.total}:${p.lastId}`;

/** Reads a position this hub gave out for a snapshot over `entityCount` entities; anything else is refused. */
export function parseSnapshotPosition(after: string, entityCount: number): SnapshotPosition {
  const token = /^(\d{1,3}):(\d{1,15}):(.{0,64})$/su.exec(after);
  if (!token || Number(token[1]) > entityCount) {
    throw new Refused('invalid', 'after: not a snapshot position this hub gave out; start the snapshot again with after: null');
  }
  return { idx: Number(token[1]), total: Number(token[2]), lastId: token[3] };
}

/** One read a snapshot page needs: rows of `entity` with ids after `afterId`, by id, at most `limit`. */
export interface SnapshotRead {
  entity: EntityName;
  afterId: string;
  limit: number;
}

/**
 * How one snapshot page walks the entities from `from` (null: the start) until `limit` rows: the engine asks
 * `next()` for each read, runs it, and hands its rows to `add`; an entity that runs out moves the walk to the
 * next. `page(hwm)` is then the page, with where the next one starts.
 */
export function snapshotPager(entities: readonly EntityName[], from: SnapshotPosition | null, total: number, limit: number) {
  let idx = from?.idx ?? 0;
  let lastId = from?.lastId ?? '';
  const rows: Change[] = [];
  return {
    next: (): SnapshotRead | null => (idx < entities.length && rows.length < limit ? { entity: entities[idx], afterId: lastId, limit: limit - rows.length } : null),
    add(page: readonly Change[]): void {
      rows.push(...page);
      if (page.length > 0) lastId = page[page.length - 1].id;
      if (rows.length < limit) {
        idx++;
        lastId = '';
      }
    },
    page(hwm: number): SnapshotPage {
      const done = idx >= entities.length;
      return { rows, after: done ? null : formatSnapshotPosition({ idx, total, lastId }), hwm, total, done };
    },
  };
}
