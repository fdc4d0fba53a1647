import { classifyCustomer } from '../../../shared/assist';
import type { Emotion } from '../../../shared/assist';
import type { Interaction } from '../../../shared/domain';
import { isWebChat } from '../../lib/webChat';

/** What an inbox row shows beyond the case itself, read from its timeline. */
export interface CasePreview {
  /** The newest customer-facing message (theirs or ours), as written. */
  last: Pick<Interaction, 'text' | 'direction' | 'createdAt'> | null;
  /** The customer's mood from their newest messages; null when they have not written. */
  mood: Emotion | null;
  /** The customer's newest message came through the web chat. */
  webChat: boolean;
}

/** The customer's newest messages that decide their mood (the assist engine weighs the newest most). */
const MOOD_MESSAGES = 3;

export function casePreview(timeline: readonly Pick<Interaction, 'text' | 'direction' | 'createdAt' | 'kind' | 'meta'>[]): CasePreview {
  const facing = timeline.filter((i) => i.direction !== 'internal' && i.text.trim() !== '');
  const inbound = facing.filter((i) => i.direction === 'inbound').slice(-MOOD_MESSAGES);
  const last = facing.at(-1) ?? null;
  const newestInbound = timeline.findLast((i) => i.direction === 'inbound');
  return {
    last: last && { text: last.text, direction: last.direction, createdAt: last.createdAt },
    mood: inbound.length ? classifyCustomer(inbound.map((i) => i.text)).emotion : null,
    webChat: newestInbound !== undefined && isWebChat(newestInbound),
  };
}
