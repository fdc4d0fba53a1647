import { useDebouncedValue } from '@mantine/hooks';
import { useMemo } from 'react';
import { checkDraft, type CustomerState, type ToneCheck } from '../../../shared/assist';
import type { Channel } from '../../../shared/domain';

/** Long enough to skip the keystrokes of a word being typed, short enough to feel immediate. */
export const TONE_DEBOUNCE_MS = 150;

/** The tone check of the draft, run once the agent pauses typing; `draft` is the check's own text. */
export function useToneCheck(state: CustomerState, draft: string, channel: Channel): ToneCheck & { draft: string } {
  const [settled] = useDebouncedValue(draft, TONE_DEBOUNCE_MS);
  return useMemo(() => ({ ...checkDraft(state, settled, { channel }), draft: settled }), [state, settled, channel]);
}
