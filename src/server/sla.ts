import type { HubContext } from './context';
import { keys } from './audience';

/**
 * Flags cases whose due reply was missed and tells everyone who sees them (`sla:breach`); the flag travels in
 * the change feed too, so a workstation that was offline learns it. The overdue cases are read inside the unit
 * of work that flags them, so two hub nodes never flag (or announce) one breach twice. Returns how many cases
 * breached.
 */
export function flagBreaches(ctx: HubContext, batch = 500): Promise<number> {
  return ctx.write(async (w) => {
    const now = ctx.now();
    const overdue = await w.overdueCases(now, batch);
    for (const c of overdue) {
      const kind = c.firstResponseDueAt !== null ? 'first' : 'next';
      const dueAt = (kind === 'first' ? c.firstResponseDueAt : c.nextResponseDueAt) ?? now;
      await w.save('case', { ...c, slaBreachedAt: now, updatedAt: now, version: c.version + 1 });
      const audience = [keys.queue(c.queueId), ...(c.assigneeId ? [keys.staff(c.assigneeId)] : [])];
      w.emit(audience, 'sla:breach', { caseId: c.id, kind, dueAt }, true);
    }
    return overdue.length;
  });
}
