import { describe, expect, it } from 'vitest';
import { aCase } from '../../test/builders';
import { patchDashboard } from './dashboardPatch';
import type { Dashboard } from './supervisorTypes';

const row = (id: string, assigneeId: string | null = null) => ({ case: aCase({ id, assigneeId }), customerName: `Customer of ${id}`, sentiment: null });
const answer = (id: string, createdAt: number) => ({ id, caseId: 'c1', customerId: 'cu1', queueId: 'q1', score: 5, comment: null, createdAt });

describe('patchDashboard', () => {
  const data: Dashboard = { cases: [row('a'), row('b'), row('c')], csat: [answer('s1', 10), answer('s3', 30)] };

  it('replaces changed cases in place, adds new ones at the end and drops gone ones', () => {
    const next = patchDashboard(data, { cases: [row('b', 'agent-2'), row('d')], gone: ['a'], csat: [] });
    expect(next.cases.map((c) => [c.case.id, c.case.assigneeId])).toEqual([
      ['b', 'agent-2'],
      ['c', null],
      ['d', null],
    ]);
    expect(next.csat).toBe(data.csat);
    expect(data.cases).toHaveLength(3);
  });

  it('adds survey answers in time order, once each', () => {
    const next = patchDashboard(data, { cases: [], gone: [], csat: [answer('s2', 20), answer('s3', 30)] });
    expect(next.csat.map((r) => r.id)).toEqual(['s1', 's2', 's3']);
  });
});
