/**
 * A report's period as `[from, to)` epoch ms, computed on the supervisor's own calendar: days start at midnight in
 * their time zone (a day across a daylight-saving change lasts 23 or 25 hours) and weeks start on Monday. Pure:
 * the time zone and "now" are arguments, so the rules are tested in any zone whatever the machine's.
 */
import { MAX_REPORT_BUCKETS, MAX_REPORT_DAYS, REPORT_GRANULARITIES, type ReportGranularity } from '../../../../shared/protocol/reports';
import { addDays, dayOf, mondayOf, startOfDayIn, type CalendarDay } from '../../../../shared/time/localCalendar';

export type { CalendarDay };

export const PERIOD_PRESETS = ['today', 'yesterday', 'thisWeek', 'lastWeek', 'last7', 'last30', 'last90', 'custom'] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];

export interface Period {
  from: number;
  to: number;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** The supervisor's time zone, as the runtime knows it. */
export const localTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** `[first day's midnight, the midnight after the last day)`. */
const daysSpan = (first: CalendarDay, last: CalendarDay, timeZone: string): Period => ({
  from: startOfDayIn(first, timeZone),
  to: startOfDayIn(addDays(last, 1), timeZone),
});

/** A preset's period around `now`: whole calendar days, today included in "this week" and "last N days". */
export function presetPeriod(preset: Exclude<PeriodPreset, 'custom'>, now: number, timeZone: string): Period {
  const today = dayOf(now, timeZone);
  const monday = mondayOf(today);
  switch (preset) {
    case 'today':
      return daysSpan(today, today, timeZone);
    case 'yesterday':
      return daysSpan(addDays(today, -1), addDays(today, -1), timeZone);
    case 'thisWeek':
      return daysSpan(monday, addDays(monday, 6), timeZone);
    case 'lastWeek':
      return daysSpan(addDays(monday, -7), addDays(monday, -1), timeZone);
    case 'last7':
      return daysSpan(addDays(today, -6), today, timeZone);
    case 'last30':
      return daysSpan(addDays(today, -29), today, timeZone);
    case 'last90':
      return daysSpan(addDays(today, -89), today, timeZone);
  }
}

const DATE_INPUT = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A `YYYY-MM-DD` date (a date input's value) as a calendar day; null when it is not a real date. */
export function parseDateInput(value: string): CalendarDay | null {
  const match = DATE_INPUT.exec(value);
  if (!match) return null;
  const day = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  const check = addDays(day, 0);
  return check.year === day.year && check.month === day.month && check.day === day.day ? day : null;
}

/** A calendar day as a date input's value. */
export const dateInputValue = (day: CalendarDay): string =>
  `${String(day.year).padStart(4, '0')}-${String(day.month).padStart(2, '0')}-${String(day.day).padStart(2, '0')}`;

export type CustomPeriod = { ok: true; period: Period } | { ok: false; problem: 'missing' | 'order' | 'tooLong' };

/** A custom range of whole days, both ends included, checked against what one report may cover. */
export function customPeriod(first: string, last: string, timeZone: string): CustomPeriod {
  const a = parseDateInput(first);
  const b = parseDateInput(last);
  if (!a || !b) return { ok: false, problem: 'missing' };
  const period = daysSpan(a, b, timeZone);
  if (period.to <= period.from) return { ok: false, problem: 'order' };
  if (period.to - period.from > MAX_REPORT_DAYS * DAY) return { ok: false, problem: 'tooLong' };
  return { ok: true, period };
}

/** The granularities a period may be shown in: hours only while the series stays within MAX_REPORT_BUCKETS. */
export function allowedGranularities(period: Period): ReportGranularity[] {
  return REPORT_GRANULARITIES.filter((g) => g !== 'hour' || Math.ceil((period.to - period.from) / HOUR) <= MAX_REPORT_BUCKETS);
}

/** Up to two days (a DST day included) reads best by the hour, up to about two months by the day, longer by the week. */
export function defaultGranularity(period: Period): ReportGranularity {
  const span = period.to - period.from;
  if (span <= 2 * DAY + HOUR) return 'hour';
  if (span <= 62 * DAY + HOUR) return 'day';
  return 'week';
}
