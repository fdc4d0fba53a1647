import { useEffect, useRef, useState } from 'react';
import { useEvent } from '../../lib/api/useEvent';

/**
 * How long "typing" lasts without another word from the hub. The widget says it again while the visitor keeps
 * typing, and says when they stop; a stop lost with the link never comes, so the indicator lapses by itself.
 */
export const VISITOR_TYPING_LAPSE_MS = 6_000;

/**
 * Whether the web chat visitor is typing on this case now: on from a `visitor.typing` event, off at its
 * `typing: false`, once `newestInbound` (the id of their newest message) changes because what they typed arrived,
 * or after VISITOR_TYPING_LAPSE_MS without news.
 */
export function useVisitorTyping(caseId: string, newestInbound: string | null): boolean {
  const [typing, setTyping] = useState(false);
  const lapse = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const stop = () => {
    clearTimeout(lapse.current);
    lapse.current = undefined;
    setTyping(false);
  };

  useEvent('visitor.typing', (event) => {
    if (event.caseId !== caseId) return;
    if (!event.typing) return stop();
    clearTimeout(lapse.current);
    lapse.current = setTimeout(stop, VISITOR_TYPING_LAPSE_MS);
    setTyping(true);
  });

  // Their message arrived (or another case opened): whatever was typed is no longer being typed.
  useEffect(
    () => () => {
      clearTimeout(lapse.current);
      lapse.current = undefined;
      setTyping(false);
    },
    [caseId, newestInbound],
  );
  return typing;
}
