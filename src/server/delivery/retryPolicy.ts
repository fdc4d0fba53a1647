/** How a delivery is retried after a transient failure. */
export interface RetryPolicy {
  /** Attempts in all (the first one included); after the last a transient failure fails the delivery too. */
  maxAttempts: number;
  /** The wait after the first failed attempt, before jitter; it doubles with each further attempt. */
  baseMs: number;
  /** The longest wait between two attempts. */
  capMs: number;
}

/** A few seconds, then doubling to ten minutes: eight attempts span about twenty minutes. */
export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 8, baseMs: 4_000, capMs: 10 * 60_000 };

/**
 * How long to wait after `attempts` attempts failed: the doubling delay, capped, of which a random half is taken
 * off (jitter), so deliveries that failed together (a connector down for a minute) do not come back together.
 * `random` gives a number in [0, 1).
 */
export function retryDelayMs(attempts: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const full = Math.min(policy.capMs, policy.baseMs * 2 ** Math.max(0, attempts - 1));
  return Math.round(full / 2 + (random() * full) / 2);
}
