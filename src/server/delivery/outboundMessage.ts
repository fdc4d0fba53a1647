import type { Delivery } from '../../shared/domain';
import { loadAttachments } from '../attachments';
import type { StoreReads } from '../store/hubStore';
import { surveyUrl } from '../survey/surveyToken';
import { surveyLinkLine } from '../texts';
import type { OutboundMessage } from './transport';

/**
 * Everything a transport needs to send one delivery, read from committed state: the message, its case, customer
 * and author, and the earlier messages of the case on the same channel that carry a channel id (email threading).
 * Null when the message or its case is gone (nothing left to send).
 * Its files come with their bytes (every transport gets them from here). A survey gets its page's link
 * (`publicUrl` is where customers reach the hub) here, on the way out only: the stored message has no token that
 * staff reading the case could use to answer for the customer.
 */
export async function buildOutboundMessage(store: StoreReads, delivery: Delivery, publicUrl: string): Promise<OutboundMessage | null> {
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
  const token = delivery.purpose === 'survey' ? (await store.survey(kase.id))?.token : undefined;
  const survey = token ? { url: surveyUrl(publicUrl, token) } : null;
  const text = survey ? `${interaction.text}\n\n${surveyLinkLine[customer.language](survey.url)}` : interaction.text;
  return { delivery, interaction, text, survey, kase, customer, author, attachments, thread };
}
