import { useCallback, useState } from 'react';
import type { AssignTarget, ReasonCode } from '../../../shared/protocol';
import { useApi } from '../../lib/api/useApi';
import { useEvent } from '../../lib/api/useEvent';

/** A reassignment the supervisor sent: waiting in the outbox, refused as a whole, or answered (outcome per case). */
export interface TrackedMove {
  mutationId: string;
  caseIds: string[];
  to: AssignTarget;
  state: 'pending' | 'refused' | 'done';
  reason: ReasonCode | null;
}

/**
 * Follows reassignments through the outbox: a move is done when its entry has left the outbox (the hub applied
 * it and the change feed delivered the cases), refused when the hub refused it whole. Reads happen only when
 * the engine announces a change, and only while a move is pending.
 */
export function useTrackedMoves() {
  const api = useApi();
  const [moves, setMoves] = useState<TrackedMove[]>([]);

  const check = useCallback(async () => {
    const result = await api.invoke('outbox.list', {});
    if (!result.ok) return;
    const entries = new Map(result.value.map((e) => [e.mutationId, e]));
    setMoves((list) =>
      list.map((m) => {
        if (m.state !== 'pending') return m;
        const entry = entries.get(m.mutationId);
        if (!entry) return { ...m, state: 'done' };
        return entry.state === 'rejected' ? { ...m, state: 'refused', reason: entry.reason } : m;
      }),
    );
  }, [api]);

  useEvent('data.changed', () => {
    if (moves.some((m) => m.state === 'pending')) void check();
  });

  /** Starts following a move the engine has queued. */
  const track = useCallback(
    (mutationId: string, caseIds: string[], to: AssignTarget) => {
      setMoves((list) => [{ mutationId, caseIds, to, state: 'pending', reason: null }, ...list.filter((m) => m.mutationId !== mutationId)]);
      // This read starts after the entry was written, so its absence later means "answered", not "not yet there".
      void check();
    },
    [check],
  );
  const dismiss = useCallback((mutationId: string) => setMoves((list) => list.filter((m) => m.mutationId !== mutationId)), []);

  return { moves, track, dismiss };
}
