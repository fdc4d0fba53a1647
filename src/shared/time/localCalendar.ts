/**
 * THE local-calendar arithmetic, for every report period and series (the hub's report and Voice of the Customer
 * buckets, the console's period presets): days start at local midnight in a time zone (a day across a
 * daylight-saving change lasts 23 or 25 hours), weeks start on Monday. Boundaries are found from calendar dates
 * through Intl, never by adding 24 hours. Pure: the time zone is always an argument.
 */

/** A calendar day, months 1..12. */
export interface CalendarDay {
  year: number;
  month: number;
  day: number;
}

const partsFormats = new Map<string, Intl.DateTimeFormat>();
function partsFormat(timeZone: string): Intl.DateTimeFormat {
  const cached = partsFormats.get(timeZone);
  if (cached) return cached;
  const format = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
  partsFormats.set(timeZone, format);
  return format;
}

/** The wall-clock time at `ms` in `timeZone` to the whole second, written as if it were UTC (so calendar arithmetic is plain). */
export function wallClock(ms: number, timeZone: string): number {
  const parts = Object.fromEntries(partsFormat(timeZone).formatToParts(ms).map((p) => [p.type, Number(p.value)]));
  return Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
}

/** The calendar day `ms` falls on in `timeZone`. */
export function dayOf(ms: number, timeZone: string): CalendarDay {
  const wall = new Date(wallClock(ms, timeZone));
  return { year: wall.getUTCFullYear(), month: wall.getUTCMonth() + 1, day: wall.getUTCDate() };
}

/** The day `n` days after `day` (negative: before), on the calendar, whatever the clocks do. */
export function addDays(day: CalendarDay, n: number): CalendarDay {
  const d = new Date(Date.UTC(day.year, day.month - 1, day.day + n));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/**
 * The instant a calendar day starts in `timeZone`. The zone's offset is read at a first guess and again at the
 * result, which settles it even when the guess falls on the other side of a change; where midnight itself does
 * not exist (zones that change their clocks at midnight), the day starts at the first instant after the gap.
 */
export function startOfDayIn(day: CalendarDay, timeZone: string): number {
  const wall = Date.UTC(day.year, day.month - 1, day.day);
  const first = wall - (wallClock(wall, timeZone) - wall);
  const second = wall - (wallClock(first, timeZone) - first);
  return wallClock(second, timeZone) === wall ? second : Math.max(first, second);
}

/** Monday of the week `day` is in (ISO weeks). */
export function mondayOf(day: CalendarDay): CalendarDay {
  const weekday = new Date(Date.UTC(day.year, day.month - 1, day.day)).getUTCDay();
  return addDays(day, -((weekday + 6) % 7));
}
