import { describe, expect, it } from 'vitest';
import { DEFAULT_RETRY, retryDelayMs } from './retryPolicy';

describe('retry delays', () => {
  const policy = { maxAttempts: 8, baseMs: 4_000, capMs: 600_000 };

  it('start at a few seconds and double, between half and all of the full delay', () => {
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n, policy, () => 0))).toEqual([2_000, 4_000, 8_000, 16_000]);
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n, policy, () => 0.999_999))).toEqual([4_000, 8_000, 16_000, 32_000]);
  });

  it('stop growing at the cap', () => {
    expect(retryDelayMs(30, policy, () => 0.999_999)).toBe(600_000);
    expect(retryDelayMs(30, policy, () => 0)).toBe(300_000);
  });

  it('spread deliveries that failed together', () => {
    const delays = new Set(Array.from({ length: 50 }, () => retryDelayMs(3, policy)));
    expect(delays.size).toBeGreaterThan(40);
    for (const d of delays) expect(d).toBeGreaterThanOrEqual(8_000);
  });

  it('by default reach minutes within the attempts allowed', () => {
    const waits = Array.from({ length: DEFAULT_RETRY.maxAttempts - 1 }, (_, i) => retryDelayMs(i + 1, DEFAULT_RETRY, () => 0.5));
    expect(waits[0]).toBeLessThan(10_000);
    expect(waits.at(-1)).toBeGreaterThan(120_000);
  });
});
