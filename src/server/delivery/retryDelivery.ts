import { isSupervising, type Case, type Delivery, type Staff } from '../../shared/domain';
import type { UnitOfWork } from '../context';
import { Refused } from '../refused';

/**
 * Sends a failed delivery again: a real new attempt under the same id (the connector still drops repeats by it),
 * due at once with its attempts counted from zero. Its author, the case's owner or a supervisor may; anything but
 * a failed delivery is refused (a queued one is still being tried, a sent one got through).
 */
export async function retryDelivery(w: UnitOfWork, actor: Staff, delivery: Delivery, kase: Case): Promise<Delivery> {
  const mayRetry = delivery.authorId === actor.id || kase.assigneeId === actor.id || isSupervising(actor.role);
  if (!mayRetry) throw new Refused('forbidden', 'only who wrote the message, the owner of the case or a supervisor may send it again');
  if (delivery.status !== 'failed') {
    const why = delivery.status === 'queued' ? 'it is still being tried' : `it was ${delivery.status} already`;
    throw new Refused('conflict', `only a failed delivery can be sent again: ${why}`);
  }
  const now = w.ctx.now();
  const retried: Delivery = { ...delivery, status: 'queued', attempts: 0, nextAttemptAt: now, lastError: null, updatedAt: now, version: delivery.version + 1 };
  await w.save('delivery', retried);
  return retried;
}
