import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { VisitorAck } from '../../shared/protocol';
import { startTestHub, type TestHub } from '../testing/hubHarness';
import { DEFAULT_VISITOR_LIMITS } from './visitorBudget';
import { allowOriginsInStore, closeVisitors, connectVisitor, SHOP, startSession, type TestVisitor } from './webchatTesting';

/** Fires `n` requests without waiting for answers, as a script would; resolves with every answer that came. */
async function burst(v: TestVisitor, n: number, name = 'visitor:suggest', payload: unknown = { text: 'where is my parcel' }): Promise<VisitorAck<unknown>[]> {
  const answers = await Promise.allSettled(Array.from({ length: n }, () => v.ask(name, payload)));
  return answers.filter((a): a is PromiseFulfilledResult<VisitorAck<unknown>> => a.status === 'fulfilled').map((a) => a.value);
}

describe('a flooding visitor', () => {
  let t: TestHub;

  beforeAll(async () => {
    t = await startTestHub({ trustProxy: true });
    await allowOriginsInStore(t, [SHOP]);
  }, 60_000);
  afterAll(() => t?.stop());
  afterEach(closeVisitors);

  it('is slowed, then cut off and kept out for a while, while another visitor is served as usual', async () => {
    const flooder = await startSession(t);
    const calm = await startSession(t);
    const bad = await connectVisitor(t, flooder.token);
    const good = await connectVisitor(t, calm.token);
    const closed = new Promise<string>((resolve) => bad.socket.on('disconnect', (reason) => resolve(reason)));

    // Within its burst it is answered like anyone.
    const first = await burst(bad, 10);
    expect(first.every((a) => a.ok)).toBe(true);
    // Past it: refused with when to ask again, then cut off.
    const flood = burst(bad, 400);
    const started = Date.now();
    const calmAnswer = await good.request('visitor:history', { after: null });
    const calmMs = Date.now() - started;
    const answers = await flood;
    const refused = answers.filter((a): a is Extract<VisitorAck<unknown>, { ok: false }> => !a.ok);
    expect(refused.length).toBeGreaterThan(DEFAULT_VISITOR_LIMITS.maxStrikes);
    expect(refused[0]).toMatchObject({ reason: 'rate-limited' });
    expect(refused[0].retryAfterMs).toBeGreaterThan(0);
    expect(await closed).toBe('io server disconnect');
    // The other visitor noticed nothing.
    expect(calmAnswer).toMatchObject({ messages: [], more: false });
    expect(calmMs).toBeLessThan(1_000);
    expect(await good.ask('visitor:history', { after: null })).toMatchObject({ ok: true });
    // Coming straight back does not help.
    await expect(connectVisitor(t, flooder.token)).rejects.toMatchObject({ reason: 'rate-limited' });
    expect((await connectVisitor(t, calm.token)).socket.connected).toBe(true);
  });

  it('cannot multiply its allowance with tabs, nor open more than a few', async () => {
    const { token } = await startSession(t);
    const tabs: TestVisitor[] = [];
    for (let i = 0; i < DEFAULT_VISITOR_LIMITS.maxConnections; i++) tabs.push(await connectVisitor(t, token));
    await expect(connectVisitor(t, token)).rejects.toMatchObject({ reason: 'too-many-connections' });
    // Each tab stays within its own bucket, but together they pass the visitor's.
    const perTab = DEFAULT_VISITOR_LIMITS.connection.capacity - 5;
    const answers = (await Promise.all(tabs.map((tab) => burst(tab, perTab, 'visitor:page', { url: 'https://shop.example/', title: 'Home' })))).flat();
    const refused = answers.filter((a) => !a.ok);
    expect(refused.length).toBeGreaterThanOrEqual(perTab * tabs.length - DEFAULT_VISITOR_LIMITS.visitor.capacity - 10);
    expect(refused.every((a) => !a.ok && a.reason === 'rate-limited')).toBe(true);
  });

  it('is cut off for a stream of unknown events too', async () => {
    const { token } = await startSession(t);
    const v = await connectVisitor(t, token);
    const closed = new Promise<void>((resolve) => v.socket.on('disconnect', () => resolve()));
    const answers = await burst(v, DEFAULT_VISITOR_LIMITS.maxStrikes + 5, 'admin:everything', {});
    expect(answers.every((a) => !a.ok && a.reason === 'invalid')).toBe(true);
    await closed;
  });
});
