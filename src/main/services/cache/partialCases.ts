import { FINISHED_CASE_STATUSES } from '../../../shared/domain';
import { isHistoryDeferred, type Change, type Scope } from '../../../shared/protocol';
import type { Db } from './database';
import { statementCache } from './statementCache';

/**
 * Cases cached in part, for two reasons:
 * - a customer lookup's continuation view brings a case outside the asker's scope with its customer and only the
 *   hand-over entries of its timeline. Such a case, once it comes through the feed (it entered the person's
 *   scope), needs its whole history fetched; until then the mark says so.
 * - a phased snapshot leaves out the timeline of finished cases older than its window (isHistoryDeferred): it
 *   is fetched when someone opens or finds one, or when the case changes (it came through the feed).
 */

/**
 * The person's priority cases, as the "ready for offline" promise names them: their own, and the open ones of
 * their scope (on cases as `c`; parameters: staffId, all, queueIdsJson, storeId).
 */
const PRIORITY = `(c.assignee_id = ? OR (c.status NOT IN (${FINISHED_CASE_STATUSES.map((s) => `'${s}'`).join(', ')})
  AND (? = 1 OR c.queue_id IN (SELECT value FROM json_each(?)) OR (c.store_id IS NOT NULL AND c.store_id = ?))))`;

const statements = statementCache((db) => ({
  mark: db.prepare('INSERT OR IGNORE INTO partial_cases (case_id) SELECT value FROM json_each(?)'),
  clear: db.prepare('DELETE FROM partial_cases WHERE case_id IN (SELECT value FROM json_each(?))'),
  any: db.prepare('SELECT EXISTS (SELECT 1 FROM partial_cases)').pluck(),
  among: db.prepare('SELECT case_id FROM partial_cases WHERE case_id IN (SELECT value FROM json_each(?))').pluck(),
  priority: db.prepare(
    `SELECT count(*) AS total, count(*) - count(p.case_id) AS whole FROM cases c LEFT JOIN partial_cases p ON p.case_id = c.id
     WHERE ${PRIORITY}`,
  ),
}));

/** Marks cases whose rows came as a continuation view. */
export function markPartialCases(db: Db, caseIds: readonly string[]): void {
  if (caseIds.length > 0) statements(db).mark.run(JSON.stringify(caseIds));
}

/** Clears the mark of cases whose whole history arrived (a `case:fetch` answer, a snapshot) or that left the cache. */
export function clearPartialCases(db: Db, caseIds: readonly string[]): void {
  if (caseIds.length > 0 && statements(db).any.get() === 1) statements(db).clear.run(JSON.stringify(caseIds));
}

/** Which of `caseIds` are cached in part. */
export function partialCasesAmong(db: Db, caseIds: readonly string[]): string[] {
  const s = statements(db);
  if (caseIds.length === 0 || s.any.get() !== 1) return [];
  return s.among.all(JSON.stringify(caseIds)) as string[];
}

/**
 * Marks for the case rows of a phased snapshot page (`since` its window, `staffId` the person): cases whose
 * timeline it leaves out are marked, the others (their timeline is coming) cleared.
 */
export function markDeferredHistory(db: Db, rows: readonly Change[], since: number, staffId: string): void {
  const cases = rows.flatMap((r) => (r.entity === 'case' && r.op === 'upsert' ? [r.data] : []));
  const deferred = cases.filter((c) => isHistoryDeferred(c, since, staffId)).map((c) => c.id);
  clearPartialCases(db, cases.filter((c) => !deferred.includes(c.id)).map((c) => c.id));
  markPartialCases(db, deferred);
}

/** How many of the person's priority cases are cached, and how many of them with their whole history. */
export function priorityHistory(db: Db, staffId: string, scope: Scope): { total: number; whole: number } {
  return statements(db).priority.get(staffId, scope.all ? 1 : 0, JSON.stringify(scope.queueIds), scope.storeId) as { total: number; whole: number };
}
