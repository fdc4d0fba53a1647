/** What to do with a live `changes` batch, given the cache's cursor. */
export type LivePlan<C> =
  /** Apply these (the ones above the cursor), then store `cursor`. */
  | { kind: 'apply'; changes: C[]; cursor: number }
  /** The batch starts above the cursor: something was missed, pull from the cursor instead. */
  | { kind: 'pull' }
  /** Everything in it is already applied. */
  | { kind: 'skip' };

/**
 * The live fast path of the protocol (src/shared/protocol/index.ts, step 4): a batch holds every change in
 * scope with `from < seq <= to`. If `from` is above the cursor the changes between were lost (Socket.IO
 * delivers at most once), so the batch is not applied: a pull fetches them with it. Changes at or below the
 * cursor were applied already (by a pull that overtook the push) and are left out. Only their seq is read, so
 * the rows are checked after planning, and only those to apply.
 */
export function planLive<C extends { seq: number }>(cursor: number, batch: { from: number; to: number; changes: readonly C[] }): LivePlan<C> {
  if (batch.from > cursor) return { kind: 'pull' };
  if (batch.to <= cursor) return { kind: 'skip' };
  return { kind: 'apply', changes: [...batch.changes].filter((c) => c.seq > cursor).sort((a, b) => a.seq - b.seq), cursor: batch.to };
}
