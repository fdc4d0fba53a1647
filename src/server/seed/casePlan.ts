import type { CaseStatus } from '../../shared/domain';
import type { Random } from './random';

/**
 * How a case unfolds: an ordinary conversation, or the store journey (a video chat whose promise is kept at a
 * store visit, or a video chat still waiting for that visit).
 */
export type Journey = 'standard' | 'store-visited' | 'store-awaited';

/** The outline of one case before its messages are written. */
export interface CasePlan {
  status: CaseStatus;
  /** Number of interactions. */
  length: number;
  journey: Journey;
}

// A visited journey is the video chat, the invitation, the visit and the closing message, with notes between.
const STORE_VISITED_LENGTH = { min: 4, max: 6 };
const STORE_AWAITED_LENGTH = { min: 2, max: 3 };
/** Share of cases that take the store journey, among customers who can be found by phone. */
const STORE_JOURNEY_SHARE = 0.03;

// Earlier cases of a customer are finished; only the newest may still be open, as in a real contact centre
// (a returning customer's message joins the open case).
const LAST_CASE_STATUS: Readonly<Record<CaseStatus, number>> = { new: 5, open: 8, pending: 12, resolved: 20, closed: 55 };
const FINISHED_STATUS = { resolved: 25, closed: 75 } as const;

/** Length of a forced store journey; never leaves a single interaction over (it would become a one-message case). */
function forcedLength(rng: Random, range: { min: number; max: number }, remaining: number): number {
  const length = rng.int(range.min, Math.min(range.max, remaining));
  return remaining - length === 1 ? length + 1 : length;
}

/** Statuses a case of this length can have: an open case needs a reply between two customer messages. */
function fits(status: CaseStatus, length: number): boolean {
  if (status === 'new') return length <= 3;
  if (status === 'open') return length >= 3;
  return length >= 2;
}

function pickStatus(rng: Random, length: number, last: boolean): CaseStatus {
  if (length === 1) return 'new';
  for (;;) {
    const status: CaseStatus = last ? rng.weighted(LAST_CASE_STATUS) : rng.weighted(FINISHED_STATUS);
    if (fits(status, length)) return status;
  }
}

/**
 * Splits a customer's interaction budget into cases, oldest first, using it exactly.
 * `storeJourney` says whether this customer may take the store journey (they have a phone); `force` makes their
 * first case the store journey, so that small organisations have some too.
 */
export function planCases(rng: Random, budget: number, storeJourney: boolean, force?: Exclude<Journey, 'standard'>): CasePlan[] {
  const plans: CasePlan[] = [];
  let remaining = budget;
  let awaited: CasePlan | null = null;
  if (force === 'store-visited' && remaining >= STORE_VISITED_LENGTH.min) {
    const length = forcedLength(rng, STORE_VISITED_LENGTH, remaining);
    plans.push({ status: rng.chance(0.5) ? 'resolved' : 'closed', length, journey: 'store-visited' });
    remaining -= length;
  } else if (force === 'store-awaited' && remaining >= STORE_AWAITED_LENGTH.min) {
    // The awaited visit is the customer's one open case, so it is planned last.
    const length = forcedLength(rng, STORE_AWAITED_LENGTH, remaining);
    awaited = { status: 'pending', length, journey: 'store-awaited' };
    remaining -= length;
  }
  while (remaining > 0) {
    let length = Math.min(remaining, rng.int(2, 9));
    // As in forcedLength: no single interaction left over.
    if (remaining - length === 1) length += 1;
    remaining -= length;
    const last = remaining === 0 && awaited === null;
    const status = pickStatus(rng, length, last);
    let journey: Journey = 'standard';
    if (storeJourney && rng.chance(STORE_JOURNEY_SHARE)) {
      if (status === 'pending' && length <= STORE_AWAITED_LENGTH.max) journey = 'store-awaited';
      else if ((status === 'resolved' || status === 'closed') && length >= STORE_VISITED_LENGTH.min &&
        length <= STORE_VISITED_LENGTH.max) journey = 'store-visited';
    }
    plans.push({ status, length, journey });
  }
  if (awaited) plans.push(awaited);
  return plans;
}
