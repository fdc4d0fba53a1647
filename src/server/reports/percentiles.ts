import type { Percentiles } from '../../shared/protocol';

/**
 * Nearest-rank percentile (src/shared/protocol/reports.ts): the smallest value with at least `share` of the values
 * at or below it, i.e. the value at rank ceil(share * n) in ascending order. Null when there are no values.
 * `sorted` must be ascending.
 */
export function nearestRank(sorted: ArrayLike<number>, share: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.max(1, Math.ceil(share * sorted.length));
  return sorted[rank - 1];
}

/** The median and 90th percentile of `values` (any order; not changed), nearest-rank, as whole milliseconds. */
export function percentiles(values: readonly number[]): Percentiles {
  const sorted = Float64Array.from(values).sort();
  const at = (share: number) => {
    const v = nearestRank(sorted, share);
    return v === null ? null : Math.round(v);
  };
  return { p50: at(0.5), p90: at(0.9) };
}
