import type { Migration } from './index';

/**
 * Files of the timeline opened on this workstation, by the SHA-256 of their bytes: in the person's encrypted
 * cache like every other row (never a plaintext file on disk), so a photo opened once shows offline too.
 * Pruned oldest-opened first past a size budget (src/main/services/cache/attachmentFiles.ts).
 */
export const attachmentFiles: Migration = {
  version: 9,
  name: 'attachment-files',
  up(db) {
    db.exec(`CREATE TABLE attachment_files (sha256 TEXT PRIMARY KEY, type TEXT NOT NULL, size INTEGER NOT NULL, bytes BLOB NOT NULL, opened_at INTEGER NOT NULL);
             CREATE INDEX attachment_files_opened ON attachment_files (opened_at)`);
  },
};
