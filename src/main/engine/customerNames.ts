import type { Db } from '../services/cache/database';

/** Names of cached customers by id (one query for a whole inbox page); ids not cached are left out. */
export function customerNames(db: Db, ids: readonly string[]): Map<string, string> {
  if (ids.length === 0) return new Map();
  const rows = db
    .prepare('SELECT id, name FROM customers WHERE id IN (SELECT value FROM json_each(?))')
    .all(JSON.stringify([...new Set(ids)])) as { id: string; name: string }[];
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** One cached customer's name, or null. */
export const customerName = (db: Db, id: string): string | null => customerNames(db, [id]).get(id) ?? null;
