import type { Db } from './database';
import { MIGRATIONS, type Migration } from './migrations';

/**
 * Brings the schema to the newest version. All pending migrations and the new `user_version` are written in
 * one transaction, so a crash leaves the cache at the old version or the new one, never between.
 * Returns the versions before and after; refuses a cache written by a newer build.
 */
export function migrate(db: Db, migrations: readonly Migration[] = MIGRATIONS): { from: number; to: number } {
  const from = db.pragma('user_version', { simple: true }) as number;
  const latest = migrations.length === 0 ? 0 : migrations[migrations.length - 1].version;
  if (from > latest) throw new Error(`cache schema version ${from} is newer than this build knows (${latest})`);
  const pending = migrations.filter((m) => m.version > from);
  if (pending.length === 0) return { from, to: from };
  db.transaction(() => {
    for (const migration of pending) migration.up(db);
    db.pragma(`user_version = ${latest}`);
  }).immediate();
  return { from, to: latest };
}
