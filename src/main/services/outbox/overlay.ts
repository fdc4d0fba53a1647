import type { EntityName, EntityRow, MutationType, ReasonCode } from '../../../shared/protocol';
import type { Db } from '../cache/database';
import { statementCache } from '../cache/statementCache';
import type { OutboxState } from './outbox';

/** An outbox mutation touching a row, as the UI shows it (a pending badge, a refusal and its reason). */
export interface LocalChange {
  mutationId: string;
  type: MutationType;
  state: OutboxState;
  reason: ReasonCode | null;
  message: string | null;
}

/** A row as the agent should see it: confirmed state with their own unconfirmed changes laid over it. */
export type Overlaid<T> = T & { local: LocalChange[] };

interface OverlayRow {
  entity_id: string;
  patch: string;
  mutation_id: string;
  type: MutationType;
  state: OutboxState;
  reason: ReasonCode | null;
  message: string | null;
}

// An acked mutation's effect stays until the feed has delivered its change (cursor >= acked_seq), so the
// screen never steps back to the old state in between.
const LIVE = `(b.state <> 'acked' OR b.acked_seq > (SELECT cursor FROM sync_state WHERE id = 1))`;
const COLUMNS = 'o.entity_id, o.patch, b.mutation_id, b.type, b.state, b.reason, b.message';

const statements = statementCache((db) => ({
  patchesFor: db.prepare(
    `SELECT ${COLUMNS} FROM overlay o JOIN outbox b USING (mutation_id)
     WHERE o.entity = ? AND o.is_new = 0 AND o.entity_id IN (SELECT value FROM json_each(?)) AND ${LIVE}
     ORDER BY b.position`,
  ),
  newRowsOfCase: db.prepare(
    `SELECT ${COLUMNS} FROM overlay o JOIN outbox b USING (mutation_id)
     WHERE o.entity = ? AND o.is_new = 1 AND o.case_id = ? AND ${LIVE} ORDER BY b.position`,
  ),
  caseTouched: db.prepare(
    `SELECT 1 FROM overlay o JOIN outbox b USING (mutation_id)
     WHERE o.case_id = ? AND b.state IN ('pending', 'sending', 'acked') AND ${LIVE} LIMIT 1`,
  ).pluck(),
  patchedIds: db.prepare(
    `SELECT DISTINCT o.entity_id FROM overlay o JOIN outbox b USING (mutation_id)
     WHERE o.entity = ? AND o.is_new = 0 AND b.state IN ('pending', 'sending', 'acked') AND ${LIVE}`,
  ).pluck(),
}));

const localOf = (r: OverlayRow): LocalChange => ({ mutationId: r.mutation_id, type: r.type, state: r.state, reason: r.reason, message: r.message });

// A refused or held change is listed (with its reason) but not applied: the row shows what the hub holds.
const applies = (state: OutboxState): boolean => state === 'pending' || state === 'sending' || state === 'acked';

/**
 * Whether this workstation's person changed the case and the feed has not yet brought the change back: what the
 * hub then does to the case (assigning it to them as they reply or take it) is their own doing, not news.
 */
export function touchedByMe(db: Db, caseId: string): boolean {
  return statements(db).caseTouched.get(caseId) !== undefined;
}

/** Lays the outbox's patches over confirmed rows, oldest mutation first. */
export function layOver<E extends EntityName>(db: Db, entity: E, rows: readonly EntityRow<E>[]): Overlaid<EntityRow<E>>[] {
  if (rows.length === 0) return [];
  const overlays = statements(db).patchesFor.all(entity, JSON.stringify(rows.map((r) => r.id))) as OverlayRow[];
  return rows.map((row) => {
    let merged: EntityRow<E> = row;
    const local: LocalChange[] = [];
    for (const o of overlays) {
      if (o.entity_id !== row.id) continue;
      if (applies(o.state)) merged = { ...merged, ...(JSON.parse(o.patch) as Partial<EntityRow<E>>) };
      local.push(localOf(o));
    }
    return { ...merged, local };
  });
}

/** Rows that exist only in the outbox so far (a reply being sent), for one case. */
export function localRowsOfCase<E extends EntityName>(db: Db, entity: E, caseId: string): Overlaid<EntityRow<E>>[] {
  return (statements(db).newRowsOfCase.all(entity, caseId) as OverlayRow[]).map((o) => ({
    ...(JSON.parse(o.patch) as EntityRow<E>),
    local: [localOf(o)],
  }));
}

/** Ids of rows with unconfirmed patches: list queries include them even when their confirmed state would not match. */
export function patchedIds(db: Db, entity: EntityName): string[] {
  return statements(db).patchedIds.all(entity) as string[];
}
