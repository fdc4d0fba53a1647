import type { VisitorRequestName } from '../../shared/protocol';

/**
 * What a visitor may ask. Each connection (tab) has its own bucket and the visitor as a whole another, so many
 * tabs do not multiply the allowance; one visitor's flood drains only their own buckets, never anyone else's.
 */
export interface VisitorLimits {
  connection: { capacity: number; perSecond: number };
  visitor: { capacity: number; perSecond: number };
  /** Refusals within `strikeWindowMs` after which the connection is closed: it does not back off. */
  maxStrikes: number;
  strikeWindowMs: number;
  /** After a visitor was cut off for flooding, how long they may not connect again (ms), doubling each time. */
  cooldownMs: number;
  /** Connections (tabs) one visitor may hold at once, across hub nodes. */
  maxConnections: number;
}

export const DEFAULT_VISITOR_LIMITS: VisitorLimits = {
  // A person types, reads and clicks: bursts of a few requests a second (suggestions as they type) at most.
  connection: { capacity: 30, perSecond: 3 },
  visitor: { capacity: 60, perSecond: 5 },
  maxStrikes: 20,
  strikeWindowMs: 10_000,
  cooldownMs: 30_000,
  maxConnections: 5,
};

/** What each request costs: typing chatter least, a message (routing, a case) most. */
const COSTS: Record<VisitorRequestName, number> = {
  'visitor:typing': 0.5,
  'visitor:suggest': 1,
  'visitor:page': 1,
  'visitor:language': 1,
  'visitor:read': 1,
  'visitor:contact': 1,
  'visitor:deflected': 1,
  'visitor:history': 2,
  'visitor:survey': 2,
  'visitor:send': 2,
  'visitor:leave-message': 3,
};
/** What an unknown event costs (it is refused, but reading it was work). */
const UNKNOWN_COST = 1;

export function createBucket(limit: { capacity: number; perSecond: number }, now: () => number) {
  let level = limit.capacity;
  let at = now();
  return {
    /** Takes `cost` tokens, or answers how long to wait (ms) and takes nothing. */
    take(cost: number): number | null {
      const t = now();
      level = Math.min(limit.capacity, level + ((t - at) / 1000) * limit.perSecond);
      at = t;
      if (level < cost) return Math.max(1, Math.ceil(((cost - level) / limit.perSecond) * 1000));
      level -= cost;
      return null;
    },
  };
}
export type Bucket = ReturnType<typeof createBucket>;

/** A connection's budget: its own bucket, its visitor's shared one, and its refusals. */
export function createVisitorBudget(limits: VisitorLimits, visitorBucket: Bucket, now: () => number) {
  const own = createBucket(limits.connection, now);
  let strikes: number[] = [];
  return {
    /** Null when the request may run (its cost is spent), else how long to wait, ms. */
    admit(name: string): number | null {
      const cost = (COSTS as Record<string, number>)[name] ?? UNKNOWN_COST;
      const wait = own.take(cost);
      if (wait !== null) return wait;
      // Taken from the connection first: a refusal by the visitor's bucket gives the connection's tokens back
      // only by refill, which keeps a many-tab flood slow on every tab.
      return visitorBucket.take(cost);
    },
    /** Counts a refusal; true when the connection has been refused too often to be anything but a flood. */
    strike(): boolean {
      const t = now();
      strikes = strikes.filter((s) => t - s < limits.strikeWindowMs);
      strikes.push(t);
      return strikes.length > limits.maxStrikes;
    },
  };
}
