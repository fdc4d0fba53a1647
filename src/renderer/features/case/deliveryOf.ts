/**
 * How far one of my replies or notes has got, from the outbox changes laid over it: the composer's send states
 * shown plainly in the timeline.
 */
import type { LocalChange } from '../../../shared/ipc/contract';

export type Delivery =
  | { state: 'sent' }
  /** In the outbox, waiting for the link (or on its way). */
  | { state: 'pending'; mutationId: string }
  /** The hub kept it back (author no longer owns the case, or something newer reached the customer). */
  | { state: 'held'; mutationId: string }
  | { state: 'rejected'; mutationId: string; reason: string | null; message: string | null };

/** The newest of an interaction's outbox changes decides; none (or an acknowledged one) means sent. */
export function deliveryOf(local: readonly LocalChange[]): Delivery {
  const change = local[local.length - 1];
  if (change === undefined || change.state === 'acked') return { state: 'sent' };
  if (change.state === 'held') return { state: 'held', mutationId: change.mutationId };
  if (change.state === 'rejected') return { state: 'rejected', mutationId: change.mutationId, reason: change.reason, message: change.message };
  return { state: 'pending', mutationId: change.mutationId };
}
