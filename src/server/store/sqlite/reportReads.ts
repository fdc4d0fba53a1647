import type Database from 'better-sqlite3-multiple-ciphers';
import type { SliceStatement } from '../reportReads';

/** The report reads (see ../reportReads.ts) on one SQLite connection, each statement compiled once per shape of filter. */
export function sqliteReportReads(db: Database.Database): { reportRows(statement: SliceStatement): unknown[][] } {
  const compiled = new Map<string, Database.Statement>();
  return {
    reportRows(s) {
      let st = compiled.get(s.sql);
      if (!st) compiled.set(s.sql, (st = db.prepare(s.sql).raw()));
      return st.all(...s.values) as unknown[][];
    },
  };
}
