// Letters that carry no combining mark in Unicode, so NFD does not take them apart: fold them by hand.
const LETTERS: Record<string, string> = { ł: 'l', đ: 'd', ø: 'o', ß: 'ss', æ: 'ae', œ: 'oe', ı: 'i', ς: 'σ' };
const SPECIAL = new RegExp(`[${Object.keys(LETTERS).join('')}]`, 'gu');

/**
 * Text as the search index holds it: lower case, without diacritics, with Polish ł as l and Greek final sigma
 * as σ, so that people may type "zolc" for "Żółć" and "σοφια" for "ΣΟΦΊΑ". FTS5's own remove_diacritics does
 * not fold ł (it is a letter of its own, not l with a mark), hence folding here, the same way for text and
 * queries.
 */
export function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(SPECIAL, (ch) => LETTERS[ch]);
}

/** The words of a folded text (letters and digits), as the tokenizer sees them. */
export const words = (folded: string): string[] => folded.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
