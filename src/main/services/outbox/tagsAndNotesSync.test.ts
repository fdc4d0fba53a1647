import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { customerNotes } from '../../../shared/domain';
import { startTestHub, type TestHub } from '../../../server/testing/hubHarness';
import { openCacheDatabase, type Db } from '../cache/database';
import { listInbox } from '../cache/queries/inbox';
import { getRow } from '../cache/rows';
import { startSyncClient, type SyncClient } from '../sync/syncClient';
import { tempDir } from '../testing/fixtures';
import { optimisticEffects } from './effects';
import { enqueue, listOutbox, type MutationRequest } from './outbox';
import { layOver } from './overlay';

/**
 * Tags on a case and notes on a customer written on one workstation while it is offline: shown there at once,
 * sent when it reconnects, and reaching a colleague's workstation through the change feed.
 */
let t: TestHub;
let dirs: ReturnType<typeof tempDir>;
const clients: SyncClient[] = [];
const dbs: Db[] = [];

beforeEach(async () => {
  t = await startTestHub();
  dirs = tempDir();
});
afterEach(async () => {
  for (const c of clients.splice(0)) await c.stop();
  for (const db of dbs.splice(0)) db.close();
  await t?.stop();
  dirs?.cleanup();
});

function workstation(staffId: string) {
  const db = openCacheDatabase(join(dirs.dir, `${staffId}.db`), { key: randomBytes(32) });
  dbs.push(db);
  const connect = async () => {
    const client = startSyncClient({
      url: t.hub.url,
      db,
      getToken: async () => (await t.login(staffId)).accessToken,
      reconnect: { baseMs: 30, maxMs: 300 },
      outboxBackoff: { baseMs: 30, maxMs: 300 },
      requestTimeoutMs: 5_000,
    });
    clients.push(client);
    await client.whenCaughtUp();
    return client;
  };
  const queue = (request: MutationRequest) => enqueue(db, request, (m) => optimisticEffects(db, m, { staffId, now: Date.now() }));
  return { db, connect, queue };
}

async function until(done: () => boolean, what: string) {
  const end = Date.now() + 20_000;
  while (!done() && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
  if (!done()) throw new Error(`timed out waiting for ${what}`);
}

describe('tags and customer notes written offline', () => {
  it('show at once offline, go out on reconnect, and reach a second workstation', async () => {
    const res = await t.inbound({ channel: 'chat', text: 'Gdzie jest mój zwrot?', from: { phone: '+48600000002', name: 'Jan' } });
    const caseId = res.body.caseId as string;
    const customerId = res.body.customerId as string;
    const owner = res.body.assigneeId as string;
    const mine = workstation(owner);
    const colleague = workstation('sup1');
    const first = await mine.connect();
    await colleague.connect();
    // Offline from here on: everything waits in the outbox.
    await first.stop();

    mine.queue({ type: 'case.tag', caseId, add: ['Zwrot pieniędzy'], remove: [] });
    mine.queue({ type: 'case.tag', caseId, add: ['VIP'], remove: [] });
    mine.queue({ type: 'case.update', caseId, basedOn: { version: getRow(mine.db, 'case', caseId)!.version }, patch: { priority: 'high' } });
    mine.queue({ type: 'customer.note', customerId, text: 'Called from the shop, prefers SMS' });

    const shown = layOver(mine.db, 'case', [getRow(mine.db, 'case', caseId)!])[0]!;
    expect(shown.tags).toEqual(['Zwrot pieniędzy', 'VIP']);
    expect(customerNotes(layOver(mine.db, 'customer', [getRow(mine.db, 'customer', customerId)!])[0]!).map((n) => n.text)).toEqual(['Called from the shop, prefers SMS']);
    const inboxOf = { staffId: owner, queueIds: ['q-chat'] };
    // The tag filter finds it offline too, typed without accents.
    expect(listInbox(mine.db, inboxOf, { tag: 'zwrot PIENIEDZY' }).map((c) => c.id)).toEqual([caseId]);

    await mine.connect();
    await until(() => listOutbox(mine.db).length === 0 || listOutbox(mine.db).every((e) => e.state === 'acked'), 'the outbox to empty');
    expect(listOutbox(mine.db).filter((e) => e.state === 'rejected')).toEqual([]);

    await until(() => (getRow(colleague.db, 'case', caseId)?.tags?.length ?? 0) === 2, 'the tags on the colleague’s workstation');
    expect(getRow(colleague.db, 'case', caseId)).toMatchObject({ tags: ['Zwrot pieniędzy', 'VIP'], priority: 'high' });
    await until(() => customerNotes(getRow(colleague.db, 'customer', customerId) ?? {}).length === 1, 'the note on the colleague’s workstation');
    expect(customerNotes(getRow(colleague.db, 'customer', customerId)!)[0]).toMatchObject({ authorId: owner, text: 'Called from the shop, prefers SMS' });

    // Confirmed rows now: the filter runs in SQL over the cache (fold_text), and a tag the case lacks finds nothing.
    await until(() => getRow(mine.db, 'case', caseId)?.tags?.length === 2, 'the confirmed tags here');
    expect(listInbox(mine.db, inboxOf, { tag: 'vip' }).map((c) => c.id)).toEqual([caseId]);
    expect(listInbox(mine.db, inboxOf, { tag: 'refund' })).toEqual([]);
  });
});
