import type { Change, EntityName } from '../../../shared/protocol';
import { applyChanges, casesStillMissingHistory, type AppliedChanges } from './applyChanges';
import type { Db } from './database';

/**
 * Rows per write transaction when a page is applied in slices. Measured at about 1-3 ms per slice of snapshot
 * rows on a shared 2-core machine: short enough that a read waiting behind it is not felt, long enough that the
 * per-transaction cost (WAL commit) stays small against the rows.
 */
export const SLICE_ROWS = 250;

/** Lets the event loop answer what waits (a read, a keystroke's write) before the next slice. */
const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Merges the outcome of a batch's slices into one, as if the batch had been applied at once. */
export function mergeApplied(db: Db, parts: readonly AppliedChanges[]): AppliedChanges {
  const byEntity: Partial<Record<EntityName, string[]>> = {};
  for (const part of parts) for (const [entity, ids] of Object.entries(part.byEntity) as [EntityName, string[]][]) (byEntity[entity] ??= []).push(...ids);
  const missing = [...new Set(parts.flatMap((p) => p.casesMissingHistory))];
  return {
    byEntity,
    // A later slice may have brought the customer or timeline an earlier slice's new case lacked.
    casesMissingHistory: parts.length > 1 ? casesStillMissingHistory(db, missing) : missing,
    cases: [...new Set(parts.flatMap((p) => p.cases))],
  };
}

/**
 * Applies `rows` through `write`, a few hundred at a time, yielding to the event loop between slices. `write`
 * runs one transaction per slice and is told which slice is the last: whatever records progress (the cursor, a
 * snapshot's place) goes with that one, so progress is never ahead of the data it describes.
 */
export async function applyInSlices(
  db: Db,
  rows: readonly Change[],
  write: (slice: readonly Change[], last: boolean) => AppliedChanges,
  sliceRows = SLICE_ROWS,
): Promise<AppliedChanges> {
  const parts: AppliedChanges[] = [];
  for (let start = 0; ; start += sliceRows) {
    const last = start + sliceRows >= rows.length;
    parts.push(write(rows.slice(start, start + sliceRows), last));
    if (last) break;
    await yieldToLoop();
  }
  return mergeApplied(db, parts);
}

/**
 * `applyChanges` in slices, each its own transaction. The cursor moves with the last slice only: after a crash
 * mid-page the page is pulled again, and the slices already applied are skipped as not newer.
 */
export function applyChangesInSlices(db: Db, changes: readonly Change[], cursor: number, sliceRows?: number): Promise<AppliedChanges> {
  return applyInSlices(db, changes, (slice, last) => applyChanges(db, slice, last ? cursor : null), sliceRows);
}
