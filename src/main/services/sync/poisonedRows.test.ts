import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from '../../../server/testing/hubHarness';
import type { Customer } from '../../../shared/domain';
import type { Change, Session } from '../../../shared/protocol';
import type { Db } from '../cache/database';
import { ENTITY_TABLES } from '../cache/entities';
import { getRow } from '../cache/rows';
import { listSetAsideRows } from '../cache/setAsideRows';
import { readSyncState } from '../cache/syncState';
import { customer, interaction, kase, tempCache } from '../testing/fixtures';
import { saveOnHub, startTestWorkstation, type EntityRowOf, type TestWorkstation } from '../testing/testWorkstation';

/**
 * A language the workstation does not know: the hub announces the workstation's row schema version, so rows are
 * checked cheaply (see rowCheck.ts), and an enum value is among what that check covers.
 */
const poisoned = (_id: string) => ({ language: 'tlh' as Customer['language'] });
const PROBLEM = 'language: invalid_value';

/** A customer of ours (no phone or loyalty number, so identities never collide), a case of theirs in q-chat, its first message. */
const person = (id: string, over: Partial<Customer> = {}) => customer({ id, name: `Customer ${id}`, emails: [`${id}@example.com`], phones: [], loyaltyNumber: null, ...over });
const caseOf = (id: string, customerId: string) => kase({ id, customerId, queueId: 'q-chat', lastMessageId: `in-${id}` });
const messageOf = (caseId: string, customerId: string, n = 1) => interaction({ id: `in-${caseId}-${n}`, caseId, customerId, text: `Message ${n}` });

describe('a row the workstation cannot parse', () => {
  let hub: TestHub;
  let db: Db;
  let cleanup: () => void;
  let session: Session;
  const workstations: TestWorkstation[] = [];

  const storeOnHub = (...rows: EntityRowOf[]) => saveOnHub(hub.hub.ctx, ...rows);
  const start = () => {
    const ws = startTestWorkstation(hub.hub.url, session, db);
    workstations.push(ws);
    return ws;
  };
  const stop = async (ws: TestWorkstation) => {
    await ws.client.stop();
    workstations.splice(workstations.indexOf(ws), 1);
  };
  /** Every row the hub would send a1 now, as `entity:id`, read through a socket of its own. */
  const hubRowsInScope = async () => {
    const socket = await hub.connect(session);
    const ids: string[] = [];
    for (let page = { after: null as string | null, hwm: null as number | null, done: false }; !page.done; ) {
      const answer = await socket.request('sync:snapshot', { after: page.after, hwm: page.hwm, limit: 500 });
      ids.push(...answer.rows.map((r: Change) => `${r.entity}:${r.id}`));
      page = answer;
    }
    socket.socket.disconnect();
    return ids.sort();
  };
  const cachedRows = () =>
    Object.entries(ENTITY_TABLES)
      .flatMap(([entity, { table }]) => (db.prepare(`SELECT id FROM ${table}`).pluck().all() as string[]).map((id) => `${entity}:${id}`))
      .sort();
  /** No reconnection, no failed step: the client went online once and stayed. */
  const expectSteady = async (ws: TestWorkstation) => {
    await sleep(300); // longer than the test reconnect backoff: a loop would show
    expect(ws.seen.connection).toEqual(['online']);
    expect(ws.seen.problem).toEqual([]);
  };

  beforeEach(async () => {
    hub = await startTestHub();
    ({ db, cleanup } = tempCache());
    session = await hub.login('a1');
  });

  afterEach(async () => {
    for (const ws of workstations.splice(0)) await ws.client.stop();
    await hub.stop();
    cleanup();
  });

  it('bootstraps everything else from a snapshot holding it, reports it once, and takes its corrected version', async () => {
    const [, , , seq] = await storeOnHub(
      ['case', caseOf('ca-ok', 'cu-ok')],
      ['interaction', messageOf('ca-ok', 'cu-ok')],
      ['customer', person('cu-ok')],
      ['customer', person('cu-bad', poisoned('cu-bad'))],
      ['case', caseOf('ca-bad', 'cu-bad')],
      ['interaction', messageOf('ca-bad', 'cu-bad')],
    );
    const ws = start();
    await ws.caughtUp();
    expect(readSyncState(db)).toMatchObject({ bootstrapped: true, cursor: (await hub.hub.ctx.store.head()) });
    expect(cachedRows()).toEqual((await hubRowsInScope()).filter((r) => r !== 'customer:cu-bad'));
    expect(ws.seen.setAside).toEqual([{ where: 'sync:snapshot', entity: 'customer', id: 'cu-bad', seq, problem: PROBLEM }]);
    expect(listSetAsideRows(db)).toEqual([expect.objectContaining({ entity: 'customer', id: 'cu-bad', problem: PROBLEM })]);
    await expectSteady(ws);

    const corrected = ws.next('changed', (p) => (p.byEntity.customer ?? []).includes('cu-bad'));
    await storeOnHub(['customer', person('cu-bad', { emails: ['a@b.com'], version: 2 })]);
    await corrected;
    expect(getRow(db, 'customer', 'cu-bad')?.emails).toEqual(['a@b.com']);
    expect(getRow(db, 'customer', 'cu-bad')?.language).toBe(person('cu-bad').language);
    expect(listSetAsideRows(db)).toEqual([]);
  });

  it('catches up past it through a pull, and keeps it set aside across restarts without reporting it again', async () => {
    await storeOnHub(['case', caseOf('ca-ok', 'cu-ok')], ['interaction', messageOf('ca-ok', 'cu-ok')], ['customer', person('cu-ok')]);
    await start().caughtUp();
    await stop(workstations[0]);

    // While the workstation is away: a bad update of a customer it holds, and a new case whose customer is bad
    // (the case arrives without its customer, so its history is fetched, bringing the bad row once more).
    const head = (await storeOnHub(
      ['customer', person('cu-ok', { ...poisoned('cu-ok'), version: 2 })],
      ['interaction', messageOf('ca-ok', 'cu-ok', 2)],
      ['case', caseOf('ca-new', 'cu-bad')],
      ['interaction', messageOf('ca-new', 'cu-bad')],
      ['customer', person('cu-bad', poisoned('cu-bad'))],
    )).at(-1);
    const ws = start();
    await ws.caughtUp();
    expect(readSyncState(db).cursor).toBe(head);
    expect(getRow(db, 'interaction', 'in-ca-ok-2')?.text).toBe('Message 2');
    expect(getRow(db, 'case', 'ca-new')).not.toBeNull();
    expect(getRow(db, 'interaction', 'in-ca-new-1')).not.toBeNull();
    expect(getRow(db, 'customer', 'cu-ok')?.language).toBe(person('cu-ok').language);
    expect(ws.seen.setAside.map((r) => [r.where, r.entity, r.id, r.problem])).toEqual([
      ['sync:pull', 'customer', 'cu-ok', PROBLEM],
      ['sync:pull', 'customer', 'cu-bad', PROBLEM],
    ]);
    await expectSteady(ws);
    await stop(ws);

    const again = start();
    await again.caughtUp();
    expect(again.seen.setAside).toEqual([]);
    expect(listSetAsideRows(db).map((r) => r.id).sort()).toEqual(['cu-bad', 'cu-ok']);
  });

  it('applies the rest of a live batch holding it and moves the cursor past it', async () => {
    await storeOnHub(['case', caseOf('ca-ok', 'cu-ok')], ['interaction', messageOf('ca-ok', 'cu-ok')], ['customer', person('cu-ok')]);
    const ws = start();
    await ws.caughtUp();

    const message = ws.next('changed', (p) => (p.byEntity.interaction ?? []).includes('in-ca-ok-2'));
    await storeOnHub(['customer', person('cu-ok', { ...poisoned('cu-ok'), version: 2 })], ['interaction', messageOf('ca-ok', 'cu-ok', 2)]);
    await message;
    const fetched = ws.next('changed', (p) => (p.byEntity.interaction ?? []).includes('in-ca-new-1'));
    const head = (await storeOnHub(['case', caseOf('ca-new', 'cu-bad')], ['interaction', messageOf('ca-new', 'cu-bad')], ['customer', person('cu-bad', poisoned('cu-bad'))])).at(-1);
    await fetched;
    await expect.poll(() => readSyncState(db).cursor).toBe(head);
    expect(getRow(db, 'case', 'ca-new')).not.toBeNull();
    expect(ws.seen.setAside.map((r) => [r.where, r.entity, r.id])).toEqual([
      ['changes', 'customer', 'cu-ok'],
      ['changes', 'customer', 'cu-bad'],
    ]);
    await expectSteady(ws);
  });
});
