import { useCallback, useState } from 'react';
import type { ReasonCode } from '../../../shared/protocol';
import { useApi } from '../../lib/api/useApi';
import { useEvent } from '../../lib/api/useEvent';

/** Where one queued change stands: waiting in the outbox, applied (gone from it), or refused with the hub's reason. */
export type QueuedOutcome = { state: 'pending' } | { state: 'done' } | { state: 'refused'; reason: ReasonCode | null; message: string | null };

/**
 * Follows one change through the outbox, for changes that show nothing until the hub has answered (a merge):
 * read again whenever the engine announces a change, only while it is pending.
 */
export function useQueuedOutcome() {
  const api = useApi();
  const [tracked, setTracked] = useState<{ mutationId: string; outcome: QueuedOutcome } | null>(null);

  const check = useCallback(
    async (mutationId: string) => {
      const listed = await api.invoke('outbox.list', {});
      if (!listed.ok) return;
      const entry = listed.value.find((e) => e.mutationId === mutationId);
      const outcome: QueuedOutcome = !entry
        ? { state: 'done' }
        : entry.state === 'rejected'
          ? { state: 'refused', reason: entry.reason, message: entry.message }
          : { state: 'pending' };
      setTracked((t) => (t?.mutationId === mutationId ? { mutationId, outcome } : t));
    },
    [api],
  );

  useEvent('data.changed', () => {
    if (tracked?.outcome.state === 'pending') void check(tracked.mutationId);
  });

  const track = useCallback((mutationId: string) => setTracked({ mutationId, outcome: { state: 'pending' } }), []);
  /** Drops a refused change from the outbox and stops following it. */
  const dismiss = useCallback(async () => {
    if (tracked?.outcome.state === 'refused') await api.invoke('outbox.discard', { mutationId: tracked.mutationId });
    setTracked(null);
  }, [api, tracked]);

  return { outcome: tracked?.outcome ?? null, track, dismiss };
}
