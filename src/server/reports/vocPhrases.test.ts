import { describe, expect, it } from 'vitest';
import { commentHasPhrase, phrasesOfComment, phraseWords, recurringPhrases } from './vocPhrases';
import { isStopWord } from './vocStopWords';

const phrases = (comment: string) => [...phrasesOfComment(comment).keys()];

describe('phrases of a comment', () => {
  it('keeps content words and adjacent pairs, drops stop words of en, pl and el, never spans punctuation', () => {
    expect(phrases('The delivery was late. Very late!')).toEqual(['delivery', 'late']);
    expect(phrases('Paczka przyszła za późno')).toEqual(['paczka', 'paczka przyszla', 'przyszla', 'pozno']);
    expect(phrases('Το δέμα ήρθε πολύ αργά')).toEqual(['δεμα', 'δεμα ηρθε', 'ηρθε', 'αργα']);
  });

  it('keeps a negator leading a phrase but never alone', () => {
    expect(phrases('It is not working')).toEqual(['not working', 'working']);
    expect(phrases('Nie działa')).toEqual(['nie dziala', 'dziala']);
    expect(phrases('Δεν ήρθε')).toEqual(['δεν ηρθε', 'ηρθε']);
  });

  it('counts repeats within a comment, folds case, accents and elongation as search does', () => {
    expect(phrasesOfComment('RUDE, rude').get('rude')).toEqual({ words: 1, count: 2 });
    // Letter runs are cut to two, however long: "ruuude" and "ruuuuude" are one word.
    expect(phrasesOfComment('ruuude! RUUUUUDE').get('ruude')).toEqual({ words: 1, count: 2 });
    expect(phrases('Ξανά ΞΑΝΆ')).toEqual(['ξανα', 'ξανα ξανα']);
  });

  it('knows the stop words in any spelling', () => {
    for (const w of ['the', 'sie', 'się', 'ΚΑΙ', 'είναι']) expect(isStopWord(phraseWords(w)[0]!), w).toBe(true);
    for (const w of ['order', 'paczka', 'δέμα']) expect(isStopWord(phraseWords(w)[0]!), w).toBe(false);
  });
});

describe('recurring phrases', () => {
  it('lists those in at least two comments, most comments first, then most often, then alphabetically', () => {
    expect(recurringPhrases(['late late parcel', 'Late!', 'parcel lost', 'lost'])).toEqual([
      { phrase: 'late', words: 1, count: 3, comments: 2 },
      { phrase: 'lost', words: 1, count: 2, comments: 2 },
      { phrase: 'parcel', words: 1, count: 2, comments: 2 },
    ]);
    expect(recurringPhrases([])).toEqual([]);
  });

  it('keeps the top thirty', () => {
    const words = Array.from({ length: 40 }, (_, i) => `word${String(i).padStart(2, '0')}`);
    const top = recurringPhrases([words.join(', '), words.join(', ')]);
    expect(top).toHaveLength(30);
    expect(top[0]).toEqual({ phrase: 'word00', words: 1, count: 2, comments: 2 });
  });

  it('finds a phrase in a comment word by word, within a sentence', () => {
    expect(commentHasPhrase('Kurier NIE dotarł.', phraseWords('nie dotarl'))).toBe(true);
    expect(commentHasPhrase('Kurier nie. Dotarł', phraseWords('nie dotarl'))).toBe(false);
    expect(commentHasPhrase('nie dotarła', phraseWords('nie dotarl'))).toBe(false);
    expect(commentHasPhrase('anything', [])).toBe(false);
  });
});
