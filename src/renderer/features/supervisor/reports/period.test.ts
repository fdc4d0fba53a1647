import { describe, expect, it } from 'vitest';
import { MAX_REPORT_BUCKETS } from '../../../../shared/protocol/reports';
import { dayOf, mondayOf, startOfDayIn } from '../../../../shared/time/localCalendar';
import { allowedGranularities, customPeriod, defaultGranularity, parseDateInput, presetPeriod } from './period';

const HOUR = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();
const span = (p: { from: number; to: number }) => [iso(p.from), iso(p.to)];

// Wednesday 1 April 2026, 10:30 in Warsaw (CEST, UTC+2): the Sunday before, clocks went from 02:00 to 03:00.
const AFTER_SPRING = Date.UTC(2026, 3, 1, 8, 30);

describe('report periods', () => {
  it('computes every preset on the supervisor’s calendar, weeks from Monday', () => {
    const zone = 'Europe/Warsaw';
    expect(span(presetPeriod('today', AFTER_SPRING, zone))).toEqual(['2026-03-31T22:00:00.000Z', '2026-04-01T22:00:00.000Z']);
    expect(span(presetPeriod('yesterday', AFTER_SPRING, zone))).toEqual(['2026-03-30T22:00:00.000Z', '2026-03-31T22:00:00.000Z']);
    expect(span(presetPeriod('thisWeek', AFTER_SPRING, zone))).toEqual(['2026-03-29T22:00:00.000Z', '2026-04-05T22:00:00.000Z']);
    expect(span(presetPeriod('last7', AFTER_SPRING, zone))).toEqual(['2026-03-25T23:00:00.000Z', '2026-04-01T22:00:00.000Z']);
    expect(span(presetPeriod('last30', AFTER_SPRING, zone))).toEqual(['2026-03-02T23:00:00.000Z', '2026-04-01T22:00:00.000Z']);
    expect(span(presetPeriod('last90', AFTER_SPRING, zone))).toEqual(['2026-01-01T23:00:00.000Z', '2026-04-01T22:00:00.000Z']);
  });

  it('gives last week across the spring change 167 hours, and across the autumn change 169', () => {
    const spring = presetPeriod('lastWeek', AFTER_SPRING, 'Europe/Warsaw');
    // Monday 23 March 00:00 CET to Monday 30 March 00:00 CEST.
    expect(span(spring)).toEqual(['2026-03-22T23:00:00.000Z', '2026-03-29T22:00:00.000Z']);
    expect((spring.to - spring.from) / HOUR).toBe(167);
    const autumn = presetPeriod('lastWeek', Date.UTC(2026, 9, 27, 12), 'Europe/Athens');
    expect(span(autumn)).toEqual(['2026-10-18T21:00:00.000Z', '2026-10-25T22:00:00.000Z']);
    expect((autumn.to - autumn.from) / HOUR).toBe(169);
  });

  it('takes the day and the week from the zone, not from UTC', () => {
    // 23:30 UTC on Sunday 5 April is already Monday in Athens, still Sunday in New York.
    const late = Date.UTC(2026, 3, 5, 23, 30);
    expect(dayOf(late, 'Europe/Athens')).toEqual({ year: 2026, month: 4, day: 6 });
    expect(dayOf(late, 'America/New_York')).toEqual({ year: 2026, month: 4, day: 5 });
    expect(span(presetPeriod('thisWeek', late, 'Europe/Athens'))[0]).toBe('2026-04-05T21:00:00.000Z');
    expect(span(presetPeriod('thisWeek', late, 'America/New_York'))[0]).toBe('2026-03-30T04:00:00.000Z');
    expect(mondayOf({ year: 2026, month: 1, day: 1 })).toEqual({ year: 2025, month: 12, day: 29 });
  });

  it('starts a day whose midnight does not exist at the first instant after the gap', () => {
    // São Paulo moved its clocks from 00:00 to 01:00 on 4 November 2018.
    expect(iso(startOfDayIn({ year: 2018, month: 11, day: 4 }, 'America/Sao_Paulo'))).toBe('2018-11-04T03:00:00.000Z');
    expect(iso(startOfDayIn({ year: 2018, month: 11, day: 5 }, 'America/Sao_Paulo'))).toBe('2018-11-05T02:00:00.000Z');
  });

  it('reads custom ranges as whole days, both included, and says what is wrong with a bad one', () => {
    expect(customPeriod('2026-03-28', '2026-03-29', 'Europe/Warsaw')).toEqual({
      ok: true,
      period: { from: Date.UTC(2026, 2, 27, 23), to: Date.UTC(2026, 2, 29, 22) },
    });
    expect(customPeriod('', '2026-03-29', 'Europe/Warsaw')).toEqual({ ok: false, problem: 'missing' });
    expect(customPeriod('2026-02-30', '2026-03-29', 'Europe/Warsaw')).toEqual({ ok: false, problem: 'missing' });
    expect(customPeriod('2026-03-29', '2026-03-28', 'Europe/Warsaw')).toEqual({ ok: false, problem: 'order' });
    expect(customPeriod('2025-01-01', '2026-03-29', 'Europe/Warsaw')).toEqual({ ok: false, problem: 'tooLong' });
    expect(parseDateInput('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
    expect(parseDateInput('29.02.2024')).toBeNull();
  });

  it('offers hours only while the series stays short, and picks a granularity by span', () => {
    const days = (n: number) => ({ from: 0, to: n * 24 * HOUR });
    expect(defaultGranularity(days(1))).toBe('hour');
    expect(defaultGranularity(presetPeriod('yesterday', AFTER_SPRING, 'Europe/Warsaw'))).toBe('hour');
    expect(defaultGranularity(days(7))).toBe('day');
    expect(defaultGranularity(days(30))).toBe('day');
    expect(defaultGranularity(days(90))).toBe('week');
    expect(allowedGranularities(days(7))).toEqual(['hour', 'day', 'week']);
    expect(allowedGranularities({ from: 0, to: MAX_REPORT_BUCKETS * HOUR })).toEqual(['hour', 'day', 'week']);
    expect(allowedGranularities({ from: 0, to: MAX_REPORT_BUCKETS * HOUR + 1 })).toEqual(['day', 'week']);
  });
});
