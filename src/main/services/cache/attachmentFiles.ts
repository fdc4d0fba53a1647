import type { AttachmentType } from '../../../shared/domain';
import type { Db } from './database';
import { statementCache } from './statementCache';

/** Bytes of files kept in one person's cache; past it, the files opened longest ago go first. */
export const ATTACHMENT_CACHE_BYTES = 256 * 1024 * 1024;

const statements = statementCache((db: Db) => ({
  get: db.prepare<[string], { type: AttachmentType; bytes: Buffer }>('SELECT type, bytes FROM attachment_files WHERE sha256 = ?'),
  touch: db.prepare<[number, string]>('UPDATE attachment_files SET opened_at = ? WHERE sha256 = ?'),
  keep: db.prepare<[string, string, number, Buffer, number]>(
    'INSERT INTO attachment_files (sha256, type, size, bytes, opened_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (sha256) DO UPDATE SET opened_at = excluded.opened_at',
  ),
  total: db.prepare<[], { n: number }>('SELECT COALESCE(SUM(size), 0) AS n FROM attachment_files'),
  oldest: db.prepare<[], { sha256: string; size: number }>('SELECT sha256, size FROM attachment_files ORDER BY opened_at, sha256'),
  drop: db.prepare<[string]>('DELETE FROM attachment_files WHERE sha256 = ?'),
}));

/** A file kept here, marked as opened now; null when it is not kept. */
export function cachedFile(db: Db, sha256: string, now: number): Buffer | null {
  const s = statements(db);
  const row = s.get.get(sha256);
  if (!row) return null;
  s.touch.run(now, sha256);
  return row.bytes;
}

/** Keeps a file (whose bytes have `sha256`), then lets the files opened longest ago go past `budget` bytes. */
export function keepFile(db: Db, file: { sha256: string; type: AttachmentType; bytes: Buffer }, now: number, budget = ATTACHMENT_CACHE_BYTES): void {
  const s = statements(db);
  db.transaction(() => {
    s.keep.run(file.sha256, file.type, file.bytes.length, file.bytes, now);
    let total = s.total.get()!.n;
    if (total <= budget) return;
    for (const old of s.oldest.all()) {
      if (total <= budget) break;
      if (old.sha256 === file.sha256) continue;
      s.drop.run(old.sha256);
      total -= old.size;
    }
  })();
}
