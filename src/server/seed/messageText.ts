import type { Lang } from '../../shared/domain';
import type { Random } from './random';
import { LANGUAGE_PACKS } from './text/languagePacks';
import type { LanguagePack, Mood, StoreJourneyText, StoreTopic, Topic } from './text/languagePack';

/** Products of the demo shop. Brand names are not inflected, so every language's templates can use them. */
export const PRODUCTS = ['Nova X5', 'Nova X5 Lite', 'AirTone Pro', 'SmartBand 3', 'HomeLink AX3000', 'Vista 55 OLED',
  'PowerBank 20K', 'Tabula 11', 'Pixelo Cam 2', 'SoundBar S7'] as const;

/** Values for a template's `{variables}`. */
export type TemplateVariables = Readonly<Record<string, string>>;

/** Replaces `{name}` placeholders; a placeholder without a value is left as it is, so a gap is visible. */
export function fillTemplate(template: string, vars: TemplateVariables): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => vars[key] ?? whole);
}

/** What one conversation is about: the details its messages refer to, so they agree with one another. */
export interface ConversationDetails {
  readonly lang: Lang;
  readonly topic: Topic;
  readonly mood: Mood;
  readonly vars: TemplateVariables;
}

const DAY_MS = 86_400_000;

/**
 * Draws the details of a conversation: an order number like `#48213`, a product, a recent date, an amount, and
 * the names the messages mention. `at` is when the conversation starts; the date mentioned lies before it.
 */
export function conversationDetails(
  rng: Random,
  opts: { lang: Lang; topic: Topic; mood: Mood; at: number; customerFirstName: string; agentFirstName: string; storeName: string },
): ConversationDetails {
  const pack = LANGUAGE_PACKS[opts.lang];
  return {
    lang: opts.lang,
    topic: opts.topic,
    mood: opts.mood,
    vars: {
      order: `#${rng.int(10_000, 99_999)}`,
      product: rng.pick(PRODUCTS),
      date: pack.formatDate(Math.max(0, opts.at - rng.int(1, 20) * DAY_MS)),
      amount: pack.formatMoney(rng.int(1_990, 249_900)),
      points: String(rng.int(120, 4_800)),
      days: String(rng.int(2, 10)),
      store: opts.storeName,
      name: opts.customerFirstName,
      agent: opts.agentFirstName,
    },
  };
}

/** How likely a customer in each mood frames a message with an opening or closing sentence. */
const FRAMING: Readonly<Record<Mood, { opener: number; closer: number }>> = {
  angry: { opener: 0.8, closer: 0.6 },
  anxious: { opener: 0.7, closer: 0.5 },
  neutral: { opener: 0.5, closer: 0.3 },
  happy: { opener: 0.7, closer: 0.6 },
};

function inMood(rng: Random, pack: LanguagePack, mood: Mood, core: string): string {
  const parts: string[] = [];
  if (rng.chance(FRAMING[mood].opener)) parts.push(rng.pick(pack.moodOpeners[mood]));
  parts.push(core);
  if (rng.chance(FRAMING[mood].closer)) parts.push(rng.pick(pack.moodClosers[mood]));
  // A salutation ("Hello,") stands on its own line, as people write it.
  return parts.reduce((text, part) => (text === '' ? part : `${text}${text.endsWith(',') ? '\n' : ' '}${part}`), '');
}

/** Which customer message of a conversation: the first one, or a later one chasing an answer. */
export type CustomerTurn = 'opening' | 'follow-up';

/** A customer's message in their mood: the opening of the topic, or a follow-up on it. */
export function customerMessage(rng: Random, details: ConversationDetails, turn: CustomerTurn): string {
  const pack = LANGUAGE_PACKS[details.lang];
  const topic = pack.topics[details.topic];
  let core: string;
  if (turn === 'opening') core = rng.pick(topic.opening);
  else core = rng.chance(0.6) ? topic.followUp : rng.pick(pack.nudges);
  return inMood(rng, pack, details.mood, fillTemplate(core, details.vars));
}

/** Which agent reply: the first answer, a holding reply, or the answer that resolves the case. */
export type AgentTurn = 'reply' | 'holding' | 'resolution';

/**
 * An agent's reply. E-mails get a greeting and a sign-off; chat, SMS and social replies are sent as they are,
 * the way people write on those channels.
 */
export function agentMessage(rng: Random, details: ConversationDetails, turn: AgentTurn, formal: boolean): string {
  const pack = LANGUAGE_PACKS[details.lang];
  const topic = pack.topics[details.topic];
  const body = turn === 'reply' ? topic.reply : turn === 'resolution' ? topic.resolution : rng.pick(pack.holdingReplies);
  const text = formal ? `${pack.greeting}\n\n${body}\n\n${pack.signOff}` : body;
  return fillTemplate(text, details.vars);
}

/** Any one of a topic's texts (internal note, call notes, video summary...), filled in. */
export function topicText(
  details: ConversationDetails,
  field: 'subject' | 'note' | 'callNotes' | 'videoSummary' | 'videoNotes',
): string {
  return fillTemplate(LANGUAGE_PACKS[details.lang].topics[details.topic][field], details.vars);
}

/** A survey comment fitting a 1-10 score. */
export function surveyComment(rng: Random, lang: Lang, score: number): string {
  const band = score <= 4 ? 'low' : score <= 7 ? 'mid' : 'high';
  return rng.pick(LANGUAGE_PACKS[lang].surveyComments[band]);
}

/** A text of the video-chat-to-store journey (only topics with something physical to look at have one). */
export function storeJourneyText(details: ConversationDetails & { topic: StoreTopic }, field: keyof StoreJourneyText): string {
  return fillTemplate(LANGUAGE_PACKS[details.lang].storeJourney[details.topic][field], details.vars);
}
