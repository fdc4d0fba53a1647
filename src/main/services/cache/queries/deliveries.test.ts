import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { optimisticEffects } from '../../outbox/effects';
import { enqueue, recordResult, takeNextPending, type MutationRequest } from '../../outbox/outbox';
import { customer, delivery, interaction, kase, remove, tempCache, upsert } from '../../testing/fixtures';
import { fullScans, queryPlan } from '../../testing/queryPlan';
import { applyChanges } from '../applyChanges';
import type { Db } from '../database';
import { CASE_DELIVERIES_SQL, getCaseWithTimeline } from './caseTimeline';
import { FAILED_DELIVERIES_SQL, listFailedDeliveries } from './failedDeliveries';

const NOW = Date.UTC(2025, 0, 7);

/**
 * Two cases of two customers. ca1: a reply delivered, a reply that failed and a survey that failed; ca2: a
 * reply that failed earlier than both, and one still queued.
 */
describe('deliveries in the cache', () => {
  let db: Db;
  let cleanup: () => void;
  beforeEach(() => {
    ({ db, cleanup } = tempCache());
    let seq = 0;
    applyChanges(
      db,
      [
        upsert('customer', ++seq, customer()),
        upsert('customer', ++seq, customer({ id: 'cu2', name: 'Νίκος Παπαδόπουλος' })),
        upsert('case', ++seq, kase({ subject: 'Broken kettle' })),
        upsert('case', ++seq, kase({ id: 'ca2', customerId: 'cu2', subject: 'Παράδοση' })),
        upsert('interaction', ++seq, interaction({ id: 'in2', direction: 'outbound', createdAt: 2_000 })),
        upsert('interaction', ++seq, interaction({ id: 'in3', direction: 'outbound', createdAt: 3_000 })),
        upsert('delivery', ++seq, delivery({ id: 'de-read', interactionId: 'in2', status: 'read', createdAt: 2_000, updatedAt: 9_000 })),
        upsert('delivery', ++seq, delivery({ id: 'de-failed', interactionId: 'in3', status: 'failed', lastError: 'connector answered 400', createdAt: 3_000, updatedAt: 8_000 })),
        upsert('delivery', ++seq, delivery({ id: 'de-survey', interactionId: 'in4', purpose: 'survey', authorId: null, status: 'failed', createdAt: 4_000, updatedAt: 7_000 })),
        upsert('delivery', ++seq, delivery({ id: 'de-old', caseId: 'ca2', customerId: 'cu2', interactionId: 'in9', status: 'failed', createdAt: 1_000, updatedAt: 1_000 })),
        upsert('delivery', ++seq, delivery({ id: 'de-queued', caseId: 'ca2', customerId: 'cu2', interactionId: 'in8', status: 'queued' })),
      ],
      seq,
    );
  });
  afterEach(() => cleanup());

  const retry = (deliveryId: string) =>
    enqueue(db, { type: 'delivery.retry', deliveryId } satisfies MutationRequest, (m) => optimisticEffects(db, m, { staffId: 'st1', now: NOW }), NOW);

  it('comes with its case: every delivery of the case, oldest first, and no other case’s', () => {
    const view = getCaseWithTimeline(db, 'ca1');
    expect(view?.deliveries.map((d) => [d.id, d.status, d.local])).toEqual([
      ['de-read', 'read', []],
      ['de-failed', 'failed', []],
      ['de-survey', 'failed', []],
    ]);
    expect(getCaseWithTimeline(db, 'ca2')?.deliveries.map((d) => d.id).sort()).toEqual(['de-old', 'de-queued']);
  });

  it('shows a retry at once: queued again without its error, marked as mine and waiting; the hub’s row takes over', () => {
    const { mutationId } = retry('de-failed');
    const waiting = getCaseWithTimeline(db, 'ca1')?.deliveries.find((d) => d.id === 'de-failed');
    expect(waiting).toMatchObject({ status: 'queued', lastError: null, local: [{ mutationId, type: 'delivery.retry', state: 'pending' }] });

    // Applied by the hub at seq 20; its row (a new attempt under way) arrives through the feed.
    takeNextPending(db, NOW);
    recordResult(db, mutationId, { ok: true, outcome: 'applied', seq: 20 }, NOW);
    applyChanges(db, [upsert('delivery', 20, delivery({ id: 'de-failed', interactionId: 'in3', status: 'sent', attempts: 2, version: 2 }))], 20);
    expect(getCaseWithTimeline(db, 'ca1')?.deliveries.find((d) => d.id === 'de-failed')).toMatchObject({ status: 'sent', attempts: 2, local: [] });
  });

  it('lists failed deliveries for the supervisor, newest first, with the case’s subject and the customer’s name', () => {
    expect(listFailedDeliveries(db, 10).map((f) => [f.delivery.id, f.caseSubject, f.customerName, f.delivery.lastError])).toEqual([
      ['de-failed', 'Broken kettle', 'Anna Kowalska', 'connector answered 400'],
      ['de-survey', 'Broken kettle', 'Anna Kowalska', null],
      ['de-old', 'Παράδοση', 'Νίκος Παπαδόπουλος', null],
    ]);
    expect(listFailedDeliveries(db, 1).map((f) => f.delivery.id)).toEqual(['de-failed']);
  });

  it('keeps a delivery whose retry waits in the list, marked, and drops it once the hub has queued it again', () => {
    const { mutationId } = retry('de-old');
    expect(listFailedDeliveries(db, 10).find((f) => f.delivery.id === 'de-old')?.delivery.local).toEqual([
      { mutationId, type: 'delivery.retry', state: 'pending', reason: null, message: null },
    ]);
    applyChanges(db, [upsert('delivery', 30, delivery({ id: 'de-old', caseId: 'ca2', status: 'queued', version: 2 }))], 30);
    expect(listFailedDeliveries(db, 10).map((f) => f.delivery.id)).toEqual(['de-failed', 'de-survey']);
  });

  it('names no case or customer it does not hold, and forgets deliveries deleted by the feed', () => {
    applyChanges(db, [remove('case', 40, 'ca2'), remove('delivery', 41, 'de-queued')], 41);
    expect(listFailedDeliveries(db, 10).find((f) => f.delivery.id === 'de-old')).toMatchObject({ caseSubject: null, customerName: null });
    expect(getCaseWithTimeline(db, 'ca2')).toBeNull();
  });

  it('reads deliveries through their indexes (no full scan)', () => {
    expect(queryPlan(db, CASE_DELIVERIES_SQL, 'ca1')).toEqual([expect.stringMatching(/SEARCH deliveries USING INDEX deliveries_by_case/)]);
    const plan = queryPlan(db, FAILED_DELIVERIES_SQL, 10);
    expect(fullScans(plan, ['deliveries', 'cases', 'customers']), plan.join('\n')).toEqual([]);
    expect(plan.join('\n')).toMatch(/SEARCH d USING INDEX deliveries_by_status/);
  });
});
