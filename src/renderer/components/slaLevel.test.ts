import { describe, expect, it } from 'vitest';
import { slaLevel } from './slaLevel';

const NOW = 1_000_000_000;
const due = (ms: number | null, breached: number | null = null) => ({ status: 'open' as const, firstResponseDueAt: ms === null ? null : NOW + ms, nextResponseDueAt: null, slaBreachedAt: breached });

describe('slaLevel', () => {
  it('grows more urgent as the deadline nears, and is breached once it passed or the hub said so', () => {
    expect(slaLevel(due(null), NOW)).toBe('none');
    expect(slaLevel(due(30 * 60_000), NOW)).toBe('ok');
    expect(slaLevel(due(8 * 60_000), NOW)).toBe('soon');
    expect(slaLevel(due(60_000), NOW)).toBe('urgent');
    expect(slaLevel(due(0), NOW)).toBe('breached');
    expect(slaLevel(due(30 * 60_000, NOW - 1), NOW)).toBe('breached');
  });

  it('follows the next-reply deadline once the first reply was sent', () => {
    expect(slaLevel({ status: 'open', firstResponseDueAt: null, nextResponseDueAt: NOW + 60_000, slaBreachedAt: null }, NOW)).toBe('urgent');
  });

  it('shows nothing due while the case waits on the customer, unless a breach was flagged', () => {
    expect(slaLevel({ ...due(-60_000), status: 'pending' }, NOW)).toBe('none');
    expect(slaLevel({ ...due(-60_000, NOW - 1), status: 'pending' }, NOW)).toBe('breached');
  });
});
