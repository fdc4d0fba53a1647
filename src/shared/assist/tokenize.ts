/**
 * Fast, allocation-light tokeniser shared by every part of the engine.
 *
 * Folding (THE rule of shared/text/fold) happens per character through a table built once at module load, so
 * the hot path never runs a regex or `normalize()` per token, and every token keeps its offsets in the ORIGINAL text (the tone check
 * reports spans the composer can highlight).
 */
import { foldText } from '../text/fold';

/** What a token is: a word, an emoji (or emoticon), or one of the punctuation marks that carry tone. */
export type TokenKind = 'word' | 'emoji' | 'punct';

/** One token with its position in the original text. */
export interface Token {
  /** Folded form: lower case, no diacritics or accents, final sigma folded, letter runs of 3+ cut to two. */
  readonly text: string;
  readonly kind: TokenKind;
  /** Offsets in the original string, `end` exclusive. */
  readonly start: number;
  readonly end: number;
  /** Word written in capitals (two letters or more), e.g. "NOW". */
  readonly caps: boolean;
  /** A letter was repeated 3+ times ("sooo"): a cue of emphasis. `text` keeps at most two of each letter. */
  readonly elongated: boolean;
}

/** Largest code point the fold table covers: Latin, Latin-1, Latin Extended-A/B, Greek and Coptic. */
const TABLE_END = 0x0400;
/** Greek Extended (polytonic) block, folded too so that old-style accents still match. */
const GREEK_EXT_START = 0x1f00;
const GREEK_EXT_END = 0x2000;

/**
 * One letter folded by THE folding rule (shared/text/fold), kept only as letters and digits: a compatibility
 * form that unfolds to a space or a dot ("ͺ", "ŀ") must not split or join words here.
 */
function foldChar(ch: string): string {
  return foldText(ch).replace(/[^\p{L}\p{N}]/gu, '');
}

function isLetterChar(ch: string): boolean {
  return ch.toLowerCase() !== ch.toUpperCase();
}

/** code point -> folded letter, or '' for "not a letter". Built once. */
const FOLD: string[] = new Array<string>(TABLE_END);
const FOLD_EXT: string[] = new Array<string>(GREEK_EXT_END - GREEK_EXT_START);
for (let c = 0; c < TABLE_END; c++) {
  const ch = String.fromCharCode(c);
  FOLD[c] = (c >= 0x30 && c <= 0x39) || isLetterChar(ch) ? foldChar(ch) : '';
}
for (let c = GREEK_EXT_START; c < GREEK_EXT_END; c++) {
  const ch = String.fromCharCode(c);
  FOLD_EXT[c - GREEK_EXT_START] = isLetterChar(ch) ? foldChar(ch) : '';
}

function foldCode(code: number): string {
  if (code < TABLE_END) return FOLD[code] as string;
  if (code >= GREEK_EXT_START && code < GREEK_EXT_END) return FOLD_EXT[code - GREEK_EXT_START] as string;
  return '';
}

function isUpperCode(code: number): boolean {
  // ASCII and the Greek capital block cover what customers type in caps; accented Latin capitals too.
  return (code >= 0x41 && code <= 0x5a) || (code >= 0xc0 && code <= 0xde) || (code >= 0x391 && code <= 0x3ab) ||
    (code >= 0x100 && code < 0x180 && code % 2 === 0);
}

/** Pictographs, dingbats and symbols people use as emoji. */
function isEmojiCode(code: number): boolean {
  return (code >= 0x1f300 && code <= 0x1faff) || (code >= 0x2600 && code <= 0x27bf) || (code >= 0x2b00 && code <= 0x2bff);
}

const APOSTROPHES = new Set([0x27, 0x2019]);
/** Punctuation that carries tone or separates clauses. Everything else is a plain separator. */
const PUNCT = new Set(['!', '?', '.', ',', ';', ':']);
/** Text emoticons, folded to the emoji that means the same so one table scores both. */
const EMOTICONS: ReadonlyArray<readonly [string, string]> = [
  [':-)', '🙂'], [':)', '🙂'], ['(:', '🙂'], [':-(', '🙁'], [':(', '🙁'], [':-d', '😄'], [':d', '😄'], ['xd', '😆'],
  [';-)', '😉'], [';)', '😉'], [':-p', '😜'], [':p', '😜'], [":'(", '😢'], ['<3', '❤'], [':/', '😕'], [':-/', '😕'],
];

function matchEmoticon(text: string, i: number): readonly [string, string] | undefined {
  const c = text.charCodeAt(i);
  if (c !== 0x3a && c !== 0x3b && c !== 0x28 && c !== 0x3c) return undefined; // : ; ( <
  for (const pair of EMOTICONS) {
    const [face] = pair;
    if (text.substr(i, face.length).toLowerCase() === face) {
      const after = text.charCodeAt(i + face.length);
      // ":/" inside "https://" is not a face.
      if (face.endsWith('/') && after === 0x2f) return undefined;
      return pair;
    }
  }
  return undefined;
}

/**
 * Split text into folded word, emoji and punctuation tokens. URLs and @handles are skipped: they name
 * things, they do not express anything.
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const code = text.charCodeAt(i);
    if (code === 0x40 || (code === 0x68 && (text.startsWith('http://', i) || text.startsWith('https://', i)))) {
      // @handle or URL: skip to the next whitespace.
      while (i < n && text.charCodeAt(i) > 0x20) i++;
      continue;
    }
    const folded = foldCode(code);
    if (folded !== '') {
      // "#NeverAgain" is three words run together; a hashtag is split where a capital follows a small letter.
      const hashtag = i > 0 && text.charCodeAt(i - 1) === 0x23;
      i = readWord(text, i, tokens, hashtag);
      while (hashtag && i < n && foldCode(text.charCodeAt(i)) !== '') i = readWord(text, i, tokens, true);
      continue;
    }
    const emoticon = matchEmoticon(text, i);
    if (emoticon !== undefined) {
      tokens.push({ text: emoticon[1], kind: 'emoji', start: i, end: i + emoticon[0].length, caps: false, elongated: false });
      i += emoticon[0].length;
      continue;
    }
    const cp = text.codePointAt(i) as number;
    const width = cp > 0xffff ? 2 : 1;
    if (isEmojiCode(cp)) {
      tokens.push({ text: String.fromCodePoint(cp), kind: 'emoji', start: i, end: i + width, caps: false, elongated: false });
    } else {
      const ch = text[i] as string;
      if (PUNCT.has(ch)) tokens.push({ text: ch, kind: 'punct', start: i, end: i + 1, caps: false, elongated: false });
    }
    i += width;
  }
  return tokens;
}

/**
 * Read one word from `from`. In a hashtag (`camel`) the word also ends before a capital that follows a small
 * letter, so the caller reads the next part as a word of its own.
 */
function readWord(text: string, from: number, out: Token[], camel = false): number {
  const n = text.length;
  let i = from;
  // Built only once the word stops being plain ASCII (accents, an apostrophe, elongation); until then the
  // folded word is just the lower-cased slice, which is much cheaper than growing a string per letter.
  let word: string | undefined;
  let upper = 0;
  let letters = 0;
  let elongated = false;
  let runChar = '';
  let runLength = 0;
  while (i < n) {
    const code = text.charCodeAt(i);
    let folded = foldCode(code);
    if (folded === '') {
      // "don't", "can’t": drop the apostrophe and keep the word whole, as the lexicons spell it.
      if (APOSTROPHES.has(code) && i + 1 < n && foldCode(text.charCodeAt(i + 1)) !== '') {
        word ??= text.slice(from, i).toLowerCase();
        i++;
        continue;
      }
      break;
    }
    const isUpper = isUpperCode(code);
    if (camel && isUpper && letters > upper && i > from && !isUpperCode(text.charCodeAt(i - 1))) break;
    letters++;
    if (isUpper) upper++;
    if (folded === runChar) {
      runLength++;
      // A third identical letter in a row is emphasis, not spelling ("nooo", "pleeease", "πολυυυυ").
      if (runLength >= 3) {
        elongated = true;
        folded = '';
      }
    } else {
      runChar = folded;
      runLength = 1;
    }
    if (word === undefined && (code >= 0x80 || folded === '')) word = text.slice(from, i).toLowerCase();
    if (word !== undefined) word += folded;
    i++;
  }
  const textOut = word ?? text.slice(from, i).toLowerCase();
  out.push({ text: textOut, kind: 'word', start: from, end: i, caps: letters >= 2 && upper === letters, elongated });
  return i;
}

/**
 * An elongated word keeps at most two of each letter ("cooool" -> "cool"); when that spelling is unknown
 * the intended one is usually single ("sooo" -> "soo" -> "so"). Lexicon look-ups try this second.
 */
export function singleLetters(word: string): string {
  let out = '';
  for (let i = 0; i < word.length; i++) if (word[i] !== word[i - 1]) out += word[i];
  return out;
}

/** A phrase or lexicon entry as the tokeniser reads running text: its tokens' folded forms, space-separated. */
export function foldPhrase(text: string): string {
  return tokenize(text).map((t) => t.text).join(' ');
}
