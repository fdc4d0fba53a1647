import type { Migration } from './index';

/**
 * Marks on rows the hub sent that the cache does not hold as they are:
 * - `set_aside_rows`: rows that failed the workstation's schemas (a row stored by an older hub), one per row
 *   with the seq of the version set aside and a description of what is wrong (never the row itself). A newer
 *   valid version of the row clears it. Kept so they survive restarts and can be counted.
 * - `partial_cases`: cases cached from a lookup's continuation view (the case, its customer and only the
 *   hand-over entries of its timeline). When such a case comes through the feed its whole history is fetched.
 */
export const rowMarks: Migration = {
  version: 6,
  name: 'row-marks',
  up(db) {
    db.exec(`
      CREATE TABLE set_aside_rows (
        entity TEXT NOT NULL, id TEXT NOT NULL, seq INTEGER NOT NULL, problem TEXT NOT NULL, set_aside_at INTEGER NOT NULL,
        PRIMARY KEY (entity, id)
      ) WITHOUT ROWID;
      CREATE TABLE partial_cases (case_id TEXT PRIMARY KEY) WITHOUT ROWID;
    `);
  },
};
