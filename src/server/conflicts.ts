/**
 * The hub's conflict rule, in one place: when a change a person made is refused as stale, or a reply of theirs
 * is held, rather than applied. A person's own earlier changes are never a conflict: their workstation bases
 * each queued change on what the ones before it produced (the `basis` of each acknowledgement), and a reply is
 * held only for a message someone else wrote since the one its author saw.
 */
import type { Case, HeldReply, Interaction, Staff } from '../shared/domain';
import type { Basis, BasisChange, Mutation } from '../shared/protocol';
import { basisRowOf } from '../shared/protocol';
import type { UnitOfWork } from './context';
import { Refused } from './refused';

/**
 * Refuses a state change based on a version other than the row's current one: someone else changed the row
 * since its author saw it (the author's own changes are in `basedOn`, see above). The refusal carries the
 * current row, so the author sees what changed.
 */
export function checkVersion<T extends { version: number }>(row: T, basedOn: { version: number }, what: string): void {
  if (row.version !== basedOn.version) {
    throw new Refused('stale', `${what} changed since you saw it (version ${basedOn.version}, now ${row.version})`, row);
  }
}

/** A message that makes a reply written before it out of date: the customer's, or another person's. */
const isSomeoneElses = (message: Interaction, author: Staff): boolean =>
  message.direction !== 'internal' && !(message.direction === 'outbound' && message.authorId === author.id);

/**
 * Why a reply cannot go out as written, or null when it can: the case is closed, someone else owns it, or a
 * message from the customer or another person came after `lastSeen` (the newest message its author saw). The
 * author's own messages since then (a reply sent just before, a store visit) do not hold it.
 */
export async function holdReason(w: UnitOfWork, author: Staff, kase: Case, lastSeen: string | null): Promise<HeldReply['reason'] | null> {
  if (kase.status === 'closed') return 'case-closed';
  if (kase.assigneeId !== null && kase.assigneeId !== author.id) return 'not-owner';
  if (kase.lastMessageId === lastSeen) return null;
  const timeline = await w.interactionsOfCase(kase.id);
  const seen = lastSeen === null ? null : timeline.find((i) => i.id === lastSeen);
  // A message the author saw that is not on the case any more (merged away): nothing tells what came after it.
  if (lastSeen !== null && seen === undefined) return 'newer-message';
  // Everything at or after the seen message's time (timestamps may tie), so nothing slips through on ordering.
  const since = timeline.filter((i) => i.id !== lastSeen && (seen == null || i.createdAt >= seen.createdAt));
  return since.some((i) => isSomeoneElses(i, author)) ? 'newer-message' : null;
}

async function basisOf(w: UnitOfWork, entity: BasisChange['entity'], id: string): Promise<Basis | null> {
  const row = (await w.get(entity, id)) as ({ version: number; lastMessageId?: string | null } | null);
  if (row === null) return null;
  return entity === 'case' ? { version: row.version, lastMessageId: row.lastMessageId ?? null } : { version: row.version };
}

/**
 * Reads the basis row of `m` (basisRowOf) before it is applied; `done()` then answers how it changed, or
 * undefined when it did not (a held reply, a refusal) or is gone. Called inside the mutation's unit of work.
 */
export async function watchBasis(w: UnitOfWork, m: Mutation): Promise<{ done(): Promise<BasisChange | undefined> }> {
  const target = basisRowOf(m);
  const before = target && (await basisOf(w, target.entity, target.id));
  return {
    async done() {
      if (!target || !before) return undefined;
      const after = await basisOf(w, target.entity, target.id);
      if (!after || (after.version === before.version && after.lastMessageId === before.lastMessageId)) return undefined;
      return { entity: target.entity, id: target.id, before, after };
    },
  };
}
