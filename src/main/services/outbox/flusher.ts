import type { Mutation, MutationResult } from '../../../shared/protocol';
import type { Db } from '../cache/database';
import { fullJitterDelay, type BackoffPolicy } from '../sync/backoff';
import { isTransient, recordResult, releaseSending, takeNextPending, type OutboxEntry } from './outbox';

/** What the flusher needs. */
export interface FlusherOptions {
  db: Db;
  /** Sends one mutation to the hub and resolves with its answer; rejects when it could not be delivered. */
  send(mutation: Mutation): Promise<MutationResult>;
  backoff?: BackoffPolicy;
  random?: () => number;
  clock?: () => number;
  /** Called with each entry once the hub's answer is recorded (acked, held or rejected). */
  onSettled?(entry: OutboxEntry): void;
}

/** Sends the outbox to the hub, one mutation at a time, in order. */
export interface Flusher {
  /** Something was enqueued or the link came back: send now, skipping any backoff wait. */
  kick(): void;
  /** Stops after the send in flight (which stays `sending` until answered or released at the next start). */
  stop(): Promise<void>;
}

const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 500, maxMs: 60_000 };

/**
 * Starts sending. Entries left `sending` by a crash go back to pending first: the hub answers a mutation id
 * it has seen with its first result, so sending one twice applies it once. A failed delivery or a transient
 * refusal keeps the entry at the head of the queue and retries it after a jittered, growing delay, so that
 * mutations reach the hub in the order they were made.
 */
export function startFlusher(options: FlusherOptions): Flusher {
  const { db, send } = options;
  const backoff = options.backoff ?? DEFAULT_BACKOFF;
  const clock = options.clock ?? Date.now;
  let stopped = false;
  let wake: (() => void) | null = null;
  let kicked = false;

  const idle = (ms: number | null) =>
    new Promise<void>((resolve) => {
      if (kicked) return resolve();
      const timer = ms === null ? null : setTimeout(() => resolve(), ms);
      wake = () => {
        if (timer) clearTimeout(timer);
        resolve();
      };
    }).finally(() => {
      wake = null;
      kicked = false;
    });

  releaseSending(db, null, clock());
  const loop = (async () => {
    let failures = 0;
    while (!stopped) {
      const entry = takeNextPending(db, clock());
      if (entry === null) {
        await idle(null);
        continue;
      }
      let result: MutationResult | null = null;
      try {
        result = await send(entry.mutation);
      } catch {
        // Not delivered (offline, timeout): retried below.
      }
      if (result === null || isTransient(result)) {
        releaseSending(db, entry.mutationId, clock());
        await idle(fullJitterDelay(failures++, backoff, options.random));
        continue;
      }
      failures = 0;
      options.onSettled?.(recordResult(db, entry.mutationId, result, clock()));
    }
  })();

  return {
    kick() {
      kicked = true;
      wake?.();
    },
    async stop() {
      stopped = true;
      kicked = true;
      wake?.();
      await loop;
    },
  };
}
