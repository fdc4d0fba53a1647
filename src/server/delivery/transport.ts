import type { Case, Customer, Delivery, Interaction, Staff } from '../../shared/domain';
import type { ConnectorAttachment } from '../../shared/protocol';

/** Everything a transport needs to put one delivery on its channel. */
export interface OutboundMessage {
  delivery: Delivery;
  interaction: Interaction;
  /** What goes out as the message: the interaction's text, and for a survey the line with its page's link. */
  text: string;
  /** A survey's page (`survey.url` of a connector's delivery); null for a reply. */
  survey: { url: string } | null;
  kase: Case;
  customer: Customer;
  /** Who wrote it (the agent's name goes on an email), or null for what the hub sent by itself. */
  author: Staff | null;
  /** The interaction's files with their bytes. */
  attachments: ConnectorAttachment[];
  /** Earlier messages of the case on this channel with their channel ids, oldest first (email threading). */
  thread: Interaction[];
}

/** What the channel answered when it took a message. */
export interface Accepted {
  /** The channel's id of the message (SMTP Message-ID, a gateway's id), when it gave one. */
  providerMessageId: string | null;
}

/**
 * Why an attempt did not get through. `transient` ones (network errors, timeouts, 408, 429, 5xx, SMTP 4xx) are
 * retried with backoff; the others (other 4xx, SMTP 5xx, no connector) fail the delivery at once.
 */
export class DeliveryFailure extends Error {
  constructor(
    readonly transient: boolean,
    message: string,
  ) {
    super(message);
    this.name = 'DeliveryFailure';
  }
}

/** One channel's way out: a connector over HTTP, or the hub's own SMTP client. Throws DeliveryFailure. */
export interface Transport {
  send(message: OutboundMessage, signal: AbortSignal): Promise<Accepted>;
}
