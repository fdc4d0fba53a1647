import { useCallback, useState } from 'react';
import { MAX_RESULTS_READ } from '../../../shared/ipc/contract';
import type { AssignTarget, ItemResult, ReasonCode } from '../../../shared/protocol';
import { useApi } from '../../lib/api/useApi';
import { useEvent } from '../../lib/api/useEvent';

/** A reassignment the supervisor sent: waiting in the outbox, refused as a whole, or answered (outcome per case). */
export interface TrackedMove {
  mutationId: string;
  caseIds: string[];
  to: AssignTarget;
  state: 'pending' | 'refused' | 'done';
  reason: ReasonCode | null;
  /** Once done: the cases the hub refused, with its reasons; null when none are kept (see `outbox.results`). */
  failed: ItemResult[] | null;
}

/**
 * Follows reassignments through the outbox: a move is done when its entry has left the outbox (the hub applied
 * it and the change feed delivered the cases), refused when the hub refused it whole. A done move carries the
 * hub's per-case refusals the engine kept. Reads happen only when the engine announces a change, and only
 * while a move is pending.
 */
export function useTrackedMoves() {
  const api = useApi();
  const [moves, setMoves] = useState<TrackedMove[]>([]);

  /** Settles the given pending moves that the hub has answered; the others stay pending. */
  const check = useCallback(
    async (mutationIds: readonly string[]) => {
      const listed = await api.invoke('outbox.list', {});
      if (!listed.ok) return;
      const entries = new Map(listed.value.map((e) => [e.mutationId, e]));
      const left = mutationIds.filter((id) => !entries.has(id));
      const results = left.length ? await api.invoke('outbox.results', { mutationIds: left }) : null;
      // Without an answer the moves stay pending, to be read again at the next change, rather than guessed.
      if (results && !results.ok) return;
      const kept = new Map(results?.value.map((r) => [r.mutationId, r.failed]));
      setMoves((list) =>
        list.map((m) => {
          if (m.state !== 'pending' || !mutationIds.includes(m.mutationId)) return m;
          const entry = entries.get(m.mutationId);
          if (!entry) return { ...m, state: 'done', failed: kept.get(m.mutationId) ?? null };
          return entry.state === 'rejected' ? { ...m, state: 'refused', reason: entry.reason } : m;
        }),
      );
    },
    [api],
  );

  useEvent('data.changed', () => {
    // Newest first, as many as `outbox.results` answers at once; older ones are read at a later change.
    const pending = moves.filter((m) => m.state === 'pending').map((m) => m.mutationId).slice(0, MAX_RESULTS_READ);
    if (pending.length) void check(pending);
  });

  /** Starts following a move the engine has queued. */
  const track = useCallback(
    (mutationId: string, caseIds: string[], to: AssignTarget) => {
      setMoves((list) => [{ mutationId, caseIds, to, state: 'pending', reason: null, failed: null }, ...list.filter((m) => m.mutationId !== mutationId)]);
      // This read starts after the entry was written, so its absence later means "answered", not "not yet there".
      void check([mutationId]);
    },
    [check],
  );
  const dismiss = useCallback((mutationId: string) => setMoves((list) => list.filter((m) => m.mutationId !== mutationId)), []);

  return { moves, track, dismiss };
}
