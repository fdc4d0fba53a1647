import { isOpenCase, SYSTEM_ACTOR_ID, type Case, type Channel, type Customer, type Staff } from '../shared/domain';
import { appendTrail, caseTarget } from './auditTrail';
import type { UnitOfWork } from './context';

type Work = Pick<Case, 'id' | 'queueId' | 'lastChannel'>;

/**
 * What takes a person's room on a channel: their open cases on it, and on the phone also the calls ringing for
 * them or answered by them (a call is recorded on a case only when it ends).
 */
async function roomTaken(w: UnitOfWork, staffId: string, channel: Channel): Promise<number> {
  return (await w.loadOf(staffId, channel)) + (channel === 'phone' ? (await w.liveCallsOf(staffId)).length : 0);
}

/** Whether `s` may be given `kase` now: available member, language, skills and room on the case's channel. */
async function canTake(w: UnitOfWork, s: Staff | null, kase: Work, customer: Pick<Customer, 'language'> | null): Promise<boolean> {
  const queue = w.ctx.queue(kase.queueId);
  return (
    !!queue &&
    !!s &&
    s.active &&
    s.status === 'available' &&
    queue.memberIds.includes(s.id) &&
    (!customer || s.languages.includes(customer.language)) &&
    queue.skills.every((k) => s.skills.includes(k)) &&
    (await roomTaken(w, s.id, kase.lastChannel)) < s.capacity[kase.lastChannel]
  );
}

/**
 * Routing (docs/architecture.md, "Routing, SLA and voice of the customer"): an available member of the case's
 * queue who speaks the customer's language, has the queue's skills and spare capacity on the case's channel;
 * the person who last served this customer first (continuity), then whoever has been idle longest. Otherwise
 * the case waits in its queue. Capacity is read inside the unit of work that assigns, so two decisions cannot
 * both take the last free place.
 */
export async function pickAgent(w: UnitOfWork, kase: Work, customer: Pick<Customer, 'id' | 'language'> | null, exclude: readonly string[] = []): Promise<Staff | null> {
  const { ctx } = w;
  const queue = ctx.queue(kase.queueId);
  if (!queue) return null;
  if (customer) {
    const previous = await lastServedBy(w, customer.id, kase.id);
    const candidate = previous && !exclude.includes(previous) ? ctx.staff(previous) : null;
    if (candidate && (await canTake(w, candidate, kase, customer))) return candidate;
  }
  // Cheap checks first, then the capacity query in idle order: the first with room wins.
  const available = queue.memberIds.map((id) => ctx.staff(id)).filter((s): s is Staff => !!s && !exclude.includes(s.id) && s.active && s.status === 'available');
  const assignedAt = await w.lastAssignedAt(available.map((s) => s.id));
  const idle = available.map((s) => ({ s, at: assignedAt.get(s.id) ?? 0 }));
  idle.sort((a, b) => a.at - b.at || a.s.id.localeCompare(b.s.id));
  for (const { s } of idle) if (await canTake(w, s, kase, customer)) return s;
  return null;
}

/** Who last had one of the customer's other cases. */
async function lastServedBy(w: UnitOfWork, customerId: string, exceptCaseId: string): Promise<string | null> {
  let best: { staffId: string; at: number } | null = null;
  for (const c of await w.casesOfCustomer(customerId)) {
    if (c.id === exceptCaseId && c.assigneeHistory.length === 0) continue;
    const last = c.assigneeHistory[c.assigneeHistory.length - 1];
    if (last && (!best || last.at > best.at)) best = { staffId: last.staffId, at: last.at };
  }
  return best?.staffId ?? null;
}

/** The case given to `staffId` (or back to its queue when null), with the assignment recorded. */
export async function withAssignee(w: UnitOfWork, kase: Case, staffId: string | null, queueId = kase.queueId): Promise<Case> {
  const now = w.ctx.now();
  if (staffId) await w.setLastAssignedAt(staffId, now);
  return {
    ...kase,
    queueId,
    assigneeId: staffId,
    assigneeHistory: staffId ? [...kase.assigneeHistory, { staffId, at: now }] : kase.assigneeHistory,
    updatedAt: now,
    version: kase.version + 1,
  };
}

/**
 * `kase` given by routing to `staffId` (or back to its queue when null), with the assignment recorded and an entry
 * in the trail by the hub itself: a case's trail then says how it reached whoever has it.
 */
async function routedTo(w: UnitOfWork, kase: Case, staffId: string | null): Promise<Case> {
  const next = await withAssignee(w, kase, staffId);
  await appendTrail(w, SYSTEM_ACTOR_ID, 'case.routed', caseTarget(next), { assigneeId: kase.assigneeId }, { assigneeId: staffId, queueId: next.queueId });
  return next;
}

/** An unassigned open case given to whoever routing picks, or unchanged when nobody can take it. Saves nothing. */
export async function routed(w: UnitOfWork, kase: Case, customer: Customer | null, exclude?: string): Promise<Case> {
  if (kase.assigneeId || !isOpenCase(kase)) return kase;
  const agent = await pickAgent(w, kase, customer, exclude ? [exclude] : []);
  return agent ? routedTo(w, kase, agent.id) : kase;
}

/** Routes an unassigned open case; saves and returns it (assigned or still waiting). */
export async function routeCase(w: UnitOfWork, kase: Case, exclude?: string): Promise<Case> {
  const result = await routed(w, kase, await w.get('customer', kase.customerId), exclude);
  if (result !== kase) await w.save('case', result);
  return result;
}

/** Gives waiting cases of a person's queues to them while they have room (they became available). */
export async function pullWaitingWork(w: UnitOfWork, staffId: string): Promise<void> {
  const person = w.ctx.staff(staffId);
  if (person?.status !== 'available') return;
  for (const q of w.ctx.queues()) {
    if (!q.memberIds.includes(staffId)) continue;
    for (const c of await w.waitingCases(q.id, 50)) {
      const customer = await w.get('customer', c.customerId);
      if (await canTake(w, person, c, customer)) await w.save('case', await routedTo(w, c, staffId));
    }
  }
}

/**
 * Offers go back to the queue when someone goes away or offline: cases given to them that nobody answered yet.
 * They are routed again at once to someone else.
 */
export async function returnOffers(w: UnitOfWork, staffId: string): Promise<void> {
  for (const c of await w.openCasesOfAssignee(staffId)) {
    if (c.firstRespondedAt !== null || c.status !== 'new') continue;
    const back = await routedTo(w, c, null);
    await w.save('case', back);
    await routeCase(w, back, staffId);
  }
}
