/**
 * Short excerpts of an article: its opening (a list's summary, the page's description) and the passage that
 * answers a search, with the searched words marked. Words count as the same by the matcher's own rule
 * (`contentStems`), so what is marked is what made the article match.
 */
import { contentStems } from '../../shared/assist/searchArticles';
import { tokenize } from '../../shared/assist/tokenize';
import { escapeHtml } from '../public/html';

/** Longest excerpt, in characters (about two lines of a list). */
export const SNIPPET_CHARS = 180;

/** A piece of an article's text and where the searched words are in it (`[start, end)` offsets). */
export interface Passage {
  text: string;
  marks: Array<[number, number]>;
}

/** `text` cut at a word boundary to at most `max` characters, with an ellipsis when anything was cut. */
function cutAtWord(text: string, max: number): string {
  if (text.length <= max) return text;
  const head = text.slice(0, max - 1);
  const space = head.lastIndexOf(' ');
  return `${(space > max / 2 ? head.slice(0, space) : head).replace(/[\s,;:.–-]+$/u, '')}…`;
}

/** Where the text's sentences start and end: after `.`, `!`, `?`, `;` (the Greek question mark) or a line break. */
function sentences(text: string): Array<{ start: number; end: number }> {
  const spans: Array<{ start: number; end: number }> = [];
  const pattern = /[^.!?;\n]+(?:[.!?;]+|\n|$)/gu;
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    const lead = m[0].length - m[0].trimStart().length;
    const s = m.index + lead;
    const e = m.index + m[0].trimEnd().length;
    if (e > s) spans.push({ start: s, end: e });
  }
  return spans;
}

/** The article's opening, cut to `max`: what a list shows under the title and the page's description. */
export function summary(body: string, max = SNIPPET_CHARS): string {
  return cutAtWord(body.trim().replace(/\s+/g, ' '), max);
}

/** The words of `text` the matcher counts as one of `stems`, and how many of the stems they are. */
function markedWords(text: string, stems: ReadonlySet<string>): { marks: Array<[number, number]>; shared: number } {
  const marks: Array<[number, number]> = [];
  const seen = new Set<string>();
  for (const t of tokenize(text)) {
    if (t.kind !== 'word') continue;
    const [stem] = contentStems(text.slice(t.start, t.end));
    if (stem === undefined || !stems.has(stem)) continue;
    marks.push([t.start, t.end]);
    seen.add(stem);
  }
  return { marks, shared: seen.size };
}

/**
 * The sentence of `body` that shares the most words with `query` (the earliest of equals), cut to `max` around
 * its first shared word, with those words marked; the article's opening when no sentence shares any (the title
 * or tags matched).
 */
export function passageFor(body: string, query: string, max = SNIPPET_CHARS): Passage {
  const stems = contentStems(query);
  let best: { text: string; marks: Array<[number, number]>; shared: number } | null = null;
  for (const { start, end } of sentences(body)) {
    const text = body.slice(start, end).replace(/\s+/g, ' ');
    const found = markedWords(text, stems);
    if (found.shared > (best?.shared ?? 0)) best = { text, ...found };
  }
  if (best === null) return { text: summary(body, max), marks: [] };
  // A long sentence is shown from a little before its first shared word, so that word is in view.
  const from = best.text.length <= max ? 0 : best.text.lastIndexOf(' ', Math.max(0, best.marks[0][0] - 40)) + 1;
  const lead = from > 0 ? '…' : '';
  const kept = cutAtWord(best.text.slice(from), max - lead.length);
  // Words the cut left out (or cut through) are not marked.
  const whole = kept.endsWith('…') && !best.text.slice(from).endsWith('…') ? kept.length - 1 : kept.length;
  const shift = lead.length - from;
  const marks = best.marks
    .map(([s, e]): [number, number] => [s + shift, e + shift])
    .filter(([s, e]) => s >= lead.length && e <= lead.length + whole);
  return { text: lead + kept, marks };
}

/** A passage as HTML: its text escaped, its marked words in `<mark>`. */
export function passageHtml({ text, marks }: Passage): string {
  let html = '';
  let at = 0;
  for (const [s, e] of marks) {
    html += `${escapeHtml(text.slice(at, s))}<mark>${escapeHtml(text.slice(s, e))}</mark>`;
    at = e;
  }
  return html + escapeHtml(text.slice(at));
}
