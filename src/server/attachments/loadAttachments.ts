import type { AttachmentRef } from '../../shared/domain';
import type { ConnectorAttachment } from '../../shared/protocol';
import type { StoreReads } from '../store/hubStore';

/**
 * The files of an outbound message as a connector receives them (bytes in base64), read from the store in the
 * order given. A reference whose file the store does not hold fails loudly: the hub stored it when the reply was
 * accepted, so its absence is damage, not something to deliver without.
 */
export async function loadAttachments(store: Pick<StoreReads, 'attachmentBytes'>, refs: readonly AttachmentRef[]): Promise<ConnectorAttachment[]> {
  const out: ConnectorAttachment[] = [];
  for (const ref of refs) {
    const bytes = await store.attachmentBytes(ref.sha256);
    if (!bytes) throw new Error(`attachment ${ref.sha256} (${ref.name}) is not in the store`);
    out.push({ name: ref.name, type: ref.type, size: ref.size, sha256: ref.sha256, data: bytes.toString('base64') });
  }
  return out;
}
