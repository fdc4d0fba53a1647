import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Customer } from '../../../shared/domain';
import type { Change, EntityName, EntityRow } from '../../../shared/protocol';
import { alert, canned, csat, customer, delivery, held, interaction, kase, kb, queue, staff, storeLocation } from '../../../shared/testing/rows';
import { startPostgres, type PostgresServer } from '../../cluster/postgres';
import { Refused } from '../../refused';
import type { AudienceFilter, CaseScope, HubStore, StoreTx } from '../hubStore';
import { listenForChanges } from './listenForChanges';
import { PG_SCHEMA_VERSION } from './migrate';
import { openPgStore } from './pgStore';
import { StoreUnavailable } from '../storeUnavailable';

let server: PostgresServer;
beforeAll(async () => {
  server = await startPostgres({ name: 'store_test' });
}, 60_000);
afterAll(async () => {
  await server?.stop();
});

const opened: HubStore[] = [];
afterEach(async () => {
  await Promise.allSettled(opened.splice(0).map((s) => s.close()));
});

let databases = 0;
/**
 * A database of its own, whose default collation (ICU, English) orders text unlike bytes: the store must
 * still order and compare ids, names and phones byte by byte, as SQLite does.
 */
async function freshDatabase(): Promise<string> {
  const name = `store_${++databases}`;
  const admin = new pg.Client(server.url);
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE template0 LOCALE_PROVIDER icu ICU_LOCALE 'en-US'`);
  } finally {
    await admin.end();
  }
  const url = new URL(server.url);
  url.pathname = `/${name}`;
  return url.toString();
}
async function open(url: string): Promise<HubStore> {
  const store = await openPgStore(url);
  opened.push(store);
  return store;
}
const freshStore = async () => open(await freshDatabase());

const ids = (rows: Array<{ id: string }>) => rows.map((r) => r.id);
/** A customer holding no identities but those a test gives: the shared builder's default ones would clash. */
const NO_IDENTITIES = { emails: [], phones: [], handles: [], loyaltyNumber: null } satisfies Partial<Customer>;
const everyone = ['*'];
/** Puts each row in a transaction of its own; gives their seqs. */
async function putEach<E extends EntityName>(store: HubStore, entity: E, rows: Array<EntityRow<E>>, audience = everyone): Promise<number[]> {
  const seqs: number[] = [];
  for (const row of rows) seqs.push(await store.write((tx) => tx.put(entity, row, audience)));
  return seqs;
}

describe('PostgreSQL store: rows', () => {
  it('writes every entity and reads it back byte for byte, with the seq of its last change, in the change log too', async () => {
    const store = await freshStore();
    const rows: { [E in EntityName]: EntityRow<E> } = {
      queue: queue({ id: 'q-1' }),
      staff: staff({ id: 'a1', username: 'a1' }),
      storeLocation: storeLocation({ id: 'st-1' }),
      kb: kb({ id: 'kb-1' }),
      canned: canned({ id: 'cn-1' }),
      customer: customer({ id: 'cus-1', name: 'Łucja Żółć-Γιώργος', emails: ['lucja@example.com'] }),
      case: kase({ id: 'case-1', status: 'new', subject: 'Re: Zwrot "towaru" \\ \u2028 👋' }),
      interaction: interaction({ id: 'i-1', text: 'Γεια σου\n\t"quoted" \\ back\u0000slash', meta: { durationSec: 3 } }),
      csat: csat({ id: 'cs-1' }),
      alert: alert({ id: 'al-1' }),
      held: held({ id: 'h-1' }),
      delivery: delivery({ id: 'de-1', to: { kind: 'email', value: 'łucja@example.com' }, lastError: 'connector answered 503: "busy"' }),
    };
    const entities = Object.keys(rows) as EntityName[];
    const seqs = await store.write(async (tx) => {
      const out: number[] = [];
      for (const e of entities) out.push(await tx.put(e, rows[e], everyone));
      expect(tx.lastSeq()).toBe(out[out.length - 1]);
      return out;
    });
    expect(seqs).toEqual(entities.map((_, i) => i + 1));
    expect(await store.head()).toBe(entities.length);
    for (const [i, e] of entities.entries()) {
      expect(JSON.stringify(await store.get(e, rows[e].id))).toBe(JSON.stringify(rows[e]));
      expect(await store.row(e, rows[e].id)).toEqual({ seq: seqs[i], entity: e, op: 'upsert', id: rows[e].id, data: rows[e] });
    }
    const logged = await store.pull({ all: true }, 0, 100);
    expect(logged.changes.map((c) => JSON.stringify(c.data))).toEqual(entities.map((e) => JSON.stringify(rows[e])));

    const reopened = { ...rows.case, status: 'open' as const, version: 2 };
    const [updated, removed] = await store.write(async (tx) => [await tx.put('case', reopened, ['q:q-1']), await tx.remove('held', 'h-1', ['s:a1'])]);
    expect(await store.row('case', 'case-1')).toEqual({ seq: updated, entity: 'case', op: 'upsert', id: 'case-1', data: reopened });
    expect(await store.get('held', 'h-1')).toBeNull();
    expect(await store.row('held', 'h-1')).toBeNull();
    expect((await store.pull({ all: true }, seqs[seqs.length - 1], 10)).changes).toEqual([
      { seq: updated, entity: 'case', op: 'upsert', id: 'case-1', data: reopened },
      { seq: removed, entity: 'held', op: 'delete', id: 'h-1', data: null },
    ]);
    expect(await store.get('queue', 'nope')).toBeNull();
  });

  it('lists reference data by id, byte-wise (upper case before lower case)', async () => {
    const store = await freshStore();
    await putEach(store, 'queue', [queue({ id: 'q-b' }), queue({ id: 'q-B' }), queue({ id: 'q-a' })]);
    await putEach(store, 'staff', [staff({ id: 'zed', username: 'zed' }), staff({ id: 'Amy', username: 'Amy' })]);
    expect(ids(await store.all('queue'))).toEqual(['q-B', 'q-a', 'q-b']);
    expect(ids(await store.all('staff'))).toEqual(['Amy', 'zed']);
    expect(await store.all('kb')).toEqual([]);
  });

  it("answers the hub's case queries: by customer, assignee and queue, timelines, load, due replies, alerts, a case whole", async () => {
    const store = await freshStore();
    await putEach(store, 'customer', [customer({ id: 'cus-1', ...NO_IDENTITIES }), customer({ id: 'cus-2', ...NO_IDENTITIES })]);
    await putEach(store, 'case', [
      kase({ id: 'c-old', customerId: 'cus-1', queueId: 'q-1', firstResponseDueAt: null, createdAt: 10, updatedAt: 50 }),
      kase({ id: 'c-new', customerId: 'cus-1', queueId: 'q-1', createdAt: 20, updatedAt: 60, firstResponseDueAt: 100 }),
      kase({ id: 'c-mine', customerId: 'cus-2', queueId: 'q-2', assigneeId: 'a1', status: 'open', lastChannel: 'email', createdAt: 5, firstResponseDueAt: null, nextResponseDueAt: 90 }),
      kase({ id: 'c-pending', customerId: 'cus-2', queueId: 'q-2', assigneeId: 'a1', status: 'pending', createdAt: 7, firstResponseDueAt: 1 }),
      kase({ id: 'c-closed', customerId: 'cus-2', queueId: 'q-1', assigneeId: 'a1', status: 'closed', firstResponseDueAt: null, createdAt: 1 }),
      kase({ id: 'c-breached', customerId: 'cus-2', queueId: 'q-2', firstResponseDueAt: 10, slaBreachedAt: 11 }),
    ]);
    await putEach(store, 'interaction', [
      interaction({ id: 'i-2', caseId: 'c-old', createdAt: 2 }),
      interaction({ id: 'i-1', caseId: 'c-old', createdAt: 1 }),
      interaction({ id: 'i-0', caseId: 'c-old', createdAt: 2 }),
      interaction({ id: 'i-x', caseId: 'c-new', createdAt: 1 }),
    ]);
    await putEach(store, 'csat', [csat({ id: 'cs-1', caseId: 'c-old' })]);
    await putEach(store, 'alert', [
      alert({ id: 'al-late', raisedAt: 20, caseId: 'c-mine' }),
      alert({ id: 'al-early', raisedAt: 10, caseId: 'c-pending' }),
      alert({ id: 'al-closed', status: 'closed', caseId: 'c-new' }),
      alert({ id: 'al-ack', status: 'acknowledged', caseId: 'c-old' }),
    ]);

    expect(ids(await store.casesOfCustomer('cus-1'))).toEqual(['c-new', 'c-old']);
    expect(ids(await store.openCasesOfAssignee('a1'))).toEqual(['c-mine', 'c-pending']);
    expect(ids(await store.waitingCases('q-1', 10))).toEqual(['c-old', 'c-new']);
    expect(ids(await store.waitingCases('q-1', 1))).toEqual(['c-old']);
    expect(ids(await store.interactionsOfCase('c-old'))).toEqual(['i-1', 'i-0', 'i-2']);
    expect(await store.loadOf('a1', 'email')).toBe(1);
    expect(await store.loadOf('a1', 'chat')).toBe(0);
    expect(ids(await store.overdueCases(95, 10))).toEqual(['c-mine']);
    expect(ids(await store.overdueCases(100, 10))).toEqual(['c-mine', 'c-new']);
    expect(ids(await store.overdueCases(100, 1))).toEqual(['c-mine']);
    expect((await store.openAlertOfCase('c-old'))?.id).toBe('al-ack');
    expect(await store.openAlertOfCase('c-new')).toBeNull();
    expect(ids(await store.raisedAlerts())).toEqual(['al-early', 'al-late']);

    const whole = await store.caseRows('c-old');
    expect(whole.map((c) => `${c.entity}:${c.id}`)).toEqual(['case:c-old', 'customer:cus-1', 'interaction:i-1', 'interaction:i-0', 'interaction:i-2', 'csat:cs-1']);
    expect(whole[0]).toEqual(await store.row('case', 'c-old'));
    expect(await store.caseRows('missing')).toEqual([]);
  });

  it('finds customers by identity, phone ending and folded name or word of it, ordered by name', async () => {
    const store = await freshStore();
    await putEach(store, 'customer', [
      customer({ id: 'cus-a', ...NO_IDENTITIES, name: 'Anna Maria Kowalska', emails: ['anna@example.com'], loyaltyNumber: 'LC-1234' }),
      customer({ id: 'cus-l', ...NO_IDENTITIES, name: 'Łukasz Nowak', phones: ['+48601234567'], handles: ['@Lukasz_N'] }),
      customer({ id: 'cus-g', ...NO_IDENTITIES, name: 'Γιώργος Παπαδόπουλος', phones: ['+30601234567'] }),
      customer({ id: 'cus-m', ...NO_IDENTITIES, name: 'Marian Kowal', phones: ['+48700100200'] }),
      customer({ id: 'cus-z', ...NO_IDENTITIES, name: 'Zuzanna Maria', mergedInto: 'cus-a' }),
    ]);
    const named = async (q: string, limit = 10) => ids(await store.customersNamed(q, limit));
    expect(await named('maria')).toEqual(['cus-a', 'cus-m', 'cus-z']);
    expect(await named('kowal')).toEqual(['cus-a', 'cus-m']);
    expect(await named('maria kow')).toEqual(['cus-a']);
    expect(await named('kowal', 1)).toEqual(['cus-a']);
    expect(await named('lukasz')).toEqual(['cus-l']);
    expect(await named('παπαδ')).toEqual(['cus-g']);
    expect(await named('ria')).toEqual([]);
    expect(await named('')).toEqual(['cus-a', 'cus-l', 'cus-m', 'cus-z', 'cus-g']);

    expect(ids(await store.customersByPhoneEnding('601234567', 10)).sort()).toEqual(['cus-g', 'cus-l']);
    expect(ids(await store.customersByPhoneEnding('100200', 10))).toEqual(['cus-m']);
    expect(await store.customersByPhoneEnding('99', 10)).toEqual([]);

    expect((await store.findCustomerByIdentity('email', ' ANNA@example.com'))?.id).toBe('cus-a');
    expect((await store.findCustomerByIdentity('loyalty', 'lc-1234'))?.id).toBe('cus-a');
    expect((await store.findCustomerByIdentity('handle', '@lukasz_n'))?.id).toBe('cus-l');
    expect((await store.findCustomerByIdentity('phone', '+48700100200'))?.id).toBe('cus-m');
    expect(await store.findCustomerByIdentity('email', 'nobody@example.com')).toBeNull();

    expect(ids(await store.sampleCustomers(10)).sort()).toEqual(['cus-a', 'cus-g', 'cus-l', 'cus-m']);
    expect(await store.sampleCustomers(2)).toHaveLength(2);
  });

  it('gives an identity to one customer only: taking one another customer holds fails the write and moves nothing', async () => {
    const store = await freshStore();
    await putEach(store, 'customer', [customer({ id: 'cus-a', name: 'Customer cus-a', ...NO_IDENTITIES, emails: ['x@example.com', 'X@example.com'], phones: ['+48601000001'] })]);
    const head = await store.head();
    const thief = customer({ id: 'cus-b', name: 'Customer cus-b', ...NO_IDENTITIES, emails: ['x@example.com'] });
    await expect(store.write((tx) => tx.put('customer', thief, everyone))).rejects.toMatchObject({ code: '23505' });
    // Caught inside the transaction, the failure still fails the write: nothing of it commits.
    const caught = store.write(async (tx) => {
      await tx.put('customer', thief, everyone).catch(() => {});
      await tx.put('queue', queue({ id: 'q-z' }), everyone);
    });
    await expect(caught).rejects.toMatchObject({ code: '23505' });
    // The next transaction follows on the connection at once: the failure stays with the one before it.
    const [failed, next] = await Promise.allSettled([
      store.write((tx) => tx.put('customer', thief, everyone)),
      store.write((tx) => tx.put('queue', queue({ id: 'q-next' }), everyone)),
    ]);
    expect(failed).toMatchObject({ status: 'rejected', reason: { code: '23505' } });
    expect(next).toEqual({ status: 'fulfilled', value: head + 1 });
    expect(await store.get('customer', 'cus-b')).toBeNull();
    expect(await store.get('queue', 'q-z')).toBeNull();
    expect(await store.head()).toBe(head + 1);
    expect((await store.findCustomerByIdentity('email', 'x@example.com'))?.id).toBe('cus-a');

    // Let go of, an identity may be taken; what the customer keeps stays theirs.
    await putEach(store, 'customer', [customer({ id: 'cus-a', name: 'Customer cus-a', ...NO_IDENTITIES, phones: ['+48601000001'] }), thief]);
    expect((await store.findCustomerByIdentity('email', 'x@example.com'))?.id).toBe('cus-b');
    expect((await store.findCustomerByIdentity('phone', '+48601000001'))?.id).toBe('cus-a');
    // A merged record holds nothing any more; a removed one neither.
    await putEach(store, 'customer', [customer({ id: 'cus-a', name: 'Customer cus-a', ...NO_IDENTITIES, phones: ['+48601000001'], mergedInto: 'cus-b' })]);
    expect(await store.findCustomerByIdentity('phone', '+48601000001')).toBeNull();
    await store.write((tx) => tx.remove('customer', 'cus-b', everyone));
    await putEach(store, 'customer', [customer({ id: 'cus-c', name: 'Customer cus-c', ...NO_IDENTITIES, emails: ['x@example.com'], phones: ['+48601000001'] })]);
    expect((await store.findCustomerByIdentity('email', 'x@example.com'))?.id).toBe('cus-c');
    expect(ids(await store.customersNamed('customer', 10))).toEqual(['cus-a', 'cus-c']);
  });
});

describe('PostgreSQL store: transactions', () => {
  it('rolls back a write that throws: no row, no change, no seq used, nothing else either', async () => {
    const store = await freshStore();
    await putEach(store, 'staff', [staff({ id: 'a1', username: 'a1' })]);
    const failed = store.write(async (tx) => {
      await tx.put('queue', queue({ id: 'q-2' }), everyone);
      await tx.setPasswordHash('a1', 'hash');
      await tx.appendAudit({ id: 'au-1', actorId: 'a1', action: 'staff.status', targetType: 'staff', targetId: 'a1', queueId: null, caseId: null, before: null, after: null, at: 1 });
      throw new Error('changed my mind');
    });
    await expect(failed).rejects.toThrow('changed my mind');
    expect(await store.head()).toBe(1);
    expect(await store.get('queue', 'q-2')).toBeNull();
    expect((await store.staffCredentials('a1'))?.passwordHash).toBe('');
    expect(await store.queryAudit({ limit: 10 })).toEqual([]);
    expect((await store.pull({ all: true }, 0, 10)).changes.map((c) => c.seq)).toEqual([1]);
    expect(await putEach(store, 'queue', [queue({ id: 'q-3' })])).toEqual([2]);
  });

  it('shows a transaction its own writes and everyone else only what committed; a transaction that ended refuses calls', async () => {
    const store = await freshStore();
    let ended: StoreTx | undefined;
    await store.write(async (tx) => {
      await tx.put('queue', queue({ id: 'q-1' }), everyone);
      expect(await tx.head()).toBe(1);
      expect((await tx.get('queue', 'q-1'))?.id).toBe('q-1');
      expect(await store.head()).toBe(0);
      expect(await store.get('queue', 'q-1')).toBeNull();
      ended = tx;
    });
    expect(await store.head()).toBe(1);
    expect((await store.get('queue', 'q-1'))?.id).toBe('q-1');
    await expect(ended!.get('queue', 'q-1')).rejects.toThrow(/ended/);
  });

  it('claims mutation and connector ids once: a retry gets the first result, another person has their own ids', async () => {
    const store = await freshStore();
    const first = { ok: true, outcome: 'applied', seq: 7 };
    await store.write(async (tx) => {
      expect(await tx.claimMutation('a1', 'm-1', 100)).toBeNull();
      await tx.saveMutationResult('a1', 'm-1', first);
      expect(await tx.claimInbound('ext-1', 100)).toBeNull();
      await tx.saveInboundResult('ext-1', { caseId: 'c-1' });
    });
    expect(await store.write((tx) => tx.claimMutation('a1', 'm-1', 200))).toEqual(first);
    expect(await store.write((tx) => tx.claimInbound('ext-1', 200))).toEqual({ caseId: 'c-1' });
    await store.write(async (tx) => {
      expect(await tx.claimMutation('a2', 'm-1', 200)).toBeNull();
      await tx.saveMutationResult('a2', 'm-1', { ok: false });
    });
    // A claim rolled back with its transaction was never made.
    await expect(store.write(async (tx) => (await tx.claimMutation('a3', 'm-9', 1), Promise.reject(new Error('refused'))))).rejects.toThrow('refused');
    await store.write(async (tx) => {
      expect(await tx.claimMutation('a3', 'm-9', 2)).toBeNull();
      await tx.saveMutationResult('a3', 'm-9', null);
    });
  });

  it('rotates a refresh token by compare and swap, remembers the old one until it expires, and revokes once', async () => {
    const store = await freshStore();
    const session = { id: 's-1', staffId: 'a1', refreshHash: 'h1', refreshExpiresAt: 1_000, createdAt: 1, revokedAt: null };
    await store.write((tx) => tx.createSession(session));
    expect(await store.sessionById('s-1')).toEqual(session);
    expect(await store.sessionByRefreshHash('h1')).toEqual(session);

    expect(await store.write((tx) => tx.rotateRefresh('s-1', 'h1', 'h2', 2_000, 500))).toBe(true);
    expect(await store.write((tx) => tx.rotateRefresh('s-1', 'h1', 'h3', 3_000, 600))).toBe(false);
    const rotated = { ...session, refreshHash: 'h2', refreshExpiresAt: 2_000 };
    expect(await store.sessionByRefreshHash('h2')).toEqual(rotated);
    expect(await store.sessionByRefreshHash('h1')).toBeNull();
    expect(await store.sessionByRetiredRefresh('h1')).toEqual(rotated);
    // Rotating again after h1 would have expired lets it go, and remembers h2.
    expect(await store.write((tx) => tx.rotateRefresh('s-1', 'h2', 'h3', 3_000, 1_500))).toBe(true);
    expect(await store.sessionByRetiredRefresh('h1')).toBeNull();
    expect((await store.sessionByRetiredRefresh('h2'))?.refreshHash).toBe('h3');

    await store.write((tx) => tx.revokeSession('s-1', 4_000));
    await store.write((tx) => tx.revokeSession('s-1', 5_000));
    expect((await store.sessionById('s-1'))?.revokedAt).toBe(4_000);

    // Ending every session of a person (deactivation) names the ones it ended, not those ended before.
    await store.write(async (tx) => {
      await tx.createSession({ ...session, id: 's-2', refreshHash: 'h5' });
      await tx.createSession({ ...session, id: 's-3', refreshHash: 'h6', staffId: 'a2' });
    });
    expect(await store.write((tx) => tx.revokeSessionsOfStaff('a1', 6_000))).toEqual(['s-2']);
    expect((await store.sessionById('s-3'))?.revokedAt).toBeNull();
  });

  it('keeps credentials, routing times, calls, surveys, the audit trail and who serves whom', async () => {
    const store = await freshStore();
    await putEach(store, 'staff', [staff({ id: 'a1', username: 'a1' })]);
    await putEach(store, 'case', [kase({ id: 'c-1' }), kase({ id: 'c-2' })]);
    await store.write(async (tx) => {
      await tx.setPasswordHash('a1', 'scrypt$1');
      await tx.setLastAssignedAt('a1', 42);
      await tx.saveCall({ callId: 'call-1', phone: '+48601000001', customerId: null, caseId: null, offeredTo: null, state: 'ringing', at: 1 });
      await tx.saveCall({ callId: 'call-1', phone: '+48601000001', customerId: 'cus-1', caseId: 'c-1', offeredTo: 'a1', state: 'answered', at: 2 });
      await tx.surveySent('c-1', 10, 'token-1');
      await tx.surveySent('c-2', 20, 'token-2');
      for (const [id, at, actorId, queueId] of [['au-1', 1, 'sup1', 'q-1'], ['au-2', 2, 'sup2', 'q-1'], ['au-3', 3, 'sup1', null]] as const) {
        await tx.appendAudit({ id, actorId, action: 'case.reassign', targetType: 'case', targetId: 'c-1', queueId, caseId: 'c-1', before: { a: 1 }, after: { a: 2 }, at });
      }
      await tx.startServing('a1', 'cus-1', 1_000);
      await tx.startServing('a1', 'cus-1', 900);
    });
    // A row written again keeps the credentials and routing times kept beside it.
    await putEach(store, 'staff', [staff({ id: 'a1', username: 'a1', name: 'Renamed', version: 2 })]);
    expect(await store.staffCredentials('a1')).toEqual({ staff: staff({ id: 'a1', username: 'a1', name: 'Renamed', version: 2 }), passwordHash: 'scrypt$1', mustChangePassword: false });
    // A password an admin set must be changed; one the person sets clears the demand.
    await store.write((tx) => tx.setPasswordHash('a1', 'scrypt$2', true));
    expect((await store.staffCredentials('a1'))?.mustChangePassword).toBe(true);
    await store.write((tx) => tx.setPasswordHash('a1', 'scrypt$3'));
    expect((await store.staffCredentials('a1'))?.mustChangePassword).toBe(false);
    expect(await store.staffCredentials('nobody')).toBeNull();
    expect(await store.lastAssignedAt(['a1', 'nobody'])).toEqual(new Map([['a1', 42]]));
    expect(await store.lastAssignedAt([])).toEqual(new Map());
    expect(await store.call('call-1')).toMatchObject({ state: 'answered', offeredTo: 'a1' });
    expect(await store.call('call-2')).toBeNull();

    expect(ids(await store.casesAwaitingSurvey(10))).toEqual(['c-2', 'c-1']);
    expect(await store.write((tx) => tx.surveyAnswered('c-2', 30))).toBe(true);
    expect(await store.write((tx) => tx.surveyAnswered('c-2', 31))).toBe(false);
    expect(ids(await store.casesAwaitingSurvey(10))).toEqual(['c-1']);

    const audit = async (f: Parameters<HubStore['queryAudit']>[0]) => ids(await store.queryAudit(f));
    expect(await audit({ limit: 10 })).toEqual(['au-3', 'au-2', 'au-1']);
    expect(await audit({ limit: 2 })).toEqual(['au-3', 'au-2']);
    expect(await audit({ actorId: 'sup1', limit: 10 })).toEqual(['au-3', 'au-1']);
    expect(await audit({ queueId: 'q-1', before: 2, limit: 10 })).toEqual(['au-1']);
    expect(await audit({ caseId: 'c-1', actions: ['case.reassign'], limit: 10 })).toEqual(['au-3', 'au-2', 'au-1']);
    expect(await audit({ actions: ['customer.merge'], limit: 10 })).toEqual([]);
    expect((await store.queryAudit({ limit: 1 }))[0]).toMatchObject({ before: { a: 1 }, after: { a: 2 } });

    expect(await store.isServing('a1', 'cus-1', 999)).toBe(true);
    expect(await store.isServing('a1', 'cus-1', 1_000)).toBe(false);
    expect(await store.isServing('a2', 'cus-1', 0)).toBe(false);
    // Records a day past their end are let go when someone starts serving.
    await store.write((tx) => tx.startServing('a2', 'cus-2', 1_000 + 24 * 3_600_000 + 1));
    await store.write((tx) => tx.startServing('a1', 'cus-1', 500));
    expect(await store.isServing('a1', 'cus-1', 499)).toBe(true);
  });

  it('bulk-writes rows in order with putMany: every change logged, a row written twice ends as its later version', async () => {
    const store = await freshStore();
    const rows = Array.from({ length: 2_500 }, (_, i) => ({ row: interaction({ id: `i-${String(i).padStart(5, '0')}`, createdAt: i }), audience: ['q:q-1'] }));
    rows.push({ row: interaction({ id: 'i-00007', text: 'second version', createdAt: 7 }), audience: ['q:q-2'] });
    const last = await store.write(async (tx) => {
      await tx.putMany('interaction', rows);
      return tx.lastSeq();
    });
    expect(last).toBe(2_501);
    expect(await store.head()).toBe(2_501);
    expect(await store.row('interaction', 'i-00007')).toMatchObject({ seq: 2_501, data: { text: 'second version' } });
    const logged = await store.pull({ all: true }, 0, 3_000);
    expect(logged.changes.map((c) => c.id)).toEqual(rows.map((r) => r.row.id));
    expect(logged.changes.map((c) => c.seq)).toEqual(rows.map((_, i) => i + 1));
    expect((await store.pull({ all: false, keys: ['q:q-2'] }, 0, 10)).changes.map((c) => c.seq)).toEqual([2_501]);

    const customers = [customer({ id: 'cus-1', ...NO_IDENTITIES, emails: ['a@example.com'] }), customer({ id: 'cus-2', ...NO_IDENTITIES, phones: ['+48601000002'] })];
    await store.write((tx) => tx.putMany('customer', customers.map((row) => ({ row, audience: everyone }))));
    expect((await store.findCustomerByIdentity('phone', '+48601000002'))?.id).toBe('cus-2');
    const clash = [customer({ id: 'cus-3', ...NO_IDENTITIES, emails: ['b@example.com'] }), customer({ id: 'cus-4', ...NO_IDENTITIES, emails: ['a@example.com'] })];
    await expect(store.write((tx) => tx.putMany('customer', clash.map((row) => ({ row, audience: everyone }))))).rejects.toMatchObject({ code: '23505' });
    expect(await store.get('customer', 'cus-3')).toBeNull();
  });

  it('keeps values about the hub: the first claim holds for every node, a set replaces it', async () => {
    const url = await freshDatabase();
    const [a, b] = [await open(url), await open(url)];
    expect(await a.meta('session-key')).toBeNull();
    const claims = await Promise.all([a.write((tx) => tx.claimMeta('session-key', 'from-a')), b.write((tx) => tx.claimMeta('session-key', 'from-b'))]);
    expect(new Set(claims).size).toBe(1);
    expect(await b.meta('session-key')).toBe(claims[0]);
    await a.write((tx) => tx.setMeta('session-key', 'rotated'));
    expect(await b.meta('session-key')).toBe('rotated');
  });

  it('migrates once when several nodes open the same new database at once, and refuses a newer schema', async () => {
    const url = await freshDatabase();
    await Promise.all([open(url), open(url), open(url)]);
    const admin = new pg.Client(url);
    await admin.connect();
    try {
      expect((await admin.query('SELECT version FROM schema_version')).rows).toEqual([{ version: PG_SCHEMA_VERSION }]);
      await admin.query('UPDATE schema_version SET version = 99');
    } finally {
      await admin.end();
    }
    await expect(openPgStore(url)).rejects.toThrow(`database schema 99 is newer than this hub (${PG_SCHEMA_VERSION}); upgrade the hub`);
  });
});

describe('PostgreSQL store: the change feed', () => {
  it('pulls the changes an audience may see: the cursor is the last seq of a full page, else the head', async () => {
    const store = await freshStore();
    await putEach(store, 'queue', [queue({ id: 'q-1' })], ['q:q-1', 'q:q-1']);
    await putEach(store, 'queue', [queue({ id: 'q-2' })], ['s:a1']);
    await putEach(store, 'queue', [queue({ id: 'q-3' })], ['q:q-2', 's:a1']);
    await putEach(store, 'queue', [queue({ id: 'q-4' })], ['*']);
    await putEach(store, 'queue', [queue({ id: 'q-5' })], ['q:q-2']);
    const mine: AudienceFilter = { all: false, keys: ['q:q-1', 's:a1', '*'] };
    const seqs = async (filter: AudienceFilter, cursor: number, limit: number) => {
      const page = await store.pull(filter, cursor, limit);
      return { seqs: page.changes.map((c) => c.seq), cursor: page.cursor, more: page.more };
    };
    expect(await seqs(mine, 0, 10)).toEqual({ seqs: [1, 2, 3, 4], cursor: 5, more: false });
    expect(await seqs(mine, 0, 2)).toEqual({ seqs: [1, 2], cursor: 2, more: true });
    expect(await seqs(mine, 2, 2)).toEqual({ seqs: [3, 4], cursor: 4, more: true });
    expect(await seqs(mine, 4, 2)).toEqual({ seqs: [], cursor: 5, more: false });
    expect(await seqs({ all: false, keys: ['q:q-9'] }, 0, 10)).toEqual({ seqs: [], cursor: 5, more: false });
    expect(await seqs({ all: true }, 0, 3)).toEqual({ seqs: [1, 2, 3], cursor: 3, more: true });
    expect(await seqs({ all: true }, 3, 3)).toEqual({ seqs: [4, 5], cursor: 5, more: false });
  });

  it('gives a tailing node every committed change with its audience, and wakes it when another node commits', async () => {
    const url = await freshDatabase();
    const [here, elsewhere] = [await open(url), await open(url)];
    let wakes = 0;
    const stop = here.onCommitElsewhere(() => wakes++);
    try {
      await expect.poll(() => wakes).toBe(1); // connected: whatever was missed before is worth a look
      await putEach(here, 'queue', [queue({ id: 'q-1' })], ['s:a1', 'q:q-1', 's:a1']);
      await putEach(elsewhere, 'queue', [queue({ id: 'q-2' })], []);
      await here.write((tx) => tx.remove('queue', 'q-1', ['*']));
      await expect.poll(() => wakes).toBe(2);
      await sleep(200);
      expect(wakes).toBe(2);
    } finally {
      await stop?.();
    }
    expect(await here.changesAfter(0, 10)).toEqual([
      { change: { seq: 1, entity: 'queue', op: 'upsert', id: 'q-1', data: queue({ id: 'q-1' }) }, audience: ['q:q-1', 's:a1'] },
      { change: { seq: 2, entity: 'queue', op: 'upsert', id: 'q-2', data: queue({ id: 'q-2' }) }, audience: [] },
      { change: { seq: 3, entity: 'queue', op: 'delete', id: 'q-1', data: null }, audience: ['*'] },
    ]);
    expect((await here.changesAfter(1, 1)).map((c) => c.change.seq)).toEqual([2]);
  });

  it('pages a snapshot in order (reference data, then cases), by scope, resumable from its position; refuses a position it never gave', async () => {
    const store = await freshStore();
    await putEach(store, 'storeLocation', [storeLocation({ id: 'st-1' })]);
    await putEach(store, 'queue', [queue({ id: 'q-1' }), queue({ id: 'q-2' })]);
    await putEach(store, 'staff', [staff({ id: 'a1', username: 'a1' }), staff({ id: 'a2', username: 'a2' })]);
    await putEach(store, 'kb', [kb({ id: 'kb-1' })]);
    await putEach(store, 'canned', [canned({ id: 'cn-1' })]);
    await putEach(store, 'customer', ['cus-1', 'cus-2', 'cus-3', 'cus-4'].map((id) => customer({ id, ...NO_IDENTITIES })));
    await putEach(store, 'case', [
      kase({ id: 'c-q1', queueId: 'q-1', customerId: 'cus-1' }),
      kase({ id: 'c-q2', queueId: 'q-2', customerId: 'cus-2' }),
      kase({ id: 'c-a1', queueId: 'q-2', customerId: 'cus-3', assigneeId: 'a1' }),
      kase({ id: 'c-st', queueId: 'q-2', customerId: 'cus-4', storeId: 'st-1' }),
    ]);
    await putEach(store, 'interaction', ['c-q1', 'c-q2', 'c-a1', 'c-st'].map((caseId) => interaction({ id: `i-${caseId}`, caseId })));
    await putEach(store, 'csat', [csat({ id: 'cs-q2', caseId: 'c-q2' })]);
    await putEach(store, 'alert', [
      alert({ id: 'al-notified', notifiedStaffIds: ['a2', 'a1'] }),
      alert({ id: 'al-follow', notifiedStaffIds: [], followUpStaffId: 'a1' }),
      alert({ id: 'al-other', notifiedStaffIds: ['a2'] }),
    ]);
    await putEach(store, 'held', [
      held({ id: 'h-mine', authorId: 'a1', caseId: 'c-q2' }),
      held({ id: 'h-on-mine', authorId: 'a2', caseId: 'c-a1' }),
      held({ id: 'h-other', authorId: 'a2', caseId: 'c-q2' }),
    ]);
    const head = await store.head();

    /** Every page of a snapshot, three rows at a time, as `entity:id`. */
    async function walk(scope: CaseScope): Promise<{ rows: string[]; totals: number[]; hwms: number[] }> {
      const out = { rows: [] as string[], totals: [] as number[], hwms: [] as number[] };
      let after: string | null = null;
      let hwm: number | null = null;
      for (;;) {
        const page = await store.snapshot(scope, after, hwm, 3);
        out.rows.push(...page.rows.map((c: Change) => `${c.entity}:${c.id}`));
        out.totals.push(page.total);
        out.hwms.push(page.hwm);
        if (page.done) return out;
        expect(page.after).toMatch(/^\d+:\d+:/);
        after = page.after;
        hwm = page.hwm;
        // Writes meanwhile do not move the snapshot's mark.
        if (out.rows.length === 3) await putEach(store, 'kb', [kb({ id: 'kb-later' })]);
      }
    }
    const reference = ['storeLocation:st-1', 'queue:q-1', 'queue:q-2', 'staff:a1', 'staff:a2', 'kb:kb-1'];
    const supervisor = await walk({ all: true, queueIds: [], staffId: 'sup1', storeId: null });
    expect(supervisor.rows).toEqual([
      ...reference,
      'kb:kb-later',
      'canned:cn-1',
      'case:c-a1', 'case:c-q1', 'case:c-q2', 'case:c-st',
      'customer:cus-1', 'customer:cus-2', 'customer:cus-3', 'customer:cus-4',
      'interaction:i-c-a1', 'interaction:i-c-q1', 'interaction:i-c-q2', 'interaction:i-c-st',
      'csat:cs-q2',
      'alert:al-follow', 'alert:al-notified', 'alert:al-other',
      'held:h-mine', 'held:h-on-mine', 'held:h-other',
    ]);
    expect(new Set(supervisor.totals)).toEqual(new Set([26]));
    expect(new Set(supervisor.hwms)).toEqual(new Set([head]));

    const agent = await walk({ all: false, queueIds: ['q-1'], staffId: 'a1', storeId: null });
    expect(agent.rows).toEqual([
      ...reference,
      'kb:kb-later',
      'canned:cn-1',
      'case:c-a1', 'case:c-q1',
      'customer:cus-1', 'customer:cus-3',
      'interaction:i-c-a1', 'interaction:i-c-q1',
      'alert:al-follow', 'alert:al-notified',
      'held:h-mine', 'held:h-on-mine',
    ]);
    const counter = await walk({ all: false, queueIds: [], staffId: 'store1', storeId: 'st-1' });
    expect(counter.rows.filter((r) => /^(case|customer|interaction|csat):/.test(r))).toEqual(['case:c-st', 'customer:cus-4', 'interaction:i-c-st']);
    const joined = await walk({ all: false, casesOnly: true, queueIds: ['q-2'], staffId: '', storeId: null });
    expect(joined.rows).toEqual([
      'case:c-a1', 'case:c-q2', 'case:c-st',
      'customer:cus-2', 'customer:cus-3', 'customer:cus-4',
      'interaction:i-c-a1', 'interaction:i-c-q2', 'interaction:i-c-st',
      'csat:cs-q2',
    ]);
    expect(joined.totals[0]).toBe(10);

    const scope: CaseScope = { all: true, queueIds: [], staffId: 'sup1', storeId: null };
    for (const bad of ['nonsense', '13:5:x', '1:x:y', `1:1:${'x'.repeat(65)}`]) {
      await expect(store.snapshot(scope, bad, null, 3)).rejects.toSatisfy((e) => e instanceof Refused && e.reason === 'invalid');
    }
  });

  it('numbers changes in commit order across two nodes: a reader paging seq > cursor meanwhile sees every change once, in order', async () => {
    const url = await freshDatabase();
    const nodes = [await open(url), await open(url)];
    const reader = await open(url);
    const WRITERS = 8;
    const TRANSACTIONS = 200;
    const committed = new Map<number, { id: string; audience: string }>();
    let writing = true;

    async function writer(w: number): Promise<void> {
      for (let t = 0; t < TRANSACTIONS; t++) {
        const puts = 1 + ((w + t) % 3);
        const audience = `q:w${w % 3}`;
        const written = await nodes[w % 2].write(async (tx) => {
          const out: Array<[number, string]> = [];
          for (let p = 0; p < puts; p++) {
            const id = `i-${w}-${t}-${p}`;
            out.push([await tx.put('interaction', interaction({ id }), [audience]), id]);
            // One transaction in ten holds its seqs a while before it commits, as a slow one would.
            if (p === 0 && t % 10 === w % 10) await sleep(5 + (t % 3) * 5);
          }
          return out;
        });
        for (const [seq, id] of written) committed.set(seq, { id, audience });
      }
    }
    async function tail(filter: AudienceFilter): Promise<Change[]> {
      const seen: Change[] = [];
      let cursor = 0;
      for (;;) {
        const last = !writing; // a page asked for after the last commit ends the tail
        const page = await reader.pull(filter, cursor, 50);
        seen.push(...page.changes);
        cursor = page.cursor;
        if (!page.more) {
          if (last) return seen;
          await sleep(5);
        }
      }
    }
    const tails = [tail({ all: true }), tail({ all: false, keys: ['q:w0'] })];
    await Promise.all(Array.from({ length: WRITERS }, (_, w) => writer(w)));
    writing = false;
    const [all, w0] = await Promise.all(tails);

    const seqs = [...committed.keys()].sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
    expect(all.map((c) => c.seq)).toEqual(seqs);
    expect(all.every((c) => c.id === committed.get(c.seq)?.id)).toBe(true);
    expect(w0.map((c) => c.seq)).toEqual(seqs.filter((s) => committed.get(s)?.audience === 'q:w0'));
  }, 120_000);
});

describe('PostgreSQL store: a lost database', () => {
  it('rejects writes (never hangs) while PostgreSQL is down, keeps what committed, and works again once it is back', async () => {
    const url = await freshDatabase();
    const store = await open(url);
    const heard: number[] = [];
    const listener = listenForChanges(url, (seq) => heard.push(seq));
    try {
      await expect.poll(() => heard).toEqual([0]);
      await putEach(store, 'queue', [queue({ id: 'q-kept' })]);
      await expect.poll(() => heard).toEqual([0, 1]);

      const started = Date.now();
      const lost = store.write(async (tx) => {
        await tx.put('queue', queue({ id: 'q-lost' }), everyone);
        await server.kill();
        await tx.put('queue', queue({ id: 'q-lost-2' }), everyone);
      });
      await expect(lost).rejects.toSatisfy((e) => e instanceof StoreUnavailable && e.outcome === 'rolled-back' && e.retryable);
      await expect(store.write((tx) => tx.put('queue', queue({ id: 'q-down' }), everyone))).rejects.toBeInstanceOf(StoreUnavailable);
      await expect(store.get('queue', 'q-kept')).rejects.toBeInstanceOf(StoreUnavailable);
      expect(Date.now() - started).toBeLessThan(10_000);

      await server.restart();
      expect((await store.get('queue', 'q-kept'))?.id).toBe('q-kept');
      expect(await store.get('queue', 'q-lost')).toBeNull();
      expect(await store.head()).toBe(1);
      expect(await putEach(store, 'queue', [queue({ id: 'q-back' })])).toEqual([2]);
      // The listener came back too: it reports the head on reconnecting, then every commit.
      await expect.poll(() => heard.at(-1), { timeout: 15_000 }).toBe(2);
    } finally {
      await listener.close();
    }
  }, 60_000);
});
