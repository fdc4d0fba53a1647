/**
 * Lexicon sentiment with the rules that make word lists hold up on real messages: phrases before words,
 * negation over the next few words, intensifiers and down-toners, capitals and elongation as emphasis,
 * "but" shifting weight to what follows, and exclamation marks amplifying the result.
 */
import { lookup, wordValue } from './lexicon';
import { CONTRAST, COURTESY, EMOJI, INTENSITY, NEGATION, SENTIMENT } from './lexicons';
import type { Token } from './tokenize';
import type { Lang } from './types';

/** How a negated word counts: flipped and weakened ("not good" is less bad than "bad"). */
const NEGATED = -0.75;
/** How many words after a negator it reaches (a clause boundary ends it earlier). */
const NEGATION_REACH = 3;
/** Emphasis of a word in capitals inside a normal sentence, and of an elongated word ("sooo"). */
const CAPS_EMPHASIS = 1.4;
const ELONGATION_EMPHASIS = 1.2;
/** Weights before and after a contrast word. */
const BEFORE_CONTRAST = 0.5;
const AFTER_CONTRAST = 1.5;
/** Each "!" (up to four) adds this much to the magnitude. */
const EXCLAMATION_BOOST = 0.3;
const MAX_EXCLAMATIONS = 4;
/** Normalisation constant: compound = sum / sqrt(sum^2 + ALPHA), as in VADER. */
const ALPHA = 15;
/**
 * Negativity bias, a product choice: in a message that mixes praise and complaint, the complaint is what the
 * agent must handle ("nice crew but 3 hours late"), so negative contributions weigh this much more. Hand-set.
 */
const NEGATIVE_WEIGHT = 1.5;
/** "nie" glued to a word ("niepomocny"): read as negation when only the rest is listed. */
const PL_NEGATIVE_PREFIX = 'nie';

/** The sentiment of one message. */
export interface SentimentScore {
  /** Normalised score in [-1, 1]. */
  compound: number;
  /** Sums of the positive and of the negative contributions, after modifiers (negative is <= 0). */
  positive: number;
  negative: number;
  /** Number of words and emoji that carried sentiment. */
  hits: number;
}

function polishPrefixValue(lang: Lang, word: string): number | undefined {
  if (lang !== 'pl' || word.length < 6 || !word.startsWith(PL_NEGATIVE_PREFIX)) return undefined;
  const rest = wordValue(SENTIMENT.pl, word.slice(PL_NEGATIVE_PREFIX.length));
  return rest === undefined ? undefined : rest * NEGATED;
}

function isClauseBreak(token: Token): boolean {
  return token.kind === 'punct' && token.text !== ':';
}

/** Score folded tokens in the given language. */
export function scoreSentiment(tokens: readonly Token[], lang: Lang): SentimentScore {
  const lex = SENTIMENT[lang];
  const values: number[] = [];
  let words = 0;
  let capsWords = 0;
  for (const t of tokens) {
    if (t.kind !== 'word') continue;
    words++;
    if (t.caps) capsWords++;
  }
  // A message written all in capitals is shouting as a whole; single capitalised words are emphasis.
  const shouting = words >= 3 && capsWords / words > 0.8;
  let negatedUntil = -1;
  // A negator that negates nothing listed still says something is wrong ("can't log in", "no wifi"): its own
  // listed value (e.g. "no" -1) counts when its reach ends unused.
  let unusedNegator = 0;
  const settleNegator = (): void => {
    if (unusedNegator !== 0) values.push(unusedNegator);
    unusedNegator = 0;
  };
  let boost = 1;
  let boostUntil = -1;
  let contrastAt = -1;
  let exclamations = 0;
  let courtesy = 0;

  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (i > negatedUntil) settleNegator();
    if (t.kind === 'punct') {
      if (t.text === '!') exclamations++;
      if (isClauseBreak(t)) {
        negatedUntil = -1;
        settleNegator();
      }
      continue;
    }
    if (t.kind === 'emoji') {
      const v = EMOJI.exact.get(t.text);
      if (v !== undefined) values.push(v);
      continue;
    }
    let hit = lookup(lex, tokens, i);
    if (hit === undefined || hit.length === 1) {
      const negator = lookup(NEGATION, tokens, i);
      if (negator !== undefined) {
        settleNegator();
        unusedNegator = (negator.length === 1 ? wordValue(lex, t.text) : undefined) ?? 0;
        negatedUntil = i + negator.length - 1 + NEGATION_REACH;
        i += negator.length - 1;
        continue;
      }
      const intensity = lookup(INTENSITY, tokens, i);
      if (intensity !== undefined) {
        boost = t.elongated ? intensity.value * ELONGATION_EMPHASIS : intensity.value;
        boostUntil = i + intensity.length + 1;
        i += intensity.length - 1;
        continue;
      }
      if (lookup(CONTRAST, tokens, i) !== undefined) {
        contrastAt = values.length;
        negatedUntil = -1;
        continue;
      }
    }
    const prefixed = hit === undefined ? polishPrefixValue(lang, t.text) : undefined;
    if (prefixed !== undefined) hit = { value: prefixed, length: 1 };
    if (hit === undefined || hit.value === 0) continue;
    let v = hit.value;
    if (v > 0 && i > negatedUntil && lookup(COURTESY, tokens, i) !== undefined) {
      courtesy += v;
      i += hit.length - 1;
      continue;
    }
    if (i <= negatedUntil) {
      // A negated complaint word is not praise: "no refund", "don't have my bag yet". The negator keeps its own
      // (complaint) value; the phrases that do praise by negation ("not bad", "no problem") are listed.
      if (v < 0) {
        i += hit.length - 1;
        continue;
      }
      v *= NEGATED;
      unusedNegator = 0;
    }
    if (i <= boostUntil) v *= boost;
    if (t.caps && !shouting) v *= CAPS_EMPHASIS;
    if (t.elongated) v *= ELONGATION_EMPHASIS;
    values.push(v);
    i += hit.length - 1;
  }

  settleNegator();
  let positive = 0;
  let negative = 0;
  values.forEach((v, k) => {
    const weighted = contrastAt < 0 ? v : v * (k < contrastAt ? BEFORE_CONTRAST : AFTER_CONTRAST);
    if (weighted > 0) positive += weighted;
    else negative += weighted;
  });
  if (negative === 0) positive += courtesy;
  let sum = positive + NEGATIVE_WEIGHT * negative;
  if (sum !== 0) sum += Math.sign(sum) * Math.min(exclamations, MAX_EXCLAMATIONS) * EXCLAMATION_BOOST;
  return { compound: sum / Math.sqrt(sum * sum + ALPHA), positive, negative, hits: values.length + (courtesy > 0 ? 1 : 0) };
}
