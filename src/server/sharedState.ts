import { randomUUID } from 'node:crypto';
import type { Presence } from '../shared/domain';

/** A presence entry as the hub keeps it: who, on which case, from which connection, seen when. */
export type PresenceEntry = Presence & { socketId: string };

/**
 * Short-lived state every hub node must agree on, and nothing durable: sliding-window counters (sign-in and
 * lookup limits, flood cool-downs) and who is viewing or typing in a case. One process keeps it in memory;
 * several nodes keep it in Redis (`redisSharedState`). Losing it loses nothing that matters: limits restart,
 * presence is refreshed by the next keystroke.
 */
export interface SharedState {
  /**
   * The times of `key`'s events within the last `windowMs` (oldest first), after recording one at `now` when
   * `record` is set.
   */
  hits(key: string, windowMs: number, now: number, record: boolean): Promise<number[]>;
  forget(key: string): Promise<void>;
  setPresence(entry: PresenceEntry, ttlMs: number): Promise<void>;
  removePresence(caseId: string, staffId: string, socketId: string): Promise<void>;
  /** Who is on a case, entries older than `ttlMs` left out. */
  presence(caseId: string, now: number, ttlMs: number): Promise<PresenceEntry[]>;
  close(): Promise<void>;
}

/** Shared state of a single hub process. Keys whose window has passed are forgotten as new keys arrive. */
export function memorySharedState(): SharedState {
  const events = new Map<string, number[]>();
  const cases = new Map<string, Map<string, PresenceEntry>>();
  const live = (key: string, windowMs: number, now: number) => (events.get(key) ?? []).filter((t) => now - t < windowMs);
  return {
    async hits(key, windowMs, now, record) {
      if (events.size > 10_000) for (const k of [...events.keys()]) if (live(k, windowMs, now).length === 0) events.delete(k);
      const kept = live(key, windowMs, now);
      if (record) kept.push(now);
      if (kept.length > 0) events.set(key, kept);
      else events.delete(key);
      return kept;
    },
    async forget(key) {
      events.delete(key);
    },
    async setPresence(entry) {
      const entries = cases.get(entry.caseId) ?? cases.set(entry.caseId, new Map()).get(entry.caseId)!;
      entries.set(`${entry.staffId}:${entry.socketId}`, entry);
    },
    async removePresence(caseId, staffId, socketId) {
      const entries = cases.get(caseId);
      entries?.delete(`${staffId}:${socketId}`);
      if (entries?.size === 0) cases.delete(caseId);
    },
    async presence(caseId, now, ttlMs) {
      const entries = cases.get(caseId);
      if (!entries) return [];
      for (const [k, p] of entries) if (now - p.at > ttlMs) entries.delete(k);
      if (entries.size === 0) cases.delete(caseId);
      return [...entries.values()];
    },
    async close() {},
  };
}

/** The commands of a Redis client this module uses (node-redis v5+). */
export interface RedisCommands {
  zRemRangeByScore(key: string, min: number, max: number): Promise<unknown>;
  zAdd(key: string, member: { score: number; value: string }): Promise<unknown>;
  zRangeWithScores(key: string, start: number, stop: number): Promise<Array<{ score: number; value: string }>>;
  pExpire(key: string, ms: number): Promise<unknown>;
  del(key: string): Promise<unknown>;
  hSet(key: string, field: string, value: string): Promise<unknown>;
  hDel(key: string, field: string): Promise<unknown>;
  hGetAll(key: string): Promise<Record<string, string>>;
}

/**
 * Shared state in Redis, for several hub nodes. When Redis cannot be reached, each call falls back to this
 * node's memory (and says so once per outage), so a Redis restart degrades limits and presence to one node's
 * view for a moment but never refuses a sign-in or a request.
 */
export function redisSharedState(redis: RedisCommands, prefix = 'hub:'): SharedState {
  const local = memorySharedState();
  let down = false;
  async function withFallback<T>(remote: () => Promise<T>, fallback: () => Promise<T>): Promise<T> {
    try {
      const result = await remote();
      if (down) console.warn('hub: Redis is back: limits and presence are shared again');
      down = false;
      return result;
    } catch (err) {
      if (!down) console.warn(`hub: Redis unreachable (${(err as Error).message}): limits and presence are this node's own until it is back`);
      down = true;
      return fallback();
    }
  }
  const key = (k: string) => `${prefix}${k}`;
  return {
    hits: (k, windowMs, now, record) =>
      withFallback(
        async () => {
          const z = key(`hits:${k}`);
          await redis.zRemRangeByScore(z, 0, now - windowMs);
          if (record) await redis.zAdd(z, { score: now, value: `${now}:${randomUUID()}` });
          await redis.pExpire(z, windowMs);
          return (await redis.zRangeWithScores(z, 0, -1)).map((e) => e.score);
        },
        () => local.hits(k, windowMs, now, record),
      ),
    forget: (k) =>
      withFallback(
        async () => void (await redis.del(key(`hits:${k}`))),
        () => local.forget(k),
      ),
    setPresence: (entry, ttlMs) =>
      withFallback(
        async () => {
          const h = key(`presence:${entry.caseId}`);
          await redis.hSet(h, `${entry.staffId}:${entry.socketId}`, JSON.stringify(entry));
          await redis.pExpire(h, ttlMs * 2);
        },
        () => local.setPresence(entry, ttlMs),
      ),
    removePresence: (caseId, staffId, socketId) =>
      withFallback(
        async () => void (await redis.hDel(key(`presence:${caseId}`), `${staffId}:${socketId}`)),
        () => local.removePresence(caseId, staffId, socketId),
      ),
    presence: (caseId, now, ttlMs) =>
      withFallback(
        async () => {
          const entries = Object.values(await redis.hGetAll(key(`presence:${caseId}`))).map((v) => JSON.parse(v) as PresenceEntry);
          return entries.filter((p) => now - p.at <= ttlMs);
        },
        () => local.presence(caseId, now, ttlMs),
      ),
    close: () => local.close(),
  };
}
