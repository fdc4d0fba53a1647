import { randomUUID } from 'node:crypto';
import type { Queue, Staff } from '../shared/domain';
import type { Change, EntityName, EntityRow, Policy } from '../shared/protocol';
import { audienceOf } from './audience';
import type { HubStore, StoreTx } from './store/hubStore';

/** Live-only events: sent after the surrounding transaction commits, never stored. */
export type LiveEventName = 'sla:breach' | 'call:offer' | 'call:update' | 'policy' | 'import:progress' | 'delivery:failed' | 'visitor:typing' | 'note:mention';

/** What the realtime layer does with committed work. */
export interface Dispatcher {
  /** Changes just committed, with their audiences, in seq order. */
  changes(batch: ReadonlyArray<{ change: Change; audience: string[] }>): void;
  /** A live-only event to everyone listening on any of `audience` (and supervisors when `supervisors`). */
  event(audience: readonly string[], name: LiveEventName, payload: unknown, supervisors?: boolean): void;
  /** A person's scope changed (queues joined or left). */
  scopeChanged(staffId: string): void;
}

export interface HubConfig {
  /** Shared secret of connector webhooks (HMAC-SHA256 of the body). */
  ingestSecret: string;
  policy: Policy;
  /**
   * Where customers reach this hub from outside (survey links, the web chat widget, the help site), without a
   * trailing slash: `--public-url`, else the address it listens on.
   */
  publicUrl: string;
}

/**
 * One unit of work: the store's transaction (every read that decides a write happens through it) plus what
 * the hub does with it. Saved rows become changes for everyone who may see them; live events and scope
 * changes wait for the commit, and are dropped when the transaction rolls back.
 */
export interface UnitOfWork extends StoreTx {
  readonly ctx: HubContext;
  /**
   * Saves a row, logging the change for everyone who could see it before or after. Returns the seq. `prev`: the
   * row as this unit of work last read or saved it, when the caller holds it (spares reading it again: a bulk
   * move saves a hundred cases it has just read).
   */
  save<E extends EntityName>(entity: E, row: EntityRow<E>, prev?: EntityRow<E> | null): Promise<number>;
  /**
   * The store's `putMany` (each row with the audience `audienceOf` gives it), dispatched after commit like `save`:
   * bulk writes (imports) without a read and a statement per row.
   */
  putMany: StoreTx['putMany'];
  /** A live-only event, sent once this unit of work commits. */
  emit(audience: readonly string[], name: LiveEventName, payload: unknown, supervisors?: boolean): void;
  /** Tells a person's workstations their scope changed, once this unit of work commits. */
  scopeChanged(staffId: string): void;
  /** Runs `f` once this unit of work has committed (never when it rolls back). */
  afterCommit(f: () => void): void;
}

/**
 * The hub's working set for one process: the store, the clock, caches of the small reference tables, and the
 * unit of work that turns a transaction's saved rows into changes for the realtime layer after commit.
 */
export interface HubContext {
  store: HubStore;
  config: HubConfig;
  now(): number;
  newId(prefix: string): string;
  /** Runs `fn` as one unit of work; when it commits, its changes and events are dispatched; when it throws, nothing is. */
  write<T>(fn: (w: UnitOfWork) => Promise<T>): Promise<T>;
  /** A live-only event outside any unit of work: sent at once. */
  emit(audience: readonly string[], name: LiveEventName, payload: unknown, supervisors?: boolean): void;
  /** Queues (few, read on every routing decision) and staff, cached; `loadCaches` fills them at start. */
  queues(): Queue[];
  queue(id: string): Queue | null;
  staff(id: string): Staff | null;
  allStaff(): Staff[];
  loadCaches(): Promise<void>;
  /** Brings the caches up to date with rows committed elsewhere (another hub node). */
  cacheRows(changes: readonly Change[]): void;
  setDispatcher(d: Dispatcher): void;
  /** Wakes the delivery worker: a delivery was just queued (see delivery/queueDelivery.ts). */
  kickDeliveries(): void;
  /** Who `kickDeliveries` wakes: the hub's delivery worker. */
  setDeliveryKick(kick: () => void): void;
}

/** A context over a store; `publicUrl` is needed only by a serving hub (createHub sets it). */
export function createContext(store: HubStore, given: Omit<HubConfig, 'publicUrl'> & { publicUrl?: string }, now: () => number = Date.now): HubContext {
  const config: HubConfig = { ...given, publicUrl: given.publicUrl ?? '' };
  let queueCache = new Map<string, Queue>();
  let staffCache = new Map<string, Staff>();
  let dispatcher: Dispatcher = { changes: () => {}, event: () => {}, scopeChanged: () => {} };
  let deliveryKick = () => {};

  const cache = (entity: EntityName, row: unknown) => {
    if (entity === 'queue') queueCache.set((row as Queue).id, row as Queue);
    if (entity === 'staff') staffCache.set((row as Staff).id, row as Staff);
  };

  const ctx: HubContext = {
    store,
    config,
    now,
    newId: (prefix) => `${prefix}-${randomUUID()}`,
    async write(fn) {
      const batch: Array<{ change: Change; audience: string[] }> = [];
      const after: Array<() => void> = [];
      try {
        const result = await store.write(async (tx) => {
          const w: UnitOfWork = Object.assign(Object.create(tx) as StoreTx, {
            ctx,
            async save<E extends EntityName>(entity: E, row: EntityRow<E>, known?: EntityRow<E> | null) {
              const prev = known === undefined ? await tx.get(entity, row.id) : known;
              const audience = await audienceOf(tx, entity, row, prev);
              const seq = await tx.put(entity, row, audience);
              batch.push({ change: { seq, entity, op: 'upsert', id: row.id, data: row } as Change, audience });
              // Cached at once, so the rest of this unit of work routes with it; a rollback reloads the caches.
              cache(entity, row);
              return seq;
            },
            async putMany<E extends EntityName>(entity: E, rows: ReadonlyArray<{ row: EntityRow<E>; audience: readonly string[] }>) {
              if (rows.length === 0) return;
              await tx.putMany(entity, rows);
              // One transaction's changes take consecutive seqs, in order.
              const first = tx.lastSeq() - rows.length + 1;
              rows.forEach(({ row, audience }, i) => {
                batch.push({ change: { seq: first + i, entity, op: 'upsert', id: row.id, data: row } as Change, audience: [...audience] });
                cache(entity, row);
              });
            },
            emit: (audience: readonly string[], name: LiveEventName, payload: unknown, supervisors?: boolean) =>
              void after.push(() => dispatcher.event(audience, name, payload, supervisors)),
            scopeChanged: (staffId: string) => void after.push(() => dispatcher.scopeChanged(staffId)),
            afterCommit: (f: () => void) => void after.push(f),
          });
          return fn(w);
        });
        if (batch.length) dispatcher.changes(batch);
        for (const f of after) f();
        return result;
      } catch (err) {
        if (batch.some(({ change }) => change.entity === 'queue' || change.entity === 'staff')) await ctx.loadCaches();
        throw err;
      }
    },
    emit: (audience, name, payload, supervisors) => dispatcher.event(audience, name, payload, supervisors),
    queues: () => [...queueCache.values()],
    queue: (id) => queueCache.get(id) ?? null,
    staff: (id) => staffCache.get(id) ?? null,
    allStaff: () => [...staffCache.values()],
    async loadCaches() {
      const [queues, staff] = await Promise.all([store.all('queue'), store.all('staff')]);
      queueCache = new Map(queues.map((q) => [q.id, q]));
      staffCache = new Map(staff.map((s) => [s.id, s]));
    },
    cacheRows(changes) {
      for (const c of changes) if (c.op === 'upsert') cache(c.entity, c.data);
    },
    setDispatcher: (d) => {
      dispatcher = d;
    },
    kickDeliveries: () => deliveryKick(),
    setDeliveryKick: (kick) => {
      deliveryKick = kick;
    },
  };
  return ctx;
}
