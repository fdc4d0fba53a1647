import { isOpenCase, type Case } from '../../../shared/domain';
import type { AssignTarget } from '../../../shared/protocol';

/** Why a case of a bulk move did not land: gone from the cache, no longer open, or refused by the hub. */
export type NotMovedReason = 'missing' | 'closed' | 'refused';
export type CaseOutcome = { caseId: string; moved: true } | { caseId: string; moved: false; reason: NotMovedReason };

/** True when the case is where the move sent it (a case sent to a queue may already be routed to one of its agents). */
export const landed = (c: Pick<Case, 'assigneeId' | 'queueId'>, to: AssignTarget): boolean =>
  'staffId' in to ? c.assigneeId === to.staffId : c.queueId === to.queueId;

/**
 * The outcome of each case of a move the hub has answered, read from the cache once the change feed has
 * delivered it (the outbox keeps no per-case results): landed, or the most likely reason it did not.
 */
export function bulkOutcome(caseIds: readonly string[], to: AssignTarget, casesById: ReadonlyMap<string, Case>): CaseOutcome[] {
  return caseIds.map((caseId): CaseOutcome => {
    const c = casesById.get(caseId);
    if (!c) return { caseId, moved: false, reason: 'missing' };
    if (landed(c, to)) return { caseId, moved: true };
    return { caseId, moved: false, reason: isOpenCase(c) ? 'refused' : 'closed' };
  });
}
