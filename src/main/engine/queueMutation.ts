import type { EntityName } from '../../shared/protocol';
import type { Db } from '../services/cache/database';
import { getRow } from '../services/cache/rows';
import { optimisticEffects } from '../services/outbox/effects';
import { enqueue, type MutationRequest, type OptimisticEffect } from '../services/outbox/outbox';
import { EngineError } from './engineError';
import type { EmitEvent } from './engineEvents';
import type { LiveSession } from './liveSession';

/**
 * Puts a change in the outbox with its optimistic effect, asks the sync client to send it, and tells the
 * renderer what to refresh. The hub's verdict arrives later (outbox entry, `data.changed`).
 */
export function queueMutation(live: LiveSession, request: MutationRequest, clock: () => number, emit: EmitEvent) {
  const { db, staffId } = live.vault;
  const now = clock();
  let effects: readonly OptimisticEffect[] = [];
  const entry = enqueue(db, request, (mutation) => (effects = optimisticEffects(db, mutation, { staffId, now })), now);
  live.sync?.flushOutbox();
  const entities: Partial<Record<EntityName, string[]>> = {};
  for (const e of effects) (entities[e.entity] ??= []).push(e.id);
  emit('data.changed', { entities, outbox: true });
  live.announceConnection();
  return { mutationId: entry.mutationId, state: entry.state };
}

/** The version of a cached row a change is based on; `not-found` when this workstation does not hold it. */
export function versionOf(db: Db, entity: 'case' | 'customer' | 'alert' | 'staff', id: string): { version: number } {
  const row = getRow(db, entity, id);
  if (row === null) throw new EngineError('not-found', `${entity} ${id} is not on this workstation`);
  return { version: row.version };
}
