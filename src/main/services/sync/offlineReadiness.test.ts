import { describe, expect, it } from 'vitest';
import { historyWindowFrom } from '../../engine/historyWindow';
import { offlineReadiness } from './offlineReadiness';

describe('offlineReadiness', () => {
  const whole = { total: 5, whole: 5 };
  it('promises nothing before the first snapshot is past its priority timelines, whatever is cached', () => {
    expect(offlineReadiness({ bootstrapped: false, snapshot: null, priority: whole })).toEqual({ ready: false, percent: 0 });
    expect(offlineReadiness({ bootstrapped: false, snapshot: { done: 50, readyAt: 200, pastHistory: false }, priority: whole })).toEqual({ ready: false, percent: 25 });
    // The last rows of the phase may still be applying: never 100 before it holds.
    expect(offlineReadiness({ bootstrapped: false, snapshot: { done: 200, readyAt: 200, pastHistory: false }, priority: whole }).percent).toBe(99);
  });
  it('is ready once past the priority timelines with every priority case whole, and not while one is in part', () => {
    expect(offlineReadiness({ bootstrapped: false, snapshot: { done: 250, readyAt: 200, pastHistory: true }, priority: whole })).toEqual({ ready: true, percent: 100 });
    expect(offlineReadiness({ bootstrapped: true, snapshot: null, priority: { total: 4, whole: 3 } })).toEqual({ ready: false, percent: 75 });
    expect(offlineReadiness({ bootstrapped: true, snapshot: null, priority: { total: 0, whole: 0 } })).toEqual({ ready: true, percent: 100 });
  });
  it('a queue joined later is not promised until its snapshot is past the priority timelines', () => {
    expect(offlineReadiness({ bootstrapped: true, snapshot: { done: 0, readyAt: 10, pastHistory: false }, priority: whole }).ready).toBe(false);
  });
});

describe('historyWindowFrom', () => {
  it('reads whole days or "all", with 90 days by default, and refuses anything else', () => {
    expect(historyWindowFrom(undefined)).toBe(90 * 86_400_000);
    expect(historyWindowFrom('30')).toBe(30 * 86_400_000);
    expect(historyWindowFrom('all')).toBeNull();
    for (const bad of ['0', '-3', '1.5', '4000', 'ninety']) expect(() => historyWindowFrom(bad)).toThrow(/WORKSTATION_HISTORY_DAYS/);
  });
});
