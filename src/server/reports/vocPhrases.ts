import { tokenize } from '../../shared/assist/tokenize';
import { VOC_MIN_PHRASE_COMMENTS, VOC_TOP_PHRASES, type VocPhrase } from '../../shared/protocol';
import { isNegator, isStopWord } from './vocStopWords';

/**
 * Recurring words and two-word phrases of survey comments, folded by the search tokenizer (THE folding rule of
 * shared/text/fold, letter runs cut to two): "Kurier się spóźnił" and "kurier sie spoznil" are one phrase, and
 * so are "καθυστέρηση" and "ΚΑΘΥΣΤΕΡΗΣΗ".
 */

/** Shortest word counted on its own: single letters and digits say nothing. */
const MIN_WORD = 2;

/** The comment's folded words, in runs that punctuation and emoji break: a phrase never spans a sentence. */
function wordRuns(comment: string): string[][] {
  const runs: string[][] = [[]];
  for (const token of tokenize(comment)) {
    if (token.kind === 'word') (runs[runs.length - 1] as string[]).push(token.text);
    else if ((runs[runs.length - 1] as string[]).length > 0) runs.push([]);
  }
  return runs.filter((run) => run.length > 0);
}

const counts = (word: string) => word.length >= MIN_WORD && !isStopWord(word);

/**
 * The phrases of one comment with how often each occurs in it: each word that is not a stop word, and each two
 * adjacent words of which neither is, or the first is a negator ("nie dziala", "not working", "δεν ηρθε").
 */
export function phrasesOfComment(comment: string): Map<string, { words: 1 | 2; count: number }> {
  const found = new Map<string, { words: 1 | 2; count: number }>();
  const add = (phrase: string, words: 1 | 2) => {
    const seen = found.get(phrase);
    if (seen) seen.count++;
    else found.set(phrase, { words, count: 1 });
  };
  for (const run of wordRuns(comment)) {
    run.forEach((word, i) => {
      if (counts(word)) add(word, 1);
      const next = run[i + 1];
      if (next !== undefined && counts(next) && (counts(word) || isNegator(word))) add(`${word} ${next}`, 2);
    });
  }
  return found;
}

/**
 * Phrases found in at least VOC_MIN_PHRASE_COMMENTS comments, the VOC_TOP_PHRASES that appear in the most
 * comments (then the most often, then alphabetically, so the order is stable).
 */
export function recurringPhrases(comments: readonly string[]): VocPhrase[] {
  const all = new Map<string, VocPhrase>();
  for (const comment of comments) {
    for (const [phrase, { words, count }] of phrasesOfComment(comment)) {
      const seen = all.get(phrase);
      if (seen) {
        seen.count += count;
        seen.comments++;
      } else all.set(phrase, { phrase, words, count, comments: 1 });
    }
  }
  return [...all.values()]
    .filter((p) => p.comments >= VOC_MIN_PHRASE_COMMENTS)
    .sort((a, b) => b.comments - a.comments || b.count - a.count || (a.phrase < b.phrase ? -1 : a.phrase > b.phrase ? 1 : 0))
    .slice(0, VOC_TOP_PHRASES);
}

/** The folded words of a phrase filter, as a comment's words would be. */
export function phraseWords(phrase: string): string[] {
  return wordRuns(phrase).flat();
}

/** Whether a comment holds the phrase's words one after the other, within one run. */
export function commentHasPhrase(comment: string, words: readonly string[]): boolean {
  if (words.length === 0) return false;
  return wordRuns(comment).some((run) => run.some((_, i) => words.every((w, k) => run[i + k] === w)));
}
