/**
 * Nearest-rank percentile: the smallest value with at least `share` (0..1] of the values at or below it; null
 * for no values. `sorted` must be in ascending order.
 */
export function nearestRank(sorted: readonly number[], share: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.max(1, Math.ceil(share * sorted.length));
  return sorted[rank - 1] as number;
}

/** p50 and p90 of some values, nearest-rank. */
export function p50p90(values: readonly number[]): { p50: number | null; p90: number | null } {
  const sorted = [...values].sort((a, b) => a - b);
  return { p50: nearestRank(sorted, 0.5), p90: nearestRank(sorted, 0.9) };
}
