import type { CsatResponse } from '../../../../shared/domain';
import type { Db } from '../database';
import { parseRows } from '../rows';

/** SQL of the survey answers of some cases, exported for query-plan tests. */
export const CSAT_OF_CASES_SQL = 'SELECT data FROM csat WHERE case_id IN (SELECT value FROM json_each(?)) ORDER BY created_at DESC';

/** The survey answers (score and comment) of the given cases, newest first. */
export function csatOfCases(db: Db, caseIds: readonly string[]): CsatResponse[] {
  return parseRows<CsatResponse>(db.prepare(CSAT_OF_CASES_SQL).all(JSON.stringify(caseIds)) as { data: string }[]);
}
