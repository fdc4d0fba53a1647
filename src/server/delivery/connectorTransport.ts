import type { ConnectorDelivery } from '../../shared/protocol';
import { ConnectorAnswerSchema, ConnectorRefusalSchema } from '../../shared/protocol';
import { outboundConnector } from '../admin/connectors';
import { signTimestamped } from '../http/signature';
import type { StoreReads } from '../store/hubStore';
import { DeliveryFailure, type OutboundMessage, type Transport } from './transport';

/** The body a connector receives for one delivery (ConnectorDeliverySchema). */
export function connectorBody(m: OutboundMessage): ConnectorDelivery {
  const { delivery, interaction } = m;
  return {
    deliveryId: delivery.id,
    caseId: delivery.caseId,
    interactionId: delivery.interactionId,
    channel: delivery.channel,
    to: delivery.to,
    text: m.text,
    ...(interaction.subject !== null ? { subject: interaction.subject } : {}),
    ...(m.attachments.length > 0 ? { attachments: m.attachments } : {}),
    ...(m.survey !== null ? { survey: m.survey } : {}),
  };
}

/** Statuses worth another attempt: the connector timed out, is overloaded or broke (RFC 9110). */
const transientStatus = (status: number) => status === 408 || status === 429 || status >= 500;

/** Most characters of a connector's answer kept in the reason people read. */
const SAID_CHARS = 200;

function parsedJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/**
 * The reason people read when a connector does not take a delivery: the `message` of the contract's error body
 * when it has one, else the start of what it answered as plain text ("the sms connector refused it (400): the
 * number is not reachable"; "the chat connector answered 503: busy").
 */
export function connectorFailureReason(channel: string, status: number, transient: boolean, body: string): string {
  const refusal = ConnectorRefusalSchema.safeParse(parsedJson(body));
  const said = (refusal.success ? refusal.data.message : body).replace(/\s+/g, ' ').trim();
  const shown = said.length > SAID_CHARS ? `${said.slice(0, SAID_CHARS - 1)}…` : said;
  return `the ${channel} connector ${transient ? `answered ${status}` : `refused it (${status})`}${shown ? `: ${shown}` : ''}`;
}

/**
 * Delivers through the channel's registered connector: POSTs the delivery as JSON, signed with the connector's
 * secret over "<X-Timestamp>.<body>", with the same X-Delivery-Id on every attempt. Any 2xx is taken; 408, 429,
 * 5xx, network errors and timeouts are transient; other answers, and a channel without a connector, permanent.
 */
export function connectorTransport(deps: { store: Pick<StoreReads, 'meta'>; timeoutMs: number; now: () => number }): Transport {
  return {
    async send(message, signal) {
      const { channel } = message.delivery;
      const connector = await outboundConnector(deps.store, channel);
      if (!connector) throw new DeliveryFailure(false, `no connector is registered for ${channel}`);
      const body = JSON.stringify(connectorBody(message));
      const timestamp = Math.floor(deps.now() / 1000);
      let res: Response;
      try {
        res = await fetch(connector.url, {
          method: 'POST',
          headers: {
            'Content-Type': 'application/json',
            'X-Delivery-Id': message.delivery.id,
            'X-Timestamp': String(timestamp),
            'X-Signature': signTimestamped(body, connector.secret, timestamp),
          },
          body,
          redirect: 'manual',
          signal: AbortSignal.any([signal, AbortSignal.timeout(deps.timeoutMs)]),
        });
      } catch (err) {
        const e = err as Error & { cause?: { code?: string } };
        const why = e.name === 'TimeoutError' ? `no answer within ${deps.timeoutMs} ms` : e.name === 'AbortError' ? 'the hub stopped while sending' : (e.cause?.code ?? e.message);
        throw new DeliveryFailure(true, `the ${channel} connector could not be reached: ${why}`);
      }
      if (res.status >= 200 && res.status < 300) {
        const answer = ConnectorAnswerSchema.safeParse(await res.json().catch(() => null));
        return { providerMessageId: answer.success ? (answer.data.providerMessageId ?? null) : null };
      }
      const transient = transientStatus(res.status);
      throw new DeliveryFailure(transient, connectorFailureReason(channel, res.status, transient, await res.text().catch(() => '')));
    },
  };
}
