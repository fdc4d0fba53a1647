/**
 * Public types of the assist engine. Pure data: serialisable, shared by the renderer, the CLI and tests.
 */
import type { Lang } from '../domain';

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
