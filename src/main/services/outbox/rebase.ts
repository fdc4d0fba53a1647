import type { Mutation } from '../../../shared/protocol';
import type { Db } from '../cache/database';
import { getRow } from '../cache/rows';

/**
 * The same mutation, based on what the cache holds now: the current version of its target, or for a reply the
 * newest message. Used when the author retries after a refusal, having seen what changed. Unchanged when the
 * target is not cached.
 */
export function rebase(db: Db, mutation: Mutation): Mutation {
  const withVersion = (row: { version: number } | null): Mutation =>
    row === null ? mutation : ({ ...mutation, basedOn: { version: row.version } } as Mutation);
  switch (mutation.type) {
    case 'reply': {
      const c = getRow(db, 'case', mutation.caseId);
      return c === null ? mutation : { ...mutation, basedOn: { lastMessageId: c.lastMessageId } };
    }
    case 'case.update':
    case 'case.assign':
    case 'case.continueInStore':
      return withVersion(getRow(db, 'case', mutation.caseId));
    case 'customer.update':
      return withVersion(getRow(db, 'customer', mutation.customerId));
    case 'alert.acknowledge':
    case 'alert.assign':
    case 'alert.close':
      return withVersion(getRow(db, 'alert', mutation.alertId));
    case 'supervisor.updateStaff':
      return withVersion(getRow(db, 'staff', mutation.staffId));
    default:
      return mutation;
  }
}
