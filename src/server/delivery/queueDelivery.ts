import { deliveryAddress, isDelivered, type Case, type Channel, type Delivery, type DeliveryAddress, type Interaction } from '../../shared/domain';
import type { UnitOfWork } from '../context';
import { Refused } from '../refused';
import { neededAddress } from './addresses';

/**
 * Where a message on `channel` for this case's customer goes, read in the unit of work that sends it: null for a
 * channel without a wire (store, phone). Refuses with `no-address` when the channel needs an address the customer
 * does not have, before anything is written.
 */
export async function addressFor(w: UnitOfWork, kase: Case, channel: Channel): Promise<DeliveryAddress | null> {
  if (!isDelivered(channel)) return null;
  const customer = await w.get('customer', kase.customerId);
  const to = customer ? deliveryAddress(customer, channel, await w.interactionsOfCase(kase.id)) : null;
  if (!to) throw new Refused('no-address', `the customer has no address for ${channel}: add ${neededAddress(channel)} to their record, or reply on another channel`);
  return to;
}

/**
 * Queues an outbound interaction for delivery to `to`, in the unit of work that wrote it: due at once, so the
 * worker sends it on its next pass; the same id on every attempt.
 */
export async function queueDelivery(w: UnitOfWork, message: Interaction, to: DeliveryAddress, purpose: Delivery['purpose']): Promise<Delivery> {
  const { ctx } = w;
  const now = ctx.now();
  const delivery: Delivery = {
    id: ctx.newId('dlv'),
    caseId: message.caseId,
    customerId: message.customerId,
    interactionId: message.id,
    channel: message.kind as Channel,
    purpose,
    to,
    authorId: message.authorId,
    status: 'queued',
    attempts: 0,
    nextAttemptAt: now,
    lastError: null,
    providerMessageId: null,
    createdAt: now,
    updatedAt: now,
    version: 1,
  };
  await w.save('delivery', delivery);
  w.afterCommit(() => ctx.kickDeliveries());
  return delivery;
}
