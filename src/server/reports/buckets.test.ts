import { describe, expect, it } from 'vitest';
import { MAX_REPORT_BUCKETS } from '../../shared/protocol';
import { reportBuckets } from './buckets';

const H = 3_600_000;
const hours = (b: { start: number; end: number }) => (b.end - b.start) / H;

describe('report buckets in the asker\'s time zone', () => {
  it('days start at local midnight and last 23 h on the spring change (Athens, 2026-03-29)', () => {
    // Athens is UTC+2 in winter, UTC+3 in summer: local midnight of the 28th is 22:00 UTC on the 27th.
    const from = Date.UTC(2026, 2, 27, 22);
    const to = Date.UTC(2026, 2, 30, 21);
    const days = reportBuckets(from, to, 'day', 'Europe/Athens');
    expect(days.map((d) => new Date(d.start).toISOString())).toEqual(['2026-03-27T22:00:00.000Z', '2026-03-28T22:00:00.000Z', '2026-03-29T21:00:00.000Z']);
    expect(days.map(hours)).toEqual([24, 23, 24]);
  });

  it('days last 25 h on the autumn change (Athens, 2026-10-25)', () => {
    const days = reportBuckets(Date.UTC(2026, 9, 24, 21), Date.UTC(2026, 9, 26, 22), 'day', 'Europe/Athens');
    // Local midnight of the 25th is 21:00 UTC on the 24th (UTC+3); of the 26th, 22:00 UTC on the 25th (UTC+2).
    expect(days.map(hours)).toEqual([25, 24]);
  });

  it('weeks start on Monday at local midnight; a period is cut at its own ends', () => {
    // Wednesday 2026-03-25 12:00 UTC to Wednesday 2026-04-08 12:00 UTC, in Athens.
    const weeks = reportBuckets(Date.UTC(2026, 2, 25, 12), Date.UTC(2026, 3, 8, 12), 'week', 'Europe/Athens');
    expect(weeks.map((w) => new Date(w.start).toISOString())).toEqual(['2026-03-25T12:00:00.000Z', '2026-03-29T21:00:00.000Z', '2026-04-05T21:00:00.000Z']);
    expect(weeks[weeks.length - 1].end).toBe(Date.UTC(2026, 3, 8, 12));
  });

  it('hours follow the local clock of a half-hour zone (Kolkata, UTC+5:30)', () => {
    const hrs = reportBuckets(Date.UTC(2026, 0, 1, 0, 0), Date.UTC(2026, 0, 1, 2, 0), 'hour', 'Asia/Kolkata');
    expect(hrs.map((b) => new Date(b.start).toISOString())).toEqual(['2026-01-01T00:00:00.000Z', '2026-01-01T00:30:00.000Z', '2026-01-01T01:30:00.000Z']);
  });

  it('refuses a series of more than MAX_REPORT_BUCKETS buckets, naming the granularity', () => {
    const from = Date.UTC(2026, 0, 1);
    expect(reportBuckets(from, from + MAX_REPORT_BUCKETS * H, 'hour', 'UTC')).toHaveLength(MAX_REPORT_BUCKETS);
    expect(() => reportBuckets(from, from + (MAX_REPORT_BUCKETS + 1) * H, 'hour', 'UTC')).toThrow(/^granularity/);
  });
});
