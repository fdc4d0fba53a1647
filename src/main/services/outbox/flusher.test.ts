import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Mutation, MutationResult } from '../../../shared/protocol';
import type { Db } from '../cache/database';
import { openCacheDatabase } from '../cache/database';
import { tempDir } from '../testing/fixtures';
import { failedItemsOf } from './itemResults';
import { enqueue, listOutbox, pruneAcked, takeNextPending, type OutboxEntry } from './outbox';
import { startFlusher, type Flusher } from './flusher';
import { join } from 'node:path';

const note = (text: string) => ({ type: 'note' as const, caseId: 'ca1', text });

/** A fake hub: answers each mutation id once and repeats the first answer, like the real one. */
function fakeHub(answer: (m: Mutation, attempt: number) => MutationResult | 'drop') {
  const first = new Map<string, MutationResult>();
  const attempts = new Map<string, number>();
  const applied: string[] = [];
  const send = async (m: Mutation): Promise<MutationResult> => {
    const n = (attempts.get(m.mutationId) ?? 0) + 1;
    attempts.set(m.mutationId, n);
    const known = first.get(m.mutationId);
    if (known) return known;
    const result = answer(m, n);
    if (result === 'drop') throw new Error('offline');
    first.set(m.mutationId, result);
    if (result.ok) applied.push((m as { text: string }).text);
    return result;
  };
  return { send, applied, attempts };
}

describe('flusher', () => {
  let db: Db;
  let dir: string;
  let cleanup: () => void;
  let flusher: Flusher | null = null;
  beforeEach(() => {
    ({ dir, cleanup } = tempDir());
    db = openCacheDatabase(join(dir, 'c.db'));
  });
  afterEach(async () => {
    await flusher?.stop();
    flusher = null;
    if (db.open) db.close();
    cleanup();
  });

  const settledAfter = (count: number, start: (onSettled: (e: OutboxEntry) => void) => Flusher) =>
    new Promise<OutboxEntry[]>((resolve) => {
      const settled: OutboxEntry[] = [];
      flusher = start((e) => {
        settled.push(e);
        if (settled.length === count) resolve(settled);
      });
    });

  it('sends in order and retries a failed delivery until acknowledged', async () => {
    const hub = fakeHub((m, attempt) => ((m as { text: string }).text === 'a' && attempt < 3 ? 'drop' : { ok: true, outcome: 'applied', seq: 1 }));
    enqueue(db, note('a'), () => []);
    enqueue(db, note('b'), () => []);
    const settled = await settledAfter(2, (onSettled) => startFlusher({ db, send: hub.send, backoff: { baseMs: 1, maxMs: 2 }, onSettled }));
    expect(hub.applied).toEqual(['a', 'b']);
    expect(settled.map((e) => e.state)).toEqual(['acked', 'acked']);
    expect([...hub.attempts.values()]).toEqual([3, 1]);
  });

  it('records refusals and holds and moves on', async () => {
    const hub = fakeHub((m) =>
      (m as { text: string }).text === 'bad' ? { ok: false, reason: 'forbidden', message: 'no' } : { ok: true, outcome: 'held', seq: 4, id: 'h1' },
    );
    enqueue(db, note('bad'), () => []);
    enqueue(db, note('held'), () => []);
    const settled = await settledAfter(2, (onSettled) => startFlusher({ db, send: hub.send, onSettled }));
    expect(settled.map((e) => [e.state, e.reason])).toEqual([
      ['rejected', 'forbidden'],
      ['held', null],
    ]);
  });

  it('resends, under the same id, what a crash left in sending, and the hub applies it once', async () => {
    const hub = fakeHub(() => ({ ok: true, outcome: 'applied', seq: 3 }));
    const entry = enqueue(db, note('typed before the crash'), () => []);
    const inFlight = takeNextPending(db)!;
    await hub.send(inFlight.mutation); // delivered, but the answer was lost with the process
    db.close();
    db = openCacheDatabase(join(dir, 'c.db'));
    expect(listOutbox(db).map((e) => e.state)).toEqual(['sending']);
    const [settled] = await settledAfter(1, (onSettled) => startFlusher({ db, send: hub.send, onSettled }));
    expect(settled).toMatchObject({ mutationId: entry.mutationId, state: 'acked' });
    expect(hub.applied).toEqual(['typed before the crash']);
    expect(hub.attempts.get(entry.mutationId)).toBe(2);
  });

  it('keeps, durably, the cases a bulk move could not move when the hub acknowledges it', async () => {
    const refused = { id: 'ca2', ok: false, reason: 'conflict' as const, message: 'case ca2 is closed' };
    const hub = fakeHub(() => ({ ok: true, outcome: 'applied', seq: 0, items: [{ id: 'ca1', ok: true }, refused] }));
    const entry = enqueue(db, { type: 'supervisor.reassign', caseIds: ['ca1', 'ca2'], to: { staffId: 'st2' } }, () => []);
    await settledAfter(1, (onSettled) => startFlusher({ db, send: hub.send, onSettled }));
    await flusher!.stop();
    // The change feed has delivered the move: the entry leaves the outbox, its results stay, across a restart.
    expect(pruneAcked(db)).toBe(1);
    db.close();
    db = openCacheDatabase(join(dir, 'c.db'));
    expect(listOutbox(db)).toEqual([]);
    expect(failedItemsOf(db, [entry.mutationId])).toEqual([{ mutationId: entry.mutationId, failed: [refused] }]);
  });

  it('sends what is enqueued after it went idle when kicked', async () => {
    const hub = fakeHub(() => ({ ok: true, outcome: 'applied', seq: 1 }));
    const done = settledAfter(1, (onSettled) => startFlusher({ db, send: hub.send, onSettled }));
    enqueue(db, note('later'), () => []);
    flusher!.kick();
    await done;
    expect(hub.applied).toEqual(['later']);
  });
});
