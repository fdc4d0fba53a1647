import type Database from 'better-sqlite3-multiple-ciphers';
import { reportSliceSql, type ReportSlice, type SliceStatement } from '../reportReads';

/** The report reads (see ../reportReads.ts) on one SQLite connection, each statement compiled once per shape of filter. */
export function sqliteReportReads(db: Database.Database): { reportSlice(...args: Parameters<typeof reportSliceSql>): ReportSlice } {
  const compiled = new Map<string, Database.Statement>();
  const statement = (s: SliceStatement) => {
    let st = compiled.get(s.sql);
    if (!st) compiled.set(s.sql, (st = db.prepare(s.sql)));
    return st;
  };
  const all = <T>(s: SliceStatement) => statement(s).all(...s.values) as T[];
  return {
    reportSlice(filter, from, to) {
      const q = reportSliceSql(filter, from, to);
      return {
        created: all(q.created),
        resolved: all(q.resolved),
        answers: all(q.answers),
        surveysSent: (statement(q.surveysSent).get(...q.surveysSent.values) as { n: number }).n,
        volumes: all(q.volumes),
        customers: all(q.customers),
        replies: all(q.replies),
        talk: all(q.talk),
        nextWaits: statement(q.nextWaits).pluck().all(...q.nextWaits.values) as number[],
      };
    },
  };
}
