import type { z } from 'zod';
import type { Db } from '../services/cache/database';

// The engine's own rows in the person's encrypted cache (hub session, assist feedback): table
// `workstation_settings`, created by cache migration 0004.

/**
 * A value kept in the cache, parsed with its schema on the way out (the file may come from an older build):
 * null when absent or no longer readable.
 */
export function readSetting<T extends z.ZodType>(db: Db, key: string, schema: T): z.infer<T> | null {
  const raw = db.prepare('SELECT value FROM workstation_settings WHERE key = ?').pluck().get(key) as string | undefined;
  if (raw === undefined) return null;
  const parsed = schema.safeParse(JSON.parse(raw));
  return parsed.success ? parsed.data : null;
}

export function writeSetting(db: Db, key: string, value: unknown): void {
  db.prepare('INSERT INTO workstation_settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(
    key,
    JSON.stringify(value),
  );
}

export function deleteSetting(db: Db, key: string): void {
  db.prepare('DELETE FROM workstation_settings WHERE key = ?').run(key);
}
