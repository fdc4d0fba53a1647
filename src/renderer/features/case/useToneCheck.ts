import { useDebouncedValue } from '@mantine/hooks';
import { useMemo, type RefObject } from 'react';
import { checkDraft, type CustomerState, type ToneCheck } from '../../../shared/assist';
import type { Channel } from '../../../shared/domain';
import { slashQueryAt } from './cannedQuery';

/** Long enough to skip the keystrokes of a word being typed, short enough to feel immediate. */
export const TONE_DEBOUNCE_MS = 150;

/** A draft that is nothing but a slash command (say "/sorry", or "/" alone), wherever the caret is. */
const ONLY_SLASH_COMMAND = /^\s*\/[^\s/]*\s*$/u;

/**
 * The text the tone check reads: the slash command at the caret is a search of canned responses, not words to
 * the customer, so it is blanked out (to the end of its word). Blanks keep every position, so the hints' spans
 * still point into the draft as written. A draft that is only a slash command has nothing to check.
 */
export function toneCheckedText(draft: string, caret: number): string {
  if (ONLY_SLASH_COMMAND.test(draft)) return '';
  const slash = slashQueryAt(draft, caret);
  if (slash === null) return draft;
  const end = slash.end + (/^[^\s/]*/u.exec(draft.slice(slash.end))?.[0].length ?? 0);
  return draft.slice(0, slash.start) + ' '.repeat(end - slash.start) + draft.slice(end);
}

/**
 * The tone check of the draft, run once the agent pauses typing; `draft` is the text the hints point into (empty
 * when there is nothing to check). The caret comes from the composer's textarea, when it still holds that draft.
 */
export function useToneCheck(
  state: CustomerState,
  draft: string,
  channel: Channel,
  textarea?: RefObject<HTMLTextAreaElement | null>,
): ToneCheck & { draft: string } {
  const [settled] = useDebouncedValue(draft, TONE_DEBOUNCE_MS);
  return useMemo(() => {
    const box = textarea?.current;
    const caret = box && box.value === settled ? box.selectionStart : settled.length;
    const checked = toneCheckedText(settled, caret);
    return { ...checkDraft(state, checked, { channel }), draft: checked.trim() === '' ? '' : settled };
  }, [state, settled, channel, textarea]);
}
