import type { Case, CsatResponse, Interaction } from '../../../../shared/domain';
import { layOver, type Overlaid } from '../../outbox/overlay';
import type { Db } from '../database';
import { parseRows } from '../rows';

/**
 * What the supervisor console computes its figures from: every open case, and the cases touched since `since`
 * (the day's resolved ones count in the charts), with my unconfirmed changes laid over them.
 */
export function listSupervisedCases(db: Db, since: number): Overlaid<Case>[] {
  const rows = db
    .prepare(`SELECT data FROM cases WHERE status IN ('new', 'open', 'pending') UNION SELECT data FROM cases WHERE updated_at >= ?`)
    .all(since) as { data: string }[];
  return layOver(db, 'case', parseRows<Case>(rows));
}

/**
 * The same rows for some cases only (the console's live update): those of `caseIds`, and the cases of the
 * messages `interactionIds`, that are open or were touched since `since`. `gone`: the others asked about
 * (closed earlier, or no longer in this cache).
 */
export function supervisedCasesAmong(db: Db, since: number, caseIds: readonly string[], interactionIds: readonly string[]): { cases: Overlaid<Case>[]; gone: string[] } {
  const rows = db
    .prepare(
      `SELECT data FROM cases
       WHERE id IN (SELECT value FROM json_each(?) UNION SELECT case_id FROM interactions WHERE id IN (SELECT value FROM json_each(?)))
         AND (status IN ('new', 'open', 'pending') OR updated_at >= ?)`,
    )
    .all(JSON.stringify(caseIds), JSON.stringify(interactionIds), since) as { data: string }[];
  const cases = layOver(db, 'case', parseRows<Case>(rows));
  const kept = new Set(cases.map((c) => c.id));
  return { cases, gone: caseIds.filter((id) => !kept.has(id)) };
}

/** Survey answers received since `since`, oldest first. */
export function listCsatSince(db: Db, since: number): CsatResponse[] {
  return parseRows<CsatResponse>(db.prepare('SELECT data FROM csat WHERE created_at >= ? ORDER BY created_at').all(since) as { data: string }[]);
}

/** The survey answers among `ids` received since `since`, oldest first. */
export function csatSinceAmong(db: Db, since: number, ids: readonly string[]): CsatResponse[] {
  const rows = db
    .prepare('SELECT data FROM csat WHERE id IN (SELECT value FROM json_each(?)) AND created_at >= ? ORDER BY created_at')
    .all(JSON.stringify(ids), since) as { data: string }[];
  return parseRows<CsatResponse>(rows);
}

/** How many of a customer's newest messages decide their mood (as in the inbox). */
const MOOD_MESSAGES = 3;

/** The texts of a case's newest customer messages, oldest first. */
export function latestInboundTexts(db: Db, caseId: string): string[] {
  const rows = db
    .prepare(`SELECT data FROM interactions WHERE case_id = ? AND json_extract(data, '$.direction') = 'inbound' ORDER BY created_at DESC, id DESC LIMIT ?`)
    .all(caseId, MOOD_MESSAGES) as { data: string }[];
  return parseRows<Interaction>(rows)
    .map((i) => i.text)
    .filter((t) => t.trim() !== '')
    .reverse();
}
