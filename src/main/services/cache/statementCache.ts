import type { Db } from './database';

/**
 * Memoises prepared statements per connection: preparing is the costly part of a small query, and a
 * connection (one person's cache) lives for a whole session.
 */
export function statementCache<T>(prepare: (db: Db) => T): (db: Db) => T {
  const byDb = new WeakMap<Db, T>();
  return (db) => {
    let prepared = byDb.get(db);
    if (prepared === undefined) {
      prepared = prepare(db);
      byDb.set(db, prepared);
    }
    return prepared;
  };
}
