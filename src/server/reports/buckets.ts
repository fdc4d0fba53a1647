import { MAX_REPORT_BUCKETS, type ReportGranularity } from '../../shared/protocol';
import { addDays, dayOf, mondayOf, startOfDayIn, wallClock } from '../../shared/time/localCalendar';
import { Refused } from '../refused';

/** One bucket of a series, `[start, end)` in epoch ms. */
export interface Bucket {
  start: number;
  end: number;
}

/**
 * The first boundary of `granularity` in `zone` after `t`: the next hour, the next local midnight, the next
 * Monday's local midnight (the one calendar rule: src/shared/time/localCalendar.ts).
 */
export function nextBoundary(t: number, granularity: ReportGranularity, zone: string): number {
  if (granularity === 'hour') {
    const intoHour = (wallClock(t, zone) % 3_600_000) + (((t % 1000) + 1000) % 1000);
    return t - intoHour + 3_600_000;
  }
  const today = dayOf(t, zone);
  return startOfDayIn(granularity === 'day' ? addDays(today, 1) : addDays(mondayOf(today), 7), zone);
}

/**
 * The buckets of `[from, to)`: cut at each boundary of `granularity` in `zone`, the first starting at `from` and the
 * last ending at `to` (a period that does not start on a boundary has a shorter first bucket), so the buckets add
 * up to the period. More than MAX_REPORT_BUCKETS is refused (`invalid`, naming the granularity).
 */
export function reportBuckets(from: number, to: number, granularity: ReportGranularity, zone: string): Bucket[] {
  const buckets: Bucket[] = [];
  for (let start = from; start < to; ) {
    if (buckets.length === MAX_REPORT_BUCKETS) {
      throw new Refused('invalid', `granularity: a ${granularity} series of this period has more than ${MAX_REPORT_BUCKETS} buckets`);
    }
    const end = Math.min(to, Math.max(start + 1, nextBoundary(start, granularity, zone)));
    buckets.push({ start, end });
    start = end;
  }
  return buckets;
}
