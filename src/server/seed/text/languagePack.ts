/**
 * The shape of one language's demo texts. Templates use `{name}` variables filled by `fillTemplate`:
 * `{order}`, `{product}`, `{date}`, `{amount}`, `{points}`, `{days}`, `{store}`, `{agent}` and, in English only,
 * `{name}` (Polish and Greek address a person by name in the vocative, which a template cannot inflect, so
 * their greetings go without the name). Polish and Greek texts avoid gendered first-person forms for the same
 * reason: the customer says "my order has not arrived", not "I ordered".
 */

/** What a case is about. */
export const TOPICS = ['returns', 'delivery', 'warranty', 'setup', 'loyalty', 'payment', 'subscription', 'invoice'] as const;
export type Topic = (typeof TOPICS)[number];

/** Topics with something physical to look at, whose video-chat cases can continue with a store visit. */
export const STORE_TOPICS = ['returns', 'warranty', 'setup'] as const;
export type StoreTopic = (typeof STORE_TOPICS)[number];

/** How the customer feels when writing. */
export const MOODS = ['angry', 'anxious', 'neutral', 'happy'] as const;
export type Mood = (typeof MOODS)[number];

/** Texts of one topic. */
export interface TopicText {
  subject: string;
  /** First customer messages (one is picked). */
  opening: readonly string[];
  /** A later customer message on the same subject. */
  followUp: string;
  /** The agent's answer while the case is being worked on. */
  reply: string;
  /** The agent's answer that resolves the case. */
  resolution: string;
  /** An internal note between staff. */
  note: string;
  /** The agent's notes after a phone call. */
  callNotes: string;
  /** What the advisor saw and discussed in a video chat. */
  videoSummary: string;
  /** What the advisor promised in a video chat. */
  videoNotes: string;
}

/** The video-chat-to-store journey of one topic. */
export interface StoreJourneyText {
  /** Video-chat notes: what was promised at the store. */
  promise: string;
  /** Message to the customer after the video chat, inviting them to the store. */
  invitation: string;
  /** The in-store visit record, continuing what was promised. */
  visit: string;
}

/** A knowledge-base article; `key` ties the translations of one article together. */
export interface KbText {
  key: KbKey;
  title: string;
  body: string;
}

/** The knowledge-base articles every language has. */
export const KB_KEYS = ['returns', 'delivery-delays', 'order-tracking', 'warranty', 'device-setup', 'loyalty', 'store-hours',
  'payment-failed', 'cancel-subscription', 'invoices'] as const;
export type KbKey = (typeof KB_KEYS)[number];

/** The canned responses every language has, by shortcut. */
export const CANNED_SHORTCUTS = ['greet', 'sorry-delay', 'refund', 'order-number', 'thanks', 'callback', 'close',
  'store-visit'] as const;
export type CannedShortcut = (typeof CANNED_SHORTCUTS)[number];

/** A canned response. */
export interface CannedText {
  title: string;
  body: string;
}

/** Everything one language contributes to the demo. */
export interface LanguagePack {
  topics: Readonly<Record<Topic, TopicText>>;
  storeJourney: Readonly<Record<StoreTopic, StoreJourneyText>>;
  /** Sentences a customer in this mood starts or ends a message with. */
  moodOpeners: Readonly<Record<Mood, readonly string[]>>;
  moodClosers: Readonly<Record<Mood, readonly string[]>>;
  /** Customer messages chasing an answer, on any topic. */
  nudges: readonly string[];
  /** Agent replies that hold the conversation while something is checked, on any topic. */
  holdingReplies: readonly string[];
  /** Opening and closing lines of an agent's reply. */
  greeting: string;
  signOff: string;
  /** Survey comments by score: 1-4, 5-7, 8-10. */
  surveyComments: Readonly<Record<'low' | 'mid' | 'high', readonly string[]>>;
  kb: readonly KbText[];
  canned: Readonly<Record<CannedShortcut, CannedText>>;
  /** Formats a date (UTC) and an amount given in cents, the way this language writes them. */
  formatDate(epochMs: number): string;
  formatMoney(cents: number): string;
}
