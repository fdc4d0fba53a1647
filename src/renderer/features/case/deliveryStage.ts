/**
 * Where an outbound message stands on the customer's channel, from its delivery row (with my retry laid over):
 * waiting in my outbox to be retried, then the hub's statuses in order, or failed.
 */
import type { Channel, Delivery, DeliveryStatus } from '../../../shared/domain';
import type { LocalChange, OutputOf } from '../../../shared/ipc/contract';

export type ShownDelivery = OutputOf<'case.view'>['deliveries'][number];

/** `waiting`: a retry of mine still in the outbox; otherwise the delivery's own status. */
export type DeliveryStage = 'waiting' | DeliveryStatus;

/** The newest of my outbox changes to a delivery (a retry), if any. */
const lastLocal = (d: { local: readonly LocalChange[] }): LocalChange | undefined => d.local[d.local.length - 1];

export function deliveryStage(d: ShownDelivery): DeliveryStage {
  const retry = lastLocal(d);
  return retry !== undefined && (retry.state === 'pending' || retry.state === 'sending') ? 'waiting' : d.status;
}

/** My retry the hub refused (the delivery stays failed), with the hub's reason; null when there is none. */
export function refusedRetry(d: ShownDelivery): LocalChange | null {
  const retry = lastLocal(d);
  return retry?.state === 'rejected' ? retry : null;
}

/**
 * Each outbound message's delivery, by interaction. A message delivered more than once (resent after it was
 * held) shows its newest delivery.
 */
export function deliveriesByMessage(deliveries: readonly ShownDelivery[]): Map<string, ShownDelivery> {
  const byMessage = new Map<string, ShownDelivery>();
  for (const d of deliveries) {
    const seen = byMessage.get(d.interactionId);
    if (seen === undefined || seen.createdAt <= d.createdAt) byMessage.set(d.interactionId, d);
  }
  return byMessage;
}

/** "Send another way": the other channels this customer can be answered on, and how to start a reply there. */
export interface SendAnotherWay {
  channels: readonly Channel[];
  /** Opens the composer on `channel` with `text` in it. */
  start(channel: Channel, text: string): void;
}

/** The channels a failed delivery could go out on instead: every reply channel but its own. */
export const otherChannels = (delivery: Pick<Delivery, 'channel'>, channels: readonly Channel[]): Channel[] =>
  channels.filter((c) => c !== delivery.channel);
