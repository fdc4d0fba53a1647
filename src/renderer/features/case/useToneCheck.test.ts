import { describe, expect, it } from 'vitest';
import { toneCheckedText } from './useToneCheck';

describe('toneCheckedText', () => {
  it('blanks the slash command at the caret, keeping every position', () => {
    const draft = 'Thank you /sor';
    expect(toneCheckedText(draft, draft.length)).toBe('Thank you     ');
  });

  it('blanks a command being typed in the middle of the draft, to the end of its word', () => {
    const draft = 'Hello /sorry and goodbye';
    const checked = toneCheckedText(draft, 'Hello /so'.length);
    expect(checked).toBe('Hello        and goodbye');
    expect(checked).toHaveLength(draft.length);
  });

  it('has nothing to check in a draft that is only a slash command, wherever the caret is', () => {
    expect(toneCheckedText('/haha', 0)).toBe('');
    expect(toneCheckedText('  /sorry ', 9)).toBe('');
    expect(toneCheckedText('/', 1)).toBe('');
  });

  it('leaves other slashes and drafts without a command as written', () => {
    expect(toneCheckedText('Open 24/7, call us', 18)).toBe('Open 24/7, call us');
    expect(toneCheckedText('haha /sorry done', 16)).toBe('haha /sorry done');
  });
});
