import { isOpenCase, type Case, type Customer, type Staff } from '../shared/domain';
import type { HubContext } from './context';

/** Whether `s` may be given `kase` now: available member, language, skills and room on the case's channel. */
type Work = Pick<Case, 'id' | 'queueId' | 'lastChannel'>;

function canTake(ctx: HubContext, s: Staff | null, kase: Work, customer: Pick<Customer, 'language'> | null): s is Staff {
  const queue = ctx.queue(kase.queueId);
  return (
    !!queue &&
    !!s &&
    s.status === 'available' &&
    queue.memberIds.includes(s.id) &&
    (!customer || s.languages.includes(customer.language)) &&
    queue.skills.every((k) => s.skills.includes(k)) &&
    ctx.store.loadOf(s.id, kase.lastChannel) < s.capacity[kase.lastChannel]
  );
}

/**
 * Routing (docs/architecture.md, "Routing, SLA and voice of the customer"): an available member of the case's queue who speaks the customer's
 * language, has the queue's skills and spare capacity on the case's channel; the person who last served this
 * customer first (continuity), then whoever has been idle longest. Otherwise the case waits in its queue.
 */
export function pickAgent(ctx: HubContext, kase: Work, customer: Pick<Customer, 'id' | 'language'> | null, exclude?: string): Staff | null {
  const queue = ctx.queue(kase.queueId);
  if (!queue) return null;
  if (customer) {
    const previous = lastServedBy(ctx, customer.id, kase.id);
    const candidate = previous && previous !== exclude ? ctx.staff(previous) : null;
    if (canTake(ctx, candidate, kase, customer)) return candidate;
  }
  // Cheap checks first, then the capacity query in idle order: the first with room wins.
  const idle = queue.memberIds
    .map((id) => ctx.staff(id))
    .filter((s): s is Staff => !!s && s.id !== exclude && s.status === 'available')
    .map((s) => ({ s, at: ctx.store.lastAssignedAt(s.id) ?? 0 }))
    .sort((a, b) => a.at - b.at || a.s.id.localeCompare(b.s.id));
  for (const { s } of idle) if (canTake(ctx, s, kase, customer)) return s;
  return null;
}

/** Who last had one of the customer's other cases. */
function lastServedBy(ctx: HubContext, customerId: string, exceptCaseId: string): string | null {
  let best: { staffId: string; at: number } | null = null;
  for (const c of ctx.store.casesOfCustomer(customerId)) {
    if (c.id === exceptCaseId && c.assigneeHistory.length === 0) continue;
    const last = c.assigneeHistory[c.assigneeHistory.length - 1];
    if (last && (!best || last.at > best.at)) best = { staffId: last.staffId, at: last.at };
  }
  return best?.staffId ?? null;
}

/** The case given to `staffId` (or back to its queue when null), with the assignment recorded. */
export function withAssignee(ctx: HubContext, kase: Case, staffId: string | null, queueId = kase.queueId): Case {
  const now = ctx.now();
  if (staffId) ctx.store.setLastAssignedAt(staffId, now);
  return {
    ...kase,
    queueId,
    assigneeId: staffId,
    assigneeHistory: staffId ? [...kase.assigneeHistory, { staffId, at: now }] : kase.assigneeHistory,
    updatedAt: now,
    version: kase.version + 1,
  };
}

/** An unassigned open case given to whoever routing picks, or unchanged when nobody can take it. Saves nothing. */
export function routed(ctx: HubContext, kase: Case, customer: Customer | null, exclude?: string): Case {
  if (kase.assigneeId || !isOpenCase(kase)) return kase;
  const agent = pickAgent(ctx, kase, customer, exclude);
  return agent ? withAssignee(ctx, kase, agent.id) : kase;
}

/** Routes an unassigned open case; saves and returns it (assigned or still waiting). Inside `write`. */
export function routeCase(ctx: HubContext, kase: Case, exclude?: string): Case {
  const result = routed(ctx, kase, ctx.store.get('customer', kase.customerId), exclude);
  if (result !== kase) ctx.save('case', result);
  return result;
}

/** Gives waiting cases of a person's queues to them while they have room (they became available). Inside `write`. */
export function pullWaitingWork(ctx: HubContext, staffId: string): void {
  const person = ctx.staff(staffId);
  if (person?.status !== 'available') return;
  for (const q of ctx.queues()) {
    if (!q.memberIds.includes(staffId)) continue;
    for (const c of ctx.store.waitingCases(q.id, 50)) {
      const customer = ctx.store.get('customer', c.customerId);
      if (canTake(ctx, person, c, customer)) ctx.save('case', withAssignee(ctx, c, staffId));
    }
  }
}

/**
 * Offers go back to the queue when someone goes away or offline: cases given to them that nobody answered yet.
 * They are routed again at once to someone else. Inside `write`.
 */
export function returnOffers(ctx: HubContext, staffId: string): void {
  for (const c of ctx.store.openCasesOfAssignee(staffId)) {
    if (c.firstRespondedAt !== null || c.status !== 'new') continue;
    const back = withAssignee(ctx, c, null);
    ctx.save('case', back);
    routeCase(ctx, back, staffId);
  }
}
