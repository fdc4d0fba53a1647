import { MAX_REPORT_BUCKETS, type ReportGranularity } from '../../shared/protocol';
import { Refused } from '../refused';

/** One bucket of a series, `[start, end)` in epoch ms. */
export interface Bucket {
  start: number;
  end: number;
}

/** The wall-clock reading of an instant in a time zone. */
function wallClock(zone: string): (t: number) => { y: number; m: number; d: number; h: number; mi: number; s: number } {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
  return (t) => {
    const p = Object.fromEntries(format.formatToParts(t).map((x) => [x.type, Number(x.value)]));
    return { y: p.year, m: p.month, d: p.day, h: p.hour, mi: p.minute, s: p.second };
  };
}

/**
 * Bucket boundaries in a time zone: hours, days from local midnight, weeks from Monday's local midnight. Days are
 * found from the zone's own calendar (Intl), never as 24 h: a local day across a daylight-saving change lasts 23 or
 * 25 hours.
 */
export function zoneCalendar(zone: string) {
  const clock = wallClock(zone);
  /** How far the zone's wall clock is ahead of UTC at `t` (ms). */
  const offset = (t: number) => {
    const w = clock(t);
    return Date.UTC(w.y, w.m - 1, w.d, w.h, w.mi, w.s) - (t - (((t % 1000) + 1000) % 1000));
  };
  /** The instant of local midnight starting the day `y-m-d` (day numbers past the month's end roll over). */
  const midnight = (y: number, m: number, d: number) => {
    const guess = Date.UTC(y, m - 1, d);
    // Twice: the offset at the first estimate may differ from the one at midnight itself near a change.
    const first = guess - offset(guess);
    return guess - offset(first);
  };
  return {
    /** The first boundary of `granularity` after `t`. */
    nextBoundary(t: number, granularity: ReportGranularity): number {
      const w = clock(t);
      if (granularity === 'hour') return t - ((w.mi * 60 + w.s) * 1000 + (((t % 1000) + 1000) % 1000)) + 3_600_000;
      if (granularity === 'day') return midnight(w.y, w.m, w.d + 1);
      const sinceMonday = (new Date(Date.UTC(w.y, w.m - 1, w.d)).getUTCDay() + 6) % 7;
      return midnight(w.y, w.m, w.d - sinceMonday + 7);
    },
  };
}

/**
 * The buckets of `[from, to)`: cut at each boundary of `granularity` in `zone`, the first starting at `from` and the
 * last ending at `to` (a period that does not start on a boundary has a shorter first bucket), so the buckets add
 * up to the period. More than MAX_REPORT_BUCKETS is refused (`invalid`, naming the granularity).
 */
export function reportBuckets(from: number, to: number, granularity: ReportGranularity, zone: string): Bucket[] {
  const calendar = zoneCalendar(zone);
  const buckets: Bucket[] = [];
  for (let start = from; start < to; ) {
    if (buckets.length === MAX_REPORT_BUCKETS) {
      throw new Refused('invalid', `granularity: a ${granularity} series of this period has more than ${MAX_REPORT_BUCKETS} buckets`);
    }
    const end = Math.min(to, Math.max(start + 1, calendar.nextBoundary(start, granularity)));
    buckets.push({ start, end });
    start = end;
  }
  return buckets;
}
