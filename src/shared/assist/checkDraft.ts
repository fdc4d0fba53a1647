/**
 * The tone check: which tone fits the customer, and what in the agent's draft does not fit, as hints with
 * stable codes, a severity, an i18n key and, where there is one, the span of text concerned.
 */
import type { Channel } from '../domain';
import { findMatches, type Lexicon, type LexiconMatch } from './lexicon';
import { ACKNOWLEDGEMENT, BLAME, CASUAL, DISMISSIVE, DISMISSIVE_ALONE, HUMOUR, INFORMAL, JARGON, SMILEY } from './lexicons';
import { tokenize, type Token } from './tokenize';
import type { CustomerState, HintCode, Severity, Span, Tone, ToneCheck, ToneHint } from './types';

/** Options of `checkDraft`. */
export interface CheckOptions {
  /** Channel the reply goes out on: sets the length a reader accepts (default: chat). */
  channel?: Channel;
  /** Overrides the channel's word limit. */
  maxWords?: number;
}

/** Words a reader takes in comfortably per channel: chat-like channels are read on a phone, email is not. */
const WORD_LIMITS: Readonly<Record<Channel, number>> = {
  chat: 80,
  sms: 60,
  social: 60,
  email: 250,
  phone: 150,
  video: 150,
  store: 150,
};
/** At most this many highlighted spans per code: beyond that the composer would be a sea of underlines. */
const MAX_SPANS_PER_CODE = 3;
/** A draft this short is still being started: not judged for a missing apology yet. */
const MIN_WORDS_FOR_ACKNOWLEDGEMENT = 4;
/** Two capitalised words in a row (of this length, so "SLA" or "PIN" alone do not count) read as shouting. */
const SHOUT_WORD_LENGTH = 4;
const SHOUT_RUN = 2;

/** The tone that fits the customer: serious when angry or pressed, light only when relaxed and pleased. */
export function fittingTone(state: CustomerState): Tone {
  if (state.sentiment === 'negative') return state.emotion === 'angry' || state.urgency === 'high' ? 'serious' : 'warm';
  if (state.sentiment === 'positive' && state.urgency !== 'high' && state.emotion === 'positive') return 'light';
  return 'warm';
}

function isUpset(state: CustomerState): boolean {
  return state.sentiment === 'negative' || state.emotion === 'angry' || state.emotion === 'anxious' || state.emotion === 'sad';
}

/** "haha", "hehehe", "xaxa", "χαχαχα": two-letter laughter syllables repeated. */
function isLaughter(word: string): boolean {
  if (word.length < 4 || word.length % 2 !== 0) return false;
  const first = word.slice(0, 2);
  if (!/^[hxχ][aeiαει]$/.test(first)) return false;
  for (let i = 2; i < word.length; i += 2) if (word.slice(i, i + 2) !== first) return false;
  return true;
}

interface Found {
  start: number;
  end: number;
}

/** Non-overlapping spans of `lex` in the draft that no earlier hint has claimed. */
function unclaimed(lex: Lexicon, tokens: readonly Token[], claimed: Found[]): LexiconMatch[] {
  return findMatches(lex, tokens).filter((m) => !claimed.some((c) => m.start < c.end && c.start < m.end));
}

/** A match that makes up a whole clause: nothing but punctuation (or the text's edges) on either side. */
function standsAlone(m: LexiconMatch, tokens: readonly Token[]): boolean {
  const before = tokens[m.token - 1];
  const after = tokens[m.token + m.length];
  return (before === undefined || before.kind === 'punct') && (after === undefined || after.kind !== 'word');
}

/** Phrases that wave the customer's feelings away: anywhere ("calm down"), or as a clause of their own ("Whatever."). */
function dismissals(tokens: readonly Token[], claimed: Found[]): Found[] {
  const alone = unclaimed(DISMISSIVE_ALONE, tokens, claimed).filter((m) => standsAlone(m, tokens));
  return [...unclaimed(DISMISSIVE, tokens, claimed), ...alone].sort((a, b) => a.start - b.start);
}

function shoutingSpans(tokens: readonly Token[]): Found[] {
  const spans: Found[] = [];
  let runStart = -1;
  let runLength = 0;
  let previous: Token | undefined;
  let marks = 0;
  for (const t of tokens) {
    if (t.kind === 'word' && t.caps && t.text.length >= SHOUT_WORD_LENGTH) {
      if (runLength === 0) runStart = t.start;
      runLength++;
      if (runLength >= SHOUT_RUN) {
        const last = spans[spans.length - 1];
        if (last !== undefined && last.start === runStart) last.end = t.end;
        else spans.push({ start: runStart, end: t.end });
      }
    } else if (t.kind === 'word') runLength = 0;
    if (t.kind === 'punct' && t.text === '!' && previous?.kind === 'punct' && previous.text === '!') {
      marks++;
      if (marks === 1) spans.push({ start: previous.start, end: t.end });
      else (spans[spans.length - 1] as Found).end = t.end;
    } else if (!(t.kind === 'punct' && t.text === '!')) marks = 0;
    previous = t;
  }
  return spans;
}

function hint(code: HintCode, severity: Severity, span?: Span, params?: Record<string, string | number>): ToneHint {
  return { code, severity, messageKey: `hint.${code}`, ...(params ? { params } : {}), ...(span ? { span } : {}) };
}

function spanHints(code: HintCode, severity: Severity, matches: readonly Found[], draft: string, claimed: Found[]): ToneHint[] {
  return matches.slice(0, MAX_SPANS_PER_CODE).map((m) => {
    claimed.push(m);
    return hint(code, severity, { start: m.start, end: m.end }, { text: draft.slice(m.start, m.end) });
  });
}

/**
 * Check a draft reply against the customer's state. A draft that fits gets no hints. Hints come in a stable
 * order (most serious kinds first), each with a span where the problem is a piece of text.
 */
export function checkDraft(state: CustomerState, draft: string, options: CheckOptions = {}): ToneCheck {
  const tone = fittingTone(state);
  const tokens = tokenize(draft);
  const words = tokens.filter((t) => t.kind === 'word').length;
  const upset = isUpset(state);
  const hints: ToneHint[] = [];
  const claimed: Found[] = [];

  if (upset) {
    const laughs: Found[] = tokens.filter((t) => t.kind === 'word' && isLaughter(t.text));
    const jokes = [...laughs, ...unclaimed(HUMOUR, tokens, laughs)].sort((a, b) => a.start - b.start);
    hints.push(...spanHints('humour-when-upset', 'critical', jokes, draft, claimed));
    hints.push(...spanHints('dismissive', 'critical', dismissals(tokens, claimed), draft, claimed));
    const smileys = unclaimed(SMILEY, tokens, claimed);
    hints.push(...spanHints('smiley-when-upset', state.emotion === 'angry' ? 'critical' : 'warning', smileys, draft, claimed));
  }
  hints.push(...spanHints('blaming', upset ? 'critical' : 'warning', unclaimed(BLAME, tokens, claimed), draft, claimed));
  if (upset && words >= MIN_WORDS_FOR_ACKNOWLEDGEMENT && findMatches(ACKNOWLEDGEMENT, tokens).length === 0) {
    hints.push(hint('no-acknowledgement', state.emotion === 'angry' ? 'critical' : 'warning'));
  }
  if (tone !== 'light' || state.formality === 'formal') {
    hints.push(...spanHints('too-casual', 'warning', unclaimed(CASUAL, tokens, claimed), draft, claimed));
  }
  if (state.formality === 'formal') {
    hints.push(...spanHints('formality-mismatch', 'warning', unclaimed(INFORMAL, tokens, claimed), draft, claimed));
  }
  hints.push(...spanHints('shouting', 'warning', shoutingSpans(tokens), draft, claimed));
  hints.push(...spanHints('jargon', 'info', unclaimed(JARGON, tokens, claimed), draft, claimed));
  const limit = options.maxWords ?? WORD_LIMITS[options.channel ?? 'chat'];
  if (words > limit) hints.push(hint('too-long', 'info', undefined, { count: words, limit }));
  return { tone, hints };
}
