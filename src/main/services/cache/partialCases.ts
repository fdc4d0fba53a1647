import type { Db } from './database';
import { statementCache } from './statementCache';

/**
 * Cases cached in part: a customer lookup's continuation view brings a case outside the asker's scope with its
 * customer and only the hand-over entries of its timeline. Such a case, once it comes through the feed (it
 * entered the person's scope), needs its whole history fetched; until then the mark says so.
 */

const statements = statementCache((db) => ({
  mark: db.prepare('INSERT OR IGNORE INTO partial_cases (case_id) SELECT value FROM json_each(?)'),
  clear: db.prepare('DELETE FROM partial_cases WHERE case_id IN (SELECT value FROM json_each(?))'),
  any: db.prepare('SELECT EXISTS (SELECT 1 FROM partial_cases)').pluck(),
  among: db.prepare('SELECT case_id FROM partial_cases WHERE case_id IN (SELECT value FROM json_each(?))').pluck(),
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
