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
