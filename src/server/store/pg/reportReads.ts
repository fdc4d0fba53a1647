import type { ReportReads } from '../reportReads';
import type { Run } from './run';

/** SQL written with `?` placeholders, numbered as PostgreSQL takes them. */
const numbered = (sql: string): string => {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
};

/** The report reads (see ../reportReads.ts) on PostgreSQL, rows as arrays as SQLite gives them. */
export function pgReportReads(run: Run): ReportReads {
  return { reportRows: (s) => run({ text: numbered(s.sql), rowMode: 'array' }, s.values) as Promise<unknown[][]> };
}
