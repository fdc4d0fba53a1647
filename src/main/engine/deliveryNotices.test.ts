import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Delivery } from '../../shared/domain';
import type { EventPayload } from '../../shared/ipc/contract';
import type { DeliveryFailed } from '../../shared/protocol';
import { delivery } from '../../shared/testing/rows';
import { keys } from '../../server/audience';
import type { LiveEventName } from '../../server/context';
import { startTestHub, type TestHub } from '../../server/testing/hubHarness';
import { createEngine, type Engine } from './createEngine';
import { call, closeEngineTest, refusal, signInOnline, testEngineOptions } from './engineTesting';

/**
 * Deliveries on the workstation: their rows come through the change feed into the case view and the
 * supervisor's list, and the hub's `delivery:failed` live event reaches the person it is addressed to as the
 * renderer's `delivery.failed` notice, named with the case's subject and the customer's name from the cache.
 */
describe('deliveries reach the workstation', () => {
  let hub: TestHub;
  let dataDir: string;
  const engines: Engine[] = [];
  const logged: string[] = [];

  beforeEach(async () => {
    hub = await startTestHub();
    dataDir = mkdtempSync(join(tmpdir(), 'delivery-notices-'));
    logged.length = 0;
  }, 60_000);
  afterEach(() => closeEngineTest(engines, hub, dataDir));

  const start = () => {
    const engine = createEngine(testEngineOptions(dataDir, hub.hub.url, { log: (message) => void logged.push(message) }));
    engines.push(engine);
    return engine;
  };
  const events = (engine: Engine) => {
    const seen: EventPayload<'delivery.failed'>[] = [];
    engine.subscribe((e) => e.name === 'delivery.failed' && seen.push(e.payload));
    return seen;
  };
  /** What the hub's delivery worker sends when it gives up (the name is the protocol's; see ServerToClientEvents). */
  const hubSays = (staffId: string, payload: DeliveryFailed | Record<string, unknown>) =>
    hub.hub.ctx.emit([keys.staff(staffId)], 'delivery:failed' as LiveEventName, payload);

  it('shows a delivery the hub writes in its case, live, and a failed one in the supervisor’s list', async () => {
    const inbound = await hub.inbound({ channel: 'chat', text: 'Η παραγγελία μου;', from: { email: 'nikos@example.gr', name: 'Νίκος Παπαδόπουλος' } });
    const { caseId, customerId } = inbound.body as { caseId: string; customerId: string };
    const agent = start();
    await signInOnline(agent, 'a3');
    const supervisor = start();
    await signInOnline(supervisor, 'sup1');
    const save = (row: Delivery) => hub.hub.ctx.write((w) => w.save('delivery', row));

    const sent = delivery({ id: 'de-live', caseId, customerId, interactionId: 'in-reply', authorId: 'a3', status: 'sent', attempts: 1 });
    await save(sent);
    await expect.poll(async () => (await call(agent, 'case.view', { caseId })).deliveries.map((d) => [d.id, d.status])).toEqual([['de-live', 'sent']]);
    expect(await call(supervisor, 'supervisor.failedDeliveries', {})).toEqual([]);
    // Only a failed delivery can be retried: nothing goes to the outbox for one on its way.
    expect(await refusal(agent, 'delivery.retry', { deliveryId: 'de-live' })).toEqual({ code: 'conflict' });

    await save({ ...sent, status: 'failed', lastError: 'the customer blocked the page', version: 2 });
    await expect.poll(async () => (await call(agent, 'case.view', { caseId })).deliveries.map((d) => [d.status, d.lastError])).toEqual([['failed', 'the customer blocked the page']]);
    await expect
      .poll(async () => (await call(supervisor, 'supervisor.failedDeliveries', {})).map((f) => [f.delivery.id, f.caseSubject !== null, f.customerName]))
      .toEqual([['de-live', true, 'Νίκος Παπαδόπουλος']]);
    expect((await refusal(agent, 'supervisor.failedDeliveries', {})).code).toBe('forbidden');

    // Retry: queued again at once (what the hub does next is the hub's tests' business); a second click sends nothing more.
    expect(await call(agent, 'delivery.retry', { deliveryId: 'de-live' })).toMatchObject({ state: 'pending' });
    expect(await refusal(agent, 'delivery.retry', { deliveryId: 'de-live' })).toEqual({ code: 'conflict' });
  });

  it('tells the author which case and customer, and what failed', async () => {
    const inbound = await hub.inbound({ channel: 'chat', text: 'Καλησπέρα, η παραγγελία μου δεν έφτασε', from: { email: 'eleni@example.gr', name: 'Ελένη Γεωργίου' } });
    const { caseId } = inbound.body as { caseId: string };
    const engine = start();
    const seen = events(engine);
    await signInOnline(engine, 'a3');
    const { case: kase } = await call(engine, 'case.view', { caseId });

    const failure: DeliveryFailed = { deliveryId: 'de-1', caseId, interactionId: 'in-1', channel: 'chat', error: 'connector answered 400: unknown session' };
    hubSays('a3', failure);
    await expect.poll(() => seen).toEqual([{ failure, caseSubject: kase.subject, customerName: 'Ελένη Γεωργίου' }]);
  });

  it('names no case it does not hold, and drops a notice that does not pass the schema (logged, nothing shown)', async () => {
    const engine = start();
    const seen = events(engine);
    await signInOnline(engine, 'a3');
    hubSays('a3', { deliveryId: 'de-2', caseId: 'c-elsewhere', interactionId: 'in-2', channel: 'pigeon', error: 'x' });
    const failure: DeliveryFailed = { deliveryId: 'de-3', caseId: 'c-elsewhere', interactionId: 'in-3', channel: 'sms', error: 'gateway: number unreachable' };
    hubSays('a3', failure);
    await expect.poll(() => seen).toEqual([{ failure, caseSubject: null, customerName: null }]);
    expect(logged).toContain('sync: delivery:failed: a notice that does not pass the schema');
  });

  it('refuses to retry a delivery this workstation does not hold', async () => {
    const engine = start();
    await signInOnline(engine, 'a3');
    expect(await refusal(engine, 'delivery.retry', { deliveryId: 'de-unknown' })).toEqual({ code: 'not-found' });
    expect(await call(engine, 'outbox.list', {})).toEqual([]);
  });
});
