/**
 * What a sentence of a case says: a promise made by staff, a customer request, or a content-free chaser
 * ("Hello???"). One definition each, read by the next-step rules and by the case brief.
 */
import { findMatches, lookup, type Lexicon } from './lexicon';
import { NEGATION, PING, PROMISE, REQUEST } from './lexicons';
import { tokenize, type Token } from './tokenize';

/** How many words before a cue a negator still reaches ("nothing was agreed", "has not been delivered"). */
const NEGATION_REACH = 3;

/** A negator within reach before token `at`, in the same clause. */
function negatedAt(tokens: readonly Token[], at: number): boolean {
  let words = 0;
  for (let i = at - 1; i >= 0 && words < NEGATION_REACH; i--) {
    const t = tokens[i] as Token;
    if (t.kind === 'punct') return false;
    if (t.kind !== 'word') continue;
    words++;
    if (lookup(NEGATION, tokens, i) !== undefined) return true;
  }
  return false;
}

/** Whether `lex` has an entry in `text` that is not negated ("agreed" yes, "nothing agreed" no). */
export function affirms(lex: Lexicon, text: string): boolean {
  const tokens = tokenize(text);
  return findMatches(lex, tokens).some((m) => !negatedAt(tokens, m.token));
}

/**
 * Whether `text` says what `lex` lists and never denies it: "it was delivered" yes; "it was not delivered, the
 * tracking says delivered" no (one denial is enough to doubt it happened).
 */
export function affirmsOnly(lex: Lexicon, text: string): boolean {
  const tokens = tokenize(text);
  const found = findMatches(lex, tokens);
  return found.length > 0 && found.every((m) => !negatedAt(tokens, m.token));
}

/** Whether `lex` has an entry in `text`, negated or not (problem lists spell their own negations). */
export function mentions(lex: Lexicon, text: string): boolean {
  return findMatches(lex, tokenize(text)).length > 0;
}

/** Staff commit to something or record an agreement: "We will call you", "Exchange agreed", "Uzgodniono wymianę". */
export const isPromise = (sentence: string): boolean => affirms(PROMISE, sentence);

/** A chaser with no content of its own: "Hello???", "Is anybody there?", "Halo?", "Είναι κανείς εκεί;". */
export function isPing(sentence: string): boolean {
  const words = tokenize(sentence).filter((t) => t.kind === 'word');
  const covered = findMatches(PING, words).reduce((n, m) => n + m.length, 0);
  return covered === words.length;
}

/** Greek ends a question with ";" (or the Greek question mark, U+037E), the others with "?" (";" is a semicolon there). */
const endsAsQuestion = (sentence: string): boolean =>
  /[?\u037E]\s*$/u.test(sentence) || (/;\s*$/u.test(sentence) && /\p{Script=Greek}/u.test(sentence));

/** The sentences of `text`, cut after ".", "!", "?", ";" (the Greek question mark too) and at line breaks. */
export function sentencesOf(text: string): string[] {
  return text
    .split(/(?<=[.!?;\u037E])\s+|\n+/u)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** The sentences of `text` that state something rather than ask ("It arrived." yes, "Has it arrived?" no). */
export const statementsOf = (text: string): string[] => sentencesOf(text).filter((s) => !endsAsQuestion(s));

/**
 * A customer sentence that asks something of us: a question with content, or a request phrased as a statement
 * ("I want my money back", "Chcę zwrot", "Θέλω επιστροφή χρημάτων"). Chasers are not requests.
 */
export function isOpenRequest(sentence: string): boolean {
  if (isPing(sentence)) return false;
  return endsAsQuestion(sentence) || affirms(REQUEST, sentence);
}
