import type { Db } from '../cache/database';

/** The `detail` lines of EXPLAIN QUERY PLAN, for asserting that a query uses an index. */
export function queryPlan(db: Db, sql: string, ...params: unknown[]): string[] {
  return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail);
}

/** Plan lines that read a whole table: `SCAN <table>` without an index. */
export const fullScans = (plan: readonly string[], tables: readonly string[]): string[] =>
  plan.filter((line) => tables.some((t) => new RegExp(`^SCAN ${t}\\b`).test(line) && !/USING (COVERING )?INDEX/.test(line)));
