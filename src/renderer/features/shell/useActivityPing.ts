import { useEffect } from 'react';
import { useApi } from '../../lib/api/useApi';

/** At most one ping per this many ms: the idle timer counts minutes, the contract asks for "every few seconds". */
const PING_EVERY_MS = 5_000;

/** Tells the engine the person is active (keys, pointer, wheel), so the idle lock does not fire on them. */
export function useActivityPing(): void {
  const api = useApi();
  useEffect(() => {
    let last = 0;
    const ping = () => {
      const now = Date.now();
      if (now - last < PING_EVERY_MS) return;
      last = now;
      void api.invoke('session.activity', {});
    };
    const kinds = ['keydown', 'pointerdown', 'wheel'] as const;
    kinds.forEach((k) => window.addEventListener(k, ping, { passive: true, capture: true }));
    return () => kinds.forEach((k) => window.removeEventListener(k, ping, { capture: true }));
  }, [api]);
}
