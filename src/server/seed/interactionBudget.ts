import type { Random } from './random';

/**
 * Shares `total` interactions among `customers`, one customer at a time, so that they add up exactly while
 * each customer's share varies (from about 0.4 to 1.6 times the average). Each share is drawn around the
 * average of what is still left, which keeps the last customers close to the average as well.
 */
export function createBudgetAllocator(total: number, customers: number): (rng: Random) => number {
  let remaining = total;
  let left = customers;
  return (rng) => {
    if (left <= 0) return 0;
    left--;
    if (left === 0) {
      const share = remaining;
      remaining = 0;
      return share;
    }
    const mean = remaining / (left + 1);
    const share = Math.min(remaining, Math.round(mean * (0.4 + 1.2 * rng.next())));
    remaining -= share;
    return share;
  };
}
