import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Case } from '../../../shared/domain';
import { startTestHub, type TestHub } from '../../../server/testing/hubHarness';
import { openCacheDatabase, type Db } from '../cache/database';
import { getRow } from '../cache/rows';
import { startSyncClient, type SyncClient } from '../sync/syncClient';
import { tempDir } from '../testing/fixtures';
import { optimisticEffects } from './effects';
import { enqueue, listOutbox, type MutationRequest, type OutboxEntry } from './outbox';

/**
 * A person's own changes never conflict with each other (docs/architecture.md, the conflict rule): on a real hub,
 * with a real workstation cache and sync client, changes queued one behind the other on one case all land,
 * offline or within one round trip; a change someone else made in between still makes them stale or held.
 */
let t: TestHub;
let dirs: ReturnType<typeof tempDir>;
let db: Db;
let client: SyncClient | null = null;
let me = '';
let caseIdOf = '';

function connect(): void {
  client = startSyncClient({
    url: t.hub.url,
    db,
    getToken: async () => (await t.login(me)).accessToken,
    reconnect: { baseMs: 30, maxMs: 300 },
    outboxBackoff: { baseMs: 30, maxMs: 300 },
    requestTimeoutMs: 5_000,
  });
}

async function disconnect(): Promise<void> {
  await client?.stop();
  client = null;
}

beforeEach(async () => {
  t = await startTestHub();
  dirs = tempDir();
});
afterEach(async () => {
  await disconnect();
  db?.close();
  await t?.stop();
  dirs?.cleanup();
});

/** A new chat from a Polish customer, routed to someone; this workstation signs in as that person. */
async function ownCase(): Promise<string> {
  const res = await t.inbound({ channel: 'chat', text: 'Dzień dobry, mam problem', from: { phone: '+48600000001', name: 'Jan' } });
  me = res.body.assigneeId as string;
  db = openCacheDatabase(join(dirs.dir, `${me}.db`), { key: randomBytes(32) });
  connect();
  await client!.whenCaughtUp();
  const caseId = res.body.caseId as string;
  expect(getRow(db, 'case', caseId)).not.toBeNull();
  return caseId;
}

/** As the engine queues a change (changeHandlers.ts): based on the case as this cache holds it now. */
function queue(build: (kase: Case) => MutationRequest): OutboxEntry {
  const request = build(getRow(db, 'case', caseIdOf)!);
  return enqueue(db, request, (m) => optimisticEffects(db, m, { staffId: me, now: Date.now() }));
}
const reply = (text: string) => () => queue((c) => ({ type: 'reply', caseId: c.id, channel: 'chat', text, basedOn: { lastMessageId: c.lastMessageId } }));
const update = (patch: { status?: Case['status']; priority?: Case['priority'] }) => () =>
  queue((c) => ({ type: 'case.update', caseId: c.id, basedOn: { version: c.version }, patch }));
const note = (text: string) => () => queue((c) => ({ type: 'note', caseId: c.id, text }));

const settled = async () => {
  const end = Date.now() + 20_000;
  const waiting = () => listOutbox(db).some((e) => e.state === 'pending' || e.state === 'sending');
  while (waiting() && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
  expect(waiting()).toBe(false);
  return listOutbox(db);
};

const fates = (entries: OutboxEntry[]) => entries.map((e) => [e.mutation.type, e.state, e.reason]);

async function expectAllLanded(caseId: string, entries: OutboxEntry[]) {
  expect(fates(entries)).toEqual(entries.map((e) => [e.mutation.type, 'acked', null]));
  const hubCase = (await t.hub.ctx.store.get('case', caseId))!;
  expect([hubCase.priority, hubCase.status]).toEqual(['high', 'pending']);
  const texts = (await t.hub.ctx.store.interactionsOfCase(caseId)).map((i) => i.text);
  expect(texts.filter((x) => x === 'First answer' || x === 'Second answer')).toEqual(['First answer', 'Second answer']);
  expect((await t.hub.ctx.store.pull({ all: true }, 0, 100_000)).changes.filter((c) => c.entity === 'held')).toEqual([]);
}

describe('a person’s own changes', () => {
  it('offline on one case: reply, reply again, priority high, status pending; all four land on reconnecting', async () => {
    caseIdOf = await ownCase();
    await disconnect();
    for (const act of [reply('First answer'), reply('Second answer'), update({ priority: 'high' }), update({ status: 'pending' })]) act();
    // All four were based on the same confirmed case: that is what the hub used to refuse.
    expect(new Set(listOutbox(db).filter((e) => e.mutation.type === 'case.update').map((e) => JSON.stringify((e.mutation as { basedOn: unknown }).basedOn))).size).toBe(1);
    connect();
    await expectAllLanded(caseIdOf, await settled());
  }, 60_000);

  it('online, when the actions fall within one round trip, with a note in between', async () => {
    caseIdOf = await ownCase();
    for (const act of [reply('First answer'), note('checked the order'), reply('Second answer'), update({ priority: 'high' }), update({ status: 'pending' })]) act();
    client!.flushOutbox();
    await expectAllLanded(caseIdOf, await settled());
  }, 60_000);

  it('still refuses a field someone else changed meanwhile, and holds a reply the customer wrote after', async () => {
    caseIdOf = await ownCase();
    await disconnect();
    reply('Written offline')();
    update({ priority: 'high' })();
    const sup = await t.connect('sup1');
    const v = (await t.hub.ctx.store.get('case', caseIdOf))!.version;
    expect(await sup.mutate({ type: 'case.update', caseId: caseIdOf, basedOn: { version: v }, patch: { priority: 'urgent' } })).toMatchObject({ ok: true });
    await t.inbound({ channel: 'chat', text: 'Hello? Anyone?', from: { phone: '+48600000001' } });
    connect();
    expect(fates(await settled())).toEqual([
      ['reply', 'held', null],
      ['case.update', 'rejected', 'stale'],
    ]);
    expect((await t.hub.ctx.store.get('case', caseIdOf))!.priority).toBe('urgent');
  }, 60_000);
});
