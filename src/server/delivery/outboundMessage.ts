import type { Delivery } from '../../shared/domain';
import { loadAttachments } from '../attachments';
import type { StoreReads } from '../store/hubStore';
import type { OutboundMessage } from './transport';

/**
 * Everything a transport needs to send one delivery, read from committed state: the message, its case, customer
 * and author, and the earlier messages of the case on the same channel that carry a channel id (email threading).
 * Null when the message or its case is gone (nothing left to send).
 * Its files come with their bytes (every transport gets them from here).
 */
export async function buildOutboundMessage(store: StoreReads, delivery: Delivery): Promise<OutboundMessage | null> {
  const [interaction, kase, customer] = await Promise.all([
    store.get('interaction', delivery.interactionId),
    store.get('case', delivery.caseId),
    store.get('customer', delivery.customerId),
  ]);
  if (!interaction || !kase || !customer) return null;
  const author = delivery.authorId === null ? null : await store.get('staff', delivery.authorId);
  const thread = (await store.interactionsOfCase(kase.id)).filter(
    (i) => i.id !== interaction.id && i.kind === interaction.kind && i.meta.messageId !== undefined && i.createdAt <= interaction.createdAt,
  );
  const attachments = await loadAttachments(store, interaction.meta.attachments ?? []);
  return { delivery, interaction, kase, customer, author, attachments, thread };
}
