/**
 * Language identification for en / pl / el that works on a few words: Greek by its script, Polish by its
 * diacritics and function words, English by its function words.
 */
import { EN_WORDS, PL_WORDS } from './lexicons';
import type { Token } from './tokenize';
import type { Lang } from './types';

/** Evidence for each language; summed over messages when several are read together. */
export type LanguageEvidence = Record<Lang, number>;

const GREEK_LOWER_START = 0x3b1;
const GREEK_LOWER_END = 0x3c9;
/** Letters only Polish uses among our languages (both cases). */
const POLISH_LETTERS = new Set('ąćęłńśźżĄĆĘŁŃŚŹŻ');

/** Count the evidence for each language in one message. */
export function languageEvidence(text: string, tokens: readonly Token[]): LanguageEvidence {
  const evidence: LanguageEvidence = { en: 0, pl: 0, el: 0 };
  for (const token of tokens) {
    if (token.kind !== 'word') continue;
    const first = token.text.charCodeAt(0);
    if (first >= GREEK_LOWER_START && first <= GREEK_LOWER_END) {
      evidence.el += 2;
      continue;
    }
    if (EN_WORDS.exact.has(token.text)) evidence.en += 1;
    if (PL_WORDS.exact.has(token.text)) evidence.pl += 1;
  }
  for (const ch of text) if (POLISH_LETTERS.has(ch)) evidence.pl += 1;
  return evidence;
}

/** The language with the most evidence; `fallback` when there is none (e.g. "ok", "??", an emoji). */
export function pickLanguage(evidence: LanguageEvidence, fallback: Lang = 'en'): Lang {
  let best: Lang = fallback;
  let bestScore = 0;
  for (const lang of ['el', 'pl', 'en'] as const) {
    if (evidence[lang] > bestScore) {
      best = lang;
      bestScore = evidence[lang];
    }
  }
  return best;
}
