import { basisRowOf, type Basis, type BasisChange, type Mutation } from '../../../shared/protocol';
import type { Db } from '../cache/database';
import { getRow } from '../cache/rows';

/** The same mutation based on `basis`: a reply on its newest message, a state change on its version. */
function basedOn(mutation: Mutation, basis: Basis): Mutation {
  if (mutation.type === 'reply') return basis.lastMessageId === undefined ? mutation : { ...mutation, basedOn: { lastMessageId: basis.lastMessageId } };
  return 'basedOn' in mutation ? ({ ...mutation, basedOn: { version: basis.version } } as Mutation) : mutation;
}

/**
 * The same mutation, based on what the cache holds now: the current version of its target, or for a reply the
 * newest message. Used when the author retries after a refusal, having seen what changed. Unchanged when the
 * target is not cached.
 */
export function rebase(db: Db, mutation: Mutation): Mutation {
  const target = basisRowOf(mutation);
  const row = target && (getRow(db, target.entity, target.id) as { version: number; lastMessageId?: string | null } | null);
  if (!row) return mutation;
  return basedOn(mutation, { version: row.version, lastMessageId: row.lastMessageId });
}

/**
 * The outbox's half of the conflict rule (the hub's is src/server/conflicts.ts): a person's own queued changes
 * never conflict with each other. A mutation queued behind one of the author's own on the same row was based on
 * the row as it stood before that one; once the hub reports what that one produced (`change`), the mutation is
 * based on the result instead. Answers the re-based mutation, or null when it is not based on `change.before`
 * (another row, or a version it saw later, which stays as it is).
 */
export function chainOnto(mutation: Mutation, change: BasisChange): Mutation | null {
  const target = basisRowOf(mutation);
  if (!target || target.entity !== change.entity || target.id !== change.id || !('basedOn' in mutation)) return null;
  const on = mutation.basedOn;
  const follows = 'version' in on ? on.version === change.before.version : change.before.lastMessageId !== undefined && on.lastMessageId === change.before.lastMessageId;
  return follows ? basedOn(mutation, change.after) : null;
}
