import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventPayload } from '../../shared/ipc/contract';
import type { DeliveryFailed } from '../../shared/protocol';
import { keys } from '../../server/audience';
import type { LiveEventName } from '../../server/context';
import { startTestHub, type TestHub } from '../../server/testing/hubHarness';
import { createEngine, type Engine } from './createEngine';
import { call, closeEngineTest, refusal, signInOnline, testEngineOptions } from './engineTesting';

/**
 * The hub's `delivery:failed` live event reaches the person it is addressed to as the renderer's
 * `delivery.failed` notice, named with the case's subject and the customer's name from the cache.
 */
describe('failed deliveries reach the workstation', () => {
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
