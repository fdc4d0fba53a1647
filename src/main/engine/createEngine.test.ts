import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_RESULTS_READ, type EventName, type EventPayload } from '../../shared/ipc/contract';
import { startTestHub, type TestHub } from '../../server/testing/hubHarness';
import type { Session } from '../../shared/protocol';
import { createEngine, type Engine, type EngineOptions } from './createEngine';
import { call, closeEngineTest, password, refusal, testEngineOptions } from './engineTesting';

/** A port nothing listens on: the hub "cannot be reached". */
const DEAD_HUB = 'http://127.0.0.1:9';

describe('workstation engine against a real hub', () => {
  let hub: TestHub;
  let dataDir: string;
  let offsetMs: number;
  const engines: Engine[] = [];

  beforeEach(async () => {
    hub = await startTestHub();
    dataDir = mkdtempSync(join(tmpdir(), 'engine-test-'));
    offsetMs = 0;
  });
  afterEach(() => closeEngineTest(engines, hub, dataDir));

  const start = (over: Partial<EngineOptions> = {}) => {
    const engine = createEngine(testEngineOptions(dataDir, hub.hub.url, { clock: () => Date.now() + offsetMs, ...over }));
    engines.push(engine);
    return engine;
  };

  const next = <E extends EventName>(engine: Engine, name: E, test: (p: EventPayload<E>) => boolean = () => true) =>
    new Promise<EventPayload<E>>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ${name} event`)), 10_000);
      const off = engine.subscribe((event) => {
        if (event.name === name && test(event.payload as EventPayload<E>)) {
          clearTimeout(timer);
          off();
          resolve(event.payload as EventPayload<E>);
        }
      });
    });
  const synced = (engine: Engine) => next(engine, 'connection.changed', (p) => p.state === 'online' && p.lastSyncAt !== null);
  async function signInAndSync(engine: Engine, id: string, mode: 'auto' | 'online' | 'offline' = 'online') {
    const caughtUp = synced(engine);
    const session = await call(engine, 'auth.signIn', { username: id, password: password(id), mode });
    await caughtUp;
    return session;
  }
  const greekCase = async (text = 'Καλησπέρα, η παραγγελία μου δεν έφτασε ποτέ', name = 'Γιώργος Παπαδάκης', email = 'giorgos.papadakis@example.gr') => {
    const res = await hub.inbound({ channel: 'chat', text, from: { email, name } });
    return res.body as { caseId: string; customerId: string };
  };
  const inboxIds = async (engine: Engine) => (await call(engine, 'inbox.list', {})).items.map((i) => i.case.id);

  it('signs in online, syncs, lists the hub’s cases in the inbox and opens one with its timeline', async () => {
    const { caseId } = await greekCase();
    const engine = start();
    const session = await signInAndSync(engine, 'a3');
    expect(session).toMatchObject({ staff: { id: 'a3' }, signedInOnline: true });
    expect((await call(engine, 'session.current', {}))?.scope?.queueIds).toEqual(['q-el']);
    const inbox = await call(engine, 'inbox.list', {});
    expect(inbox.items.map((i) => [i.case.id, i.customerName])).toEqual([[caseId, 'Γιώργος Παπαδάκης']]);
    const view = await call(engine, 'case.view', { caseId });
    expect(view.timeline.map((i) => i.text)).toEqual(['Καλησπέρα, η παραγγελία μου δεν έφτασε ποτέ']);
    expect(await call(engine, 'workstation.info', {})).toMatchObject({ people: [{ name: 'Person a3', username: 'a3' }], connection: 'online', session: 'signed-in' });
  });

  it('sends a reply to the hub exactly once and shows it confirmed', async () => {
    const { caseId } = await greekCase();
    const engine = start();
    await signInAndSync(engine, 'a3');
    const settled = next(engine, 'data.changed', (p) => p.outbox && p.entities.interaction === undefined);
    const queued = await call(engine, 'case.reply', { caseId, channel: 'chat', text: 'Λυπάμαι πολύ, το ελέγχω τώρα.' });
    expect(queued.state).toBe('pending');
    // Shown at once, before the hub answers.
    const local = (await call(engine, 'case.view', { caseId })).timeline.at(-1);
    expect(local).toMatchObject({ text: 'Λυπάμαι πολύ, το ελέγχω τώρα.', direction: 'outbound' });
    await settled;
    await expect.poll(async () => (await call(engine, 'case.view', { caseId })).timeline.at(-1)?.local).toEqual([]);
    const outbound = (await hub.hub.ctx.store.interactionsOfCase(caseId)).filter((i) => i.direction === 'outbound');
    expect(outbound.map((i) => i.text)).toEqual(['Λυπάμαι πολύ, το ελέγχω τώρα.']);
    expect(await call(engine, 'outbox.list', {})).toEqual([]);
  });

  it('signs in offline after an online sign-in here, shows the cache, and reconnects by itself when the hub is back', async () => {
    const { caseId } = await greekCase();
    await signInAndSync(start(), 'a3');
    await engines.pop()!.close();

    const offline = start({ hubUrl: DEAD_HUB });
    expect(await call(offline, 'auth.signIn', { username: 'a3', password: password('a3') })).toMatchObject({ signedInOnline: false, reconnects: true });
    expect(await inboxIds(offline)).toEqual([caseId]);
    await engines.pop()!.close();

    // Offline sign-in with the hub up: the refresh token kept in the cache reconnects without the password going to the hub.
    const back = start();
    const reconnected = synced(back);
    await call(back, 'auth.signIn', { username: 'a3', password: password('a3'), mode: 'offline' });
    await reconnected;
    expect((await call(back, 'workstation.info', {})).connection).toBe('online');
  });

  it('refuses sign-in without the hub: never signed in online here, wrong password, and past maxOfflineHours apart', async () => {
    const offline = start({ hubUrl: DEAD_HUB });
    expect((await refusal(offline, 'auth.signIn', { username: 'a1', password: password('a1') })).code).toBe('never-online-here');
    expect((await refusal(offline, 'auth.signIn', { username: 'a1', password: password('a1'), mode: 'online' })).code).toBe('hub-unreachable');

    await signInAndSync(start(), 'a3');
    await engines.pop()!.close();
    const later = start({ hubUrl: DEAD_HUB });
    // a1's password is right, but nothing here can check it: they are told to connect once, not that it is wrong.
    expect((await refusal(later, 'auth.signIn', { username: 'a1', password: password('a1') })).code).toBe('never-online-here');
    expect((await refusal(later, 'auth.signIn', { username: 'a3', password: 'wrong' })).code).toBe('wrong-password');
    offsetMs = 73 * 3_600_000;
    expect((await refusal(later, 'auth.signIn', { username: 'a3', password: password('a3') })).code).toBe('offline-expired');
  });

  it('locks when idle: data is hidden until the same person unlocks', async () => {
    await greekCase();
    const engine = start();
    await signInAndSync(engine, 'a3');
    await engine.checkIdle();
    expect(await call(engine, 'session.current', {})).not.toBeNull();

    const locked = next(engine, 'session.locked');
    offsetMs = 16 * 60_000;
    await engine.checkIdle();
    expect(await locked).toEqual({ reason: 'idle' });
    expect((await refusal(engine, 'inbox.list', {})).code).toBe('locked');
    expect((await refusal(engine, 'case.note', { caseId: 'x', text: 'hello' })).code).toBe('locked');
    expect(await call(engine, 'session.current', {})).toBeNull();
    expect(await call(engine, 'workstation.info', {})).toMatchObject({ session: 'locked', locked: { name: 'Person a3', reason: 'idle' } });
    expect((await refusal(engine, 'auth.unlock', { password: 'wrong' })).code).toBe('wrong-password');
    // A failed sign-in by someone else leaves the lock as it was.
    expect((await refusal(engine, 'auth.signIn', { username: 'a1', password: 'wrong', mode: 'offline' })).code).toBe('never-online-here');
    expect((await refusal(engine, 'auth.signIn', { username: 'a1', password: 'wrong' })).code).toBe('bad-credentials');
    expect((await call(engine, 'workstation.info', {})).locked).toEqual({ name: 'Person a3', reason: 'idle' });

    const resynced = synced(engine);
    await call(engine, 'auth.unlock', { password: password('a3') });
    await resynced;
    expect(await inboxIds(engine)).toHaveLength(1);
  });

  it('lets a colleague sign in from the lock screen; the locked person’s unsent work waits in their cache', async () => {
    const { caseId } = await greekCase();
    const first = start();
    await signInAndSync(first, 'a1');
    await call(first, 'auth.signOut', {});
    await signInAndSync(first, 'a3');
    await engines.pop()!.close();

    const offline = start({ hubUrl: DEAD_HUB });
    await call(offline, 'auth.signIn', { username: 'a3', password: password('a3') });
    await call(offline, 'case.note', { caseId, text: 'Courier promised delivery tomorrow' });
    await call(offline, 'auth.lock', {});
    // The colleague signs in over the lock: a3's session gives way, and a1 sees nothing of it.
    expect(await call(offline, 'auth.signIn', { username: 'a1', password: password('a1') })).toMatchObject({ staff: { id: 'a1' } });
    expect(await call(offline, 'workstation.info', {})).toMatchObject({ session: 'signed-in', locked: null });
    expect(await call(offline, 'outbox.list', {})).toEqual([]);
    await call(offline, 'auth.signOut', {});
    // a3 comes back: the note is still waiting to be sent.
    await call(offline, 'auth.signIn', { username: 'a3', password: password('a3') });
    expect((await call(offline, 'outbox.list', {})).map((e) => e.mutation.type)).toEqual(['note']);
    await engines.pop()!.close();

    // And reaches the hub once it can be reached.
    const back = start();
    await signInAndSync(back, 'a3');
    await expect.poll(async () => (await call(back, 'outbox.list', {})).length).toBe(0);
    expect((await hub.hub.ctx.store.interactionsOfCase(caseId)).map((i) => i.text)).toContain('Courier promised delivery tomorrow');
  });

  it('keeps two people on one workstation apart: each sees only their own data', async () => {
    const greek = await greekCase();
    const polish = await hub.inbound({ channel: 'chat', text: 'Dzień dobry, paczka nie dotarła', from: { email: 'jan.nowak@example.pl', name: 'Jan Nowak' } });
    const engine = start();
    await signInAndSync(engine, 'a3');
    expect(await inboxIds(engine)).toEqual([greek.caseId]);
    expect(await call(engine, 'auth.signOut', {})).toEqual({ done: true, unsent: 0 });

    await signInAndSync(engine, 'a1');
    const ids = await inboxIds(engine);
    expect(ids).not.toContain(greek.caseId);
    expect((await refusal(engine, 'case.view', { caseId: greek.caseId })).code).toBe('not-found');
    expect((await call(engine, 'search.query', { query: 'Παπαδάκης' })).customers).toEqual([]);
    expect((await call(engine, 'search.query', { query: 'Nowak' })).cases.map((c) => c.id)).toEqual([(polish.body as { caseId: string }).caseId]);
    expect((await call(engine, 'workstation.info', {})).people.map((p) => p.name).sort()).toEqual(['Person a1', 'Person a3']);
  });

  it('warns before signing out with unsent work, keeps it for the next sign-in, and forgets on request', async () => {
    const { caseId } = await greekCase();
    await signInAndSync(start(), 'a3');
    await engines.pop()!.close();

    const offline = start({ hubUrl: DEAD_HUB });
    await call(offline, 'auth.signIn', { username: 'a3', password: password('a3') });
    await call(offline, 'case.note', { caseId, text: 'Customer called back, waiting for the courier' });
    expect(await call(offline, 'auth.signOut', {})).toEqual({ done: false, unsent: 1 });
    expect(await call(offline, 'auth.signOut', { force: true })).toEqual({ done: true, unsent: 1 });

    // Signed out: the hub session is gone, so this offline session cannot reconnect by itself.
    expect(await call(offline, 'auth.signIn', { username: 'a3', password: password('a3') })).toMatchObject({ reconnects: false });
    expect((await call(offline, 'outbox.list', {})).map((e) => e.mutation.type)).toEqual(['note']);
    expect(await call(offline, 'auth.forget', {})).toEqual({ done: false, unsent: 1 });
    expect(await call(offline, 'auth.forget', { force: true })).toEqual({ done: true, unsent: 1 });
    expect((await call(offline, 'workstation.info', {})).people).toEqual([]);
    expect(readdirSync(dataDir)).toEqual([]);
  });

  it('changes the password on the hub and re-wraps the cache here: offline sign-in takes the new one only', async () => {
    const engine = start();
    await signInAndSync(engine, 'a1');
    const elsewhere = await hub.connect('a1');
    const NEW = 'lantern-orchard-1987';
    expect((await refusal(engine, 'auth.changePassword', { currentPassword: 'guess-guess', newPassword: NEW })).code).toBe('bad-credentials');
    expect((await refusal(engine, 'auth.changePassword', { currentPassword: password('a1'), newPassword: 'password2024!' })).code).toBe('password-common');
    expect((await refusal(engine, 'auth.changePassword', { currentPassword: password('a1'), newPassword: 'short' })).code).toBe('password-too-short');
    expect(await call(engine, 'auth.changePassword', { currentPassword: password('a1'), newPassword: NEW })).toEqual({ endedSessions: 1 });
    expect(await elsewhere.waitForEvent('auth:expired')).toEqual({ reason: 'revoked' });
    // This session goes on, with nothing downloaded again and nothing set aside.
    expect(await call(engine, 'session.current', {})).toMatchObject({ staff: { id: 'a1' }, oldCache: null });
    await call(engine, 'auth.signOut', {});

    const offline = start({ hubUrl: DEAD_HUB });
    expect((await refusal(offline, 'auth.signIn', { username: 'a1', password: password('a1'), mode: 'offline' })).code).toBe('wrong-password');
    expect(await call(offline, 'auth.signIn', { username: 'a1', password: NEW, mode: 'offline' })).toMatchObject({ oldCache: null });
    expect((await refusal(offline, 'auth.changePassword', { currentPassword: NEW, newPassword: 'another-long-phrase-42' })).code).toBe('offline');
  });

  it('after a reset elsewhere, sets the old cache aside, starts afresh, and recovers its unsent work with the old password, sent once', async () => {
    const { caseId } = await greekCase();
    await signInAndSync(start(), 'a3');
    await engines.pop()!.close();
    const offline = start({ hubUrl: DEAD_HUB });
    await call(offline, 'auth.signIn', { username: 'a3', password: password('a3') });
    await call(offline, 'case.note', { caseId, text: 'Courier promised Friday' });
    expect(await call(offline, 'auth.signOut', { force: true })).toEqual({ done: true, unsent: 1 });
    await offline.close();

    // The password changes on the hub while the cache here is still wrapped with the old one.
    const session = await hub.login('a3');
    const RESET = 'harbour-violet-2025';
    await hub.http('/api/v1/auth/password', { currentPassword: password('a3'), newPassword: RESET }, { Authorization: `Bearer ${session.accessToken}` });

    const engine = start();
    const caughtUp = synced(engine);
    expect(await call(engine, 'auth.signIn', { username: 'a3', password: RESET })).toMatchObject({ oldCache: { caches: 1, unsent: 1 } });
    await caughtUp;
    expect(await call(engine, 'outbox.list', {})).toEqual([]);
    expect((await refusal(engine, 'session.recoverOldCache', { password: RESET })).code).toBe('bad-credentials');
    expect(await call(engine, 'session.recoverOldCache', { password: password('a3') })).toEqual({ recovered: 1, oldCache: null });
    expect(await call(engine, 'session.current', {})).toMatchObject({ oldCache: null });
    await expect.poll(async () => (await call(engine, 'outbox.list', {})).length, { timeout: 10_000 }).toBe(0);
    const notes = async () => (await call(engine, 'case.view', { caseId })).timeline.filter((i) => i.text === 'Courier promised Friday');
    await expect.poll(async () => (await notes()).length, { timeout: 10_000 }).toBe(1);
    expect(readdirSync(dataDir).filter((f) => f.includes('.aside.'))).toEqual([]);

    // Offline, the new password opens the new cache; a second reset's old cache can be discarded.
    await call(engine, 'auth.signOut', {});
    await call(engine, 'auth.signIn', { username: 'a3', password: RESET, mode: 'offline' });
    await call(engine, 'auth.signOut', {});
    const again = (await hub.http('/api/v1/auth/login', { username: 'a3', password: RESET })).body as unknown as Session;
    await hub.http('/api/v1/auth/password', { currentPassword: RESET, newPassword: 'second-reset-phrase-9' }, { Authorization: `Bearer ${again.accessToken}` });
    expect(await call(engine, 'auth.signIn', { username: 'a3', password: 'second-reset-phrase-9' })).toMatchObject({ oldCache: { caches: 1, unsent: 0 } });
    await call(engine, 'session.discardOldCache', {});
    expect(await call(engine, 'session.current', {})).toMatchObject({ oldCache: null });
    expect(readdirSync(dataDir).filter((f) => f.includes('.aside.'))).toEqual([]);
  });

  it('leaves no customer name, email or message text in clear in the cache file or its WAL', async () => {
    const secrets = { name: 'Ζωή Καραγιάννη', email: 'zoi.karagianni@example.gr', text: 'Το ψυγείο στη Θεσσαλονίκη χάλασε ξανά' };
    await greekCase(secrets.text, secrets.name, secrets.email);
    const engine = start();
    await signInAndSync(engine, 'a3');
    expect((await call(engine, 'inbox.list', {})).items[0].customerName).toBe(secrets.name);
    await call(engine, 'assist.recordFeedback', { kind: 'reply-now', outcome: 'accepted' });
    const files = () => readdirSync(dataDir).filter((f) => /\.db(-wal)?$/.test(f)).map((f) => join(dataDir, f));
    const leaks = () =>
      files().flatMap((f) =>
        Object.values(secrets)
          .flatMap((s) => [Buffer.from(s), Buffer.from(s.normalize('NFD'))])
          .concat(Buffer.from('a3-password-1'))
          .filter((needle) => readFileSync(f).includes(needle))
          .map((needle) => `${f}: ${needle.toString()}`),
      );
    expect(files().some((f) => f.endsWith('-wal'))).toBe(true);
    expect(leaks()).toEqual([]);
    await engine.close();
    expect(files().filter(existsSync).length).toBeGreaterThan(0);
    expect(leaks()).toEqual([]);
  });

  it('tells the person about a case newly assigned to them', async () => {
    const engine = start();
    await signInAndSync(engine, 'a3');
    const assigned = next(engine, 'assignment.new');
    const { caseId } = await greekCase('Γεια σας, χρειάζομαι βοήθεια με την επιστροφή', 'Μαρία Νικολάου', 'maria.nikolaou@example.gr');
    expect(await assigned).toMatchObject({ case: { id: caseId, assigneeId: 'a3' }, customerName: 'Μαρία Νικολάου' });
  });

  it('ends the session when the hub revokes it, keeping the cache for the next sign-in', async () => {
    let refreshToken = '';
    const recording: typeof fetch = async (url, init) => {
      const res = await fetch(url, init);
      if (String(url).endsWith('/auth/login')) refreshToken = ((await res.clone().json()) as { refreshToken: string }).refreshToken;
      return res;
    };
    const engine = start({ fetch: recording });
    await signInAndSync(engine, 'a3');
    const ended = next(engine, 'session.ended');
    hub.hub.auth.revokeByRefresh(refreshToken);
    expect(await ended).toEqual({ reason: 'revoked' });
    expect((await call(engine, 'workstation.info', {})).session).toBe('signed-out');
    await signInAndSync(engine, 'a3');
  });

  it('looks a walk-in customer up in the cache, then at the hub, and keeps what the hub found', async () => {
    const polish = await hub.inbound({ channel: 'chat', text: 'Czy mogę odebrać w sklepie?', from: { email: 'jan.nowak@example.pl', name: 'Jan Nowak' } });
    const { customerId } = polish.body as { customerId: string };
    const engine = start();
    await signInAndSync(engine, 'store1');
    expect((await refusal(engine, 'customer.view', { customerId })).code).toBe('not-found');
    expect(await call(engine, 'store.lookup', { query: 'jan.nowak@example.pl' })).toMatchObject({ source: 'hub', customers: [{ id: customerId }] });
    expect((await call(engine, 'customer.view', { customerId })).cases).toHaveLength(1);
    // The search index fills in the background.
    await expect.poll(async () => (await call(engine, 'store.lookup', { query: 'Nowak' })).source).toBe('cache');
    expect((await call(engine, 'store.lookup', { query: 'Nowak' })).customers.map((c) => c.id)).toEqual([customerId]);
  });

  it('asks the hub for the audit trail (supervisors only) and shares presence', async () => {
    const { caseId } = await greekCase();
    const supervisor = start();
    await signInAndSync(supervisor, 'sup1');
    await call(supervisor, 'supervisor.reassign', { caseIds: [caseId], to: { queueId: 'q-el' } });
    // Newest first: the supervisor's move, after the hub's routing of the case to a3 on arrival.
    await expect.poll(async () => (await call(supervisor, 'audit.query', { caseId })).entries.map((e) => [e.action, e.actorId])).toEqual([
      ['case.reassign', 'sup1'],
      ['case.routed', 'hub'],
    ]);

    const agentDir = mkdtempSync(join(tmpdir(), 'engine-test-'));
    try {
      const agent = start({ dataDir: agentDir });
      await signInAndSync(agent, 'a3');
      expect((await refusal(agent, 'audit.query', {})).code).toBe('forbidden');
      const seen = next(supervisor, 'presence.update', (p) => p.present.some((x) => x.staffId === 'a3'));
      expect(await call(agent, 'presence.set', { caseId, state: 'typing' })).toEqual({});
      expect((await seen).present).toEqual([expect.objectContaining({ staffId: 'a3', state: 'typing' })]);
      await engines.pop()!.close();
    } finally {
      rmSync(agentDir, { recursive: true, force: true });
    }
  });

  it('keeps the hub’s reason for each case a supervisor’s bulk move could not move', async () => {
    const cases: string[] = [];
    for (const n of [1, 2, 3]) cases.push((await greekCase(`Γεια σας, αίτημα ${n}`, `Πελάτης ${n}`, `client${n}@example.gr`)).caseId);
    const closedId = cases[1];
    const other = await hub.connect('sup1');
    const version = (await hub.hub.ctx.store.get('case', closedId))!.version;
    expect(await other.mutate({ type: 'case.update', caseId: closedId, basedOn: { version }, patch: { status: 'closed' } })).toMatchObject({ ok: true });

    const supervisor = start();
    await signInAndSync(supervisor, 'sup1');
    const { mutationId } = await call(supervisor, 'supervisor.reassign', { caseIds: cases, to: { staffId: 'a1' } });
    await expect.poll(async () => (await call(supervisor, 'outbox.list', {})).length).toBe(0);
    expect(await call(supervisor, 'outbox.results', { mutationIds: [mutationId] })).toEqual([
      { mutationId, failed: [{ id: closedId, ok: false, reason: 'conflict', message: expect.any(String) }] },
    ]);
    const moved = await Promise.all(cases.map((id) => hub.hub.ctx.store.get('case', id)));
    expect(moved.map((c) => c!.assigneeId === 'a1')).toEqual([true, false, true]);
    expect((await refusal(supervisor, 'outbox.results', { mutationIds: Array.from({ length: MAX_RESULTS_READ + 1 }, () => mutationId) })).code).toBe('invalid-input');
  });

  it('answers bad input and unknown channels with error codes, never by throwing', async () => {
    const engine = start({ hubUrl: DEAD_HUB });
    expect(await engine.invoke('nope', {})).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
    expect(await engine.invoke('inbox.list', { limit: 'all' })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await engine.invoke('inbox.list', {})).toMatchObject({ ok: false, error: { code: 'not-signed-in' } });
    expect(await engine.invoke('auth.signIn', null)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });
});
