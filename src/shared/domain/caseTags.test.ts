import { describe, expect, it } from 'vitest';
import { caseTags, TagSchema, withTags } from './caseTags';
import { macroOrNone } from './macro';

describe('case tags', () => {
  it('cleans a typed tag and refuses an empty or too long one', () => {
    expect(TagSchema.parse('  Zwrot \t  pieniędzy ')).toBe('Zwrot pieniędzy');
    expect(TagSchema.safeParse('   ').success).toBe(false);
    expect(TagSchema.safeParse('x'.repeat(41)).success).toBe(false);
  });

  it('adds what is not there by key (case and accents ignored), keeps the first spelling, removes by key', () => {
    expect(withTags(['Zwrot'], ['zwrót', 'VIP', 'vip'])).toEqual(['Zwrot', 'VIP']);
    expect(withTags(['Zwrot', 'VIP'], [], ['ZWROT'])).toEqual(['VIP']);
    // Greek final sigma folds like a middle one.
    expect(withTags(['Επιστροφές'], ['επιστροφεσ'])).toEqual(['Επιστροφές']);
    // A tag both added and removed in one change is removed.
    expect(withTags([], ['a'], ['A'])).toEqual([]);
  });

  it('reads a row from before tags as having none', () => {
    expect(caseTags({})).toEqual([]);
  });
});

describe('macros', () => {
  it('are nothing when they set nothing', () => {
    expect(macroOrNone({})).toBeUndefined();
    expect(macroOrNone({ tags: [] })).toBeUndefined();
    expect(macroOrNone(null)).toBeUndefined();
    expect(macroOrNone({ status: 'pending', tags: [] })).toEqual({ status: 'pending' });
  });
});
