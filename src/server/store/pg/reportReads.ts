import { reportSliceSql, type ReportReads, type ReportSlice, type SliceStatement } from '../reportReads';
import type { Run } from './run';

/** SQL written with `?` placeholders, numbered as PostgreSQL takes them. */
const numbered = (sql: string): string => {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
};

/** The report reads (see ../reportReads.ts) on PostgreSQL: a slice's statements run side by side on the pool. */
export function pgReportReads(run: Run): ReportReads {
  const all = <T>(s: SliceStatement) => run({ text: numbered(s.sql) }, s.values) as Promise<T[]>;
  return {
    async reportSlice(filter, from, to): Promise<ReportSlice> {
      const q = reportSliceSql(filter, from, to);
      const [created, resolved, answers, surveys, volumes, customers, replies, talk, waits] = await Promise.all([
        all<ReportSlice['created'][number]>(q.created),
        all<ReportSlice['resolved'][number]>(q.resolved),
        all<ReportSlice['answers'][number]>(q.answers),
        all<{ n: number }>(q.surveysSent),
        all<ReportSlice['volumes'][number]>(q.volumes),
        all<ReportSlice['customers'][number]>(q.customers),
        all<ReportSlice['replies'][number]>(q.replies),
        all<ReportSlice['talk'][number]>(q.talk),
        all<{ wait: number }>(q.nextWaits),
      ]);
      return { created, resolved, answers, surveysSent: surveys[0].n, volumes, customers, replies, talk, nextWaits: waits.map((w) => w.wait) };
    },
  };
}
