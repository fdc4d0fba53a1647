import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import el from '../../shared/i18n/locales/el/assist.json';
import en from '../../shared/i18n/locales/en/assist.json';
import pl from '../../shared/i18n/locales/pl/assist.json';
import { addDurationFormat, formatDateTime, formatDuration, formatNumber } from './format';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

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

  it('keeps the hours of a span of days under a week, and counts longer spans in days', () => {
    expect(formatDuration('en', 491 * MINUTE)).toBe('8 hr 11 min');
    expect(formatDuration('en', DAY + 6 * HOUR + 20 * MINUTE)).toBe('1 day 6 hr');
    expect(formatDuration('pl', 2 * DAY + 3 * HOUR)).toBe('2 dni 3 godz.');
    expect(formatDuration('pl', 22 * DAY + 5 * HOUR)).toBe('22 dni');
    expect(formatDuration('el', DAY + HOUR)).toBe('1 ημέρα 1 ώ.');
    expect(formatDuration('el', 10 * DAY)).toBe('10 ημέρες');
  });

  it.each([
    ['en', en, 'The reply is 8 hr 11 min overdue.', 'The reply is due in 12 min.'],
    ['pl', pl, 'Termin odpowiedzi minął 8 godz. 11 min temu.', 'Zostało 12 min do terminu odpowiedzi.'],
    ['el', el, 'Η απάντηση έχει 8 ώ. 11 λ. καθυστέρηση.', 'Απομένουν 12 λ. για την απάντηση.'],
  ])('writes the lengths of time in translated texts through the same format (%s)', async (lng, assist, overdue, due) => {
    const i18n = i18next.createInstance();
    await i18n.init({ lng, resources: { [lng]: { assist } }, defaultNS: 'assist', interpolation: { escapeValue: false } });
    addDurationFormat(i18n);
    expect(i18n.t('reason.reply-now-overdue', { time: 491 * MINUTE })).toBe(overdue);
    expect(i18n.t('reason.reply-now', { time: 12 * MINUTE })).toBe(due);
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
