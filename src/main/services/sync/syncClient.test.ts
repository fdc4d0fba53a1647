import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHub, type Hub } from '../../../server/hub';
import { loadOrg } from '../../../server/loadOrg';
import type { Db } from '../cache/database';
import { openCacheDatabase } from '../cache/database';
import { getCaseWithTimeline } from '../cache/queries/caseTimeline';
import { listInbox } from '../cache/queries/inbox';
import { getRow } from '../cache/rows';
import { readSyncState } from '../cache/syncState';
import { optimisticEffects } from '../outbox/effects';
import { enqueue, listOutbox } from '../outbox/outbox';
import { customer, interaction, kase, queue, staff, tempDir } from '../testing/fixtures';
import { startSyncClient, type SyncClient, type SyncEvents } from './syncClient';

const agent = staff({ id: 'st1', username: 'agent1' });
const supervisor = staff({ id: 'sup1', username: 'boss', name: 'Boss', role: 'supervisor' });
const PASSWORD = 'correct horse battery';

describe('sync client against the hub', () => {
  let dir: string;
  let cleanup: () => void;
  let hub: Hub;
  let db: Db;
  const clients: SyncClient[] = [];
  const tokenKey = randomBytes(32);

  // No periodic SLA check: the fixture cases are long overdue, and a breach would change their version mid-test.
  const startHub = (port = 0) => createHub({ dbPath: join(dir, 'hub.db'), port, ingestSecret: 'test-secret', tokenKey, tickMs: 3_600_000 });

  beforeEach(async () => {
    ({ dir, cleanup } = tempDir());
    hub = await startHub();
    await loadOrg(hub.ctx.store, {
      storeLocations: [],
      queues: [queue({ memberIds: ['st1'] }), queue({ id: 'q2', name: 'Billing', memberIds: [] })],
      staff: [
        { staff: agent, password: PASSWORD },
        { staff: supervisor, password: PASSWORD },
      ],
      kb: [],
      canned: [],
      batches: [
        {
          customers: [customer(), customer({ id: 'cu2', name: 'Νίκος Παπαδόπουλος', phones: ['+302101234567'], emails: [], loyaltyNumber: 'LOY-10002' })],
          cases: [kase(), kase({ id: 'ca-billing', queueId: 'q2', customerId: 'cu2' })],
          interactions: [interaction(), interaction({ id: 'in-billing', caseId: 'ca-billing', customerId: 'cu2', text: 'Invoice twice' })],
          csat: [],
        },
      ],
    });
    // Loaded behind the running hub's back: its caches of queues and staff are read again.
    await hub.ctx.loadCaches();
    db = openCacheDatabase(join(dir, 'cache.db'));
  });

  afterEach(async () => {
    for (const c of clients.splice(0)) await c.stop();
    await hub.close();
    db.close();
    cleanup();
  });

  const connect = (cacheDb: Db, username = 'agent1') => {
    const client = startSyncClient({
      url: hub.url,
      db: cacheDb,
      getToken: async () => (await hub.auth.login(username, PASSWORD, '127.0.0.1')).accessToken,
      reconnect: { baseMs: 20, maxMs: 200 },
      outboxBackoff: { baseMs: 20, maxMs: 200 },
      requestTimeoutMs: 5_000,
    });
    clients.push(client);
    return client;
  };
  const next = <K extends keyof SyncEvents>(client: SyncClient, event: K, test: (p: SyncEvents[K]) => boolean = () => true) =>
    new Promise<SyncEvents[K]>((resolve) => {
      const off = client.on(event, (p) => {
        if (test(p)) {
          off();
          resolve(p);
        }
      });
    });

  it('bootstraps the scope with progress, and sets the cursor to the hub head', async () => {
    const client = connect(db);
    const progress: SyncEvents['progress'][] = [];
    client.on('progress', (p) => progress.push(p));
    await client.whenCaughtUp();
    expect(getRow(db, 'case', 'ca1')?.subject).toBe('Broken kettle');
    expect(getRow(db, 'case', 'ca-billing')).toBeNull();
    expect(getCaseWithTimeline(db, 'ca1')?.timeline.map((i) => i.text)).toEqual(['My kettle stopped working']);
    expect(readSyncState(db)).toMatchObject({ bootstrapped: true, cursor: (await hub.ctx.store.head()), scope: { queueIds: ['q1'], staffId: 'st1' } });
    expect(progress.filter((p) => p.phase !== 'pull').at(-1)?.percent).toBe(100);
    expect(client.state()).toBe('online');
  });

  it('sends the outbox through mutate and receives the confirmed rows through the feed', async () => {
    const client = connect(db);
    await client.whenCaughtUp();
    const entry = enqueue(db, { type: 'note', caseId: 'ca1', text: 'Called the courier' }, (m) => optimisticEffects(db, m, { staffId: 'st1', now: Date.now() }));
    const changed = next(client, 'changed', (p) => (p.byEntity.interaction ?? []).length > 0);
    client.flushOutbox();
    const settled = await next(client, 'settled');
    expect(settled).toMatchObject({ mutationId: entry.mutationId, state: 'acked' });
    await changed;
    await client.whenCaughtUp();
    const timeline = getCaseWithTimeline(db, 'ca1')!.timeline;
    expect(timeline.map((i) => [i.text, i.local.length])).toEqual([
      ['My kettle stopped working', 0],
      ['Called the courier', 0],
    ]);
    expect(listOutbox(db)).toEqual([]);
  });

  it('records a stale state change as rejected with the current row', async () => {
    const client = connect(db);
    await client.whenCaughtUp();
    enqueue(db, { type: 'case.update', caseId: 'ca1', basedOn: { version: 1 }, patch: { priority: 'high' } }, () => []);
    client.flushOutbox();
    await next(client, 'settled', (e) => e.state === 'acked');
    // Queued after the first was answered, on the version before it: not carried onto the first's result (only
    // entries pending at its answer are), so the hub sees a change based on a row that changed since.
    enqueue(db, { type: 'case.update', caseId: 'ca1', basedOn: { version: 1 }, patch: { priority: 'urgent' } }, () => []);
    client.flushOutbox();
    await next(client, 'settled', (e) => e.state === 'rejected');
    const [rejected] = listOutbox(db).filter((e) => e.state === 'rejected');
    expect(rejected).toMatchObject({ mutation: { patch: { priority: 'urgent' } }, reason: 'stale' });
    expect(rejected.current).toMatchObject({ id: 'ca1', priority: 'high', version: 2 });
    await client.whenCaughtUp();
    expect(getRow(db, 'case', 'ca1')).toMatchObject({ priority: 'high', version: 2 });
  });

  it('resumes from its cursor after going away, and applies what it missed once', async () => {
    const client = connect(db);
    await client.whenCaughtUp();
    await client.stop();
    clients.splice(clients.indexOf(client), 1);
    // Meanwhile a supervisor, through their own workstation, moves the billing case into the agent's queue
    // and the agent's case out of it.
    const bossDb = openCacheDatabase(join(dir, 'boss.db'));
    const boss = connect(bossDb, 'boss');
    await boss.whenCaughtUp();
    enqueue(bossDb, { type: 'supervisor.reassign', caseIds: ['ca-billing'], to: { queueId: 'q1' } }, () => []);
    enqueue(bossDb, { type: 'supervisor.reassign', caseIds: ['ca1'], to: { queueId: 'q2' } }, () => []);
    boss.flushOutbox();
    await next(boss, 'settled', (e) => e.mutation.type === 'supervisor.reassign' && (e.mutation.to as { queueId: string }).queueId === 'q2');
    expect(listOutbox(bossDb).filter((e) => e.state === 'rejected')).toEqual([]);
    await boss.stop();
    clients.splice(clients.indexOf(boss), 1);
    bossDb.close();

    const again = connect(db);
    await again.whenCaughtUp();
    expect(readSyncState(db).cursor).toBe((await hub.ctx.store.head()));
    expect(listInbox(db, { staffId: 'st1', queueIds: ['q1'] }).map((c) => c.id)).toEqual(['ca-billing']);
    expect(getCaseWithTimeline(db, 'ca-billing')?.timeline.map((i) => i.text)).toEqual(['Invoice twice']);
    expect(getRow(db, 'case', 'ca1')).toBeNull();
  });

  it('follows a live scope change: drops the queue left and snapshots the queue joined', async () => {
    const client = connect(db);
    await client.whenCaughtUp();
    const bossDb = openCacheDatabase(join(dir, 'boss.db'));
    const boss = connect(bossDb, 'boss');
    await boss.whenCaughtUp();
    const joined = next(client, 'changed', (p) => (p.byEntity.case ?? []).includes('ca-billing'));
    enqueue(bossDb, { type: 'supervisor.updateStaff', staffId: 'st1', basedOn: { version: 1 }, patch: { queueIds: ['q2'] } }, () => []);
    boss.flushOutbox();
    expect(await next(boss, 'settled')).toMatchObject({ state: 'acked' });
    await joined;
    expect(readSyncState(db).scope?.queueIds).toEqual(['q2']);
    expect(getRow(db, 'case', 'ca1')).toBeNull();
    expect(getCaseWithTimeline(db, 'ca-billing')?.timeline.map((i) => i.text)).toEqual(['Invoice twice']);
    await boss.stop();
    clients.splice(clients.indexOf(boss), 1);
    bossDb.close();
  });

  it('reconnects after the hub restarts and goes on receiving live changes', async () => {
    const client = connect(db);
    await client.whenCaughtUp();
    const port = hub.port;
    const reconnecting = next(client, 'connection', (s) => s === 'reconnecting');
    await hub.close();
    await reconnecting;
    hub = await startHub(port);
    await next(client, 'caughtUp');
    enqueue(db, { type: 'note', caseId: 'ca1', text: 'After the restart' }, () => []);
    client.flushOutbox();
    await next(client, 'changed', (p) => (p.byEntity.interaction ?? []).length > 0);
    expect(getCaseWithTimeline(db, 'ca1')!.timeline.map((i) => i.text)).toContain('After the restart');
  });
});
