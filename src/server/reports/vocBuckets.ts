import type { VocGranularity } from '../../shared/protocol';

/**
 * Calendar buckets in a time zone: local days, or local weeks from Monday, as instants. A local day is not
 * always 24 hours (23 or 25 at a daylight-saving change), so boundaries are found from the calendar date, never
 * by adding milliseconds.
 */

type CivilDate = { y: number; m: number; d: number };

const partsFormat = new Map<string, Intl.DateTimeFormat>();
function formatFor(timeZone: string): Intl.DateTimeFormat {
  let f = partsFormat.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    partsFormat.set(timeZone, f);
  }
  return f;
}

/** The wall clock of `instant` in `timeZone`, written as if it were UTC (so date arithmetic is plain). */
function wallClock(instant: number, timeZone: string): number {
  const p: Record<string, number> = {};
  for (const part of formatFor(timeZone).formatToParts(instant)) if (part.type !== 'literal') p[part.type] = Number(part.value);
  return Date.UTC(p.year as number, (p.month as number) - 1, p.day, p.hour, p.minute, p.second) + (instant % 1000 + 1000) % 1000;
}

function civilDate(instant: number, timeZone: string): CivilDate {
  const wall = new Date(wallClock(instant, timeZone));
  return { y: wall.getUTCFullYear(), m: wall.getUTCMonth(), d: wall.getUTCDate() };
}

/**
 * The first instant of a local calendar date. The offset is taken at a guess and then at the corrected guess,
 * which settles on both sides of a change; where midnight does not exist (a change at 00:00), the day begins at
 * the first instant that does.
 */
export function startOfLocalDate(date: CivilDate, timeZone: string): number {
  const wallMidnight = Date.UTC(date.y, date.m, date.d);
  let guess = wallMidnight;
  for (let i = 0; i < 3; i++) {
    const next = wallMidnight - (wallClock(guess, timeZone) - guess);
    if (next === guess) break;
    guess = next;
  }
  // A skipped midnight lands the guess in the previous day: step forward to where this date's wall clock starts.
  if (wallClock(guess, timeZone) < wallMidnight) guess += wallMidnight - wallClock(guess, timeZone);
  return guess;
}

const addDays = (c: CivilDate, n: number): CivilDate => {
  const t = new Date(Date.UTC(c.y, c.m, c.d + n));
  return { y: t.getUTCFullYear(), m: t.getUTCMonth(), d: t.getUTCDate() };
};

/**
 * The buckets `[start, end)` covering `[from, to)`: whole local days or weeks (Monday first), so the first
 * may begin before `from` and the last end after `to`.
 */
export function localBuckets(from: number, to: number, timeZone: string, granularity: VocGranularity): Array<{ start: number; end: number }> {
  let date = civilDate(from, timeZone);
  const step = granularity === 'week' ? 7 : 1;
  if (granularity === 'week') date = addDays(date, -((new Date(Date.UTC(date.y, date.m, date.d)).getUTCDay() + 6) % 7));
  const buckets: Array<{ start: number; end: number }> = [];
  let start = startOfLocalDate(date, timeZone);
  while (start < to) {
    date = addDays(date, step);
    const end = startOfLocalDate(date, timeZone);
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
