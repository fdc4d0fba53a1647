/**
 * Compiled word lists: exact words, stems (for inflected Polish and Greek) and multi-word phrases, all held
 * in Maps built once at module load so that a look-up is a few Map reads.
 */
import { foldPhrase, singleLetters, type Token } from './tokenize';

/** Shortest stem allowed: shorter prefixes match too many unrelated words. */
const MIN_STEM = 3;
/** How many characters may follow a stem (Polish and Greek endings are at most this long). */
const MAX_ENDING = 5;
/** Short stems (4 letters or fewer) only take short endings: "zł*" must not match "złoto". */
const SHORT_STEM = 4;
const SHORT_ENDING = 2;

interface Phrase {
  readonly rest: readonly string[];
  readonly lastIsStem: boolean;
  readonly value: number;
}

/** A compiled list. Values are signed weights (sentiment) or plain cue strengths. */
export interface Lexicon {
  readonly exact: ReadonlyMap<string, number>;
  readonly stems: ReadonlyMap<string, number>;
  readonly phrases: ReadonlyMap<string, readonly Phrase[]>;
  readonly longestStem: number;
  /** First MIN_STEM letters of every stem: one Set read rules out most words before any prefix is tried. */
  readonly stemHeads: ReadonlySet<string>;
  /** Inflectional endings tried, removed, when a word is not listed ("sucked" -> "suck"). */
  readonly endings: readonly string[];
}

/** Options of `compileLexicon`. */
export interface LexiconOptions {
  /** Endings to strip from unlisted words, longest first (for English: "ing", "ed", "s"...). */
  endings?: readonly string[];
}

/** A match: its value and how many tokens it covers from the start position. */
export interface LexiconHit {
  readonly value: number;
  readonly length: number;
}

/**
 * Compile lists written one entry per line: `term value` (value defaults to 1). A trailing `*` makes the
 * last word a stem ("polec* 3" matches "polecam", "polecić"). Terms may hold several words. `#` starts a
 * comment. Terms are folded like running text, so lists are written with their proper diacritics.
 */
export function compileLexicon(sources: ReadonlyArray<string | Readonly<Record<string, number>>>, options: LexiconOptions = {}): Lexicon {
  const exact = new Map<string, number>();
  const stems = new Map<string, number>();
  const phrases = new Map<string, Phrase[]>();
  let longestStem = 0;
  const add = (rawTerm: string, value: number): void => {
    const isStem = rawTerm.endsWith('*');
    const words = foldPhrase(isStem ? rawTerm.slice(0, -1) : rawTerm).split(' ').filter((w) => w !== '');
    const [first, ...rest] = words;
    if (first === undefined) return;
    if (rest.length > 0) {
      const list = phrases.get(first) ?? [];
      list.push({ rest, lastIsStem: isStem, value });
      // Longest phrase first, so "not at all bad" wins over "not at all".
      list.sort((a, b) => b.rest.length - a.rest.length);
      phrases.set(first, list);
    } else if (isStem && first.length >= MIN_STEM) {
      stems.set(first, value);
      longestStem = Math.max(longestStem, first.length);
    } else {
      exact.set(first, value);
    }
  };
  for (const source of sources) {
    if (typeof source !== 'string') {
      for (const [term, value] of Object.entries(source)) add(term, value);
      continue;
    }
    for (const line of source.split('\n')) {
      const content = line.split('#')[0]?.trim() ?? '';
      if (content === '') continue;
      const match = /^(.*?)\s+(-?\d+(?:\.\d+)?)$/.exec(content);
      if (match) add(match[1] as string, Number(match[2]));
      else add(content, 1);
    }
  }
  const endings = [...(options.endings ?? [])].sort((a, b) => b.length - a.length);
  const stemHeads = new Set([...stems.keys()].map((stem) => stem.slice(0, MIN_STEM)));
  return { exact, stems, phrases, longestStem, stemHeads, endings };
}

function stemValue(lex: Lexicon, word: string): number | undefined {
  if (word.length < MIN_STEM || !lex.stemHeads.has(word.slice(0, MIN_STEM))) return undefined;
  const top = Math.min(word.length, lex.longestStem);
  for (let k = top; k >= MIN_STEM; k--) {
    const ending = word.length - k;
    if (ending > MAX_ENDING) return undefined;
    const value = lex.stems.get(word.slice(0, k));
    if (value !== undefined) return k <= SHORT_STEM && ending > SHORT_ENDING ? undefined : value;
  }
  return undefined;
}

/** Shortest word left after removing an ending: "is" must not become "i". */
const MIN_BASE = 3;

function inflectedValue(lex: Lexicon, word: string): number | undefined {
  for (const ending of lex.endings) {
    if (word.length - ending.length < MIN_BASE || !word.endsWith(ending)) continue;
    const value = lex.exact.get(word.slice(0, -ending.length));
    if (value !== undefined) return value;
  }
  return undefined;
}

/** Value of a single folded word: exact spelling first, then its stem, then without an ending. */
export function wordValue(lex: Lexicon, word: string): number | undefined {
  return lex.exact.get(word) ?? stemValue(lex, word) ?? (lex.endings.length > 0 ? inflectedValue(lex, word) : undefined);
}

function tokenMatches(token: Token | undefined, expected: string, asStem: boolean): boolean {
  if (token === undefined || token.kind !== 'word') return false;
  if (!asStem) return token.text === expected;
  return token.text.startsWith(expected) && token.text.length - expected.length <= MAX_ENDING;
}

/** Longest entry starting at `tokens[i]`: a phrase, then the word itself, then its single-letter spelling. */
export function lookup(lex: Lexicon, tokens: readonly Token[], i: number): LexiconHit | undefined {
  const token = tokens[i];
  if (token === undefined) return undefined;
  const candidates = lex.phrases.get(token.text);
  if (candidates !== undefined) {
    for (const phrase of candidates) {
      const last = phrase.rest.length - 1;
      if (phrase.rest.every((w, k) => tokenMatches(tokens[i + 1 + k], w, phrase.lastIsStem && k === last))) {
        return { value: phrase.value, length: phrase.rest.length + 1 };
      }
    }
  }
  let value = wordValue(lex, token.text);
  if (value === undefined && token.elongated) value = wordValue(lex, singleLetters(token.text));
  return value === undefined ? undefined : { value, length: 1 };
}

/** One occurrence of a list entry in a text, with its span in the original string. */
export interface LexiconMatch {
  readonly value: number;
  /** Index of the first token and the number of tokens covered. */
  readonly token: number;
  readonly length: number;
  readonly start: number;
  readonly end: number;
}

/** Every non-overlapping occurrence of `lex` entries in `tokens`, left to right. */
export function findMatches(lex: Lexicon, tokens: readonly Token[]): LexiconMatch[] {
  const matches: LexiconMatch[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const hit = lookup(lex, tokens, i);
    if (hit === undefined) continue;
    const first = tokens[i] as Token;
    const last = tokens[i + hit.length - 1] as Token;
    matches.push({ value: hit.value, token: i, length: hit.length, start: first.start, end: last.end });
    i += hit.length - 1;
  }
  return matches;
}
