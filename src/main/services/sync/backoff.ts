/** Bounds of an exponential backoff. */
export interface BackoffPolicy {
  baseMs: number;
  maxMs: number;
}

/**
 * "Full jitter" (AWS architecture blog): a uniform delay between 0 and min(max, base * 2^attempt), so that
 * workstations that lost the hub together do not come back in step.
 */
export function fullJitterDelay(attempt: number, policy: BackoffPolicy, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.min(attempt, 30));
  return Math.floor(random() * ceiling);
}

/** Longest wait before asking the hub again after a refusal, whatever it says: beyond that it is mistaken. */
export const MAX_RETRY_AFTER_MS = 30_000;

/**
 * How long to wait before asking again after a `rate-limited` refusal: the hub's `retryAfterMs` plus up to 10%
 * (never sooner, which would be refused again; the jitter keeps workstations limited together from coming back
 * in step), capped at {@link MAX_RETRY_AFTER_MS}. A hub that says nothing gets `fallback`'s full jitter for
 * the `attempt`-th refusal in a row.
 */
export function retryAfterDelay(
  retryAfterMs: number | undefined,
  attempt: number,
  fallback: BackoffPolicy,
  random: () => number = Math.random,
): number {
  if (retryAfterMs === undefined || !Number.isFinite(retryAfterMs) || retryAfterMs < 0) return fullJitterDelay(attempt, fallback, random);
  return Math.min(MAX_RETRY_AFTER_MS, Math.ceil(retryAfterMs * (1 + random() / 10)));
}
