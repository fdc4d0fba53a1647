/**
 * The customer state: language, sentiment, emotion, urgency and formality read from the customer's recent
 * messages, the newest weighing most.
 */
import { analyseMessage, type MessageAnalysis } from './analyseMessage';
import { pickLanguage, type LanguageEvidence } from './detectLanguage';
import type { CustomerState, Emotion, Formality, Lang, Sentiment, Urgency } from './types';

/** Weight of a message relative to the one after it: the newest message counts most. */
const DECAY = 0.5;
/**
 * Neutral band of the weighted score. It is lopsided on purpose: missing an upset customer costs more than
 * treating a neutral one with care, so a little negative evidence is enough, while positive needs more.
 */
const NEGATIVE_BELOW = -0.05;
const POSITIVE_ABOVE = 0.3;
/** A question with only faint sentiment is a request for information; its score is shrunk by this factor. */
const QUESTION_DAMPING = 0.5;
const FAINT = 0.5;
/** Shouting and explicit emotion words push the score down even where the lexicon has nothing. */
const SHOUTING_PUSH = 0.25;
const EMOTION_CUE_PUSH = 0.08;
const MAX_EMOTION_PUSH = 0.4;
/** Urgency strength at or above which it is "high". */
const HIGH_URGENCY = 2;
/**
 * Below this (very negative), a customer with no emotion cue reads as angry, but only when they say it with
 * force ("!!", capitals): problem words alone ("dead pixel", "doesn't turn on") are not hostility.
 */
const ANGRY_SCORE = -0.6;

/** Options of `classifyCustomer`. */
export interface ClassifyOptions {
  /** Language assumed when the messages give no evidence (default "en"). */
  fallbackLanguage?: Lang;
}

function messageScore(m: MessageAnalysis): number {
  let score = m.sentiment.compound;
  if (m.question && Math.abs(score) < FAINT) score *= QUESTION_DAMPING;
  if (m.shouting) score -= SHOUTING_PUSH;
  score -= Math.min(MAX_EMOTION_PUSH, EMOTION_CUE_PUSH * (m.anger + m.sadness + m.anxiety));
  return Math.max(-1, Math.min(1, score));
}

function readSentiment(score: number): Sentiment {
  if (score <= NEGATIVE_BELOW) return 'negative';
  if (score >= POSITIVE_ABOVE) return 'positive';
  return 'neutral';
}

interface Weighted {
  anger: number;
  intensity: number;
  anxiety: number;
  sadness: number;
  urgency: number;
  formality: number;
  score: number;
}

function readEmotion(sentiment: Sentiment, w: Weighted): Emotion {
  if (sentiment === 'positive') return 'positive';
  if (sentiment === 'neutral') return w.anxiety > 0 ? 'anxious' : 'neutral';
  const strongest = Math.max(w.anger, w.anxiety, w.sadness);
  // A problem reported without feeling: negative, yet calm.
  if (strongest === 0) return w.score <= ANGRY_SCORE && w.intensity > 0 ? 'angry' : 'neutral';
  if (w.anger === strongest) return 'angry';
  return w.anxiety === strongest ? 'anxious' : 'sad';
}

function readUrgency(w: Weighted, sentiment: Sentiment, newest: MessageAnalysis): Urgency {
  if (newest.noHurry) return 'low';
  if (w.urgency >= HIGH_URGENCY) return 'high';
  return w.urgency === 0 && sentiment === 'positive' ? 'low' : 'normal';
}

function readFormality(balance: number): Formality {
  if (balance > 0) return 'formal';
  return balance < 0 ? 'informal' : 'unknown';
}

/**
 * Estimate the customer's state from their recent messages, oldest first. An empty list gives a neutral,
 * unknown-formality state in the fallback language.
 */
export function classifyCustomer(messages: readonly string[], options: ClassifyOptions = {}): CustomerState {
  const fallback = options.fallbackLanguage ?? 'en';
  const first = messages.map((text) => analyseMessage(text, fallback));
  const evidence: LanguageEvidence = { en: 0, pl: 0, el: 0 };
  for (const m of first) for (const lang of ['en', 'pl', 'el'] as const) evidence[lang] += m.evidence[lang];
  const language = pickLanguage(evidence, fallback);
  // A message with no language evidence of its own ("ok", "??") is read in the conversation's language.
  const analyses = first.map((m, k) =>
    m.evidence.en + m.evidence.pl + m.evidence.el === 0 && language !== fallback
      ? analyseMessage(messages[k] as string, language)
      : m,
  );

  const w: Weighted = { anger: 0, intensity: 0, anxiety: 0, sadness: 0, urgency: 0, formality: 0, score: 0 };
  let total = 0;
  let upsetMessages = 0;
  analyses.forEach((m, k) => {
    const weight = DECAY ** (analyses.length - 1 - k);
    const score = messageScore(m);
    if (score <= NEGATIVE_BELOW) upsetMessages++;
    total += weight;
    w.score += weight * score;
    w.anger += weight * (m.anger + (m.shouting ? 1 : 0));
    w.intensity += weight * (m.intense ? 1 : 0);
    w.anxiety += weight * m.anxiety;
    w.sadness += weight * m.sadness;
    w.urgency += weight * m.urgency;
    w.formality += weight * (m.formal - m.informal);
  });
  if (total > 0) for (const key of Object.keys(w) as Array<keyof Weighted>) w[key] /= total;
  // Writing again and again while upset is urgent whatever the words (repeat contact).
  if (upsetMessages >= 3) w.urgency += HIGH_URGENCY;
  else if (upsetMessages === 2) w.urgency += 1;

  const sentiment = readSentiment(w.score);
  const newest = analyses[analyses.length - 1];
  return {
    language,
    sentiment,
    emotion: readEmotion(sentiment, w),
    urgency: newest === undefined ? 'normal' : readUrgency(w, sentiment, newest),
    formality: readFormality(w.formality),
    score: Math.round(w.score * 1000) / 1000,
  };
}
