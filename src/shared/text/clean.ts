/**
 * Characters that carry no meaning in what people write and only serve to break or disguise it: control
 * characters other than tab and line breaks (NUL among them), bidirectional overrides and isolates (which make
 * text read in another order than it is stored), zero-width characters and byte-order marks.
 */
const INVISIBLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/gu;
/** Halves of UTF-16 surrogate pairs standing alone: not text, and invalid in UTF-8 (databases, JSON elsewhere). */
const LONE_SURROGATE = /\p{Cs}/gu;

/**
 * Normalises text people or connectors sent: NFC, lone surrogates replaced by U+FFFD, invisible and control
 * characters removed (tabs and line breaks stay). Applied to every stored name and message, so what is stored
 * is what everyone sees.
 */
export function cleanText(text: string): string {
  return text.replace(LONE_SURROGATE, '\uFFFD').replace(INVISIBLE, '').normalize('NFC');
}

/** True when `cleanText` would keep `text` as it is (row schemas refuse anything else). */
export const isCleanText = (text: string): boolean => cleanText(text) === text;
