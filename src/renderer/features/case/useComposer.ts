import { useCallback, useRef, useState } from 'react';
import type { Channel } from '../../../shared/domain';

export type ComposerMode = 'reply' | 'note';

export interface ComposerState {
  mode: ComposerMode;
  setMode(mode: ComposerMode): void;
  channel: Channel | null;
  setChannel(channel: Channel): void;
  draft: string;
  setDraft(draft: string): void;
  subject: string;
  setSubject(subject: string): void;
  /** Adds text to the draft (on a new paragraph when there is text already) and puts the caret after it. */
  insert(text: string): void;
  focus(): void;
  textarea: React.RefObject<HTMLTextAreaElement | null>;
}

/**
 * The composer's state, held by the case view so that the side panels (next steps, canned responses) can write
 * into the draft the agent is editing.
 */
export function useComposer(defaultChannel: Channel | null, defaultSubject: string): ComposerState {
  const [mode, setMode] = useState<ComposerMode>(defaultChannel === null ? 'note' : 'reply');
  const [chosen, setChannel] = useState<Channel | null>(null);
  const [draft, setDraft] = useState('');
  const [subject, setSubject] = useState(defaultSubject);
  const textarea = useRef<HTMLTextAreaElement | null>(null);

  const focus = useCallback(() => textarea.current?.focus(), []);
  const insert = useCallback((text: string) => {
    setDraft((current) => {
      const next = current.trim() === '' ? text : `${current.trimEnd()}\n\n${text}`;
      // After React has put the new value in, move the caret to its end.
      requestAnimationFrame(() => {
        textarea.current?.focus();
        textarea.current?.setSelectionRange(next.length, next.length);
      });
      return next;
    });
  }, []);

  return { mode, setMode, channel: chosen ?? defaultChannel, setChannel, draft, setDraft, subject, setSubject, insert, focus, textarea };
}
