import { describe, expect, it } from 'vitest';
import { passageFor, passageHtml, SNIPPET_CHARS, summary } from './articleSnippet';

const marked = (p: { text: string; marks: Array<[number, number]> }) => p.marks.map(([s, e]) => p.text.slice(s, e));

describe('summary', () => {
  it('keeps a short body whole, in one line', () => {
    expect(summary('  Open daily.\n\nClosed on holidays.  ')).toBe('Open daily. Closed on holidays.');
  });

  it('cuts a long body at a word, with an ellipsis', () => {
    const body = `${'word '.repeat(100)}end`;
    const s = summary(body, 50);
    expect(s.length).toBeLessThanOrEqual(50);
    expect(s).toMatch(/^(word )+word…$/);
  });

  it('cuts one endless word too', () => {
    expect(summary('x'.repeat(500), 20)).toBe(`${'x'.repeat(19)}…`);
  });
});

describe('passageFor', () => {
  const body =
    'Most orders arrive within 2–3 working days. Refunds go back to the original payment method within 14 days of the return reaching our warehouse. Gift cards cannot be returned.';

  it('picks the sentence sharing the most words with the search and marks them as the matcher counts them', () => {
    const p = passageFor(body, 'how long do refunds to my payment card take?');
    expect(p.text).toBe('Refunds go back to the original payment method within 14 days of the return reaching our warehouse.');
    expect(marked(p)).toEqual(['Refunds', 'payment']);
  });

  it('marks other forms of the same word (the matcher compares word stems)', () => {
    expect(marked(passageFor(body, 'returning gift cards'))).toEqual(['Gift', 'cards', 'returned']);
  });

  it('falls back to the opening when no sentence shares a word (the title or tags matched)', () => {
    expect(passageFor(body, 'zzz qqq')).toEqual({ text: summary(body), marks: [] });
  });

  it('shows a long sentence from near its first shared word, cut to the limit, marks inside the text', () => {
    const long = `${'Nothing to see here at all, '.repeat(12)}but the warranty covers repairs ${'and more words follow here, '.repeat(12)}end.`;
    const p = passageFor(long, 'warranty repairs');
    expect(p.text.length).toBeLessThanOrEqual(SNIPPET_CHARS);
    expect(p.text.startsWith('…')).toBe(true);
    expect(p.text.endsWith('…')).toBe(true);
    expect(marked(p)).toEqual(['warranty', 'repairs']);
  });

  it('splits Greek sentences at the Greek question mark and Polish ones at their full stops', () => {
    expect(passageFor('Πού είναι η παραγγελία μου; Η κάρτα πληρωμής απορρίφθηκε.', 'κάρτα πληρωμής').text).toBe('Η κάρτα πληρωμής απορρίφθηκε.');
    expect(marked(passageFor('Zwrot jest darmowy. Pieniądze wracają w ciągu 14 dni.', 'kiedy wrócą pieniądze'))).toEqual(['Pieniądze']);
  });
});

describe('passageHtml', () => {
  it('escapes the text and wraps only the marked words', () => {
    const p = passageFor('Use <b>gift</b> vouchers & "codes".', 'gift vouchers');
    expect(passageHtml(p)).toBe('Use &lt;b&gt;<mark>gift</mark>&lt;/b&gt; <mark>vouchers</mark> &amp; &quot;codes&quot;.');
  });
});
