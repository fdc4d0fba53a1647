import type { AssignTarget } from '../../../shared/protocol';

/** A move's destination as one select value ("staff:a1", "queue:q-chat"), and back. */
export const targetValue = (to: AssignTarget): string => ('staffId' in to ? `staff:${to.staffId}` : `queue:${to.queueId}`);

export function parseTarget(value: string | null): AssignTarget | null {
  const [kind, id] = value?.split(/:(.*)/s) ?? [];
  if (!id) return null;
  return kind === 'staff' ? { staffId: id } : kind === 'queue' ? { queueId: id } : null;
}
