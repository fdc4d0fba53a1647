import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../services/cache/database';
import { applyChanges } from '../services/cache/applyChanges';
import { optimisticEffects } from '../services/outbox/effects';
import { enqueue } from '../services/outbox/outbox';
import { alert, customer, kase, tempCache, upsert } from '../services/testing/fixtures';
import { withAlertCases } from './alertCases';

describe('alerts with their cases', () => {
  let db: Db;
  let cleanup: () => void;
  beforeEach(() => {
    ({ db, cleanup } = tempCache());
    applyChanges(
      db,
      [
        upsert('customer', 1, customer({ id: 'cu1', name: 'Maria Wiśniewska' })),
        upsert('case', 2, kase({ id: 'ca1', customerId: 'cu1', subject: 'Refund for a broken kettle', assigneeId: 'st1', queueId: 'q1' })),
        upsert('case', 3, kase({ id: 'ca2', customerId: 'cu-not-held', subject: 'Invoice', assigneeId: null, queueId: 'q2' })),
      ],
      3,
    );
  });
  afterEach(() => cleanup());

  it("gives each alert its case's subject, assignee, queue and customer name, and null for a case not held here", () => {
    const alerts = [alert({ id: 'al1', caseId: 'ca1' }), alert({ id: 'al2', caseId: 'ca2' }), alert({ id: 'al3', caseId: 'ca-gone' }), alert({ id: 'al4', caseId: 'ca1' })];
    expect(withAlertCases(db, alerts).map((a) => [a.id, a.case])).toEqual([
      ['al1', { subject: 'Refund for a broken kettle', assigneeId: 'st1', queueId: 'q1', customerName: 'Maria Wiśniewska' }],
      ['al2', { subject: 'Invoice', assigneeId: null, queueId: 'q2', customerName: null }],
      ['al3', null],
      ['al4', { subject: 'Refund for a broken kettle', assigneeId: 'st1', queueId: 'q1', customerName: 'Maria Wiśniewska' }],
    ]);
    expect(withAlertCases(db, [])).toEqual([]);
  });

  it('shows the case as I see it: a move of mine still waiting for the hub is laid over', () => {
    enqueue(db, { type: 'case.assign', caseId: 'ca1', basedOn: { version: 1 }, to: { queueId: 'q3' } }, (m) => optimisticEffects(db, m, { staffId: 'sup', now: 1_000 }));
    expect(withAlertCases(db, [alert({ caseId: 'ca1' })])[0].case).toMatchObject({ assigneeId: null, queueId: 'q3' });
  });
});
