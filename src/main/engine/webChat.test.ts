import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventPayload } from '../../shared/ipc/contract';
import { kb } from '../../shared/testing/rows';
import { keys } from '../../server/audience';
import type { VisitorRecord } from '../../server/store/hubStore';
import { startTestHub, type TestHub } from '../../server/testing/hubHarness';
import { testOrg } from '../../server/testing/testOrg';
import { createEngine, type Engine } from './createEngine';
import { call, closeEngineTest, refusal, signInOnline, testEngineOptions } from './engineTesting';

/**
 * The web chat on the workstation's engine: the hub's `visitor:typing` live event reaches the renderer as
 * `visitor.typing`; supervisors ask the hub for the self-service figures; the articles a visitor was shown are
 * read from the cache by id.
 */
describe('web chat through the engine', () => {
  let hub: TestHub;
  let dataDir: string;
  const engines: Engine[] = [];
  const logged: string[] = [];

  beforeEach(async () => {
    const org = testOrg();
    org.kb = [
      kb({ id: 'kb-delivery', queueId: 'q-chat', title: 'Delivery times' }),
      kb({ id: 'kb-zwroty', queueId: null, language: 'pl', title: 'Zwroty w 30 dni' }),
      kb({ id: 'kb-el', queueId: 'q-el', language: 'el', title: 'Χρόνοι παράδοσης' }),
    ];
    hub = await startTestHub({ org });
    dataDir = mkdtempSync(join(tmpdir(), 'web-chat-'));
    logged.length = 0;
  }, 60_000);
  afterEach(() => closeEngineTest(engines, hub, dataDir));

  const start = () => {
    const engine = createEngine(testEngineOptions(dataDir, hub.hub.url, { log: (message) => void logged.push(message) }));
    engines.push(engine);
    return engine;
  };

  it('relays the visitor typing to the renderer, and drops a notice that does not pass the schema (logged)', async () => {
    const engine = start();
    const seen: EventPayload<'visitor.typing'>[] = [];
    engine.subscribe((e) => e.name === 'visitor.typing' && seen.push(e.payload));
    await signInOnline(engine, 'a1');
    const hubSays = (payload: unknown) => hub.hub.ctx.emit([keys.staff('a1')], 'visitor:typing', payload);

    hubSays({ caseId: 'c-web', typing: 'maybe' });
    hubSays({ caseId: 'c-web', typing: true });
    hubSays({ caseId: 'c-web', typing: false });
    await expect.poll(() => seen).toEqual([
      { caseId: 'c-web', typing: true },
      { caseId: 'c-web', typing: false },
    ]);
    expect(logged).toContain('sync: visitor:typing: a notice that does not pass the schema');
  });

  it('answers the articles held here by id, in any language, leaving out ids it does not hold', async () => {
    const engine = start();
    await signInOnline(engine, 'a1');
    const articles = await call(engine, 'reference.articles', { articleIds: ['kb-zwroty', 'kb-unknown', 'kb-delivery'] });
    expect(articles.map((a) => [a.id, a.title])).toEqual([
      ['kb-delivery', 'Delivery times'],
      ['kb-zwroty', 'Zwroty w 30 dni'],
    ]);
  });

  it('asks the hub for the self-service figures: supervisors only, online only', async () => {
    const now = Date.now();
    const visitor = (id: string, queueId: string, caseId: string | null, createdAt: number): VisitorRecord => ({
      id,
      tokenHash: `hash-${id}`,
      queueId,
      origin: 'https://shop.example',
      lang: 'en',
      customerId: null,
      caseId,
      contact: {},
      pages: [],
      createdAt,
      lastSeenAt: createdAt,
    });
    await hub.hub.ctx.write(async (w) => {
      for (const [i, [queueId, articleId, at]] of ([
        ['q-chat', 'kb-delivery', now - 1_000],
        ['q-chat', 'kb-delivery', now - 2_000],
        ['q-chat', 'kb-zwroty', now - 3_000],
        ['q-el', 'kb-el', now - 4_000],
        ['q-chat', 'kb-delivery', now - 3 * 86_400_000],
      ] as const).entries()) {
        await w.recordDeflection({ id: `df-${i}`, queueId, lang: 'en', articleId, visitorId: `v-${i}`, at });
      }
      await w.saveVisitor(visitor('v-a', 'q-chat', 'c-a', now - 5_000));
      await w.saveVisitor(visitor('v-b', 'q-chat', null, now - 5_000));
      await w.saveVisitor(visitor('v-c', 'q-el', 'c-c', now - 3 * 86_400_000));
    });

    const supervisor = start();
    await signInOnline(supervisor, 'sup1');
    const today = await call(supervisor, 'supervisor.selfService', { since: now - 60_000 });
    expect(today.rows.map((r) => [r.queueId, r.articleId, r.title, r.count]).sort()).toEqual([
      ['q-chat', 'kb-delivery', 'Delivery times', 2],
      ['q-chat', 'kb-zwroty', 'Zwroty w 30 dni', 1],
      ['q-el', 'kb-el', 'Χρόνοι παράδοσης', 1],
    ]);
    expect(today.conversations).toEqual([{ queueId: 'q-chat', count: 1 }]);
    const week = await call(supervisor, 'supervisor.selfService', { since: now - 7 * 86_400_000 });
    expect(week.rows.find((r) => r.articleId === 'kb-delivery')?.count).toBe(3);
    expect(week.conversations).toEqual([
      { queueId: 'q-chat', count: 1 },
      { queueId: 'q-el', count: 1 },
    ]);

    const agent = start();
    await signInOnline(agent, 'a1');
    expect((await refusal(agent, 'supervisor.selfService', { since: 0 })).code).toBe('forbidden');

    await hub.halt();
    await expect.poll(async () => (await call(supervisor, 'workstation.info', {})).connection).not.toBe('online');
    expect((await refusal(supervisor, 'supervisor.selfService', { since: 0 })).code).toBe('offline');
  });
});
