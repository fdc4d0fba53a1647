import type { Interaction } from '../../shared/domain';

/**
 * A message of the web chat widget: a chat message the hub received from a web chat visitor, whose handle it
 * writes as `web:<visitor>` (other chat connectors name their own users).
 */
export const isWebChat = (message: Pick<Interaction, 'kind' | 'meta'>): boolean =>
  message.kind === 'chat' && message.meta.handle?.startsWith('web:') === true;
