import type { HubContext } from './context';
import { keys } from './audience';

/**
 * Flags cases whose due reply was missed and tells everyone who sees them (`sla:breach`); the flag travels in
 * the change feed too, so a workstation that was offline learns it. Returns how many cases breached.
 */
export function flagBreaches(ctx: HubContext, batch = 500): number {
  const now = ctx.now();
  const overdue = ctx.store.overdueCases(now, batch);
  if (!overdue.length) return 0;
  ctx.write(() => {
    for (const c of overdue) {
      const kind = c.firstResponseDueAt !== null ? 'first' : 'next';
      const dueAt = (kind === 'first' ? c.firstResponseDueAt : c.nextResponseDueAt) ?? now;
      ctx.save('case', { ...c, slaBreachedAt: now, updatedAt: now, version: c.version + 1 });
      const audience = [keys.queue(c.queueId), ...(c.assigneeId ? [keys.staff(c.assigneeId)] : [])];
      ctx.emit(audience, 'sla:breach', { caseId: c.id, kind, dueAt }, true);
    }
  });
  return overdue.length;
}
