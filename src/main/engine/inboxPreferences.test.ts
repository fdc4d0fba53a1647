import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { InboxViewFilters } from '../../shared/ipc/contract';
import { startTestHub, type TestHub } from '../../server/testing/hubHarness';
import { createEngine, type Engine } from './createEngine';
import { call, closeEngineTest, refusal, signInOnline, testEngineOptions } from './engineTesting';

const URGENT: InboxViewFilters = { channels: ['chat'], queueId: 'q-el', status: 'open', scope: 'mine', sort: 'sla', tag: '' };

/** Row density and saved views: per person, in their encrypted cache, through the real engine and hub sign-in. */
describe('inbox preferences, order and search through the engine', () => {
  let hub: TestHub;
  let dataDir: string;
  const engines: Engine[] = [];

  beforeEach(async () => {
    hub = await startTestHub();
    dataDir = mkdtempSync(join(tmpdir(), 'inbox-prefs-'));
  });
  afterEach(() => closeEngineTest(engines, hub, dataDir));

  const start = () => {
    const engine = createEngine(testEngineOptions(dataDir, hub.hub.url));
    engines.push(engine);
    return engine;
  };

  it('saves, renames and deletes views and keeps the density, per person and across sign-ins', async () => {
    const engine = start();
    await signInOnline(engine, 'a3');
    expect(await call(engine, 'inbox.preferences', {})).toEqual({ density: 'compact', views: [] });

    await call(engine, 'inbox.setDensity', { density: 'comfortable' });
    const saved = await call(engine, 'inbox.saveView', { name: '  Urgent chats ', filters: URGENT });
    expect(saved.views).toEqual([{ id: expect.any(String), name: 'Urgent chats', filters: URGENT }]);
    const id = saved.views[0].id;
    await call(engine, 'inbox.saveView', { name: 'Everything', filters: { ...URGENT, channels: [], scope: 'all' } });
    expect((await refusal(engine, 'inbox.saveView', { name: 'urgent CHATS', filters: URGENT })).code).toBe('conflict');
    expect((await refusal(engine, 'inbox.renameView', { viewId: id, name: 'everything' })).code).toBe('conflict');
    expect((await call(engine, 'inbox.renameView', { viewId: id, name: 'My chats' })).views.map((v) => v.name)).toEqual(['My chats', 'Everything']);

    // Signed out and in again on a new engine: the same person's cache holds them.
    await engines.pop()!.close();
    const again = start();
    await signInOnline(again, 'a3');
    const kept = await call(again, 'inbox.preferences', {});
    expect(kept.density).toBe('comfortable');
    expect(kept.views.map((v) => [v.id, v.name])).toEqual([
      [id, 'My chats'],
      [expect.any(String), 'Everything'],
    ]);
    expect((await call(again, 'inbox.deleteView', { viewId: id })).views.map((v) => v.name)).toEqual(['Everything']);
    expect((await refusal(again, 'inbox.deleteView', { viewId: id })).code).toBe('not-found');
    expect((await refusal(again, 'inbox.renameView', { viewId: id, name: 'Back' })).code).toBe('not-found');

    // Another person on this workstation has their own.
    await call(again, 'auth.signOut', {});
    await signInOnline(again, 'a1');
    expect(await call(again, 'inbox.preferences', {})).toEqual({ density: 'compact', views: [] });
  });

  it('refuses bad input and everyone not signed in', async () => {
    const engine = start();
    expect((await refusal(engine, 'inbox.preferences', {})).code).toBe('not-signed-in');
    await signInOnline(engine, 'a3');
    const bad = async (channel: string, input: unknown) => {
      const result = await engine.invoke(channel, input);
      return result.ok ? 'accepted' : result.error.code;
    };
    expect(await bad('inbox.setDensity', { density: 'tiny' })).toBe('invalid-input');
    expect(await bad('inbox.saveView', { name: '   ', filters: URGENT })).toBe('invalid-input');
    expect(await bad('inbox.saveView', { name: 'x'.repeat(61), filters: URGENT })).toBe('invalid-input');
    expect(await bad('inbox.saveView', { name: 'Archived', filters: { ...URGENT, status: 'archived' } })).toBe('invalid-input');
    expect(await bad('inbox.saveView', { name: 'Extra', filters: { ...URGENT, sql: 'DROP TABLE cases' } })).toBe('invalid-input');
    expect(await bad('inbox.saveView', { name: 'Fax', filters: { ...URGENT, channels: ['fax'] } })).toBe('invalid-input');
    expect(await bad('inbox.renameView', { viewId: 'v\u0000', name: 'Nul' })).toBe('invalid-input');
    expect(await bad('inbox.deleteView', {})).toBe('invalid-input');
    expect(await call(engine, 'inbox.preferences', {})).toEqual({ density: 'compact', views: [] });
  });

  it('keeps at most the allowed number of views', async () => {
    const engine = start();
    await signInOnline(engine, 'a3');
    for (let i = 0; i < 30; i++) await call(engine, 'inbox.saveView', { name: `View ${i}`, filters: URGENT });
    expect((await refusal(engine, 'inbox.saveView', { name: 'One too many', filters: URGENT })).code).toBe('conflict');
  });

  it('lists the cases waiting on us first, nearest reply due first, then those waiting on the customer', async () => {
    const greek = async (n: number) =>
      ((await hub.inbound({ channel: 'chat', text: `Καλησπέρα, ερώτηση ${n}`, from: { email: `pelatis${n}@example.gr`, name: `Πελάτης ${n}` } })).body as { caseId: string }).caseId;
    const first = await greek(1);
    const second = await greek(2);
    const third = await greek(3);
    const engine = start();
    await signInOnline(engine, 'a3');
    const order = async (sort: 'sla' | 'waiting') => (await call(engine, 'inbox.list', { sort })).items.map((i) => i.case.id);
    await call(engine, 'case.reply', { caseId: first, channel: 'chat', text: 'Σας απάντησα, περιμένω τα στοιχεία σας.' });
    // Answered: no reply is due from us any more, so it goes after the cases still waiting on us.
    await expect.poll(() => order('sla'), { timeout: 10_000 }).toEqual([second, third, first]);
    expect(await order('waiting')).toEqual([first, second, third]);
  });

  it('search names the customer of each case found', async () => {
    const { caseId, customerId } = (await hub.inbound({ channel: 'chat', text: 'Η παραγγελία μου άργησε', from: { email: 'eleni@example.gr', name: 'Ελένη Γεωργίου' } }))
      .body as { caseId: string; customerId: string };
    const engine = start();
    await signInOnline(engine, 'a3');
    await expect.poll(async () => (await call(engine, 'inbox.list', {})).items.length).toBe(1);
    const found = await call(engine, 'search.query', { query: 'Γεωργίου' });
    expect(found.cases.map((c) => c.id)).toEqual([caseId]);
    expect(found.customerNames).toEqual({ [customerId]: 'Ελένη Γεωργίου' });
  });
});
