import { useCallback, useEffect, useState } from 'react';
import type { EventPayload, SessionView } from '../../../shared/ipc/contract';
import { useApi } from '../../lib/api/useApi';
import { useEvent } from '../../lib/api/useEvent';

export type SessionState =
  | { phase: 'starting' }
  /** `ended`: the hub ended the last session without the person asking (shown on the sign-in screen). */
  | { phase: 'signed-out'; ended?: EventPayload<'session.ended'>['reason'] }
  | { phase: 'locked' }
  | { phase: 'signed-in'; session: SessionView };

/**
 * Which screen the workstation shows: sign-in, lock, or the work itself. It asks the engine at start (a
 * reload must not sign anyone out) and follows its lock and end-of-session events.
 */
export function useSessionState() {
  const api = useApi();
  const [state, setState] = useState<SessionState>({ phase: 'starting' });

  const reload = useCallback(async () => {
    const info = await api.invoke('workstation.info', {});
    if (!info.ok || info.value.session === 'signed-out') return setState({ phase: 'signed-out' });
    if (info.value.session === 'locked') return setState({ phase: 'locked' });
    const current = await api.invoke('session.current', {});
    setState(current.ok && current.value ? { phase: 'signed-in', session: current.value } : { phase: 'signed-out' });
  }, [api]);

  useEffect(() => {
    void reload();
  }, [reload]);
  useEvent('session.locked', () => setState({ phase: 'locked' }));
  useEvent('session.ended', ({ reason }) => setState({ phase: 'signed-out', ended: reason }));

  return {
    state,
    /** Reads the session again (e.g. after the password an admin set was changed). */
    reload,
    signedIn: (session: SessionView) => setState({ phase: 'signed-in', session }),
    signedOut: () => setState({ phase: 'signed-out' }),
  };
}
