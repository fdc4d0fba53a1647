import type { Change } from '../../../shared/protocol';
import { applyRows, type AppliedChanges } from './applyChanges';
import type { Db } from './database';
import { markPartialCases } from './partialCases';

/**
 * Keeps the rows of a customer lookup like synced ones, and marks the cases it sent as a continuation view
 * (`partialCaseIds`: only part of their timeline came), in one transaction: the mark never outlives or
 * precedes the rows it describes.
 */
export function keepLookupRows(db: Db, rows: readonly Change[], partialCaseIds: readonly string[]): AppliedChanges {
  return db
    .transaction(() => {
      const applied = applyRows(db, rows);
      markPartialCases(db, partialCaseIds);
      return applied;
    })
    .immediate();
}
