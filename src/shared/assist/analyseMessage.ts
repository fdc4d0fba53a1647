/**
 * Everything the engine reads from one customer message, in one pass over its tokens. `classifyCustomer`
 * combines several of these; the tone check reads drafts with the same tokeniser and lists.
 */
import { languageEvidence, pickLanguage, type LanguageEvidence } from './detectLanguage';
import { findMatches, lookup, type Lexicon } from './lexicon';
import { ANGER, ANXIETY, FORMAL, INFORMAL, NO_HURRY, QUESTION_OPENERS, SADNESS, URGENT } from './lexicons';
import { scoreSentiment, type SentimentScore } from './scoreSentiment';
import { tokenize, type Token } from './tokenize';
import type { Lang } from './types';

/** Cues read from one message. Cue fields are summed strengths (0 when absent). */
export interface MessageAnalysis {
  language: Lang;
  evidence: LanguageEvidence;
  sentiment: SentimentScore;
  anger: number;
  anxiety: number;
  sadness: number;
  urgency: number;
  noHurry: boolean;
  formal: number;
  informal: number;
  /** Most of the letters are capitals, or "!!" / "?!" runs: raised voice. */
  shouting: boolean;
  /** Two or more "!" in the message: said with force. A plain problem report ("it has a dead pixel") is not. */
  intense: boolean;
  /** A request for information: ends in "?" or opens with a question word. */
  question: boolean;
}

/** Exclamation marks that make a message intense. */
const INTENSE_EXCLAMATIONS = 2;
/** Shouting: at least this many letters, this share of them capitals. */
const SHOUT_MIN_WORDS = 3;
const SHOUT_CAPS_SHARE = 0.6;

function cueStrength(lex: Lexicon, tokens: readonly Token[]): number {
  let total = 0;
  for (const m of findMatches(lex, tokens)) total += m.value;
  return total;
}

function isShouting(tokens: readonly Token[]): boolean {
  let words = 0;
  let caps = 0;
  let marks = 0;
  for (const t of tokens) {
    if (t.kind === 'word') {
      words++;
      if (t.caps) caps++;
      marks = 0;
    } else if (t.kind === 'punct' && (t.text === '!' || t.text === '?')) {
      marks++;
      // "!!!" or "?!?" is a raised voice whatever the case of the letters.
      if (marks >= 3) return true;
    }
  }
  return words >= SHOUT_MIN_WORDS && caps / words >= SHOUT_CAPS_SHARE;
}

function isQuestion(tokens: readonly Token[]): boolean {
  const firstWord = tokens.findIndex((t) => t.kind === 'word');
  if (firstWord >= 0 && lookup(QUESTION_OPENERS, tokens, firstWord) !== undefined) return true;
  for (let i = tokens.length - 1; i >= 0; i--) {
    const t = tokens[i] as Token;
    if (t.kind === 'emoji') continue;
    return t.kind === 'punct' && t.text === '?';
  }
  return false;
}

/**
 * Read one message. `fallback` is the language assumed when the message gives no evidence (e.g. "ok").
 */
export function analyseMessage(text: string, fallback: Lang = 'en'): MessageAnalysis {
  const tokens = tokenize(text);
  const evidence = languageEvidence(text, tokens);
  const language = pickLanguage(evidence, fallback);
  return {
    language,
    evidence,
    sentiment: scoreSentiment(tokens, language),
    anger: cueStrength(ANGER, tokens),
    anxiety: cueStrength(ANXIETY, tokens),
    sadness: cueStrength(SADNESS, tokens),
    urgency: cueStrength(URGENT, tokens),
    noHurry: findMatches(NO_HURRY, tokens).length > 0,
    formal: cueStrength(FORMAL, tokens),
    informal: cueStrength(INFORMAL, tokens),
    shouting: isShouting(tokens),
    intense: tokens.filter((t) => t.kind === 'punct' && t.text === '!').length >= INTENSE_EXCLAMATIONS,
    question: isQuestion(tokens),
  };
}
