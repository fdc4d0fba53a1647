import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from '../../server/testing/hubHarness';
import { person, testOrg } from '../../server/testing/testOrg';
import type { InputOf } from '../../shared/ipc/contract';
import { createEngine, type Engine } from './createEngine';
import { call, closeEngineTest, password, refusal, signInOnline, testEngineOptions } from './engineTesting';

/** The administration channels against a real hub: changes through its admin API, lists from the synced cache. */
describe('administration channels', () => {
  let hub: TestHub;
  let dataDir: string;
  const engines: Engine[] = [];

  beforeAll(async () => {
    const org = testOrg();
    hub = await startTestHub({ org: { ...org, staff: [...org.staff, person('adm1', 'admin', { status: 'offline' })] } });
    dataDir = mkdtempSync(join(tmpdir(), 'admin-channels-'));
  }, 60_000);
  afterAll(() => closeEngineTest(engines, hub, dataDir));

  function start(hubUrl = hub.hub.url): Engine {
    const engine = createEngine(testEngineOptions(dataDir, hubUrl));
    engines.push(engine);
    return engine;
  }
  async function signedIn(id: string, pw = password(id)): Promise<Engine> {
    const engine = start();
    await signInOnline(engine, id, pw);
    return engine;
  }
  /** Waits until the change feed has brought what `check` looks for into the cache. */
  async function eventually<T>(read: () => Promise<T>, check: (value: T) => boolean): Promise<T> {
    for (let i = 0; i < 100; i++) {
      const value = await read();
      if (check(value)) return value;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('never arrived');
  }

  it('creates a person with a one-time password who must change it at sign-in; the list comes from the synced cache', async () => {
    const admin = await signedIn('adm1');
    const created = await call(admin, 'admin.createStaff', { username: 'New.Person', name: 'Nowa Osoba', role: 'agent', languages: ['pl'], queueIds: ['q-chat'] });
    expect(created).toMatchObject({ username: 'new.person', active: true });
    expect(created.oneTimePassword).toMatch(/^[\w-]{20}$/);
    const org = await eventually(() => call(admin, 'reference.org', {}), (o) => o.staff.some((s) => s.id === created.id));
    expect(org.staff.find((s) => s.id === created.id)).not.toHaveProperty('oneTimePassword');

    // The hub's refusal keeps its code and names the field; the workstation's own check names it too.
    expect(await refusal(admin, 'admin.createStaff', { username: 'new.person', name: 'Again', role: 'agent', languages: ['pl'] })).toEqual({ code: 'conflict', field: 'username' });
    expect(await refusal(admin, 'admin.createStaff', { username: 'x y', name: 'Bad', role: 'agent', languages: ['pl'] })).toMatchObject({ code: 'invalid-input', field: 'username' });
    expect(await refusal(admin, 'admin.createStaff', { username: 'weak.one', name: 'Weak', role: 'agent', languages: ['pl'], password: 'short' })).toEqual({ code: 'invalid-input', field: 'password' });
    expect(await refusal(admin, 'admin.updateStaff', { staffId: created.id, queueIds: ['q-none'] })).toEqual({ code: 'not-found', field: 'queueIds' });

    const newcomer = await signedIn('new.person', created.oneTimePassword);
    expect(await call(newcomer, 'session.current', {})).toMatchObject({ mustChangePassword: true });
    await call(newcomer, 'auth.changePassword', { currentPassword: created.oneTimePassword!, newPassword: 'lantern-orchard-1987' });
    expect(await call(newcomer, 'session.current', {})).toMatchObject({ mustChangePassword: false });
    await call(newcomer, 'auth.signOut', {});
    await call(admin, 'auth.signOut', {});
  });

  it('asks where open cases go before deactivating someone who holds them, and moves them', async () => {
    const admin = await signedIn('adm1');
    const { caseId } = (await hub.inbound({ channel: 'chat', text: 'Where is my parcel?', from: { email: 'held@example.com', name: 'Held Case' } })).body as { caseId: string };
    await eventually(() => admin.call('case.view', { caseId }), (r) => r.ok);
    await call(admin, 'case.assign', { caseId, to: { staffId: 'a1' } });
    const holding = await eventually(() => call(admin, 'admin.openCases', { staffId: 'a1' }), (o) => o.count > 0);
    expect(holding.count).toBeGreaterThan(0);
    expect(await refusal(admin, 'admin.deactivateStaff', { staffId: 'a1' })).toEqual({ code: 'conflict', field: undefined });
    expect(await refusal(admin, 'admin.deactivateStaff', { staffId: 'a1', moveCasesTo: { staffId: 'a1' } })).toEqual({ code: 'not-found', field: 'moveCasesTo.staffId' });
    expect(await call(admin, 'admin.deactivateStaff', { staffId: 'a1', moveCasesTo: { queueId: 'q-chat' } })).toMatchObject({ id: 'a1', active: false });
    expect(await eventually(() => call(admin, 'admin.openCases', { staffId: 'a1' }), (o) => o.count === 0)).toEqual({ count: 0 });
    expect(await call(admin, 'admin.reactivateStaff', { staffId: 'a1' })).toMatchObject({ active: true });
    await call(admin, 'auth.signOut', {});
  });

  it('previews an import without writing, refuses a bad file at its field, and imports staff answering their one-time passwords', async () => {
    const admin = await signedIn('adm1');
    const csv = 'username,name,role\nimp.one,Imported One,agent\nimp.two,Imported Two,boss\n';
    const preview = await call(admin, 'admin.previewImport', { kind: 'staff', csv });
    expect(preview).toMatchObject({ dryRun: true, create: 1, bad: [{ line: 3, field: 'role' }], people: [] });
    expect(await refusal(admin, 'admin.applyImport', { kind: 'staff', csv })).toMatchObject({ code: 'invalid-input' });
    expect(await refusal(admin, 'admin.previewImport', { kind: 'customers', csv: 'who\nx\n' })).toEqual({ code: 'invalid-input', field: 'csv' });
    // onMatch is for customers: the contract refuses it with staff before anything reaches the hub.
    expect(await refusal(admin, 'admin.previewImport', { kind: 'staff', csv, onMatch: 'skip' } as InputOf<'admin.previewImport'>)).toMatchObject({ code: 'invalid-input' });
    const done = await call(admin, 'admin.applyImport', { kind: 'staff', csv, skipBadRows: true });
    expect(done.people).toEqual([{ id: expect.any(String), username: 'imp.one', name: 'Imported One', oneTimePassword: expect.stringMatching(/^.{20}$/) }]);
    await call(admin, 'auth.signOut', {});
  });

  it('lists drafts and canned responses of every language from the cache, and sets the policy', async () => {
    const admin = await signedIn('adm1');
    const draft = await call(admin, 'admin.createArticle', { title: 'Draft returns', body: 'Not yet.', language: 'el' });
    expect(draft.status).toBe('draft');
    await eventually(() => call(admin, 'admin.knowledge', {}), (k) => k.kb.some((a) => a.id === draft.id));
    expect(await call(admin, 'admin.setPolicy', { maxOfflineHours: 48, idleLockMinutes: 10 })).toEqual({ maxOfflineHours: 48, idleLockMinutes: 10 });
    expect(await call(admin, 'admin.policy', {})).toEqual({ maxOfflineHours: 48, idleLockMinutes: 10 });
    await call(admin, 'auth.signOut', {});

    const agent = await signedIn('a2');
    expect(await refusal(agent, 'admin.createStore', { name: 'Shop', city: 'Athens' })).toEqual({ code: 'forbidden', field: undefined });
    await call(agent, 'auth.signOut', {});
  });

  it('sets up, lists and removes a channel connector, refusing a bad one at its field', async () => {
    const admin = await signedIn('adm1');
    const secret = 'engine-test-secret-0123456789abcdef';
    const set = await call(admin, 'admin.setConnector', { channel: 'social', url: 'https://social.example/hub', secret, graceMinutes: 0 });
    expect(set).toMatchObject({ channel: 'social', url: 'https://social.example/hub', inboundSecretFingerprint: null });
    expect((await call(admin, 'admin.connectors', {})).items.map((c) => c.channel)).toEqual(['social']);
    expect(await refusal(admin, 'admin.setConnector', { channel: 'social', url: 'https://social.example/hub', secret: 'short', graceMinutes: 0 })).toEqual({ code: 'invalid-input', field: 'secret' });
    expect(await call(admin, 'admin.removeConnector', { channel: 'social' })).toMatchObject({ channel: 'social' });
    expect(await refusal(admin, 'admin.removeConnector', { channel: 'social' })).toEqual({ code: 'not-found', field: 'channel' });
    await call(admin, 'auth.signOut', {});
  });

  it('refuses administration offline, saying so', async () => {
    const admin = await signedIn('adm1');
    await call(admin, 'auth.signOut', { force: true });
    const offline = start('http://127.0.0.1:9');
    await call(offline, 'auth.signIn', { username: 'adm1', password: password('adm1'), mode: 'offline' });
    expect(await refusal(offline, 'admin.createStore', { name: 'Shop', city: 'Athens' })).toEqual({ code: 'offline', field: undefined });
    // Lists still read the cache.
    expect((await call(offline, 'reference.org', {})).staff.length).toBeGreaterThan(0);
  });
});
