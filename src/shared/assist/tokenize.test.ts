import { describe, expect, it } from 'vitest';
import { foldPhrase, singleLetters, tokenize } from './tokenize';

const words = (text: string): string[] => tokenize(text).map((t) => t.text);

describe('tokenize', () => {
  it('folds Polish diacritics, including ł, so text typed without them matches', () => {
    expect(words('Żółć, łódź i źdźbło')).toEqual(['zolc', ',', 'lodz', 'i', 'zdzblo']);
    expect(foldPhrase('Paczka nie dotarła')).toBe(foldPhrase('paczka nie dotarla'));
  });

  it('folds Greek accents, diaeresis and final sigma', () => {
    expect(words('Καθυστέρηση ΠΑΡΑΓΓΕΛΊΑΣ κοροϊδία')).toEqual(['καθυστερηση', 'παραγγελιασ', 'κοροιδια']);
    expect(foldPhrase('είστε')).toBe(foldPhrase('ειστε'));
  });

  it('keeps offsets into the original text', () => {
    const text = 'Hi  Zażółć!';
    const [, word, bang] = tokenize(text);
    expect(text.slice(word?.start, word?.end)).toBe('Zażółć');
    expect(bang).toMatchObject({ kind: 'punct', text: '!' });
  });

  it('marks capitals and elongation, and keeps at most two of a repeated letter', () => {
    const [now, sooo] = tokenize('NOW sooo');
    expect(now).toMatchObject({ text: 'now', caps: true, elongated: false });
    expect(sooo).toMatchObject({ text: 'soo', caps: false, elongated: true });
    expect(singleLetters('soo')).toBe('so');
  });

  it('reads emoji and emoticons as emoji tokens, and skips URLs and handles', () => {
    expect(tokenize('@united :( see https://x.co/a 😡').map((t) => `${t.kind}:${t.text}`)).toEqual(['emoji:🙁', 'word:see', 'emoji:😡']);
  });

  it('drops apostrophes inside words, as the lexicons spell them', () => {
    expect(words("don't can’t")).toEqual(['dont', 'cant']);
  });

  it('splits camel-case hashtags into words', () => {
    expect(words('#NeverAgain #SOS')).toEqual(['never', 'again', 'sos']);
  });
});
