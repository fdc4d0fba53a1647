import type { VocGranularity } from '../../shared/protocol';

import { addDays, dayOf, mondayOf, startOfDayIn } from '../../shared/time/localCalendar';

/**
 * The buckets `[start, end)` covering `[from, to)`: whole local days or weeks (Monday first), so the first
 * may begin before `from` and the last end after `to`.
 */
export function localBuckets(from: number, to: number, timeZone: string, granularity: VocGranularity): Array<{ start: number; end: number }> {
  const step = granularity === 'week' ? 7 : 1;
  let date = granularity === 'week' ? mondayOf(dayOf(from, timeZone)) : dayOf(from, timeZone);
  const buckets: Array<{ start: number; end: number }> = [];
  let start = startOfDayIn(date, timeZone);
  while (start < to) {
    date = addDays(date, step);
    const end = startOfDayIn(date, timeZone);
    buckets.push({ start, end });
    start = end;
  }
  return buckets;
}

/** Index of the bucket holding `at` (buckets in order, adjoining), or -1 outside them all. */
export function bucketOf(buckets: ReadonlyArray<{ start: number; end: number }>, at: number): number {
  let lo = 0;
  let hi = buckets.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const b = buckets[mid] as { start: number; end: number };
    if (at < b.start) hi = mid - 1;
    else if (at >= b.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}
