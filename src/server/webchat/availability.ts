import type { Availability } from '../../shared/protocol';
import type { HubContext } from '../context';

/** Who of these people has a workstation connected to any hub node now. */
export type SignedIn = (staffIds: readonly string[]) => Promise<Set<string>>;

/** Most waiting conversations counted: beyond this many the estimate is the queue's promise anyway. */
const WAITING_COUNTED = 200;

/**
 * THE rule for what the widget says about waiting (one place; the widget only shows it):
 * - `available`: members of the queue who are active, set themselves `available` and have a workstation
 *   connected to some hub node (a status left on `available` by a closed laptop does not count);
 * - `waiting`: open conversations of the queue nobody has taken yet;
 * - `waitMinutes`: null when nobody is available (the widget offers to leave a message); else the queue's
 *   first-response promise (its SLA minutes, the most the shop means anyone to wait) scaled by the visitor's place
 *   in line against the people answering: `ceil(sla × (waiting + 1) / (waiting + 1 + available))`, at least 1.
 *   An empty line and many people answer in a fraction of the promise; a long line with few people nears it.
 */
export function estimateWait(slaMinutes: number, waiting: number, available: number): number | null {
  if (available === 0) return null;
  return Math.max(1, Math.min(slaMinutes, Math.ceil((slaMinutes * (waiting + 1)) / (waiting + 1 + available))));
}

export async function availabilityOf(ctx: HubContext, queueId: string, signedIn: SignedIn): Promise<Availability> {
  const queue = ctx.queue(queueId);
  if (!queue) return { available: 0, waiting: 0, waitMinutes: null };
  const ready = queue.memberIds.filter((id) => {
    const s = ctx.staff(id);
    return s !== null && s.active && s.status === 'available';
  });
  const online = ready.length > 0 ? await signedIn(ready) : new Set<string>();
  const available = ready.filter((id) => online.has(id)).length;
  const waiting = (await ctx.store.waitingCases(queueId, WAITING_COUNTED)).length;
  return { available, waiting, waitMinutes: estimateWait(queue.sla.firstResponseMinutes, waiting, available) };
}
