import { randomUUID } from 'node:crypto';
import type { Queue, Staff } from '../shared/domain';
import type { Change, EntityName, EntityRow, Policy } from '../shared/protocol';
import { audienceOf } from './audience';
import type { HubStore } from './store/hubStore';

/** What the realtime layer does with committed work. */
export interface Dispatcher {
  /** Changes just committed, with their audiences, in seq order. */
  changes(batch: ReadonlyArray<{ change: Change; audience: string[] }>): void;
  /** A live-only event to everyone listening on any of `audience` (and supervisors when `supervisors`). */
  event(audience: readonly string[], name: 'sla:breach' | 'call:offer' | 'call:update', payload: unknown, supervisors?: boolean): void;
  /** A person's scope changed (queues joined or left). */
  scopeChanged(staffId: string): void;
}

export interface HubConfig {
  /** Shared secret of connector webhooks (HMAC-SHA256 of the body). */
  ingestSecret: string;
  policy: Policy;
}

/**
 * The hub's working set for one process: the store, the clock, caches of the small reference tables, and the
 * write path that turns a transaction's saved rows into changes for the realtime layer after commit.
 */
export interface HubContext {
  store: HubStore;
  config: HubConfig;
  now(): number;
  newId(prefix: string): string;
  /** Runs `fn` in one transaction; when it commits, its changes are dispatched; when it throws, nothing is. */
  write<T>(fn: () => T): T;
  /** A live-only event, sent after the surrounding `write` commits (at once outside one). */
  emit(audience: readonly string[], name: 'sla:breach' | 'call:offer' | 'call:update', payload: unknown, supervisors?: boolean): void;
  /** Tells a person's workstations their scope changed, after the surrounding `write` commits. */
  scopeChanged(staffId: string): void;
  /** Saves a row inside `write`, logging the change for everyone who may see it. Returns the seq. */
  save<E extends EntityName>(entity: E, row: EntityRow<E>): number;
  /** Queues (few, read on every routing decision) and staff, cached and refreshed by `save`. */
  queues(): Queue[];
  queue(id: string): Queue | null;
  staff(id: string): Staff | null;
  allStaff(): Staff[];
  setDispatcher(d: Dispatcher): void;
}

export function createContext(store: HubStore, config: HubConfig, now: () => number = Date.now): HubContext {
  let pending: Array<{ change: Change; audience: string[] }> | null = null;
  let after: Array<() => void> = [];
  let queueCache: Map<string, Queue> | null = null;
  let staffCache: Map<string, Staff> | null = null;
  let dispatcher: Dispatcher = { changes: () => {}, event: () => {}, scopeChanged: () => {} };

  const queues = () => (queueCache ??= new Map(store.all('queue').map((q) => [q.id, q])));
  const staff = () => (staffCache ??= new Map(store.all('staff').map((s) => [s.id, s])));

  const ctx: HubContext = {
    store,
    config,
    now,
    newId: (prefix) => `${prefix}-${randomUUID()}`,
    write(fn) {
      if (pending) return fn(); // nested: part of the outer transaction
      pending = [];
      after = [];
      try {
        const result = store.transaction(fn);
        const batch = pending;
        const then = after;
        pending = null;
        after = [];
        if (batch.length) dispatcher.changes(batch);
        for (const f of then) f();
        return result;
      } catch (err) {
        pending = null;
        after = [];
        // A rolled-back transaction may have refreshed caches with rows that no longer exist.
        queueCache = null;
        staffCache = null;
        throw err;
      }
    },
    emit(audience, name, payload, supervisors) {
      const send = () => dispatcher.event(audience, name, payload, supervisors);
      if (pending) after.push(send);
      else send();
    },
    scopeChanged(staffId) {
      const send = () => dispatcher.scopeChanged(staffId);
      if (pending) after.push(send);
      else send();
    },
    save(entity, row) {
      if (!pending) throw new Error('save outside write()');
      const prev = store.get(entity, row.id);
      const audience = audienceOf(store, entity, row, prev);
      const seq = store.put(entity, row, audience);
      pending.push({ change: { seq, entity, op: 'upsert', id: row.id, data: row } as Change, audience });
      if (entity === 'queue') queues().set(row.id, row as Queue);
      if (entity === 'staff') staff().set(row.id, row as Staff);
      return seq;
    },
    queues: () => [...queues().values()],
    queue: (id) => queues().get(id) ?? null,
    staff: (id) => staff().get(id) ?? null,
    allStaff: () => [...staff().values()],
    setDispatcher: (d) => {
      dispatcher = d;
    },
  };
  return ctx;
}
