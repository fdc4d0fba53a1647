import type { Change, EntityName } from '../../../shared/protocol';
import type { Db, Statement } from './database';
import { ENTITY_TABLES } from './entities';
import { statementCache } from './statementCache';

/**
 * A row the hub sent that failed the workstation's schemas (e.g. stored by an older hub before it validated
 * what it stored). It is kept aside rather than applied, so that one bad row never stops the rest from syncing.
 */
export interface SetAsideRow {
  /** The entity as the hub named it: possibly one this build does not know, or `?` when it was not a string. */
  entity: string;
  id: string;
  seq: number;
  /** What is wrong, by field path and issue code: never the row's content (it may be a customer's details). */
  problem: string;
}

const isEntity = (entity: string): entity is EntityName => Object.hasOwn(ENTITY_TABLES, entity);

const statements = statementCache((db) => ({
  record: db.prepare(
    `INSERT INTO set_aside_rows (entity, id, seq, problem, set_aside_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (entity, id) DO UPDATE SET seq = excluded.seq, problem = excluded.problem, set_aside_at = excluded.set_aside_at
     WHERE excluded.seq > set_aside_rows.seq`,
  ),
  any: db.prepare('SELECT EXISTS (SELECT 1 FROM set_aside_rows)').pluck(),
  clear: db.prepare('DELETE FROM set_aside_rows WHERE entity = ? AND id = ? AND seq <= ?'),
  list: db.prepare('SELECT entity, id, seq, problem, set_aside_at AS setAsideAt FROM set_aside_rows ORDER BY seq, entity, id'),
  tombstone: db.prepare('SELECT seq FROM tombstones WHERE entity = ? AND id = ?').pluck(),
  held: Object.fromEntries(
    Object.entries(ENTITY_TABLES).map(([entity, { table }]) => [entity, db.prepare(`SELECT seq FROM ${table} WHERE id = ?`).pluck()]),
  ) as Record<EntityName, Statement>,
}));

/** The newest version of a row the cache already has: its copy, or the seq it was deleted at. */
function heldSeq(db: Db, entity: string, id: string): number {
  if (!isEntity(entity)) return 0;
  const s = statements(db);
  const copy = (s.held[entity].get(id) as number | undefined) ?? 0;
  const buried = (s.tombstone.get(entity, id) as number | undefined) ?? 0;
  return Math.max(copy, buried);
}

/**
 * Records rows set aside and returns those that are news, to be reported once: a version already set aside
 * (a snapshot page asked again after a restart), or one older than what the cache holds (a pull replaying
 * the log after a snapshot brought the row as it is now), is not.
 */
export function setAsideRows(db: Db, rows: readonly SetAsideRow[], now: number = Date.now()): SetAsideRow[] {
  const s = statements(db);
  return db
    .transaction(() => rows.filter((r) => r.seq >= heldSeq(db, r.entity, r.id) && s.record.run(r.entity, r.id, r.seq, r.problem, now).changes > 0))
    .immediate();
}

/**
 * Clears what valid rows supersede: a row set aside is forgotten once a version of it at least as new parses
 * (the hub corrected it). Called with every batch applied; a no-op while nothing is set aside.
 */
export function clearSupersededRows(db: Db, rows: readonly Change[]): void {
  const s = statements(db);
  if (rows.length === 0 || s.any.get() !== 1) return;
  for (const row of rows) s.clear.run(row.entity, row.id, row.seq);
}

/** Every row set aside, oldest first. */
export function listSetAsideRows(db: Db): (SetAsideRow & { setAsideAt: number })[] {
  return statements(db).list.all() as (SetAsideRow & { setAsideAt: number })[];
}
