/**
 * Public types of the assist engine. Pure data: serialisable, shared by the renderer, the CLI and tests.
 */
import type { CaseStatus, Channel, Lang } from '../domain';

export type { Lang };

export type Sentiment = 'negative' | 'neutral' | 'positive';
export type Emotion = 'angry' | 'anxious' | 'sad' | 'neutral' | 'positive';
export type Urgency = 'low' | 'normal' | 'high';
export type Formality = 'formal' | 'informal' | 'unknown';

/** How the customer seems to feel, estimated from their recent messages (the newest weighs most). */
export interface CustomerState {
  language: Lang;
  sentiment: Sentiment;
  emotion: Emotion;
  urgency: Urgency;
  formality: Formality;
  /** Weighted sentiment score in [-1, 1]; `sentiment` is this score read through a neutral band. */
  score: number;
}

/** The register a reply should take: `light` only for a relaxed, positive customer. */
export type Tone = 'serious' | 'warm' | 'light';

export type HintCode =
  | 'humour-when-upset'
  | 'dismissive'
  | 'smiley-when-upset'
  | 'too-casual'
  | 'no-acknowledgement'
  | 'blaming'
  | 'shouting'
  | 'too-long'
  | 'jargon'
  | 'formality-mismatch';

export type Severity = 'info' | 'warning' | 'critical';

/** Offsets in the draft, `end` exclusive, for the composer to highlight. */
export interface Span {
  start: number;
  end: number;
}

/** One thing in a draft that does not fit the customer. `messageKey` is in the i18next namespace "assist". */
export interface ToneHint {
  code: HintCode;
  severity: Severity;
  messageKey: string;
  params?: Record<string, string | number>;
  span?: Span;
}

/** The tone check of a draft: the tone that fits, and what in the draft does not (empty when it fits). */
export interface ToneCheck {
  tone: Tone;
  hints: ToneHint[];
}

/** Every kind of suggested next step (the CLI, the IPC contract and the feedback model list them from here). */
export const NEXT_STEP_KINDS = [
  'reply-now',
  'share-article',
  'recap-previous-channel',
  'ask-missing-info',
  'offer-callback',
  'escalate',
  'remind-or-close',
  'follow-up-alert',
  'anticipate-next-need',
] as const;
export type NextStepKind = (typeof NEXT_STEP_KINDS)[number];

/** What the UI does when the agent accepts a step. `textKey`s are in the "assist" namespace. */
export type NextStepAction =
  | { type: 'focus-composer' }
  /** Put a ready sentence into the composer, written in the customer's language `lang`. */
  | { type: 'insert-text'; textKey: string; lang: Lang; params?: Record<string, string | number> }
  | { type: 'share-article'; articleId: string; title: string }
  | { type: 'set-status'; status: CaseStatus }
  | { type: 'escalate'; caseId: string }
  | { type: 'schedule-callback'; caseId: string }
  | { type: 'open-alert'; caseId: string }
  /** Show what happened on an earlier channel: the interactions, and what was said and promised there. */
  | { type: 'open-recap'; channel: Channel; interactionIds: string[]; said: string[]; promised: string[] };

/** One suggested step, ranked by `score` (higher first). `reasonKey` is a one-line reason in "assist". */
export interface NextStep {
  kind: NextStepKind;
  score: number;
  reasonKey: string;
  params: Record<string, string | number>;
  action: NextStepAction;
}
