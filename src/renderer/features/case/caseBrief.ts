/**
 * The case brief: what the customer asked, what we promised and what is still open, read from the timeline so
 * that nobody asks the customer to repeat themselves.
 */
import type { Channel, Interaction, InteractionKind } from '../../../shared/domain';
// Sentences are cut, and read, by the assist engine's rules: the brief and the engine's recap agree.
import { isOpenRequest, isPromise, sentencesOf, type NextStep } from '../../../shared/assist';

/** One sentence of the brief, with the interaction it came from (to jump to it in the timeline). */
export interface BriefLine {
  text: string;
  interactionId: string;
  kind: InteractionKind;
}

/** What the assist engine recalls of the channel the case came from (video chat before the store visit). */
export interface ChannelRecap {
  channel: Channel;
  said: string[];
  promised: string[];
}

export interface CaseBrief {
  /** The customer's first message, as written. */
  asked: Interaction | null;
  /** Promises made by staff (replies, notes, call notes, video summaries), newest last. */
  promised: BriefLine[];
  /** Customer requests and questions (not mere chasers such as "Hello???") that no staff reply has followed yet. */
  open: BriefLine[];
  recap: ChannelRecap | null;
}

/** Enough to remember; the timeline holds the rest. */
const MAX_LINES = 4;

/** Text written by staff in an interaction: what they sent, and what they wrote down about a call or session. */
function staffTexts(i: Interaction): string[] {
  const written = i.direction === 'inbound' ? [] : [i.text];
  return [...written, i.meta.summary ?? '', i.meta.notes ?? ''].filter((t) => t !== '');
}

function lines(interactions: readonly Interaction[], pick: (sentence: string) => boolean, texts: (i: Interaction) => string[]): BriefLine[] {
  const found = interactions.flatMap((i) =>
    texts(i)
      .flatMap(sentencesOf)
      .filter(pick)
      .map((text) => ({ text, interactionId: i.id, kind: i.kind })),
  );
  const unique = found.filter((line, k) => found.findIndex((other) => other.text === line.text) === k);
  return unique.slice(-MAX_LINES);
}

/** Reads the brief from a timeline (any order) and the case's suggested next steps (for the channel recap). */
export function caseBrief(timeline: readonly Interaction[], steps: readonly NextStep[] = []): CaseBrief {
  const ordered = [...timeline].sort((a, b) => a.createdAt - b.createdAt);
  const asked = ordered.find((i) => i.direction === 'inbound') ?? null;
  const promised = lines(ordered, isPromise, staffTexts);
  const lastStaffReply = ordered.findLastIndex((i) => i.direction === 'outbound');
  const unanswered = ordered.slice(lastStaffReply + 1).filter((i) => i.direction === 'inbound');
  const open = lines(unanswered, isOpenRequest, (i) => [i.text]);
  const recapAction = steps.find((s) => s.action.type === 'open-recap')?.action;
  const recap =
    recapAction?.type === 'open-recap' ? { channel: recapAction.channel, said: recapAction.said, promised: recapAction.promised } : null;
  return { asked, promised, open, recap };
}
