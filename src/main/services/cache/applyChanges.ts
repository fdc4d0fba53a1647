import type { Change, EntityName } from '../../../shared/protocol';
import type { Db, Statement } from './database';
import { ENTITY_TABLES } from './entities';
import { partialCasesAmong } from './partialCases';
import { clearSupersededRows } from './setAsideRows';
import { statementCache } from './statementCache';

/** What an apply changed, for the UI (which rows to refresh) and the sync client (which cases to fetch). */
export interface AppliedChanges {
  /** Ids of rows actually written or deleted, per entity; rows skipped as older are not listed. */
  byEntity: Partial<Record<EntityName, string[]>>;
  /**
   * Cases whose history is not all here: new ones that arrived without their customer or timeline (a case
   * reassigned to me), and ones cached in part from a lookup's continuation view that the batch wrote.
   */
  casesMissingHistory: string[];
  /**
   * Cases the written rows belong to: written cases, and the case of each written or deleted row that names one
   * (an interaction, a delivery, a held reply), so a view of one case refreshes only when that case changed.
   */
  cases: string[];
}

const statements = statementCache((db) => {
  const entities = Object.fromEntries(
    Object.entries(ENTITY_TABLES).map(([entity, { table, columns }]) => {
      const names = Object.keys(columns);
      const upsert = db.prepare(
        `INSERT INTO ${table} (id, seq, data${names.map((n) => `, ${n}`).join('')})
         VALUES (?, ?, ?${names.map(() => ', ?').join('')})
         ON CONFLICT (id) DO UPDATE SET seq = excluded.seq, data = excluded.data${names.map((n) => `, ${n} = excluded.${n}`).join('')}
         WHERE excluded.seq > ${table}.seq`,
      );
      const remove = db.prepare(`DELETE FROM ${table} WHERE id = ? AND seq < ?`);
      const exists = db.prepare(`SELECT 1 FROM ${table} WHERE id = ?`).pluck();
      // A deleted row carries no data: the case it belonged to is read before it goes.
      const caseOf = db.prepare(`SELECT ${'case_id' in columns ? 'case_id' : entity === 'case' ? 'id' : 'NULL'} FROM ${table} WHERE id = ?`).pluck();
      return [entity, { upsert, remove, exists, caseOf }];
    }),
  ) as Record<EntityName, { upsert: Statement; remove: Statement; exists: Statement; caseOf: Statement }>;
  return {
    entities,
    tombstone: db.prepare('SELECT seq FROM tombstones WHERE entity = ? AND id = ?').pluck(),
    anyTombstone: db.prepare('SELECT EXISTS (SELECT 1 FROM tombstones)').pluck(),
    bury: db.prepare(
      'INSERT INTO tombstones (entity, id, seq) VALUES (?, ?, ?) ON CONFLICT (entity, id) DO UPDATE SET seq = max(seq, excluded.seq)',
    ),
    unbury: db.prepare('DELETE FROM tombstones WHERE entity = ? AND id = ?'),
    hasCustomer: db.prepare('SELECT 1 FROM customers WHERE id = (SELECT customer_id FROM cases WHERE id = ?)').pluck(),
    hasTimeline: db.prepare('SELECT 1 FROM interactions WHERE case_id = ? LIMIT 1').pluck(),
    advanceCursor: db.prepare('UPDATE sync_state SET cursor = max(cursor, ?) WHERE id = 1'),
  };
});

/**
 * Applies rows without a transaction of its own (callers wrap it with whatever else must commit with it).
 * A row is written only if its seq is newer than the copy held, and a deleted row stays deleted against older
 * copies, so snapshot pages, fetches and the log converge whatever order they arrive in. Rows set aside as
 * invalid that these rows supersede are forgotten.
 */
export function applyRows(db: Db, rows: readonly Change[]): AppliedChanges {
  const s = statements(db);
  const byEntity: Partial<Record<EntityName, string[]>> = {};
  const newCases: string[] = [];
  const writtenCases: string[] = [];
  const cases = new Set<string>();
  // Deletes are rare (merged customers): most batches, and every bootstrap page, skip the per-row lookup.
  const mayBeBuried = rows.some((c) => c.op === 'delete') || s.anyTombstone.get() === 1;
  for (const change of rows) {
    const entity = s.entities[change.entity];
    const buriedAt = mayBeBuried ? (s.tombstone.get(change.entity, change.id) as number | undefined) : undefined;
    let written: boolean;
    let caseId: unknown = null;
    if (change.op === 'delete') {
      caseId = entity.caseOf.get(change.id);
      written = entity.remove.run(change.id, change.seq).changes > 0;
      s.bury.run(change.entity, change.id, change.seq);
    } else {
      if (buriedAt !== undefined && buriedAt >= change.seq) continue;
      const isNew = change.entity === 'case' && !entity.exists.get(change.id);
      const columns = Object.values(ENTITY_TABLES[change.entity].columns) as ((row: unknown) => unknown)[];
      written = entity.upsert.run(change.id, change.seq, JSON.stringify(change.data), ...columns.map((col) => col(change.data))).changes > 0;
      if (written && buriedAt !== undefined) s.unbury.run(change.entity, change.id);
      if (written && isNew) newCases.push(change.id);
      if (written && change.entity === 'case') writtenCases.push(change.id);
      caseId = change.entity === 'case' ? change.id : 'caseId' in change.data ? change.data.caseId : null;
    }
    if (!written) continue;
    (byEntity[change.entity] ??= []).push(change.id);
    if (typeof caseId === 'string') cases.add(caseId);
  }
  clearSupersededRows(db, rows);
  // Checked after the whole batch: a new case usually arrives together with its customer and first message.
  const casesMissingHistory = [
    ...new Set([...newCases.filter((id) => !s.hasCustomer.get(id) || !s.hasTimeline.get(id)), ...partialCasesAmong(db, writtenCases)]),
  ];
  return { byEntity, casesMissingHistory, cases: [...cases] };
}

/**
 * Which of `caseIds` still lack their customer, their timeline or their whole history. For a batch applied in
 * slices: a case found missing after its slice may have had them brought by a later slice.
 */
export function casesStillMissingHistory(db: Db, caseIds: readonly string[]): string[] {
  const s = statements(db);
  const partial = new Set(partialCasesAmong(db, caseIds));
  return caseIds.filter((id) => partial.has(id) || !s.hasCustomer.get(id) || !s.hasTimeline.get(id));
}

/**
 * Applies a page of the change log and moves the cursor to `cursor` in the same transaction, so after a crash
 * the cache resumes exactly where its data stands. The cursor never moves backwards. `cursor` null leaves it
 * (a slice of a page other than its last, see `applyChangesInSlices`).
 */
export function applyChanges(db: Db, changes: readonly Change[], cursor: number | null): AppliedChanges {
  return db
    .transaction(() => {
      const applied = applyRows(db, changes);
      if (cursor !== null) statements(db).advanceCursor.run(cursor);
      return applied;
    })
    .immediate();
}
