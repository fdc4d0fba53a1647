import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { ConnectorDelivery, DeliveryStatusReportSchema } from '../../shared/protocol';

/**
 * What a channel made of one delivery. The example connector turns it into its answer to the hub: `taken` is
 * 200 with the provider's id of the message, `transient` 503 (the hub tries again later), `permanent` 400 (the
 * hub fails the delivery at once and keeps `reason` as why).
 */
export type ChannelAnswer =
  | { outcome: 'taken'; providerMessageId: string }
  | { outcome: 'transient'; reason: string }
  | { outcome: 'permanent'; reason: string };

/** A later state of a message, as the connector reports it to the hub (it adds its channel). */
export type Receipt = Omit<z.input<typeof DeliveryStatusReportSchema>, 'channel'>;

/**
 * The customer's side of a connector: an SMS gateway, a chat platform, a social network's API... or the demo's
 * simulation of one. The connector has checked the hub's signature and dropped repeats before it calls `send`.
 */
export interface DeliveryChannel {
  /**
   * Puts one delivery on the channel. Called once per delivery the channel takes: a delivery it answered
   * `transient` or `permanent` comes again if the hub tries again. `report` sends the hub a signed receipt
   * (delivered, read, failed) whenever the channel learns of one, now or later; it resolves once the hub has it
   * or it was given up (the connector tells its `onError`), never rejects.
   */
  send(delivery: ConnectorDelivery, report: (receipt: Receipt) => Promise<void>): Promise<ChannelAnswer>;
  /** Drops whatever is still scheduled (receipts not yet due): the connector is stopping. */
  close?(): void;
}

/** A channel that takes every delivery at once and reports nothing later: the connector's default. */
export const takingChannel: DeliveryChannel = {
  send: async (delivery) => ({ outcome: 'taken', providerMessageId: `${delivery.channel}-${randomUUID()}` }),
};
