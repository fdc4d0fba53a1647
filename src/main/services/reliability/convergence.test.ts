import { createHash, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Case, HeldReply } from '../../../shared/domain';
import type { Change } from '../../../shared/protocol';
import { scopeOf } from '../../../server/permissions';
import { startTestHub, type TestHub } from '../../../server/testing/hubHarness';
import { openCacheDatabase, type Db } from '../cache/database';
import { getRow } from '../cache/rows';
import { enqueue, listOutbox, type MutationRequest } from '../outbox/outbox';
import { optimisticEffects } from '../outbox/effects';
import { startSyncClient, type SyncClient } from '../sync/syncClient';
import { tempDir } from '../testing/fixtures';

/**
 * Several workstations syncing through traffic, engine restarts, a hub restart and an offline stretch; when
 * the traffic stops and the outboxes drain, every cache must hold exactly the hub's rows for its scope
 * (compared by checksum), every note written must be on the hub exactly once, and a reply written offline to a
 * case reassigned meanwhile must end held, as the sync protocol says (docs/architecture.md). Besides notes, each
 * person replies and changes status and priority on cases no customer writes to meanwhile: none of these own
 * changes may end held or stale (the conflict rule), except where the test has another person change the same
 * field, or the customer write, in between.
 */
let t: TestHub;
let dirs: ReturnType<typeof tempDir>;

interface Workstation {
  username: string;
  db: Db;
  key: Buffer;
  file: string;
  client: SyncClient | null;
}
const stations: Workstation[] = [];

function start(ws: Workstation): void {
  ws.db = openCacheDatabase(ws.file, { key: ws.key });
  ws.client = startSyncClient({
    url: t.hub.url,
    db: ws.db,
    getToken: async () => (await t.login(ws.username)).accessToken,
    reconnect: { baseMs: 30, maxMs: 300 },
    outboxBackoff: { baseMs: 30, maxMs: 300 },
    requestTimeoutMs: 5_000,
  });
}

async function stop(ws: Workstation): Promise<void> {
  await ws.client?.stop();
  ws.client = null;
  ws.db.close();
}

function station(username: string): Workstation {
  const ws: Workstation = { username, key: randomBytes(32), file: join(dirs.dir, `${username}.db`), db: null as unknown as Db, client: null };
  stations.push(ws);
  start(ws);
  return ws;
}

const note = (ws: Workstation, caseId: string, text: string) =>
  enqueue(ws.db, { type: 'note', caseId, text }, (m) => optimisticEffects(ws.db, m, { staffId: ws.username, now: Date.now() }));

/** Queued as the engine does (changeHandlers.ts): based on the case as this cache holds it now. */
const act = (ws: Workstation, caseId: string, build: (kase: Case) => MutationRequest) =>
  enqueue(ws.db, build(getRow(ws.db, 'case', caseId)!), (m) => optimisticEffects(ws.db, m, { staffId: ws.username, now: Date.now() }));

const ownCases = (ws: Workstation) =>
  (ws.db.prepare('SELECT data FROM cases WHERE assignee_id = ? ORDER BY id').pluck().all(ws.username) as string[]).map((d) => JSON.parse(d) as Case);

/** A checksum of what a cache holds, or what the hub says it should hold: entity, id and seq of every row. */
function checksum(rows: Array<Pick<Change, 'entity' | 'id' | 'seq'>>): { sum: string; count: number } {
  const lines = rows.map((r) => `${r.entity}:${r.id}:${r.seq}`).sort();
  return { sum: createHash('sha256').update(lines.join('\n')).digest('hex'), count: lines.length };
}

// Held replies included: the quiet check below then waits until the new owner has the reply held for them.
const ENTITIES = ['customer', 'case', 'interaction', 'queue', 'staff', 'held'] as const;
const TABLES: Record<(typeof ENTITIES)[number], string> = {
  customer: 'customers',
  case: 'cases',
  interaction: 'interactions',
  queue: 'queues',
  staff: 'staff',
  held: 'held_replies',
};

function cacheSum(ws: Workstation) {
  const rows = ENTITIES.flatMap((entity) =>
    (ws.db.prepare(`SELECT id, seq FROM ${TABLES[entity]}`).all() as Array<{ id: string; seq: number }>).map((r) => ({ entity, ...r })),
  );
  return checksum(rows);
}

async function hubSum(ws: Workstation) {
  const staff = t.hub.ctx.staff(ws.username)!;
  const rows: Change[] = [];
  for (let page = (await t.hub.ctx.store.snapshot(scopeOf(t.hub.ctx, staff), null, null, 2000)); ; ) {
    rows.push(...page.rows);
    if (page.done) break;
    page = (await t.hub.ctx.store.snapshot(scopeOf(t.hub.ctx, staff), page.after, page.hwm, 2000));
  }
  return checksum(rows.filter((r) => (ENTITIES as readonly string[]).includes(r.entity)));
}

const settle = async (pred: () => boolean | Promise<boolean>, ms = 30_000) => {
  const end = Date.now() + ms;
  while (!(await pred()) && Date.now() < end) await new Promise((r) => setTimeout(r, 100));
  return pred();
};

beforeAll(async () => {
  t = await startTestHub();
  dirs = tempDir();
});
afterAll(async () => {
  for (const ws of stations) if (ws.client) await stop(ws);
  await t?.stop();
  dirs?.cleanup();
});

describe('convergence', () => {
  it('converges after traffic, engine restarts, a hub restart and an offline stretch; notes arrive once; an offline reply to a reassigned case is held', async () => {
    // Like a connector: a message that fails in flight (the hub restarting) is sent again with its externalId.
    const send = async (i: number, given?: Parameters<TestHub['inbound']>[0]) => {
      const msg = given ?? ({ externalId: `conv-${i}`, channel: i % 2 ? 'email' : 'chat', subject: `topic ${i % 7}`, text: `message ${i}`, from: { email: `c${i % 9}@example.com` } } as const);
      for (let attempt = 0; ; attempt++) {
        try {
          return await t.inbound(msg);
        } catch (err) {
          if (attempt > 50) throw err;
          await new Promise((r) => setTimeout(r, 100));
        }
      }
    };
    const traffic = (from: number, to: number) =>
      (async () => {
        for (let i = from; i < to; i++) await send(i);
      })();
    const a1 = station('a1');
    const a2 = station('a2');
    station('sup1');
    // Quiet cases: customers the traffic never writes for, so only the people here change them.
    const quiet = new Set<string>();
    for (let i = 0; i < 8; i++) {
      const res = await send(1_000 + i, { externalId: `quiet-${i}`, channel: 'email', subject: `quiet ${i}`, text: `quiet ${i}`, from: { email: `quiet${i}@example.com` } });
      quiet.add(res.body.caseId as string);
    }
    await traffic(0, 20);
    await Promise.all(stations.map((ws) => ws.client!.whenCaughtUp()));
    const written: string[] = [];
    // Drained: nothing waits to be sent (a held reply waits for its author, by design).
    const waiting = (ws: Workstation) => listOutbox(ws.db).filter((e) => e.state === 'pending' || e.state === 'sending').length;
    // Own mixed changes (mutation id -> what it was), and the state each quiet case should end in.
    const own = new Map<string, string>();
    const expected = new Map<string, Pick<Case, 'status' | 'priority'>>();
    const quietOf = (ws: Workstation) => ownCases(ws).filter((c) => quiet.has(c.id));
    const STATUSES = ['pending', 'open'] as const;
    const PRIORITIES = ['high', 'low', 'urgent'] as const;
    const mixed = (ws: Workstation, caseId: string) => {
      const n = own.size;
      const status = STATUSES[n % 2];
      const priority = PRIORITIES[n % 3];
      const entries = [
        act(ws, caseId, (c) => ({ type: 'reply', caseId, channel: 'email', text: `reply from ${ws.username} ${n}`, basedOn: { lastMessageId: c.lastMessageId } })),
        act(ws, caseId, (c) => ({ type: 'case.update', caseId, basedOn: { version: c.version }, patch: { priority } })),
        act(ws, caseId, (c) => ({ type: 'reply', caseId, channel: 'email', text: `reply again from ${ws.username} ${n}`, basedOn: { lastMessageId: c.lastMessageId } })),
        act(ws, caseId, (c) => ({ type: 'case.update', caseId, basedOn: { version: c.version }, patch: { status } })),
      ];
      for (const e of entries) own.set(e.mutationId, `${ws.username} ${e.mutation.type} on ${caseId}`);
      expected.set(caseId, { status, priority });
    };
    const write = (ws: Workstation) => {
      for (const c of ownCases(ws).slice(0, 3)) {
        const text = `note from ${ws.username} ${written.length}`;
        note(ws, c.id, text);
        written.push(text);
      }
      for (const c of quietOf(ws)) mixed(ws, c.id);
      ws.client?.flushOutbox();
    };

    // Traffic while one engine restarts and notes are written.
    const busy = traffic(20, 40);
    write(a1);
    write(a2);
    await stop(a1);
    start(a1);
    await busy;

    // The hub restarts in the middle of traffic.
    const busy2 = traffic(40, 50);
    await t.restart();
    await busy2;
    write(a2);

    // Offline stretch: the hub is down; a1 writes, a1's engine restarts while still offline.
    await t.halt();
    write(a1);
    await stop(a1);
    start(a1);
    await t.start();

    // A reply written offline to a case a supervisor moves meanwhile. a1's earlier changes are in first, so
    // that what the supervisor and the customer do below comes after them.
    expect(await settle(() => waiting(a1) === 0)).toBe(true);
    await stop(a1);
    a1.db = openCacheDatabase(a1.file, { key: a1.key });
    const target = ownCases(a1).find((c) => !quiet.has(c.id))!;
    expect(target).toBeDefined();
    // Real conflicts, made while a1 is offline: a supervisor changes the priority a1 changes, and a customer
    // writes on the case a1 replies to.
    const [contested, answered] = quietOf(a1);
    expect(answered).toBeDefined();
    const staleOne = act(a1, contested.id, (c) => ({ type: 'case.update', caseId: contested.id, basedOn: { version: c.version }, patch: { priority: 'low' } }));
    const heldOne = act(a1, answered.id, (c) => ({ type: 'reply', caseId: answered.id, channel: 'email', text: 'Answered too late', basedOn: { lastMessageId: c.lastMessageId } }));
    const reply = enqueue(
      a1.db,
      { type: 'reply', caseId: target.id, channel: target.lastChannel, text: 'Written offline', basedOn: { lastMessageId: target.lastMessageId } },
      (m) => optimisticEffects(a1.db, m, { staffId: 'a1', now: Date.now() }),
    );
    a1.db.close();
    const supClient = await t.connect('sup1');
    expect(await supClient.mutate({ type: 'supervisor.reassign', caseIds: [target.id], to: { staffId: 'a2' } })).toMatchObject({ ok: true });
    const contestedNow = (await t.hub.ctx.store.get('case', contested.id))!;
    expect(await supClient.mutate({ type: 'case.update', caseId: contested.id, basedOn: { version: contestedNow.version }, patch: { priority: 'normal' } })).toMatchObject({ ok: true });
    await send(2_000, { externalId: 'quiet-late', channel: 'email', subject: `Re: ${answered.subject}`, text: 'Any news?', from: { email: (await t.hub.ctx.store.get('customer', answered.customerId))!.emails[0] } });
    start(a1);

    // Quiet: outboxes drain and every cache equals the hub for its scope.
    expect(await settle(() => stations.every((ws) => waiting(ws) === 0))).toBe(true);
    const converged = await settle(async () => (await Promise.all(stations.map(async (ws) => cacheSum(ws).sum === (await hubSum(ws)).sum))).every(Boolean));
    for (const ws of stations) expect({ who: ws.username, ...cacheSum(ws) }).toEqual({ who: ws.username, ...(await hubSum(ws)) });
    expect(converged).toBe(true);

    const notes = new Map<string, number>();
    for (const c of (await t.hub.ctx.store.pull({ all: true }, 0, 1_000_000)).changes) {
      if (c.entity === 'interaction' && c.op === 'upsert' && c.data.kind === 'note') notes.set(c.data.text, (notes.get(c.data.text) ?? 0) + 1);
    }
    expect(written.length).toBeGreaterThan(0);
    for (const text of written) expect(notes.get(text), text).toBe(1);

    // Own changes: every one applied, none held or stale, except the two someone else really came between.
    const fate = (ws: Workstation) => listOutbox(ws.db).map((e) => ({ id: e.mutationId, state: e.state, reason: e.reason }));
    const outcomes = [...fate(a1), ...fate(a2)];
    expect(own.size).toBeGreaterThanOrEqual(8);
    for (const o of outcomes.filter((x) => own.has(x.id))) expect({ what: own.get(o.id), state: o.state }).toEqual({ what: own.get(o.id), state: 'acked' });
    expect(outcomes.find((o) => o.id === staleOne.mutationId)).toMatchObject({ state: 'rejected', reason: 'stale' });
    expect(outcomes.find((o) => o.id === heldOne.mutationId)).toMatchObject({ state: 'held' });
    for (const [caseId, want] of expected) {
      const got = (await t.hub.ctx.store.get('case', caseId))!;
      // The customer's message on `answered` reopens it (the hub's rule), so only its priority is a1's.
      const status = caseId === answered.id ? got.status : want.status;
      expect({ caseId, status: got.status, priority: got.priority }).toEqual({ caseId, status, priority: caseId === contested.id ? 'normal' : want.priority });
    }

    const entry = listOutbox(a1.db).find((e) => e.mutationId === reply.mutationId);
    expect(entry?.state).toBe('held');
    const held = a2.db.prepare('SELECT data FROM held_replies').pluck().all().map((d) => JSON.parse(d as string) as HeldReply);
    expect(held).toEqual([expect.objectContaining({ caseId: target.id, authorId: 'a1', reason: 'not-owner', text: 'Written offline' })]);
    expect((await t.hub.ctx.store.interactionsOfCase(target.id)).some((i) => i.text === 'Written offline')).toBe(false);
  }, 180_000);
});
