import { describe, expect, it } from 'vitest';
import { formatDateTime, formatDuration, formatNumber } from './format';

describe('format', () => {
  it('writes durations in the largest unit that fits, with each language’s plural forms', () => {
    expect(formatDuration('en', 45_000)).toBe('45 sec');
    expect(formatDuration('en', 12 * 60_000)).toBe('12 min');
    expect(formatDuration('en', 125 * 60_000)).toBe('2 hr 5 min');
    expect(formatDuration('pl', 2 * 3_600_000)).toBe('2 godz.');
    expect(formatDuration('pl', 5 * 86_400_000)).toBe('5 dni');
    expect(formatDuration('pl', 2 * 86_400_000)).toBe('2 dni');
    expect(formatDuration('pl', 86_400_000)).toBe('1 dzień');
    expect(formatDuration('el', 3 * 86_400_000)).toBe('3 ημέρες');
    expect(formatDuration('en', -90_000)).toBe('1 min');
  });

  it('formats numbers and dates per locale', () => {
    expect(formatNumber('en', 10000)).toBe('10,000');
    expect(formatNumber('pl', 10000)).toBe('10\u00a0000'); // Polish groups with a no-break space
    expect(formatNumber('el', 10000)).toBe('10.000');
    const t = Date.UTC(2026, 10, 23, 14, 5);
    expect(formatDateTime('el', t)).toMatch(/23 Νοε 2026/);
    expect(formatDateTime('pl', t)).toMatch(/23 lis 2026/);
  });
});
