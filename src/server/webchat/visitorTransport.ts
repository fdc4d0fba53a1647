import type { HubContext } from '../context';
import { applyStatusReport } from '../delivery/statusReport';
import type { OutboundMessage, Transport } from '../delivery/transport';
import { agentName } from './agentName';
import { cursorOf, inlineSurvey } from './visitorConversation';
import { rooms, type VisitorNamespace } from './visitorRooms';
import { visitorOfHandle } from './visitorToken';

/** How long a visitor's widget has to acknowledge a message pushed live before only a history fetch marks it delivered. */
const ACK_WAIT_MS = 30_000;

/** A delivery reached the visitor's widget (or was read): forward only, like a connector's receipt. */
export async function visitorReceipt(ctx: HubContext, deliveryId: string, status: 'delivered' | 'read'): Promise<boolean> {
  return (await applyStatusReport(ctx, { deliveryId, status, channel: 'chat' }))?.changed ?? false;
}

/**
 * The chat channel's way out. A reply to a web chat visitor (`web:<id>`) is pushed to their widget's connections
 * (on any hub node) and is `sent` at once: it waits in the store for a widget that is not open now, which gets it
 * from `visitor:history`. It becomes `delivered` when a widget acknowledges it (or fetches it) and `read` on
 * `visitor:read`. A survey becomes the inline question. Any other chat address goes to the chat connector.
 */
export function visitorTransport(ctx: HubContext, ns: VisitorNamespace, connector: Transport): Transport {
  return {
    async send(message: OutboundMessage, signal: AbortSignal) {
      const { delivery, interaction } = message;
      const visitorId = delivery.to.kind === 'handle' ? visitorOfHandle(delivery.to.value) : null;
      if (visitorId === null) return connector.send(message, signal);
      const room = ns.to(rooms.visitor(visitorId));
      if (delivery.purpose === 'survey') {
        room.emit('survey', await inlineSurvey(ctx, delivery.caseId, interaction.text));
        return { providerMessageId: null };
      }
      const payload = {
        id: interaction.id,
        from: 'agent' as const,
        text: interaction.text,
        at: interaction.createdAt,
        agentName: agentName(message.author),
        attachments: interaction.meta.attachments ?? [],
        status: 'delivered' as const,
        cursor: cursorOf(interaction),
      };
      // Acknowledged by at least one of the visitor's widgets: delivered. No answer (no widget open) leaves it sent.
      (room.timeout(ACK_WAIT_MS) as unknown as { emit(e: 'message', m: typeof payload, cb: (err: Error | null, acks: unknown[]) => void): void }).emit('message', payload, (_err, acks) => {
        if (acks.length === 0) return;
        visitorReceipt(ctx, delivery.id, 'delivered').catch((err: Error) => console.warn(`hub: web chat: delivery ${delivery.id} not marked delivered: ${err.message}`));
      });
      return { providerMessageId: null };
    },
  };
}
