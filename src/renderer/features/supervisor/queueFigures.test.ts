import { describe, expect, it } from 'vitest';
import { aCase, aStaff, NOW } from '../../test/builders';
import type { Queue } from '../../../shared/domain';
import { bulkOutcome } from './bulkOutcome';
import { dayTimeline } from './dayTimeline';
import { queueFigures } from './queueFigures';

const queue = { id: 'q1', name: 'Chat', memberIds: ['s1', 's2', 's3'] } as Queue;
const row = (over: Parameters<typeof aCase>[0], sentiment: 'negative' | 'neutral' | 'positive' | null = null) => ({ case: aCase(over), customerName: null, sentiment });

describe('queueFigures', () => {
  it('counts waiting cases, the longest wait, SLA risk and breaches, agents by status, CSAT and negative customers', () => {
    const cases = [
      row({ id: 'w1', assigneeId: null, lastInboundAt: NOW - 300_000, firstResponseDueAt: NOW + 60_000 }, 'negative'),
      row({ id: 'w2', assigneeId: null, lastInboundAt: NOW - 60_000, slaBreachedAt: NOW - 1, customerId: 'cu2' }, 'positive'),
      row({ id: 'held', assigneeId: 's1', customerId: 'cu1' }, 'neutral'),
      row({ id: 'done', status: 'resolved', assigneeId: null }),
      row({ id: 'other', queueId: 'q2', assigneeId: null }),
    ];
    const staff = [aStaff({ id: 's1', status: 'available' }), aStaff({ id: 's2', status: 'busy' }), aStaff({ id: 's3', status: 'away' })];
    const [f] = queueFigures([queue], staff, cases, [{ queueId: 'q1', score: 2 }, { queueId: 'q1', score: 9 }, { queueId: 'q2', score: 1 }], NOW);
    expect(f).toMatchObject({ waiting: 2, longestWaitMs: 300_000, atRisk: 1, breached: 1, online: 1, busy: 1, away: 1, csatAverage: 5.5, csatCount: 2 });
    // cu1 has a negative and a neutral case: one negative customer of two.
    expect(f.negativeShare).toBe(0.5);
  });

  it('shows no figure rather than zero where there is nothing to measure', () => {
    const [f] = queueFigures([queue], [], [], [], NOW);
    expect(f).toMatchObject({ waiting: 0, longestWaitMs: null, csatAverage: null, negativeShare: null });
  });
});

describe('dayTimeline', () => {
  const H = 3_600_000;
  it('counts, hour by hour, the cases waiting for an agent and the average score given', () => {
    const since = NOW - 3 * H;
    const cases = [
      aCase({ id: 'picked', createdAt: since + 10, assigneeHistory: [{ staffId: 's1', at: since + H + 10 }] }),
      aCase({ id: 'still', createdAt: since + 2 * H - 5, assigneeId: null }),
    ];
    const points = dayTimeline(cases, [{ queueId: 'q1', score: 4, createdAt: since + 2 * H + 1 }, { queueId: 'q1', score: 8, createdAt: since + 2 * H + 2 }], 'q1', since, NOW);
    expect(points.map((p) => p.waiting)).toEqual([1, 1, 1]);
    expect(points.map((p) => p.csat)).toEqual([null, null, 6]);
    expect(dayTimeline(cases, [], 'q2', since, NOW).every((p) => p.waiting === 0)).toBe(true);
  });
});

describe('bulkOutcome', () => {
  const byId = new Map([
    ['moved', aCase({ id: 'moved', queueId: 'q2', assigneeId: 's9' })],
    ['stuck', aCase({ id: 'stuck', queueId: 'q1' })],
    ['closed', aCase({ id: 'closed', queueId: 'q1', status: 'closed' })],
  ]);

  it('without the hub’s results, says which cases landed and the likely reason the others did not', () => {
    expect(bulkOutcome(['moved', 'stuck', 'closed', 'gone'], { queueId: 'q2' }, byId, null)).toEqual([
      { caseId: 'moved', moved: true },
      { caseId: 'stuck', moved: false, from: 'cache', reason: 'refused' },
      { caseId: 'closed', moved: false, from: 'cache', reason: 'closed' },
      { caseId: 'gone', moved: false, from: 'cache', reason: 'missing' },
    ]);
  });

  it('with the hub’s results, gives its reason for each refused case, also one the cache did not list, and the rest as moved', () => {
    const failed = [
      { id: 'closed', ok: false, reason: 'conflict' as const, message: 'case closed is closed' },
      { id: 'elsewhere', ok: false, reason: 'not-found' as const, message: 'case elsewhere does not exist' },
    ];
    // "stuck" is elsewhere in the cache (moved on since), but the hub did move it.
    expect(bulkOutcome(['moved', 'stuck', 'closed'], { queueId: 'q2' }, byId, failed)).toEqual([
      { caseId: 'moved', moved: true },
      { caseId: 'stuck', moved: true },
      { caseId: 'closed', moved: false, from: 'hub', reason: 'conflict', message: 'case closed is closed' },
      { caseId: 'elsewhere', moved: false, from: 'hub', reason: 'not-found', message: 'case elsewhere does not exist' },
    ]);
  });
});
