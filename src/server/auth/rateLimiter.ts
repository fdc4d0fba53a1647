/**
 * Counts attempts per key in a sliding window. Used for sign-in: too many tries from one address or for one
 * username are refused until the window passes.
 */
export function createRateLimiter(opts: { max: number; windowMs: number; now: () => number }) {
  const hits = new Map<string, number[]>();
  return {
    /** Records an attempt; false when the key is over its limit (the attempt is then not counted). */
    attempt(key: string): boolean {
      const now = opts.now();
      const recent = (hits.get(key) ?? []).filter((t) => now - t < opts.windowMs);
      if (recent.length >= opts.max) {
        hits.set(key, recent);
        return false;
      }
      recent.push(now);
      hits.set(key, recent);
      return true;
    },
    /** Milliseconds until the key may try again. */
    retryAfter(key: string): number {
      const recent = hits.get(key) ?? [];
      return recent.length ? Math.max(0, opts.windowMs - (opts.now() - recent[0])) : 0;
    },
    reset(key: string): void {
      hits.delete(key);
    },
  };
}
