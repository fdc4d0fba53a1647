import { MutationSchema, type BasisChange, type EntityName, type Mutation, type MutationResult, type ReasonCode } from '../../../shared/protocol';
import { durably, type Db } from '../cache/database';
import { statementCache } from '../cache/statementCache';
import { keepFailedItems } from './itemResults';
import { chainOnto, rebase } from './rebase';
import { uuidv7 } from './uuidv7';

/**
 * pending: waiting to be sent (or to be sent again). sending: handed to the hub, no answer yet.
 * acked: applied by the hub (kept until the change feed has delivered it, so the overlay does not flicker).
 * held: a reply the hub kept back. rejected: refused, with a reason. held and rejected wait for the author.
 */
export type OutboxState = 'pending' | 'sending' | 'acked' | 'held' | 'rejected';

/** One mutation in the outbox and what became of it. */
export interface OutboxEntry {
  position: number;
  mutationId: string;
  mutation: Mutation;
  state: OutboxState;
  attempts: number;
  reason: ReasonCode | null;
  message: string | null;
  /** The hub's current row, when it refused a stale change. */
  current: unknown;
  ackedSeq: number | null;
  createdAt: number;
  updatedAt: number;
}

/**
 * The local effect of a mutation, shown until the hub's answer arrives through the change feed: a patch over
 * a confirmed row, or (`isNew`) a whole row that does not exist yet, such as a reply being sent.
 */
export interface OptimisticEffect {
  entity: EntityName;
  id: string;
  /** The case this effect belongs to, so a case's timeline finds its pending messages. */
  caseId: string | null;
  patch: Record<string, unknown>;
  isNew: boolean;
}

/** A mutation as the UI asks for it: the outbox gives it its id. */
export type MutationRequest = Mutation extends infer M ? (M extends Mutation ? Omit<M, 'mutationId'> : never) : never;

// The hub answers these for reasons that pass (a restart, a burst, a token being renewed): try again later.
const TRANSIENT_REASONS: readonly ReasonCode[] = ['rate-limited', 'unavailable', 'internal', 'unauthorized'];

interface OutboxRow {
  position: number;
  mutation_id: string;
  body: string;
  state: OutboxState;
  attempts: number;
  reason: ReasonCode | null;
  message: string | null;
  current: string | null;
  acked_seq: number | null;
  created_at: number;
  updated_at: number;
}

const toEntry = (row: OutboxRow): OutboxEntry => ({
  position: row.position,
  mutationId: row.mutation_id,
  mutation: JSON.parse(row.body) as Mutation,
  state: row.state,
  attempts: row.attempts,
  reason: row.reason,
  message: row.message,
  current: row.current === null ? null : JSON.parse(row.current),
  ackedSeq: row.acked_seq,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

const statements = statementCache((db) => ({
  insert: db.prepare(
    `INSERT INTO outbox (mutation_id, type, body, state, created_at, updated_at) VALUES (?, ?, ?, 'pending', ?, ?)`,
  ),
  insertEffect: db.prepare('INSERT INTO overlay (mutation_id, entity, entity_id, case_id, patch, is_new) VALUES (?, ?, ?, ?, ?, ?)'),
  byId: db.prepare('SELECT * FROM outbox WHERE mutation_id = ?'),
  nextPending: db.prepare(`SELECT * FROM outbox WHERE state = 'pending' ORDER BY position LIMIT 1`),
  // A cheap first cut (the body names the row's id) so an ack does not parse a long offline queue.
  pendingNaming: db.prepare(`SELECT * FROM outbox WHERE state = 'pending' AND instr(body, ?) > 0 ORDER BY position`),
  setBody: db.prepare('UPDATE outbox SET body = ? WHERE mutation_id = ?'),
  all: db.prepare('SELECT * FROM outbox ORDER BY position'),
  setState: db.prepare(
    'UPDATE outbox SET state = ?, reason = ?, message = ?, current = ?, acked_seq = ?, updated_at = ? WHERE mutation_id = ?',
  ),
  markSending: db.prepare(
    `UPDATE outbox SET state = 'sending', attempts = attempts + 1, updated_at = ? WHERE mutation_id = ? AND state = 'pending'`,
  ),
  release: db.prepare(`UPDATE outbox SET state = 'pending', updated_at = ? WHERE state = 'sending' AND (? IS NULL OR mutation_id = ?)`),
  renew: db.prepare(
    `UPDATE outbox SET mutation_id = ?, body = ?, state = 'pending', reason = NULL, message = NULL, current = NULL,
       attempts = 0, updated_at = ? WHERE mutation_id = ?`,
  ),
  remove: db.prepare('DELETE FROM outbox WHERE mutation_id = ?'),
  pruneAcked: db.prepare(`DELETE FROM outbox WHERE state = 'acked' AND acked_seq <= (SELECT cursor FROM sync_state WHERE id = 1)`),
  unsent: db.prepare(`SELECT count(*) FROM outbox WHERE state IN ('pending', 'sending', 'held', 'rejected')`).pluck(),
  allUnsent: db.prepare(`SELECT * FROM outbox WHERE state IN ('pending', 'sending', 'held', 'rejected') ORDER BY position`),
  effectsOf: db.prepare('SELECT entity, entity_id, case_id, patch, is_new FROM overlay WHERE mutation_id = ?'),
  adopt: db.prepare(
    `INSERT INTO outbox (mutation_id, type, body, state, attempts, reason, message, current, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (mutation_id) DO NOTHING`,
  ),
}));

function read(db: Db, mutationId: string): OutboxEntry {
  const row = statements(db).byId.get(mutationId) as OutboxRow | undefined;
  if (!row) throw new Error(`no outbox entry ${mutationId}`);
  return toEntry(row);
}

/**
 * Puts a mutation in the outbox with its optimistic effects, in one durable transaction: what the agent did
 * is on disk, and on screen, together or not at all. Throws (writing nothing) if the mutation is invalid.
 * `effects` receives the mutation with its new id, so effects can use it for rows they create.
 */
export function enqueue(
  db: Db,
  request: MutationRequest,
  effects: (mutation: Mutation) => readonly OptimisticEffect[],
  now: number = Date.now(),
): OutboxEntry {
  const mutation = MutationSchema.parse({ ...request, mutationId: uuidv7(now) });
  const s = statements(db);
  durably(db, () => {
    s.insert.run(mutation.mutationId, mutation.type, JSON.stringify(mutation), now, now);
    for (const e of effects(mutation)) {
      s.insertEffect.run(mutation.mutationId, e.entity, e.id, e.caseId, JSON.stringify(e.patch), e.isNew ? 1 : 0);
    }
  });
  return read(db, mutation.mutationId);
}

/** Every entry, oldest first (for the outbox view and the sign-out warning). */
export function listOutbox(db: Db): OutboxEntry[] {
  return (statements(db).all.all() as OutboxRow[]).map(toEntry);
}

/** How many entries still need the hub or their author: sign-out warns when this is not zero. */
export function countUnsent(db: Db): number {
  return statements(db).unsent.get() as number;
}

/** An unsent entry with its optimistic effects, as it moves from one cache into another. */
export interface CarriedEntry {
  entry: OutboxEntry;
  effects: OptimisticEffect[];
}

/** The unsent entries (see countUnsent) with their effects, oldest first. */
export function carryUnsent(db: Db): CarriedEntry[] {
  const s = statements(db);
  return (s.allUnsent.all() as OutboxRow[]).map((row) => ({
    entry: toEntry(row),
    effects: (s.effectsOf.all(row.mutation_id) as Array<{ entity: EntityName; entity_id: string; case_id: string | null; patch: string; is_new: number }>).map((e) => ({
      entity: e.entity,
      id: e.entity_id,
      caseId: e.case_id,
      patch: JSON.parse(e.patch) as Record<string, unknown>,
      isNew: e.is_new === 1,
    })),
  }));
}

/**
 * Adds entries carried from another cache of the same person after the entries already here, in their order,
 * in one durable transaction, keeping their mutation ids: the hub applies each id once, so an entry that had
 * reached it is answered with its first result, never applied twice. One that was being sent is pending
 * again; held and rejected ones still wait for their author. An id already here is left alone. Answers how
 * many were added.
 */
export function adoptUnsent(db: Db, carried: readonly CarriedEntry[], now: number = Date.now()): number {
  const s = statements(db);
  return durably(db, () => {
    let added = 0;
    for (const { entry: e, effects } of carried) {
      const state = e.state === 'sending' ? 'pending' : e.state;
      const current = e.current === null ? null : JSON.stringify(e.current);
      if (s.adopt.run(e.mutationId, e.mutation.type, JSON.stringify(e.mutation), state, e.attempts, e.reason, e.message, current, e.createdAt, now).changes === 0) continue;
      for (const x of effects) s.insertEffect.run(e.mutationId, x.entity, x.id, x.caseId, JSON.stringify(x.patch), x.isNew ? 1 : 0);
      added++;
    }
    return added;
  });
}

/** The oldest pending entry, marked as sending; null when nothing waits. */
export function takeNextPending(db: Db, now: number = Date.now()): OutboxEntry | null {
  const s = statements(db);
  return durably(db, () => {
    const row = s.nextPending.get() as OutboxRow | undefined;
    if (!row) return null;
    s.markSending.run(now, row.mutation_id);
    return read(db, row.mutation_id);
  });
}

/**
 * Puts entries left in `sending` back to pending: after a failed send, or at start-up after a crash. Sending
 * again is safe because the hub answers a mutation id it has seen with its first result.
 */
export function releaseSending(db: Db, mutationId: string | null = null, now: number = Date.now()): void {
  durably(db, () => statements(db).release.run(now, mutationId, mutationId));
}

/**
 * Records the hub's answer. Transient refusals go back to pending (the flusher retries them); an applied bulk
 * mutation's refused items are kept in the same transaction (see itemResults), as the entry itself is pruned
 * once the change feed delivers its change. Returns the entry as it now stands.
 */
export function recordResult(db: Db, mutationId: string, result: MutationResult, now: number = Date.now()): OutboxEntry {
  const s = statements(db);
  durably(db, () => {
    if (result.ok) {
      const state: OutboxState = result.outcome === 'held' ? 'held' : 'acked';
      s.setState.run(state, null, null, null, result.seq, now, mutationId);
      keepFailedItems(db, mutationId, result.items ?? [], now);
      if (result.basis) chainPending(db, result.basis);
    } else if (TRANSIENT_REASONS.includes(result.reason)) {
      s.release.run(now, mutationId, mutationId);
    } else {
      const current = result.current === undefined ? null : JSON.stringify(result.current);
      s.setState.run('rejected', result.reason, result.message, current, null, now, mutationId);
    }
  });
  return read(db, mutationId);
}

/**
 * Bases the pending entries that were queued on the row as it stood before an applied mutation on what it
 * produced (see chainOnto), so the author's own changes reach the hub as a chain and never as conflicts. The
 * flusher sends one entry at a time, in order, so each is re-based before it is sent. An entry that had been
 * sent before (its answer lost) keeps its id: the hub answers that id with its first result, whatever the body.
 */
function chainPending(db: Db, change: BasisChange): void {
  const s = statements(db);
  for (const row of s.pendingNaming.all(JSON.stringify(change.id)) as OutboxRow[]) {
    const chained = chainOnto(JSON.parse(row.body) as Mutation, change);
    if (chained !== null) s.setBody.run(JSON.stringify(chained), row.mutation_id);
  }
}

/** True when the flusher should try this answer again rather than record it. */
export function isTransient(result: MutationResult): boolean {
  return !result.ok && TRANSIENT_REASONS.includes(result.reason);
}

/**
 * Sends a refused mutation again, as a new mutation (the hub would answer the old id with the old refusal)
 * based on the cache's current version of its target. Its optimistic effects follow it.
 */
export function retry(db: Db, mutationId: string, now: number = Date.now()): OutboxEntry {
  const entry = read(db, mutationId);
  if (entry.state !== 'rejected') throw new Error(`only a rejected mutation can be retried (this one is ${entry.state})`);
  const renewed = MutationSchema.parse({ ...rebase(db, entry.mutation), mutationId: uuidv7(now) });
  // The overlay's foreign key cascades the new id to the optimistic effects.
  durably(db, () => statements(db).renew.run(renewed.mutationId, JSON.stringify(renewed), now, mutationId));
  return read(db, renewed.mutationId);
}

/**
 * Drops an entry its author gave up on, with its optimistic effects: a refused or held one, or one never sent.
 * Never one the hub may have applied: it would vanish here and then arrive through the feed.
 */
export function discard(db: Db, mutationId: string): void {
  const entry = read(db, mutationId);
  const neverSent = entry.state === 'pending' && entry.attempts === 0;
  if (!neverSent && entry.state !== 'rejected' && entry.state !== 'held') {
    throw new Error(`cannot discard a mutation that is ${entry.state} after ${entry.attempts} attempts`);
  }
  durably(db, () => statements(db).remove.run(mutationId));
}

/** Forgets acknowledged entries whose change the feed has delivered (their overlays are no longer needed). */
export function pruneAcked(db: Db): number {
  return statements(db).pruneAcked.run().changes;
}
