import type { Case, Staff } from '../../../shared/domain';
import type { AssignTarget } from '../../../shared/protocol';
import { loadAfterMove, overCapacity, type ChannelLoad } from './agentLoad';

/** A move's destination as one select value ("staff:a1", "queue:q-chat"), and back. */
export const targetValue = (to: AssignTarget): string => ('staffId' in to ? `staff:${to.staffId}` : `queue:${to.queueId}`);

export function parseTarget(value: string | null): AssignTarget | null {
  const [kind, id] = value?.split(/:(.*)/s) ?? [];
  if (!id) return null;
  return kind === 'staff' ? { staffId: id } : kind === 'queue' ? { queueId: id } : null;
}

/** What to tell the supervisor before moving cases to a person: they are not there to answer, or would be over capacity. */
export interface MoveWarning {
  name: string;
  /** Set when the person is away or offline: the cases wait until they are back. */
  absent: 'away' | 'offline' | null;
  /** The channels over capacity once the cases are theirs (the one rule of `overCapacity`). */
  over: ChannelLoad[];
}

type MoveCase = Pick<Case, 'id' | 'assigneeId' | 'status' | 'lastChannel'>;

/**
 * The warning a move to `to` deserves, or null (a queue, or someone present with room). It warns, never
 * forbids: a supervisor may still move cases to someone about to come back, or over capacity in a rush.
 */
export function moveWarning(
  to: AssignTarget | null,
  staff: readonly Pick<Staff, 'id' | 'name' | 'status' | 'capacity'>[],
  cases: readonly MoveCase[],
  moving: readonly MoveCase[],
): MoveWarning | null {
  if (!to || !('staffId' in to)) return null;
  const person = staff.find((s) => s.id === to.staffId);
  if (!person) return null;
  const absent = person.status === 'away' || person.status === 'offline' ? person.status : null;
  const over = overCapacity(loadAfterMove(person, cases, moving));
  return absent || over.length > 0 ? { name: person.name, absent, over } : null;
}
