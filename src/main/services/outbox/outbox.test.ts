import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../cache/database';
import { applyChanges } from '../cache/applyChanges';
import { getCaseWithTimeline } from '../cache/queries/caseTimeline';
import { listInbox } from '../cache/queries/inbox';
import { customer, interaction, kase, tempCache, upsert } from '../testing/fixtures';
import { optimisticEffects } from './effects';
import { failedItemsOf } from './itemResults';
import {
  adoptUnsent,
  carryUnsent,
  countUnsent,
  discard,
  enqueue,
  listOutbox,
  pruneAcked,
  recordResult,
  retry,
  takeNextPending,
  type MutationRequest,
} from './outbox';

const me = { staffId: 'st1', queueIds: ['q1'] };

describe('outbox', () => {
  let db: Db;
  let cleanup: () => void;
  beforeEach(() => {
    ({ db, cleanup } = tempCache());
    applyChanges(db, [upsert('customer', 1, customer()), upsert('case', 2, kase({ assigneeId: 'st1' })), upsert('interaction', 3, interaction())], 3);
  });
  afterEach(() => cleanup());

  const NOW = Date.UTC(2025, 0, 7);
  const act = (request: MutationRequest, now = NOW) =>
    enqueue(db, request, (m) => optimisticEffects(db, m, { staffId: 'st1', now }), now);
  const reply = (text: string): MutationRequest => ({ type: 'reply', caseId: 'ca1', channel: 'chat', text, basedOn: { lastMessageId: 'in1' } });

  it('gives each mutation a UUIDv7 and keeps them in order', () => {
    const a = act(reply('one'));
    const b = act({ type: 'note', caseId: 'ca1', text: 'two' });
    expect(a.mutationId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(listOutbox(db).map((e) => [e.mutation.type, e.state])).toEqual([
      ['reply', 'pending'],
      ['note', 'pending'],
    ]);
    expect(b.position).toBeGreaterThan(a.position);
  });

  it('writes the mutation and its effects together, or neither', () => {
    expect(() =>
      enqueue(db, reply('lost?'), (m) => [...optimisticEffects(db, m, { staffId: 'st1', now: 1 }), { entity: 'case', id: null as never, caseId: null, patch: {}, isNew: false }]),
    ).toThrow();
    expect(listOutbox(db)).toEqual([]);
    expect(db.prepare('SELECT count(*) FROM overlay').pluck().get()).toBe(0);
    expect(() => act({ type: 'note', caseId: 'ca1', text: '   ' })).toThrow();
    expect(listOutbox(db)).toEqual([]);
  });

  it('shows a pending reply in the timeline, marked pending, after the confirmed messages', () => {
    const entry = act(reply('On my way'));
    const timeline = getCaseWithTimeline(db, 'ca1')!.timeline;
    expect(timeline.map((i) => [i.text, i.local.map((l) => l.state)])).toEqual([
      ['My kettle stopped working', []],
      ['On my way', ['pending']],
    ]);
    expect(timeline[1]).toMatchObject({ id: entry.mutationId, direction: 'outbound', authorId: 'st1', customerId: 'cu1' });
  });

  it('shows a pending status change, and a change from the hub does not hide it', () => {
    act({ type: 'case.update', caseId: 'ca1', basedOn: { version: 1 }, patch: { status: 'resolved' } });
    expect(listInbox(db, me).map((c) => c.id)).toEqual([]);
    expect(listInbox(db, me, { statuses: ['resolved'] }).map((c) => [c.id, c.status, c.local.length])).toEqual([['ca1', 'resolved', 1]]);
    applyChanges(db, [upsert('case', 4, kase({ assigneeId: 'st1', priority: 'high', version: 2 }))], 4);
    const view = getCaseWithTimeline(db, 'ca1')!.case;
    expect([view.status, view.priority]).toEqual(['resolved', 'high']);
  });

  it('bases the entries queued behind an applied one on the version it produced, in the same transaction as the answer', () => {
    const first = act(reply('one'));
    const update = act({ type: 'case.update', caseId: 'ca1', basedOn: { version: 1 }, patch: { priority: 'high' } });
    const second = act(reply('two'));
    takeNextPending(db, NOW);
    recordResult(db, first.mutationId, { ok: true, outcome: 'applied', seq: 9, basis: { entity: 'case', id: 'ca1', before: { version: 1, lastMessageId: 'in1' }, after: { version: 2, lastMessageId: 'out1' } } }, NOW);
    const basedOn = (mutationId: string) => (listOutbox(db).find((e) => e.mutationId === mutationId)!.mutation as { basedOn: unknown }).basedOn;
    expect(basedOn(update.mutationId)).toEqual({ version: 2 });
    expect(basedOn(second.mutationId)).toEqual({ lastMessageId: 'out1' });
    // A held reply changed nothing on the hub: nothing is re-based.
    takeNextPending(db, NOW);
    recordResult(db, update.mutationId, { ok: true, outcome: 'held', seq: 10 }, NOW);
    expect(basedOn(second.mutationId)).toEqual({ lastMessageId: 'out1' });
  });

  it('keeps an acked effect until the feed delivers its change, then prunes it', () => {
    const entry = act(reply('Sent'));
    takeNextPending(db);
    recordResult(db, entry.mutationId, { ok: true, outcome: 'applied', seq: 7, id: 'in-real' });
    expect(getCaseWithTimeline(db, 'ca1')!.timeline.map((i) => i.text)).toEqual(['My kettle stopped working', 'Sent']);
    expect(pruneAcked(db)).toBe(0);
    applyChanges(db, [upsert('interaction', 7, interaction({ id: 'in-real', text: 'Sent', direction: 'outbound', createdAt: NOW + 1 }))], 7);
    expect(getCaseWithTimeline(db, 'ca1')!.timeline.map((i) => [i.id, i.local.length])).toEqual([
      ['in1', 0],
      ['in-real', 0],
    ]);
    expect(pruneAcked(db)).toBe(1);
    expect(listOutbox(db)).toEqual([]);
  });

  it('keeps a rejected change visible with its reason, without applying it, until retried or discarded', () => {
    const entry = act({ type: 'case.update', caseId: 'ca1', basedOn: { version: 1 }, patch: { status: 'pending' } });
    takeNextPending(db);
    const current = kase({ assigneeId: 'st1', status: 'closed', version: 5 });
    recordResult(db, entry.mutationId, { ok: false, reason: 'stale', message: 'changed meanwhile', current });
    const view = getCaseWithTimeline(db, 'ca1')!.case;
    expect(view.status).toBe('open');
    expect(view.local).toEqual([{ mutationId: entry.mutationId, type: 'case.update', state: 'rejected', reason: 'stale', message: 'changed meanwhile' }]);
    expect(listOutbox(db)[0].current).toEqual(current);
    expect(countUnsent(db)).toBe(1);

    applyChanges(db, [upsert('case', 9, current)], 9);
    const again = retry(db, entry.mutationId);
    expect(again.mutationId).not.toBe(entry.mutationId);
    expect(again.mutation).toMatchObject({ basedOn: { version: 5 }, patch: { status: 'pending' } });
    expect(again.state).toBe('pending');
    expect(getCaseWithTimeline(db, 'ca1')!.case.status).toBe('pending');

    discard(db, again.mutationId);
    expect(listOutbox(db)).toEqual([]);
    expect(getCaseWithTimeline(db, 'ca1')!.case.status).toBe('closed');
  });

  it('keeps a held reply visible as held', () => {
    const entry = act(reply('Too late?'));
    takeNextPending(db);
    recordResult(db, entry.mutationId, { ok: true, outcome: 'held', seq: 5, id: 'he9' });
    expect(getCaseWithTimeline(db, 'ca1')!.timeline[1].local[0].state).toBe('held');
    expect(() => retry(db, entry.mutationId)).toThrow(/rejected/);
  });

  it('refuses to discard what the hub may have applied', () => {
    const entry = act(reply('x'));
    takeNextPending(db);
    expect(() => discard(db, entry.mutationId)).toThrow(/sending/);
  });

  describe('per-case results of bulk moves', () => {
    const HOUR = 3_600_000;
    const move = (now = NOW) => {
      const entry = act({ type: 'supervisor.reassign', caseIds: ['ca1', 'ca2'], to: { queueId: 'q2' } }, now);
      takeNextPending(db, now);
      return entry;
    };
    const refusedCa2 = { id: 'ca2', ok: false, reason: 'conflict' as const, message: 'case ca2 is closed' };
    const answer = (mutationId: string, items = [{ id: 'ca1', ok: true }, refusedCa2], now = NOW) =>
      recordResult(db, mutationId, { ok: true, outcome: 'applied', seq: 3, items }, now);

    it('keeps the refused cases of an applied move after its entry leaves the outbox, and nothing when all moved', () => {
      const refused = move();
      answer(refused.mutationId);
      const allMoved = move();
      answer(allMoved.mutationId, [{ id: 'ca1', ok: true }]);
      expect(pruneAcked(db)).toBe(2);
      expect(listOutbox(db)).toEqual([]);
      expect(failedItemsOf(db, [refused.mutationId, allMoved.mutationId])).toEqual([{ mutationId: refused.mutationId, failed: [refusedCa2] }]);
    });

    it('records the answer and its results together, or neither', () => {
      const entry = move();
      db.exec('DROP TABLE item_results');
      expect(() => answer(entry.mutationId)).toThrow(/item_results/);
      expect(listOutbox(db).map((e) => e.state)).toEqual(['sending']);
    });

    it('forgets results after a day, and beyond the newest 200', () => {
      const old = move(NOW - 25 * HOUR);
      answer(old.mutationId, undefined, NOW - 25 * HOUR);
      const moves = Array.from({ length: 201 }, (_, i) => {
        const entry = move(NOW + i);
        answer(entry.mutationId, undefined, NOW + i);
        return entry.mutationId;
      });
      expect(failedItemsOf(db, [old.mutationId, ...moves]).map((r) => r.mutationId)).toEqual(moves.slice(1));
    });
  });

  it('puts transient refusals back to pending', () => {
    const entry = act(reply('x'));
    takeNextPending(db);
    expect(recordResult(db, entry.mutationId, { ok: false, reason: 'rate-limited', message: 'slow down' }).state).toBe('pending');
  });

  it('carries unsent entries with their effects into another cache, under their ids, once', () => {
    const acked = act(reply('Already there'));
    takeNextPending(db);
    recordResult(db, acked.mutationId, { ok: true, outcome: 'applied', seq: 7, id: 'in-real' });
    const sending = act(reply('Was on its way'));
    takeNextPending(db);
    const rejected = act({ type: 'case.update', caseId: 'ca1', basedOn: { version: 1 }, patch: { status: 'pending' } });
    takeNextPending(db);
    recordResult(db, rejected.mutationId, { ok: false, reason: 'stale', message: 'changed meanwhile', current: null });
    const pending = act({ type: 'note', caseId: 'ca1', text: 'Call back on Friday' });
    const carried = carryUnsent(db);
    expect(carried.map((c) => [c.entry.mutationId, c.entry.state])).toEqual([
      [sending.mutationId, 'sending'],
      [rejected.mutationId, 'rejected'],
      [pending.mutationId, 'pending'],
    ]);

    const other = tempCache();
    try {
      applyChanges(other.db, [upsert('customer', 1, customer()), upsert('case', 2, kase({ assigneeId: 'st1' })), upsert('interaction', 3, interaction())], 3);
      expect(adoptUnsent(other.db, carried, NOW + 5)).toBe(3);
      expect(adoptUnsent(other.db, carried, NOW + 6)).toBe(0);
      expect(listOutbox(other.db).map((e) => [e.mutationId, e.state, e.reason])).toEqual([
        [sending.mutationId, 'pending', null],
        [rejected.mutationId, 'rejected', 'stale'],
        [pending.mutationId, 'pending', null],
      ]);
      // On screen as before: the reply waiting to be sent and the note, in the case's timeline.
      expect(getCaseWithTimeline(other.db, 'ca1')!.timeline.map((i) => [i.text, i.local.map((l) => l.state)])).toEqual([
        ['My kettle stopped working', []],
        ['Was on its way', ['pending']],
        ['Call back on Friday', ['pending']],
      ]);
      expect(takeNextPending(other.db)?.mutationId).toBe(sending.mutationId);
    } finally {
      other.cleanup();
    }
  });
});
