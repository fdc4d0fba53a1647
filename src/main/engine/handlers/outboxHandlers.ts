import { failedItemsOf } from '../../services/outbox/itemResults';
import { discard, listOutbox, retry } from '../../services/outbox/outbox';
import { EngineError } from '../engineError';
import type { Handlers, HandlerContext } from './handlerTypes';

/**
 * The outbox view: what waits, what the hub refused or held, the author's retry or discard, and the per-case
 * refusals of bulk moves the hub applied.
 */
export function outboxHandlers({ sessions, clock, emit }: HandlerContext) {
  /** Runs an outbox action on an entry that exists; the outbox's own state rules answer as `conflict`. */
  const onEntry = <T>(mutationId: string, action: () => T): T => {
    const live = sessions.live();
    if (!listOutbox(live.vault.db).some((e) => e.mutationId === mutationId)) {
      throw new EngineError('not-found', `no outbox entry ${mutationId}`);
    }
    let result: T;
    try {
      result = action();
    } catch (error) {
      throw new EngineError('conflict', (error as Error).message);
    }
    emit('data.changed', { entities: {}, outbox: true });
    live.announceConnection();
    return result;
  };

  return {
    'outbox.list': () =>
      listOutbox(sessions.live().vault.db).map(({ mutationId, mutation, state, attempts, reason, message, current, createdAt, updatedAt }) => ({
        mutationId,
        mutation,
        state,
        attempts,
        reason,
        message,
        current,
        createdAt,
        updatedAt,
      })),
    'outbox.retry': ({ mutationId }) =>
      onEntry(mutationId, () => {
        const live = sessions.live();
        const entry = retry(live.vault.db, mutationId, clock());
        live.sync?.flushOutbox();
        return { mutationId: entry.mutationId, state: entry.state };
      }),
    'outbox.discard': ({ mutationId }) =>
      onEntry(mutationId, () => {
        discard(sessions.live().vault.db, mutationId);
        return {};
      }),
    'outbox.results': ({ mutationIds }) => failedItemsOf(sessions.live().vault.db, mutationIds),
  } satisfies Partial<Handlers>;
}
