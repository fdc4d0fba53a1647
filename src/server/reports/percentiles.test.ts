import { describe, expect, it } from 'vitest';
import { nearestRank, percentiles } from './percentiles';

describe('nearest-rank percentiles', () => {
  it('are null without values', () => {
    expect(percentiles([])).toEqual({ p50: null, p90: null });
    expect(nearestRank([], 0.5)).toBeNull();
  });

  it('take the value at rank ceil(share * n), whatever the order given', () => {
    // Ten values: p50 is the 5th smallest, p90 the 9th.
    const values = [100, 10, 90, 20, 80, 30, 70, 40, 60, 50];
    expect(percentiles(values)).toEqual({ p50: 50, p90: 90 });
    expect(values[0]).toBe(100); // not sorted in place
  });

  it('never interpolate: with 4 values p50 is the 2nd and p90 the 4th', () => {
    expect(percentiles([1, 2, 3, 4])).toEqual({ p50: 2, p90: 4 });
    expect(percentiles([7])).toEqual({ p50: 7, p90: 7 });
    expect(nearestRank([1, 2, 3], 0)).toBe(1);
    expect(nearestRank([1, 2, 3], 1)).toBe(3);
  });

  it('with 11 values p90 is the 10th (ceil(9.9))', () => {
    expect(percentiles([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11])).toEqual({ p50: 6, p90: 10 });
  });
});
