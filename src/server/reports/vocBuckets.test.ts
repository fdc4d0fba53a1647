import { describe, expect, it } from 'vitest';
import { startOfDayIn } from '../../shared/time/localCalendar';
import { bucketOf, localBuckets } from './vocBuckets';
import { nearestRank, percentiles } from './percentiles';

const H = 3_600_000;
const hours = (bs: Array<{ start: number; end: number }>) => bs.map((b) => (b.end - b.start) / H);

describe('local calendar buckets', () => {
  it('gives a 23-hour day when summer time starts and a 25-hour day when it ends (Warsaw)', () => {
    const spring = localBuckets(Date.UTC(2026, 2, 28, 12), Date.UTC(2026, 2, 30, 12), 'Europe/Warsaw', 'day');
    expect(spring[0]!.start).toBe(Date.UTC(2026, 2, 27, 23));
    expect(hours(spring)).toEqual([24, 23, 24]);
    const autumn = localBuckets(Date.UTC(2026, 9, 24, 12), Date.UTC(2026, 9, 25, 12), 'Europe/Warsaw', 'day');
    expect(hours(autumn)).toEqual([24, 25]);
  });

  it('starts a day at the first instant it has where midnight is skipped (Santiago) and at half hours (Kolkata)', () => {
    expect(startOfDayIn({ year: 2026, month: 9, day: 6 }, 'America/Santiago')).toBe(Date.UTC(2026, 8, 6, 4));
    expect(startOfDayIn({ year: 2026, month: 9, day: 7 }, 'America/Santiago')).toBe(Date.UTC(2026, 8, 7, 3));
    expect(localBuckets(Date.UTC(2026, 0, 1), Date.UTC(2026, 0, 1, 1), 'Asia/Kolkata', 'day')).toEqual([
      { start: Date.UTC(2025, 11, 31, 18, 30), end: Date.UTC(2026, 0, 1, 18, 30) },
    ]);
  });

  it('begins weeks on Monday, local time, a week of 167 hours across the spring change', () => {
    // Wednesday 25 March 2026 to Wednesday 1 April, Warsaw.
    const weeks = localBuckets(Date.UTC(2026, 2, 25, 12), Date.UTC(2026, 3, 1, 12), 'Europe/Warsaw', 'week');
    expect(weeks.map((w) => w.start)).toEqual([Date.UTC(2026, 2, 22, 23), Date.UTC(2026, 2, 29, 22)]);
    expect(hours(weeks)).toEqual([167, 168]);
  });

  it('finds the bucket of an instant, none outside', () => {
    const days = localBuckets(Date.UTC(2026, 0, 5), Date.UTC(2026, 0, 8), 'UTC', 'day');
    expect(bucketOf(days, Date.UTC(2026, 0, 5))).toBe(0);
    expect(bucketOf(days, Date.UTC(2026, 0, 6, 23, 59))).toBe(1);
    expect(bucketOf(days, Date.UTC(2026, 0, 8))).toBe(-1);
    expect(bucketOf(days, Date.UTC(2026, 0, 4, 23))).toBe(-1);
  });
});

describe('nearest-rank percentiles', () => {
  it('takes the smallest value with at least the share at or below it', () => {
    expect(nearestRank([], 0.5)).toBeNull();
    expect(nearestRank([7], 0.9)).toBe(7);
    expect(percentiles([40, 10, 30, 20])).toEqual({ p50: 20, p90: 40 });
    expect(percentiles([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])).toEqual({ p50: 5, p90: 9 });
    expect(percentiles([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11])).toEqual({ p50: 6, p90: 10 });
  });
});
