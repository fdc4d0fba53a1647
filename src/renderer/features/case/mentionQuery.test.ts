import { describe, expect, it } from 'vitest';
import { insertMention, mentionedIn, mentionQueryAt, searchMentionable } from './mentionQuery';

const people = [
  { id: 's2', name: 'Łukasz Wiśniewski' },
  { id: 's3', name: 'Μαρία Παπαδοπούλου' },
  { id: 's4', name: 'Anna Nowak' },
];

describe('@mentions', () => {
  it('finds the mention being typed at the caret, not an email address', () => {
    expect(mentionQueryAt('Ask @luk', 8)).toEqual({ query: 'luk', start: 4, end: 8 });
    expect(mentionQueryAt('@', 1)).toEqual({ query: '', start: 0, end: 1 });
    expect(mentionQueryAt('write to jan@example.pl', 23)).toBeNull();
    expect(mentionQueryAt('Ask @luk and', 12)).toBeNull();
  });

  it('matches any word of a name without accents, in Polish and Greek', () => {
    expect(searchMentionable(people, 'wisn').map((p) => p.id)).toEqual(['s2']);
    expect(searchMentionable(people, 'παπα').map((p) => p.id)).toEqual(['s3']);
    expect(searchMentionable(people, '').map((p) => p.id)).toEqual(['s4', 's2', 's3']);
  });

  it('writes the name in place and notifies only those still named', () => {
    const at = mentionQueryAt('Ask @luk now', 8)!;
    expect(insertMention('Ask @luk now', at, people[0]!)).toEqual({ draft: 'Ask @Łukasz Wiśniewski  now', caret: 23 });
    expect(mentionedIn('Ask @Łukasz Wiśniewski', people)).toEqual(['s2']);
    expect(mentionedIn('Ask Łukasz', people)).toEqual([]);
  });
});
