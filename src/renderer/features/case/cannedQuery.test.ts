import { describe, expect, it } from 'vitest';
import type { CannedResponse } from '../../../shared/domain';
import { insertCanned, searchCanned, slashQueryAt } from './cannedQuery';

const canned = (shortcut: string, title: string, body = `${title} body`): CannedResponse => ({
  id: shortcut,
  queueId: null,
  language: 'pl',
  shortcut,
  title,
  body,
});

describe('canned responses in the composer', () => {
  it('reads the /query before the caret, at the start or after a space only', () => {
    expect(slashQueryAt('/ref', 4)).toEqual({ query: 'ref', start: 0, end: 4 });
    expect(slashQueryAt('Hello /zw', 9)).toEqual({ query: 'zw', start: 6, end: 9 });
    expect(slashQueryAt('Hello /', 7)).toEqual({ query: '', start: 6, end: 7 });
    expect(slashQueryAt('see http://x', 12)).toBeNull();
    expect(slashQueryAt('/ref done', 9)).toBeNull();
  });

  it('finds by shortcut first, then by title, ignoring accents', () => {
    const list = [canned('zwrot', 'Zwrot towaru'), canned('dostawa', 'Opóźniona dostawa'), canned('gwar', 'Gwarancja i zwroty')];
    expect(searchCanned(list, 'zw').map((c) => c.id)).toEqual(['zwrot', 'gwar']);
    expect(searchCanned(list, 'opoz').map((c) => c.id)).toEqual(['dostawa']);
    expect(searchCanned(list, '').length).toBe(3);
  });

  it('replaces the /query with the body and puts the caret after it', () => {
    const slash = slashQueryAt('Dzień dobry, /zw', 16)!;
    expect(insertCanned('Dzień dobry, /zw', slash, canned('zwrot', 'Zwrot', 'Zwrot przyjmiemy w 14 dni.'))).toEqual({
      draft: 'Dzień dobry, Zwrot przyjmiemy w 14 dni.',
      caret: 39,
    });
  });
});
