/**
 * Counts events per key in a sliding window (sign-in failures, lookups). Keys whose window has passed are
 * forgotten as new keys arrive, so spraying many keys cannot grow it without bound.
 */
export function createRateLimiter(opts: { max: number; windowMs: number; now: () => number }) {
  const hits = new Map<string, number[]>();
  const recent = (key: string): number[] => {
    const now = opts.now();
    const kept = (hits.get(key) ?? []).filter((t) => now - t < opts.windowMs);
    if (kept.length === 0) hits.delete(key);
    else hits.set(key, kept);
    return kept;
  };
  const forgetOld = () => {
    if (hits.size < 10_000) return;
    for (const key of [...hits.keys()]) recent(key);
  };
  return {
    /** Events of the key within the window. */
    count: (key: string): number => recent(key).length,
    /** True when the key has used its `max` events of the window. */
    exhausted: (key: string): boolean => recent(key).length >= opts.max,
    /** Records an event. */
    hit(key: string): void {
      forgetOld();
      hits.set(key, [...recent(key), opts.now()]);
    },
    /** Records an event unless the key is exhausted; false when it is (the event is then not counted). */
    attempt(key: string): boolean {
      if (recent(key).length >= opts.max) return false;
      this.hit(key);
      return true;
    },
    /** Milliseconds until the key has an event to spare again. */
    retryAfter(key: string): number {
      const kept = recent(key);
      return kept.length >= opts.max ? Math.max(0, opts.windowMs - (opts.now() - kept[kept.length - opts.max])) : 0;
    },
    reset(key: string): void {
      hits.delete(key);
    },
  };
}
export type RateLimiter = ReturnType<typeof createRateLimiter>;
