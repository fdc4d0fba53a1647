import type { Ack } from '../../../shared/protocol';
import { MAX_RETRY_AFTER_MS, retryAfterDelay, type BackoffPolicy } from './backoff';

/** Refusals less than this apart belong to one burst: reported once, and paced throughout. */
export const BURST_GAP_MS = 10_000;

/** What a request pacer needs. */
export interface RequestPacerOptions {
  /** How long to wait when a refusal says nothing of when to ask again (an older hub). */
  fallback: BackoffPolicy;
  /** The first refusal of a burst, for the log. */
  onBurst(refusal: { message: string; waitMs: number }): void;
  random?: () => number;
  clock?: () => number;
}

/** Paces the requests of one connection to the hub's request budget. */
export interface RequestPacer {
  /**
   * Sends with `attempt` until the hub answers anything but `rate-limited`, and resolves with that answer.
   * Rejects (not connected) once the pacer is closed.
   */
  send<T>(attempt: () => Promise<Ack<T>>): Promise<Ack<T>>;
  /** The connection is gone: requests waiting to be sent reject. */
  close(): void;
}

/**
 * A refusal the pacer waits out: the connection's request budget, which asks for a wait of seconds at most. A
 * refusal asking for longer (a person's lookup quota, minutes) is an answer for the person, not for the pacer.
 */
const isRateLimited = (ack: Ack<unknown>): ack is Extract<Ack<unknown>, { ok: false }> =>
  !ack.ok && (ack.reason === 'rate-limited' || ack.reason === 'unavailable') && (ack.retryAfterMs === undefined || ack.retryAfterMs <= MAX_RETRY_AFTER_MS);

/**
 * A `rate-limited` refusal means the request was not run, that the connection may ask again after
 * `retryAfterMs`, and that a connection that keeps asking regardless is closed. So a refused request is sent
 * again after that wait (see `retryAfterDelay`), and for the rest of the burst the connection's requests go
 * one at a time, spaced by the pace the budget allows: about the time from the last request it let through
 * to the one it will let through next, which a refusal tells. A client faster than its budget (a big
 * bootstrap) is then refused about once per burst rather than on every request. One pacer per connection: a
 * new connection starts with a fresh budget.
 */
export function createRequestPacer(options: RequestPacerOptions): RequestPacer {
  const clock = options.clock ?? Date.now;
  let closed = false;
  let lastRefusalAt = Number.NEGATIVE_INFINITY;
  let refusalsInBurst = 0;
  /** Not before this may the connection ask again (the last refusal's wait). */
  let retryAt = 0;
  /** During a burst, the least time between two requests the hub lets through: the slowest pace it showed. */
  let spacing = 0;
  /** When the last request the hub let through was sent. */
  let lastAdmittedAt = Number.NEGATIVE_INFINITY;
  /** Requests waiting for their turn; while any do, new requests queue behind them. */
  let waiting = 0;
  let queue: Promise<void> = Promise.resolve();
  const sleepers = new Set<() => void>();

  const notConnected = () => new Error('not connected to the hub');
  const inBurst = () => clock() - lastRefusalAt < BURST_GAP_MS;

  /** Resolves at `time`; rejects when the pacer closes first. */
  const sleepUntil = (time: number) =>
    new Promise<void>((resolve, reject) => {
      if (closed) return reject(notConnected());
      const wake = () => {
        clearTimeout(timer);
        sleepers.delete(wake);
        if (closed) reject(notConnected());
        else resolve();
      };
      const timer = setTimeout(wake, Math.max(0, time - clock()));
      sleepers.add(wake);
    });

  function refused(ack: { message: string; retryAfterMs?: number }): void {
    const now = clock();
    if (!inBurst()) refusalsInBurst = 0;
    const waitMs = retryAfterDelay(ack.retryAfterMs, refusalsInBurst, options.fallback, options.random);
    if (refusalsInBurst === 0) options.onBurst({ message: ack.message, waitMs });
    // Since the last request let through (bounded: that one may have drawn on another class's budget).
    const sinceAdmitted = Number.isFinite(lastAdmittedAt) ? Math.min(now - lastAdmittedAt, Math.max(spacing, waitMs)) : 0;
    const pace = sinceAdmitted + waitMs;
    spacing = refusalsInBurst === 0 ? pace : Math.max(spacing, pace);
    refusalsInBurst++;
    lastRefusalAt = now;
    retryAt = Math.max(retryAt, now + waitMs);
  }

  async function sendNow<T>(attempt: () => Promise<Ack<T>>): Promise<Ack<T>> {
    const sentAt = clock();
    const ack = await attempt();
    if (!isRateLimited(ack)) lastAdmittedAt = Math.max(lastAdmittedAt, sentAt);
    return ack;
  }

  /** Sends in turn, one request at a time, after the wait and the burst's spacing; again while refused. */
  async function sendInTurn<T>(attempt: () => Promise<Ack<T>>): Promise<Ack<T>> {
    const ahead = queue;
    let done!: () => void;
    queue = new Promise((resolve) => (done = resolve));
    waiting++;
    try {
      await ahead;
      for (;;) {
        await sleepUntil(inBurst() ? Math.max(retryAt, lastAdmittedAt + spacing) : retryAt);
        const ack = await sendNow(attempt);
        if (!isRateLimited(ack)) return ack;
        refused(ack);
      }
    } finally {
      waiting--;
      done();
    }
  }

  return {
    async send(attempt) {
      if (closed) throw notConnected();
      if (waiting > 0 || inBurst()) return sendInTurn(attempt);
      const ack = await sendNow(attempt);
      if (!isRateLimited(ack)) return ack;
      refused(ack);
      return sendInTurn(attempt);
    },
    close() {
      closed = true;
      for (const wake of [...sleepers]) wake();
    },
  };
}
