/**
 * Dates, times, numbers and durations in the UI language's own format (Intl does the per-locale work,
 * including plural forms of units: "1 dzień", "2 dni", "5 dni"; "1 ημέρα", "3 ημέρες").
 */
import type { i18n as I18n } from 'i18next';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

// Building an Intl formatter costs far more than using one, and lists format thousands of values a render.
const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();
const numberFormat = (lng: string, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat => {
  const key = `${lng}|${JSON.stringify(options)}`;
  return numberFormats.get(key) ?? numberFormats.set(key, new Intl.NumberFormat(lng, options)).get(key)!;
};
const dateFormat = (lng: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat => {
  const key = `${lng}|${JSON.stringify(options)}`;
  return dateFormats.get(key) ?? dateFormats.set(key, new Intl.DateTimeFormat(lng, options)).get(key)!;
};

export const formatNumber = (lng: string, value: number, options?: Intl.NumberFormatOptions): string => numberFormat(lng, options).format(value);

export const formatPercent = (lng: string, percent: number): string => numberFormat(lng, { style: 'percent', maximumFractionDigits: 0 }).format(percent / 100);

export const formatTime = (lng: string, ms: number): string => dateFormat(lng, { timeStyle: 'short' }).format(ms);

export const formatDateTime = (lng: string, ms: number): string => dateFormat(lng, { dateStyle: 'medium', timeStyle: 'short' }).format(ms);

/** Today's times as a time only, older ones with their date. */
export function formatWhen(lng: string, ms: number, now: number): string {
  return new Date(ms).toDateString() === new Date(now).toDateString() ? formatTime(lng, ms) : formatDateTime(lng, ms);
}

/** Below this many days a length keeps its hours ("1 day 6 hr"); longer ones are counted in days only. */
const DAYS_WITH_HOURS = 7;

/**
 * A length of time, short and in the largest unit that fits, with the next smaller unit where it still
 * matters: "45 sec", "12 min", "8 hr 11 min", "1 day 6 hr", "9 days". Negative lengths are shown by their size.
 */
export function formatDuration(lng: string, ms: number): string {
  const abs = Math.abs(ms);
  const unit = (value: number, u: 'second' | 'minute' | 'hour' | 'day') =>
    numberFormat(lng, { style: 'unit', unit: u, unitDisplay: 'short', maximumFractionDigits: 0 }).format(value);
  if (abs < MINUTE) return unit(Math.floor(abs / 1000), 'second');
  if (abs < HOUR) return unit(Math.floor(abs / MINUTE), 'minute');
  if (abs < DAY) {
    const minutes = Math.floor((abs % HOUR) / MINUTE);
    const hours = unit(Math.floor(abs / HOUR), 'hour');
    return minutes ? `${hours} ${unit(minutes, 'minute')}` : hours;
  }
  const days = unit(Math.floor(abs / DAY), 'day');
  const hours = Math.floor((abs % DAY) / HOUR);
  return abs < DAYS_WITH_HOURS * DAY && hours ? `${days} ${unit(hours, 'hour')}` : days;
}

/**
 * Lets translations show a length of time given in milliseconds as `{{time, duration}}`, through
 * `formatDuration`: the assist engine's reasons ("The reply is 8 hr 11 min overdue") carry milliseconds, and
 * the words around them stay in the locale files.
 */
export function addDurationFormat(i18n: I18n): void {
  i18n.services.formatter?.add('duration', (value: unknown, lng: string | undefined) => formatDuration(lng ?? 'en', Number(value)));
}
