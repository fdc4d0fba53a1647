import { isOpenCase, type Customer, type Staff } from '../shared/domain';
import type { CallOffer, CallRespond } from '../shared/protocol';
import { keys } from './audience';
import { caseGlimpse, startServing } from './continuation';
import type { HubContext, UnitOfWork } from './context';
import { Refused } from './refused';
import { pickAgent } from './routing';
import type { CallRecord } from './store/hubStore';

/** How long a call rings for one person before it is offered to the next (ms). */
export const DEFAULT_CALL_RING_MS = 20_000;

/**
 * Ring-out timers of the hub serving this context. A timer lives on the node that made the offer; what it acts
 * on is read from the store when it fires, so an offer answered, declined or handed on meanwhile on any node
 * (they share the store) is left alone.
 */
const ringOuts = new WeakMap<HubContext, { ringMs: number; pending: Set<NodeJS.Timeout> }>();

/** Starts handing unanswered calls on after `ringMs`; `stop()` drops the timers (the hub is closing). */
export function startCallOffers(ctx: HubContext, ringMs = DEFAULT_CALL_RING_MS): { stop(): void } {
  const state = { ringMs, pending: new Set<NodeJS.Timeout>() };
  ringOuts.set(ctx, state);
  return {
    stop() {
      for (const timer of state.pending) clearTimeout(timer);
      state.pending.clear();
      ringOuts.delete(ctx);
    },
  };
}

function armRingOut(w: UnitOfWork, call: CallRecord): void {
  const state = ringOuts.get(w.ctx);
  if (!state || !call.offeredTo) return;
  const { ctx } = w;
  w.afterCommit(() => {
    const timer = setTimeout(() => {
      state.pending.delete(timer);
      ringOut(ctx, call.callId, call.offerNo ?? 0).catch((err: Error) => console.warn(`hub: call ${call.callId} not handed on after ringing out: ${err.message}`));
    }, state.ringMs);
    timer.unref();
    state.pending.add(timer);
  });
}

/**
 * Offers a ringing call to the next person who may take it: routing's one rule (an Available member of the
 * phone queue with the caller's language, the queue's skills and room on the phone channel, the caller's last
 * agent first), leaving out whoever declined it or let it ring out. Only that person is told. With nobody left
 * the call rings on unoffered and is recorded as a missed call in its queue when the connector reports its end.
 * Saves the call and returns it.
 */
export async function offerCall(w: UnitOfWork, call: CallRecord, customer: Customer | null): Promise<CallRecord> {
  const { ctx } = w;
  const openCases = customer ? (await w.casesOfCustomer(customer.id)).filter(isOpenCase) : [];
  const queueId = call.queueId;
  const agent = queueId ? await pickAgent(w, { id: call.caseId ?? '', queueId, lastChannel: 'phone' }, customer, call.declinedBy ?? []) : null;
  const offered: CallRecord = { ...call, offeredTo: agent?.id ?? null, offerNo: (call.offerNo ?? 0) + 1, at: ctx.now() };
  await w.saveCall(offered);
  if (!agent) return offered;
  // The person the call is offered to serves the caller from now on (see continuation.ts); the offer itself
  // carries no more than their name and glimpses of their open cases, whichever queue those are in.
  if (customer) await startServing(w, agent.id, customer.id);
  const offer: CallOffer = {
    callId: offered.callId,
    phone: offered.phone,
    customer: customer ? { id: customer.id, name: customer.name, language: customer.language } : null,
    openCases: openCases.map(caseGlimpse),
    caseId: offered.caseId,
    at: offered.at,
  };
  w.emit([keys.staff(agent.id)], 'call:offer', offer);
  armRingOut(w, offered);
  return offered;
}

/** Tells the person a call was with that it moved on (their workstations drop its banner), and supervisors. */
function tellMovedOn(w: UnitOfWork, from: string, call: CallRecord): void {
  w.emit([keys.staff(from)], 'call:update', { callId: call.callId, state: call.state, staffId: call.offeredTo, caseId: call.caseId }, true);
}

/** The person `offeredTo` passed on the call (declined, or let it ring out): the next one is offered it. */
async function passOn(w: UnitOfWork, call: CallRecord, staffId: string): Promise<CallRecord> {
  const passed = { ...call, declinedBy: [...(call.declinedBy ?? []), staffId] };
  const customer = call.customerId ? await w.get('customer', call.customerId) : null;
  const next = await offerCall(w, passed, customer);
  tellMovedOn(w, staffId, next);
  return next;
}

/** Calls ringing for someone who just went away or offline go to the next person at once. */
export async function handOnCalls(w: UnitOfWork, staffId: string): Promise<void> {
  for (const call of await w.liveCallsOf(staffId)) if (call.state === 'ringing') await passOn(w, call, staffId);
}

/** An offer nobody answered in time goes to the next person, unless it was answered, declined or handed on since. */
async function ringOut(ctx: HubContext, callId: string, offerNo: number): Promise<void> {
  await ctx.write(async (w) => {
    const call = await w.call(callId);
    if (!call || call.state !== 'ringing' || !call.offeredTo || (call.offerNo ?? 0) !== offerNo) return;
    await passOn(w, call, call.offeredTo);
  });
}

/**
 * Answer, Decline or Hang up, from the person's workstation. Only the person a call rings for may answer or
 * decline it, and only who answered may hang up; doing again what was done is answered with where the call
 * stands, so a workstation may repeat a request whose answer it lost.
 */
export function respondToCall(ctx: HubContext, staff: Staff, { callId, action }: CallRespond): Promise<{ state: CallRecord['state'] }> {
  return ctx.write(async (w) => {
    const call = await w.call(callId);
    if (!call) throw new Refused('not-found', `call ${callId} does not exist`);
    const now = ctx.now();
    if (action === 'answer') {
      if (call.answeredBy === staff.id) return { state: call.state };
      if (call.offeredTo !== staff.id) throw new Refused('forbidden', `call ${callId} is not ringing for you`);
      if (call.state !== 'ringing') throw new Refused('conflict', `call ${callId} is already ${call.state}`);
      const answered: CallRecord = { ...call, state: 'answered', answeredBy: staff.id, at: now };
      await w.saveCall(answered);
      tellMovedOn(w, staff.id, answered);
      return { state: answered.state };
    }
    if (action === 'decline') {
      if (call.declinedBy?.includes(staff.id)) return { state: call.state };
      if (call.offeredTo !== staff.id || call.state !== 'ringing') throw new Refused('forbidden', `call ${callId} is not ringing for you`);
      await passOn(w, call, staff.id);
      return { state: 'ringing' };
    }
    if (call.answeredBy !== staff.id) throw new Refused('forbidden', `only the person who answered call ${callId} may hang up`);
    if (call.state === 'ended') return { state: call.state };
    const ended: CallRecord = { ...call, state: 'ended', at: now };
    await w.saveCall(ended);
    tellMovedOn(w, staff.id, ended);
    return { state: ended.state };
  });
}
