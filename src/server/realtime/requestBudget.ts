import type { RequestName } from '../../shared/protocol';

/** Kinds of request that draw on separate budgets: reads that build big answers, changes, and live chatter. */
export type BudgetClass = 'read' | 'write' | 'live';

/** A token bucket: how many tokens fit, and how many come back per second. */
export interface BucketLimit {
  capacity: number;
  perSecond: number;
}

/** What one connection may ask of the hub. */
export interface RequestLimits {
  /** Requests one connection may have waiting or running at once; more are refused, never queued. */
  maxInFlight: number;
  buckets: Record<BudgetClass, BucketLimit>;
  /** Refusals within `strikeWindowMs` after which the connection is closed: it does not back off. */
  maxStrikes: number;
  strikeWindowMs: number;
  /** Answers waiting for a slow reader (bytes) above which reads are refused until it has read them. */
  maxPendingOutputBytes: number;
  /** Connections one session may hold at once (a workstation needs one; a reconnect briefly two). */
  maxConnectionsPerSession: number;
  /** After a connection was closed for flooding, how long its session may not connect again (ms), doubling each time. */
  floodCooldownMs: number;
}

/**
 * What each request costs. Reads that build pages of rows cost more than a mutation; lookups and the audit
 * trail, which search, cost most. A workstation that bootstraps page by page stays well inside the budget
 * (the hub's own speed paces it); a socket that fires frames without waiting for answers does not.
 */
export const REQUEST_COSTS: Record<RequestName, { bucket: BudgetClass; cost: number }> = {
  'sync:pull': { bucket: 'read', cost: 4 },
  'sync:snapshot': { bucket: 'read', cost: 4 },
  'case:fetch': { bucket: 'read', cost: 4 },
  'customer:lookup': { bucket: 'read', cost: 8 },
  'audit:query': { bucket: 'read', cost: 8 },
  'selfservice:figures': { bucket: 'read', cost: 8 },
  // A report reads the whole period: the costliest read there is.
  'report:query': { bucket: 'read', cost: 20 },
  // Reads every answer and alert of the period, like a report.
  'voc:query': { bucket: 'read', cost: 20 },
  mutate: { bucket: 'write', cost: 1 },
  'presence:set': { bucket: 'live', cost: 1 },
  'auth:renew': { bucket: 'live', cost: 1 },
  'call:respond': { bucket: 'live', cost: 1 },
};

export const DEFAULT_REQUEST_LIMITS: RequestLimits = {
  maxInFlight: 4,
  buckets: {
    // 20 pages of up to 2,000 rows a second, sustained: more than the hub builds for one connection.
    read: { capacity: 120, perSecond: 80 },
    write: { capacity: 100, perSecond: 50 },
    live: { capacity: 40, perSecond: 20 },
  },
  maxStrikes: 100,
  strikeWindowMs: 10_000,
  maxPendingOutputBytes: 8 * 1024 * 1024,
  maxConnectionsPerSession: 4,
  floodCooldownMs: 10_000,
};

/** Why a request was refused before it ran, and when asking again may succeed. */
export interface Refusal {
  message: string;
  retryAfterMs: number;
}

/** How long a refused connection should wait when it is refused for being busy rather than for its rate. */
const BUSY_RETRY_MS = 250;

/**
 * One connection's request budget: token buckets per class, a cap on requests in flight, and a count of
 * refusals (strikes) that tells a client that backs off from one that floods.
 */
export function createRequestBudget(limits: RequestLimits, now: () => number) {
  const tokens = new Map<BudgetClass, { level: number; at: number }>();
  let inFlight = 0;
  let strikes: number[] = [];

  function refill(bucket: BudgetClass): { level: number; at: number } {
    const limit = limits.buckets[bucket];
    const t = now();
    const state = tokens.get(bucket) ?? { level: limit.capacity, at: t };
    state.level = Math.min(limit.capacity, state.level + ((t - state.at) / 1000) * limit.perSecond);
    state.at = t;
    tokens.set(bucket, state);
    return state;
  }

  return {
    /**
     * Takes the request's tokens and a slot in flight, or says why not. `pendingOutputBytes` is what the
     * connection has not read yet: reads wait while a slow reader has a backlog.
     */
    admit(name: RequestName, pendingOutputBytes = 0): Refusal | null {
      const { bucket, cost } = REQUEST_COSTS[name];
      if (inFlight >= limits.maxInFlight) {
        return { message: `${name}: ${inFlight} requests of this connection are still running; wait for their answers`, retryAfterMs: BUSY_RETRY_MS };
      }
      if (bucket === 'read' && pendingOutputBytes > limits.maxPendingOutputBytes) {
        return { message: `${name}: earlier answers are still waiting to be read`, retryAfterMs: BUSY_RETRY_MS * 2 };
      }
      const state = refill(bucket);
      if (state.level < cost) {
        const perSecond = limits.buckets[bucket].perSecond;
        return { message: `${name}: too many requests`, retryAfterMs: Math.max(1, Math.ceil(((cost - state.level) / perSecond) * 1000)) };
      }
      state.level -= cost;
      inFlight++;
      return null;
    },
    /** The admitted request was answered (or dropped): its slot is free. */
    done(): void {
      inFlight = Math.max(0, inFlight - 1);
    },
    /** Counts a refusal; true when the connection has been refused too often to be anything but a flood. */
    strike(): boolean {
      const t = now();
      strikes = strikes.filter((at) => t - at < limits.strikeWindowMs);
      strikes.push(t);
      return strikes.length > limits.maxStrikes;
    },
    inFlight: () => inFlight,
  };
}
export type RequestBudget = ReturnType<typeof createRequestBudget>;
