import { useCallback, useEffect, useRef, useState } from 'react';
import type { Presence } from '../../../shared/domain';
import { useApi } from '../../lib/api/useApi';
import { useEvent } from '../../lib/api/useEvent';

/** Typing stops counting this long after the last keystroke, so the others do not wait on an idle draft. */
export const TYPING_IDLE_MS = 4_000;
/**
 * A case is announced as viewed only once it has stayed open this long: moving through the inbox with j/k or
 * clicking case after case sends nothing for the cases passed over (each would cost two hub requests, and the
 * hub limits how many one connection may have running).
 */
export const VIEWING_SETTLE_MS = 300;

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
  // The pending "viewing" of a case just opened: typing says more, so a keystroke cancels it (a late "viewing"
  // would take back the "typing" the customer's chat window just showed).
  const settle = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  // Whether the others were told anything about this case (only then is there something to take back).
  const announced = useRef(false);

  useEffect(() => {
    setPresent([]);
    announced.current = false;
    settle.current = setTimeout(() => {
      settle.current = undefined;
      announced.current = true;
      void api.invoke('presence.set', { caseId, state: 'viewing' });
    }, VIEWING_SETTLE_MS);
    return () => {
      clearTimeout(settle.current);
      settle.current = undefined;
      clearTimeout(idle.current);
      idle.current = undefined;
      if (announced.current) void api.invoke('presence.set', { caseId, state: 'none' });
    };
  }, [api, caseId]);

  useEvent('presence.update', (update) => {
    if (update.caseId === caseId) setPresent(update.present);
  });

  const typing = useCallback(() => {
    // Only the first keystroke of a burst is sent: one message per pause, not one per key.
    clearTimeout(settle.current);
    settle.current = undefined;
    if (idle.current === undefined) {
      announced.current = true;
      void api.invoke('presence.set', { caseId, state: 'typing' });
    }
    clearTimeout(idle.current);
    idle.current = setTimeout(() => {
      idle.current = undefined;
      void api.invoke('presence.set', { caseId, state: 'viewing' });
    }, TYPING_IDLE_MS);
  }, [api, caseId]);

  return { others: present.filter((p) => p.staffId !== myStaffId), typing };
}
