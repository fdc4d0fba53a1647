import type { EntityName, EntityRow } from '../../../shared/protocol';
import type { Db, Statement } from './database';
import { ENTITY_TABLES } from './entities';
import { statementCache } from './statementCache';

const statements = statementCache((db) =>
  Object.fromEntries(
    Object.entries(ENTITY_TABLES).map(([entity, { table }]) => [entity, db.prepare(`SELECT data FROM ${table} WHERE id = ?`).pluck()]),
  ) as Record<EntityName, Statement>,
);

/** The confirmed row of an entity, as the hub last sent it; null when not cached. */
export function getRow<E extends EntityName>(db: Db, entity: E, id: string): EntityRow<E> | null {
  const data = statements(db)[entity].get(id) as string | undefined;
  return data === undefined ? null : (JSON.parse(data) as EntityRow<E>);
}

/** Parses the `data` column of rows read by a query. */
export const parseRows = <T>(rows: readonly { data: string }[]): T[] => rows.map((r) => JSON.parse(r.data) as T);
