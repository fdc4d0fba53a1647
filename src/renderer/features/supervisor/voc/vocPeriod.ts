/** The Voice of the Customer's periods, in this workstation's time zone: whole local days, today included. */
export const PERIOD_PRESETS = ['today', 'week', 'month', 'custom'] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];

/** Days each preset covers, ending with today. */
const PRESET_DAYS: Record<Exclude<PeriodPreset, 'custom'>, number> = { today: 1, week: 7, month: 30 };

/** Local midnight of a calendar date, counted in days from the date `now` falls on. */
const localMidnight = (now: number, plusDays: number): number => {
  const d = new Date(now);
  return new Date(d.getFullYear(), d.getMonth(), d.getDate() + plusDays).getTime();
};

/** "2026-11-23" (a date input's value) as its local midnight, or null when it is not a date. */
function dateValue(text: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return null;
  const t = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])).getTime();
  return Number.isNaN(t) ? null : t;
}

/**
 * `[from, to)` of a period: a preset's days up to the end of today, or the custom dates from the first's start
 * to the end of the last; null while the custom dates are missing or in the wrong order.
 */
export function periodRange(preset: PeriodPreset, now: number, custom: { from: string; to: string }): { from: number; to: number } | null {
  if (preset !== 'custom') return { from: localMidnight(now, 1 - PRESET_DAYS[preset]), to: localMidnight(now, 1) };
  const from = dateValue(custom.from);
  const last = dateValue(custom.to);
  if (from === null || last === null || last < from) return null;
  return { from, to: localMidnight(last, 1) };
}

/** This workstation's time zone: the hub buckets days and weeks in it. */
export const localTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;
