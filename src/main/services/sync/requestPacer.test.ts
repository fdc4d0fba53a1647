import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Ack } from '../../../shared/protocol';
import { MAX_RETRY_AFTER_MS, retryAfterDelay } from './backoff';
import { BURST_GAP_MS, createRequestPacer } from './requestPacer';

const FALLBACK = { baseMs: 100, maxMs: 5_000 };
const limited = (retryAfterMs?: number): Ack<string> => ({ ok: false, reason: 'rate-limited', message: 'too many requests', retryAfterMs });
const answered: Ack<string> = { ok: true, value: 'answer' };

/**
 * A hub's budget as the hub keeps it (a token bucket): `capacity` requests at once, one more every
 * `intervalMs`; a request over budget is refused with when the next token comes. Records when each request
 * was sent and whether it was refused.
 */
function budget(capacity: number, intervalMs: number) {
  let tokens = capacity;
  let at = Date.now();
  const log: { at: number; refused: boolean }[] = [];
  return {
    log,
    refusals: () => log.filter((r) => r.refused).length,
    async attempt(): Promise<Ack<string>> {
      const now = Date.now();
      tokens = Math.min(capacity, tokens + (now - at) / intervalMs);
      at = now;
      const refused = tokens < 1;
      log.push({ at: now, refused });
      if (refused) return limited(Math.ceil((1 - tokens) * intervalMs));
      tokens -= 1;
      return answered;
    },
  };
}

describe('retryAfterDelay', () => {
  it('waits what the hub asks plus up to a tenth, never less, and at most 30 s', () => {
    expect(retryAfterDelay(1_000, 0, FALLBACK, () => 0)).toBe(1_000);
    expect(retryAfterDelay(1_000, 0, FALLBACK, () => 0.999)).toBe(1_100);
    expect(retryAfterDelay(600_000, 0, FALLBACK, () => 0.5)).toBe(MAX_RETRY_AFTER_MS);
  });

  it('falls back to the growing full-jitter backoff when the hub does not say', () => {
    expect([0, 1, 2, 10].map((n) => retryAfterDelay(undefined, n, FALLBACK, () => 0.999_999))).toEqual([99, 199, 399, 4_999]);
    expect(retryAfterDelay(-5, 0, FALLBACK, () => 0.5)).toBe(50);
  });
});

describe('request pacer', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  const pacer = () => {
    const bursts: { message: string; waitMs: number }[] = [];
    return { bursts, pacer: createRequestPacer({ fallback: FALLBACK, random: () => 0, onBurst: (b) => bursts.push(b) }) };
  };

  it('passes every answer but rate-limited straight through, refusals included', async () => {
    const { pacer: p, bursts } = pacer();
    const forbidden: Ack<string> = { ok: false, reason: 'forbidden', message: 'not yours' };
    expect(await p.send(async () => answered)).toEqual(answered);
    expect(await p.send(async () => forbidden)).toEqual(forbidden);
    expect(bursts).toEqual([]);
  });

  it('asks a refused request again after the wait the hub asked for, not sooner, and reports the burst once', async () => {
    const { pacer: p, bursts } = pacer();
    const answers = [limited(200), limited(300), answered];
    const sentAt: number[] = [];
    const start = Date.now();
    const result = p.send(async () => (sentAt.push(Date.now() - start), answers.shift()!));
    await vi.advanceTimersByTimeAsync(1_000);
    expect(await result).toEqual(answered);
    expect(sentAt).toEqual([0, 200, 500]);
    expect(bursts).toEqual([{ message: 'too many requests', waitMs: 200 }]);
  });

  it('sends a connection faster than its budget one request at a time, spaced to the budget: refused at the start, then hardly', async () => {
    const { pacer: p, bursts } = pacer();
    const hub = budget(2, 100);
    let inFlight = 0;
    let mostInFlight = 0;
    const attempt = async () => {
      mostInFlight = Math.max(mostInFlight, ++inFlight);
      const ack = await hub.attempt();
      inFlight--;
      return ack;
    };
    // Six at once (a snapshot prefetch, the outbox, a lookup...), then a steady stream of thirty.
    const first = Array.from({ length: 6 }, () => p.send(attempt));
    await vi.advanceTimersByTimeAsync(1_000);
    expect(await Promise.all(first)).toEqual(Array(6).fill(answered));
    const refusedAtStart = hub.refusals();
    expect(refusedAtStart).toBe(4);
    expect(mostInFlight).toBe(6);
    mostInFlight = 0;
    const stream = Array.from({ length: 30 }, () => p.send(attempt));
    await vi.advanceTimersByTimeAsync(5_000);
    expect(await Promise.all(stream)).toEqual(Array(30).fill(answered));
    expect(hub.refusals() - refusedAtStart).toBeLessThanOrEqual(1);
    expect(mostInFlight).toBe(1);
    expect(bursts).toHaveLength(1);
  });

  it('goes back to sending at once when a burst is over, and reports the next burst', async () => {
    const { pacer: p, bursts } = pacer();
    const answers = [limited(50), answered];
    expect(await Promise.all([p.send(async () => answers.shift()!), vi.advanceTimersByTimeAsync(100)])).toContainEqual(answered);
    await vi.advanceTimersByTimeAsync(BURST_GAP_MS);
    let sent = false;
    const quick = p.send(async () => ((sent = true), answered));
    expect(sent).toBe(true);
    await quick;
    await Promise.all([p.send(async () => (bursts.length === 1 ? limited(50) : answered)), vi.advanceTimersByTimeAsync(100)]);
    expect(bursts).toHaveLength(2);
  });

  it('rejects what waits, and what comes, once the connection is gone', async () => {
    const { pacer: p } = pacer();
    const waiting = p.send(async () => limited(10_000));
    await vi.advanceTimersByTimeAsync(10);
    const behind = p.send(async () => answered);
    const rejected = [expect(waiting).rejects.toThrow('not connected to the hub'), expect(behind).rejects.toThrow('not connected to the hub')];
    p.close();
    await Promise.all(rejected);
    await expect(p.send(async () => answered)).rejects.toThrow('not connected to the hub');
  });
});
