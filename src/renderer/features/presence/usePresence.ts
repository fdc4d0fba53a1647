import { useCallback, useEffect, useRef, useState } from 'react';
import type { Presence } from '../../../shared/domain';
import { useApi } from '../../lib/api/useApi';
import { useEvent } from '../../lib/api/useEvent';

/** Typing stops counting this long after the last keystroke, so the others do not wait on an idle draft. */
export const TYPING_IDLE_MS = 4_000;

export interface CasePresence {
  /** Colleagues with the case open or typing in it (not me). */
  others: Presence[];
  /** Call on every keystroke in the composer: tells the others I am typing, then viewing once I pause. */
  typing(): void;
}

/**
 * Presence on a case: "viewing" while it is open, "typing" while I compose, "none" when I leave, so that
 * nobody answers the customer twice. Presence is live only: the engine ignores it offline.
 */
export function usePresence(caseId: string, myStaffId: string | null): CasePresence {
  const api = useApi();
  const [present, setPresent] = useState<Presence[]>([]);
  const idle = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => {
    setPresent([]);
    void api.invoke('presence.set', { caseId, state: 'viewing' });
    return () => {
      clearTimeout(idle.current);
      idle.current = undefined;
      void api.invoke('presence.set', { caseId, state: 'none' });
    };
  }, [api, caseId]);

  useEvent('presence.update', (update) => {
    if (update.caseId === caseId) setPresent(update.present);
  });

  const typing = useCallback(() => {
    // Only the first keystroke of a burst is sent: one message per pause, not one per key.
    if (idle.current === undefined) void api.invoke('presence.set', { caseId, state: 'typing' });
    clearTimeout(idle.current);
    idle.current = setTimeout(() => {
      idle.current = undefined;
      void api.invoke('presence.set', { caseId, state: 'viewing' });
    }, TYPING_IDLE_MS);
  }, [api, caseId]);

  return { others: present.filter((p) => p.staffId !== myStaffId), typing };
}
