import type { AuditAction, AuditEntry, Case } from '../shared/domain';
import { auditActionsOf, type AuditQuery } from '../shared/protocol';
import type { UnitOfWork } from './context';
import type { AuditFilter, StoreReads } from './store/hubStore';

export type TrailTarget = Pick<AuditEntry, 'targetType' | 'targetId' | 'queueId' | 'caseId'>;

/**
 * Writes one entry of the trail in the unit of work of the change it records, so the two commit (or fail)
 * together. `actorId` is the person's id, or SYSTEM_ACTOR_ID for the hub's own doings.
 */
export async function appendTrail(w: UnitOfWork, actorId: string, action: AuditAction, target: TrailTarget, before: unknown, after: unknown): Promise<void> {
  await w.appendAudit({ id: w.ctx.newId('audit'), actorId, action, ...target, before, after, at: w.ctx.now() });
}

/** A case as the target of an entry: found again by its case and its queue (as it stands after the change). */
export const caseTarget = (kase: Pick<Case, 'id' | 'queueId'>): TrailTarget => ({ targetType: 'case', targetId: kase.id, queueId: kase.queueId, caseId: kase.id });

/** A supervisor's `audit:query` as the store's filter: the action, actions or group as the list of actions. */
export function auditFilterOf(q: AuditQuery): AuditFilter {
  const { action: _one, actions: _many, group: _group, ...rest } = q;
  const actions = auditActionsOf(q);
  return { ...rest, ...(actions && { actions }) };
}

/** The subjects of the cases some entries name, by case id (cases deleted since are left out). */
export async function caseSubjectsOf(store: Pick<StoreReads, 'get'>, entries: readonly AuditEntry[]): Promise<Record<string, string>> {
  const ids = [...new Set(entries.flatMap((e) => (e.caseId ? [e.caseId] : [])))];
  const cases = await Promise.all(ids.map((id) => store.get('case', id)));
  return Object.fromEntries(cases.flatMap((c) => (c ? [[c.id, c.subject]] : [])));
}
