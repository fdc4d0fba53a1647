import type { EntityName, EntityRow, Session } from '../../../shared/protocol';
import type { Db } from '../cache/database';
import { startSyncClient, type SyncClient, type SyncClientOptions, type SyncEvents } from '../sync/syncClient';

/** Test support: a real sync client against a test hub, recording what it reported. */
export interface TestWorkstation {
  client: SyncClient;
  /** Every event of these kinds since the start, in order. */
  seen: { connection: SyncEvents['connection'][]; problem: SyncEvents['problem'][]; setAside: SyncEvents['setAside'][] };
  /** Resolves with the next event of a kind that passes `test`; rejects after `ms`. */
  next<K extends keyof SyncEvents>(event: K, test?: (p: SyncEvents[K]) => boolean, ms?: number): Promise<SyncEvents[K]>;
  /** Resolves once the client has caught up with the hub; rejects after `ms` (a client that never does). */
  caughtUp(ms?: number): Promise<void>;
}

/** Rejects with `what` when `promise` takes longer than `ms`. */
export function within<T>(ms: number, what: string, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what}: not within ${ms} ms`)), ms)));
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

/**
 * Starts a sync client against the hub at `url` for `session` (signed in once: every reconnect reuses its
 * access token) on `db`, with short reconnect and outbox backoffs. Stop it with `client.stop()`.
 */
export function startTestWorkstation(url: string, session: Session, db: Db, tuning: Partial<SyncClientOptions> = {}): TestWorkstation {
  const client = startSyncClient({
    url,
    db,
    getToken: async () => session.accessToken,
    reconnect: { baseMs: 20, maxMs: 200 },
    outboxBackoff: { baseMs: 20, maxMs: 200 },
    requestTimeoutMs: 5_000,
    ...tuning,
  });
  const seen: TestWorkstation['seen'] = { connection: [], problem: [], setAside: [] };
  client.on('connection', (s) => seen.connection.push(s));
  client.on('problem', (p) => seen.problem.push(p));
  client.on('setAside', (r) => seen.setAside.push(r));
  return {
    client,
    seen,
    next: (event, test = () => true, ms = 5_000) =>
      within(
        ms,
        `waiting for ${String(event)}`,
        new Promise((resolve) => {
          const off = client.on(event, (p) => {
            if (!test(p)) return;
            off();
            resolve(p);
          });
        }),
      ),
    caughtUp: (ms = 5_000) => within(ms, 'catching up', client.whenCaughtUp()),
  };
}

/** The part of the hub's context (`hub.hub.ctx` of a test hub) that writes rows. */
export interface HubWriter {
  write<T>(fn: (w: { save<E extends EntityName>(entity: E, row: EntityRow<E>): Promise<number> }) => Promise<T>): Promise<T>;
}

/** A row to save, with its entity. */
export type EntityRowOf = { [E in EntityName]: readonly [E, EntityRow<E>] }[EntityName];

/**
 * Saves rows straight into the hub's store in one transaction and returns their seqs. Unchecked, as an older
 * hub stored them: `save` does not validate. A customer's change goes to the people who see its cases, so a
 * new customer is saved after its case.
 */
export function saveOnHub(ctx: HubWriter, ...rows: EntityRowOf[]): Promise<number[]> {
  return ctx.write(async (w) => {
    const seqs: number[] = [];
    for (const [entity, row] of rows) seqs.push(await w.save(entity, row as never));
    return seqs;
  });
}
