import type { z } from 'zod';
import type { Db } from '../services/cache/database';

// The engine's own rows in the person's encrypted cache (hub session, assist feedback). Created here rather
// than by a migration while src/main/services is being finished; to become migration 0003 there (README).
const ensured = new WeakSet<Db>();
function ensureTable(db: Db): void {
  if (ensured.has(db)) return;
  db.exec('CREATE TABLE IF NOT EXISTS workstation_settings (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID');
  ensured.add(db);
}

/**
 * A value kept in the cache, parsed with its schema on the way out (the file may come from an older build):
 * null when absent or no longer readable.
 */
export function readSetting<T extends z.ZodType>(db: Db, key: string, schema: T): z.infer<T> | null {
  ensureTable(db);
  const raw = db.prepare('SELECT value FROM workstation_settings WHERE key = ?').pluck().get(key) as string | undefined;
  if (raw === undefined) return null;
  const parsed = schema.safeParse(JSON.parse(raw));
  return parsed.success ? parsed.data : null;
}

export function writeSetting(db: Db, key: string, value: unknown): void {
  ensureTable(db);
  db.prepare('INSERT INTO workstation_settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(
    key,
    JSON.stringify(value),
  );
}

export function deleteSetting(db: Db, key: string): void {
  ensureTable(db);
  db.prepare('DELETE FROM workstation_settings WHERE key = ?').run(key);
}
