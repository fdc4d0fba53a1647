import { describe, expect, it } from 'vitest';
import { interaction, upsert } from '../testing/fixtures';
import { fullJitterDelay } from './backoff';
import { planLive } from './livePlan';

const change = (seq: number) => upsert('interaction', seq, interaction({ id: `i${seq}` }));

describe('planLive', () => {
  it('applies a batch that starts at the cursor, in seq order, and moves the cursor to its end', () => {
    expect(planLive(10, { from: 10, to: 13, changes: [change(13), change(11)] })).toEqual({ kind: 'apply', changes: [change(11), change(13)], cursor: 13 });
  });

  it('pulls instead when the batch starts above the cursor (a batch was lost)', () => {
    expect(planLive(10, { from: 12, to: 14, changes: [change(13), change(14)] })).toEqual({ kind: 'pull' });
  });

  it('leaves out what a pull already applied', () => {
    expect(planLive(12, { from: 10, to: 14, changes: [change(11), change(12), change(14)] })).toEqual({ kind: 'apply', changes: [change(14)], cursor: 14 });
    expect(planLive(20, { from: 10, to: 14, changes: [change(11)] })).toEqual({ kind: 'skip' });
  });

  it('moves the cursor over a batch whose changes were all out of scope', () => {
    expect(planLive(10, { from: 10, to: 15, changes: [] })).toEqual({ kind: 'apply', changes: [], cursor: 15 });
  });
});

describe('fullJitterDelay', () => {
  it('draws from zero up to an exponentially growing ceiling, capped', () => {
    const policy = { baseMs: 100, maxMs: 1_000 };
    expect([0, 1, 2, 3, 10].map((n) => fullJitterDelay(n, policy, () => 0.999_999))).toEqual([99, 199, 399, 799, 999]);
    expect(fullJitterDelay(5, policy, () => 0)).toBe(0);
  });
});
