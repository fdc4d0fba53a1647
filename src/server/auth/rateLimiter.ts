import type { SharedState } from '../sharedState';

/**
 * Counts events per key in a sliding window (sign-in failures, lookups), in the hub's shared state, so that
 * every hub node counts the same events.
 */
export function createRateLimiter(opts: { name: string; max: number; windowMs: number; now: () => number; shared: SharedState }) {
  const hits = (key: string, record: boolean) => opts.shared.hits(`${opts.name}:${key}`, opts.windowMs, opts.now(), record);
  return {
    /** Events of the key within the window. */
    count: async (key: string): Promise<number> => (await hits(key, false)).length,
    /** True when the key has used its `max` events of the window. */
    exhausted: async (key: string): Promise<boolean> => (await hits(key, false)).length >= opts.max,
    /** Records an event. */
    hit: async (key: string): Promise<void> => void (await hits(key, true)),
    /** Records an event unless the key is exhausted; false when it is (the event is then not counted). */
    async attempt(key: string): Promise<boolean> {
      if ((await hits(key, false)).length >= opts.max) return false;
      await hits(key, true);
      return true;
    },
    /** Milliseconds until the key has an event to spare again. */
    async retryAfter(key: string): Promise<number> {
      const kept = await hits(key, false);
      return kept.length >= opts.max ? Math.max(0, opts.windowMs - (opts.now() - kept[kept.length - opts.max])) : 0;
    },
    reset: (key: string): Promise<void> => opts.shared.forget(`${opts.name}:${key}`),
  };
}
export type RateLimiter = ReturnType<typeof createRateLimiter>;
