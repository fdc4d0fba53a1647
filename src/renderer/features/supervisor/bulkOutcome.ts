import { isOpenCase, type Case } from '../../../shared/domain';
import type { AssignTarget, ItemResult, ReasonCode } from '../../../shared/protocol';

/** Why a case seemed not to move, read from the cache: gone from it, no longer open, or not where it was sent. */
export type InferredReason = 'missing' | 'closed' | 'refused';
/** A case that did not move: the hub's reason (kept by the engine), or the most likely one read from the cache. */
export type NotMoved =
  | { caseId: string; moved: false; from: 'hub'; reason: ReasonCode; message: string | null }
  | { caseId: string; moved: false; from: 'cache'; reason: InferredReason };
export type CaseOutcome = { caseId: string; moved: true } | NotMoved;

/** True when the case is where the move sent it (a case sent to a queue may already be routed to one of its agents). */
export const landed = (c: Pick<Case, 'assigneeId' | 'queueId'>, to: AssignTarget): boolean =>
  'staffId' in to ? c.assigneeId === to.staffId : c.queueId === to.queueId;

/**
 * The outcome of each case of a move the hub has answered. With the hub's refusals (`failed`, from
 * `outbox.results`), a case it refused shows its reason and every other case moved; a case the hub refused
 * that was not in `caseIds` (a move of all of someone's cases, seen differently by the hub) is listed too.
 * Without them (`null`: the move had no refusal, or was not made here), each case is read from the cache once
 * the change feed has delivered it: landed, or the most likely reason it did not.
 */
export function bulkOutcome(caseIds: readonly string[], to: AssignTarget, casesById: ReadonlyMap<string, Case>, failed: readonly ItemResult[] | null): CaseOutcome[] {
  if (failed) {
    const refused = new Map(failed.map((f) => [f.id, f]));
    const ids = [...new Set([...caseIds, ...refused.keys()])];
    return ids.map((caseId): CaseOutcome => {
      const f = refused.get(caseId);
      return f ? { caseId, moved: false, from: 'hub', reason: f.reason ?? 'internal', message: f.message ?? null } : { caseId, moved: true };
    });
  }
  return caseIds.map((caseId): CaseOutcome => {
    const c = casesById.get(caseId);
    if (!c) return { caseId, moved: false, from: 'cache', reason: 'missing' };
    if (landed(c, to)) return { caseId, moved: true };
    return { caseId, moved: false, from: 'cache', reason: isOpenCase(c) ? 'refused' : 'closed' };
  });
}
