import { io, type Socket } from 'socket.io-client';
import type { z } from 'zod';
import type { Staff } from '../../../shared/domain';
import {
  CallOfferSchema,
  CallUpdateSchema,
  DeliveryFailedSchema,
  NoteMentionSchema,
  type NoteMention,
  HelloSchema,
  ImportProgressSchema,
  LiveChangesSchema,
  MAX_CASE_FETCH,
  MAX_PAGE,
  PolicyUpdateSchema,
  PresenceUpdateSchema,
  ScopeSchema,
  SlaBreachSchema,
  VisitorTypingSchema,
  type Ack,
  ROW_SCHEMA_VERSION,
  type Change,
  type ClientToServerEvents,
  type Mutation,
  type MutationResult,
  type Policy,
  type ReasonCode,
  type RequestName,
  type RequestOf,
  type ResponseOf,
  type Scope,
  type ServerToClientEvents,
  type SnapshotPhase,
} from '../../../shared/protocol';
import { applyRows, type AppliedChanges } from '../cache/applyChanges';
import type { Db } from '../cache/database';
import { clearPartialCases, partialCasesAmong, priorityHistory } from '../cache/partialCases';
import { pruneToScope } from '../cache/pruneToScope';
import type { SetAsideRow } from '../cache/setAsideRows';
import { applyChangesInSlices, applyInSlices } from '../cache/slicedApply';
import { applySnapshotPageInSlices, beginSnapshot, readSyncState, saveScope } from '../cache/syncState';
import { startFlusher, type Flusher } from '../outbox/flusher';
import { pruneAcked, type OutboxEntry } from '../outbox/outbox';
import { acceptRows, type RowChecking } from './acceptRows';
import { fullJitterDelay, type BackoffPolicy } from './backoff';
import { createChangeBatch, type ChangedRows } from './changeBatch';
import { createEmitter } from './emitter';
import { planLive } from './livePlan';
import { findNotices, type Notice } from './notices';
import { offlineReadiness, type OfflineReadiness, type SnapshotStanding } from './offlineReadiness';
import { parseAnswer } from './parseAnswer';
import { createRequestPacer, type RequestPacer } from './requestPacer';

/**
 * How often, at most, a snapshot's applied rows are announced (`changed`): often enough that the inbox fills
 * while the bootstrap runs, rarely enough that open views do not read again for every page.
 */
const SNAPSHOT_ANNOUNCE_MS = 1_000;

/** Whether the workstation is talking to the hub. */
export type ConnectionState = 'online' | 'offline' | 'reconnecting';

/** Bootstrap and catch-up progress, for a progress bar: a phased snapshot reports its phase. */
export interface SyncProgress {
  phase: 'snapshot' | SnapshotPhase | 'pull';
  done: number;
  total: number;
  percent: number;
}

/** What the sync client tells its owner (the Electron main process or the browser host). */
export type SyncEvents = {
  connection: ConnectionState;
  hello: { staff: Staff; scope: Scope; policy: Policy };
  /** An admin changed the workstation policy while connected: it replaces the one `hello` gave. */
  policy: Policy;
  progress: SyncProgress;
  /** "Ready for offline" (see offlineReadiness.ts), whenever it or its percent changes. */
  readiness: OfflineReadiness;
  /** True once the cache has caught up with the hub after a (re)connect. */
  caughtUp: { cursor: number };
  /**
   * Rows written or removed, per entity, and the cases they belong to, so the UI refreshes what it shows.
   * During a snapshot, once per settled batch (see SNAPSHOT_ANNOUNCE_MS) rather than once per page.
   */
  changed: ChangedRows;
  notice: Notice;
  'call:offer': z.infer<typeof CallOfferSchema>;
  'call:update': z.infer<typeof CallUpdateSchema>;
  presence: z.infer<typeof PresenceUpdateSchema>;
  'sla:breach': z.infer<typeof SlaBreachSchema>;
  /** A delivery gave up: for its author and the case's owner (the hub sends it to no one else). */
  'delivery:failed': z.infer<typeof DeliveryFailedSchema>;
  'import:progress': z.infer<typeof ImportProgressSchema>;
  /** A colleague mentioned this person in an internal note (the hub sends it to them alone). */
  'note:mention': NoteMention;
  /** A web chat visitor typing, or stopped, on a case this person sees. */
  'visitor:typing': z.infer<typeof VisitorTypingSchema>;
  /** An outbox entry got its final answer (acked, held, rejected). */
  settled: OutboxEntry;
  /** Something went wrong that the client recovers from by itself; for the log. */
  problem: { where: string; message: string };
  /**
   * A row from the hub failed the workstation's schemas and was set aside in the cache instead of applied;
   * syncing goes on without it. Once per row version; `where` is the request or `changes` (live batch).
   */
  setAside: SetAsideRow & { where: RequestName | 'changes' };
};

/** What the sync client needs. */
export interface SyncClientOptions {
  url: string;
  db: Db;
  /**
   * A valid access token, renewed (refresh token) when the old one ran out. Called for every connection
   * attempt and after `auth:expired`.
   */
  getToken(): Promise<string>;
  pageSize?: number;
  /**
   * How far back (ms) a bootstrap brings the timelines of finished cases that are not the person's own; older
   * ones are fetched when opened. Null brings every timeline. Default DEFAULT_HISTORY_WINDOW_MS.
   */
  historyWindowMs?: number | null;
  /** The clock the history window counts back from. */
  clock?: () => number;
  reconnect?: BackoffPolicy;
  outboxBackoff?: BackoffPolicy;
  requestTimeoutMs?: number;
  random?: () => number;
}

/** The running sync client. */
export interface SyncClient {
  on: ReturnType<typeof createEmitter<SyncEvents>>['on'];
  state(): ConnectionState;
  /** Something was put in the outbox: send it now if online. */
  flushOutbox(): void;
  /** Resolves when the cache has caught up with the hub (for tests and the first screen). */
  whenCaughtUp(): Promise<void>;
  /**
   * Fetches the whole history of cases cached in part (opened or found by the person), unless already under
   * way; the cases are announced as changed when it has arrived. False when not connected (nothing started).
   */
  fetchHistory(caseIds: readonly string[]): boolean;
  /** Readiness for offline work as last announced (null before the first announcement). */
  readiness(): OfflineReadiness | null;
  /**
   * Asks the hub something over the live connection (customer lookup, audit trail, presence) and resolves with
   * its parsed answer; rows in it that do not parse are set aside and left out. A `rate-limited` refusal is
   * waited out and asked again. Rejects when not connected (or no longer) or on timeout, and with an error
   * carrying the hub's `reason` when refused.
   */
  request<N extends RequestName>(name: N, payload: RequestOf<N>): Promise<ResponseOf<N>>;
  stop(): Promise<void>;
}

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** The history window a bootstrap uses unless told otherwise: 90 days. */
export const DEFAULT_HISTORY_WINDOW_MS = 90 * 86_400_000;

/** A refusal in an acknowledgement. */
class Refused extends Error {
  constructor(
    readonly reason: ReasonCode,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Connects to the hub and keeps the cache in step with it, following src/shared/protocol/index.ts: hello,
 * resumable snapshot, pull until caught up, live changes with gap detection, case fetches for cases entering
 * scope, scope changes, reconnection with backoff, and the outbox sent through `mutate`.
 */
export function startSyncClient(options: SyncClientOptions): SyncClient {
  const { db } = options;
  const pageSize = Math.min(options.pageSize ?? MAX_PAGE, MAX_PAGE);
  const historyWindowMs = options.historyWindowMs === undefined ? DEFAULT_HISTORY_WINDOW_MS : options.historyWindowMs;
  const clock = options.clock ?? Date.now;
  const timeoutMs = options.requestTimeoutMs ?? 15_000;
  const reconnect = options.reconnect ?? { baseMs: 500, maxMs: 30_000 };
  const events = createEmitter<SyncEvents>();
  let state: ConnectionState = 'offline';
  let stopped = false;
  let staffId: string | null = null;
  let failures = 0;
  let reconnectTimer: NodeJS.Timeout | null = null;
  let tasks: Promise<void> = Promise.resolve();
  let pullQueued = false;
  let caughtUpWaiters: (() => void)[] = [];
  let caughtUp = false;
  /** Paces this connection's requests to the hub's budget; null while not connected. */
  let pacer: RequestPacer | null = null;
  /** The snapshot in flight in this session, for readiness; null when none. */
  let standing: SnapshotStanding | null = null;
  let readiness: OfflineReadiness | null = null;
  /** Cases whose history is being fetched on the person's behalf. */
  const fetching = new Set<string>();

  /**
   * Tells the owner when readiness changed. The priority count is read only when it can change the answer:
   * after a snapshot has passed its priority timelines, while not ready, or when cases changed.
   */
  function announceReadiness(casesChanged: boolean): void {
    if (staffId === null || !db.open) return;
    if (readiness?.ready && !casesChanged && standing === null) return;
    const s = readSyncState(db);
    const needsCount = standing === null || standing.pastHistory;
    const priority = needsCount && s.scope ? priorityHistory(db, staffId, s.scope) : { total: 0, whole: 0 };
    const next = offlineReadiness({ bootstrapped: s.bootstrapped, snapshot: standing, priority });
    if (readiness?.ready === next.ready && readiness.percent === next.percent) return;
    events.emit('readiness', (readiness = next));
  }

  /** Full until a hub announces this workstation's row schema version in its hello. */
  let rowChecking: RowChecking = 'full';
  const snapshotChanges = createChangeBatch(SNAPSHOT_ANNOUNCE_MS);

  const setState = (next: ConnectionState) => {
    if (next !== state) events.emit('connection', (state = next));
  };

  const socket: ClientSocket = io(options.url, {
    transports: ['websocket'],
    // Reconnection is ours (full jitter; and the hub's server-side disconnect after auth:expired would stop
    // Socket.IO's own), so the manager never retries by itself.
    reconnection: false,
    autoConnect: false,
    auth: (cb) => {
      options.getToken().then(
        (token) => cb({ token }),
        (err: Error) => {
          events.emit('problem', { where: 'token', message: err.message });
          cb({});
        },
      );
    },
  });

  /** Rows that parse, from an answer or a live batch; the others are set aside and reported. */
  const accept = (where: RequestName | 'changes') => (raw: readonly unknown[]) => {
    const { rows, setAside } = acceptRows(db, raw, rowChecking);
    for (const row of setAside) events.emit('setAside', { ...row, where });
    return rows;
  };

  async function request<N extends RequestName>(name: N, payload: RequestOf<N>): Promise<ResponseOf<N>> {
    if (pacer === null) throw new Error('not connected to the hub');
    // The event map's generic ack types do not narrow per request name; the answer is parsed below instead.
    const timed = socket.timeout(timeoutMs) as unknown as { emitWithAck(event: N, payload: RequestOf<N>): Promise<Ack<unknown>> };
    const ack = await pacer.send(() => timed.emitWithAck(name, payload));
    if (!ack.ok) throw new Refused(ack.reason, ack.message);
    return parseAnswer(name, ack.value, accept(name));
  }

  /** Runs sync work one piece at a time: applying pages and live batches must not interleave. */
  const enqueueTask = (task: () => Promise<void>) => {
    tasks = tasks.then(task).catch((err: Error) => {
      events.emit('problem', { where: 'sync', message: err.message });
      // What a snapshot applied before it failed is in the cache: the UI hears of it now, not at the next snapshot.
      announceSnapshotChanges();
      // A failed step leaves the cursor where it was; the next connection resumes from it.
      if (socket.connected) socket.disconnect();
      scheduleReconnect();
    });
    return tasks;
  };

  /**
   * What follows an apply: scope pruning, UI events, notices, and the history of cases that just entered the
   * scope — except while snapshotting (`fromSnapshot`), where later pages bring customers and timelines anyway.
   */
  async function afterApply(changes: readonly Change[], applied: AppliedChanges, notices: Notice[], fromSnapshot = false): Promise<void> {
    const scope = readSyncState(db).scope;
    const caseIds = changes.filter((c) => c.entity === 'case').map((c) => c.id);
    const removed = scope && caseIds.length > 0 ? pruneToScope(db, scope, caseIds) : [];
    pruneAcked(db);
    const byEntity = { ...applied.byEntity };
    if (removed.length > 0) byEntity.case = [...new Set([...(byEntity.case ?? []), ...removed])];
    const changed = { byEntity, cases: [...new Set([...applied.cases, ...removed])] };
    if (fromSnapshot) snapshotChanges.add(changed);
    else if (Object.keys(byEntity).length > 0) events.emit('changed', changed);
    const changedIds = new Set(Object.values(byEntity).flat());
    for (const n of notices) {
      const id = n.kind === 'assigned' ? n.case.id : n.kind === 'alert' ? n.alert.id : n.held.id;
      if (changedIds.has(id) && !removed.includes(id)) events.emit('notice', n);
    }
    // Inline rather than queued, so that "caught up" includes the history of cases that just came into scope.
    if (!fromSnapshot) {
      const missing = applied.casesMissingHistory.filter((id) => !removed.includes(id));
      for (let i = 0; i < missing.length; i += MAX_CASE_FETCH) await fetchCases(missing.slice(i, i + MAX_CASE_FETCH));
    }
    announceReadiness(byEntity.case !== undefined);
  }

  async function fetchCases(caseIds: string[]): Promise<void> {
    try {
      const { rows } = await request('case:fetch', { caseIds });
      const applied = await applyInSlices(db, rows, (slice, last) =>
        db
          .transaction(() => {
            // The whole history is here once the last slice is: cases cached in part (a lookup's continuation
            // view) are complete then.
            if (last) clearPartialCases(db, caseIds);
            return applyRows(db, slice);
          })
          .immediate(),
      );
      await afterApply(rows, applied, []);
    } catch (err) {
      if (!(err instanceof Refused)) throw err;
      events.emit('problem', { where: 'case:fetch', message: err.message });
    }
  }

  async function snapshot(queueIds: string[] | null): Promise<void> {
    const progress = readSyncState(db).snapshot ?? beginSnapshot(db, queueIds);
    // The window goes with the first page only: a resumed snapshot keeps the one its position carries.
    const window = historyWindowMs === null ? {} : { historySince: Math.max(0, clock() - historyWindowMs) };
    const ask = (after: string | null, hwm: number | null) => {
      const answer = request('sync:snapshot', {
        after,
        hwm,
        limit: pageSize,
        ...(progress.queueIds ? { queueIds: progress.queueIds } : {}),
        ...(after === null ? window : {}),
      });
      // Awaited on the next turn of the loop; a failure while the current page applies must not go unhandled.
      answer.catch(() => {});
      return answer;
    };
    let next = ask(progress.after, progress.hwm);
    let done = 0;
    for (;;) {
      const page = await next;
      // The hub prepares the next page while this one is applied: the bootstrap is paced by the slower side,
      // not by the sum of both. Progress is stored with each applied page, so a crash still resumes exactly.
      if (!page.done) next = ask(page.after, page.hwm);
      const { rows } = page;
      const applied = await applySnapshotPageInSlices(
        db,
        progress.queueIds,
        { rows, after: page.after, hwm: page.hwm, done: page.done, historySince: page.historySince },
        staffId ?? '',
      );
      done += rows.length;
      // Rows set aside are not counted as done: the last page says 100% all the same.
      const percent = page.done || page.total === 0 ? 100 : Math.min(100, Math.round((done / page.total) * 100));
      events.emit('progress', { phase: page.phase ?? 'snapshot', done, total: page.total, percent });
      standing = page.done ? null : { done, readyAt: page.readyAt ?? page.total, pastHistory: page.phase === 'recent' };
      await afterApply(rows, applied, [], true);
      if (page.done || snapshotChanges.due()) announceSnapshotChanges();
      if (page.done) return;
    }
  }

  function fetchHistory(caseIds: readonly string[]): boolean {
    if (!socket.connected) return false;
    const ids = caseIds.filter((id) => !fetching.has(id)).slice(0, MAX_CASE_FETCH);
    if (ids.length === 0) return caseIds.length > 0;
    ids.forEach((id) => fetching.add(id));
    void enqueueTask(async () => {
      try {
        // Still wanted (a feed change may have fetched it meanwhile), and still possible.
        const wanted = partialCasesAmong(db, ids);
        if (wanted.length > 0 && socket.connected) await fetchCases(wanted);
      } finally {
        ids.forEach((id) => fetching.delete(id));
        // Whatever came, the screens showing these cases stop waiting for it.
        events.emit('changed', { byEntity: { case: ids }, cases: ids });
      }
    });
    return true;
  }

  /** Tells what the snapshot applied since it was last told (see SNAPSHOT_ANNOUNCE_MS). */
  function announceSnapshotChanges(): void {
    const changed = snapshotChanges.take();
    if (changed !== null) events.emit('changed', changed);
  }

  async function pullUntilCaughtUp(): Promise<void> {
    const start = readSyncState(db).cursor;
    for (;;) {
      const cursor = readSyncState(db).cursor;
      const page = await request('sync:pull', { cursor, limit: pageSize });
      const { changes } = page;
      const notices = staffId ? findNotices(db, staffId, changes) : [];
      const applied = await applyChangesInSlices(db, changes, page.cursor);
      const total = Math.max(0, page.head - start);
      const done = Math.max(0, page.cursor - start);
      events.emit('progress', { phase: 'pull', done, total, percent: total === 0 ? 100 : Math.min(100, Math.round((done / total) * 100)) });
      await afterApply(changes, applied, notices);
      if (!page.more) return;
    }
  }

  function queuePull(): void {
    if (pullQueued) return;
    pullQueued = true;
    void enqueueTask(async () => {
      pullQueued = false;
      await pullUntilCaughtUp();
    });
  }

  async function catchUp(): Promise<void> {
    const s = readSyncState(db);
    if (!s.bootstrapped || s.snapshot) await snapshot(s.snapshot?.queueIds ?? null);
    await pullUntilCaughtUp();
    caughtUp = true;
    announceReadiness(true);
    caughtUpWaiters.forEach((resolve) => resolve());
    caughtUpWaiters = [];
    events.emit('caughtUp', { cursor: readSyncState(db).cursor });
    flusher.kick();
  }

  /** Drops what left the scope and snapshots the queues joined (a no-op when nothing changed). */
  async function adoptScope(scope: Scope): Promise<void> {
    const before = readSyncState(db).scope;
    saveScope(db, scope);
    const removed = pruneToScope(db, scope);
    if (removed.length > 0) events.emit('changed', { byEntity: { case: removed }, cases: removed });
    const joined = before === null || before.all ? [] : scope.queueIds.filter((q) => !before.queueIds.includes(q));
    const widenedToAll = before !== null && !before.all && scope.all;
    if (readSyncState(db).bootstrapped && (joined.length > 0 || widenedToAll)) {
      beginSnapshot(db, widenedToAll ? null : joined);
      await snapshot(widenedToAll ? null : joined);
    }
  }

  function scheduleReconnect(): void {
    if (stopped || reconnectTimer || socket.connected) return;
    setState('reconnecting');
    reconnectTimer = setTimeout(() => {
      reconnectTimer = null;
      if (!stopped) socket.connect();
    }, fullJitterDelay(failures++, reconnect, options.random));
  }

  socket.on('connect', () => {
    pacer = createRequestPacer({
      fallback: reconnect,
      random: options.random,
      onBurst: ({ message, waitMs }) => events.emit('problem', { where: 'rate-limited', message: `${message}; asking again in ${waitMs} ms` }),
    });
  });
  socket.on('connect_error', (err) => {
    events.emit('problem', { where: 'connect', message: err.message });
    scheduleReconnect();
  });
  socket.on('disconnect', () => {
    caughtUp = false;
    pacer?.close();
    pacer = null;
    if (!stopped) scheduleReconnect();
  });
  socket.on('hello', (raw) => {
    const hello = HelloSchema.parse(raw);
    failures = 0;
    rowChecking = hello.rowSchema === ROW_SCHEMA_VERSION ? 'cheap' : 'full';
    if (rowChecking === 'full') {
      events.emit('problem', {
        where: 'schema',
        message: `the hub's rows are of schema version ${hello.rowSchema ?? 'unknown'}, this workstation's of ${ROW_SCHEMA_VERSION}: every row is checked in full (slower); update the workstation or the hub`,
      });
    }
    staffId = hello.staff.id;
    setState('online');
    events.emit('hello', { staff: hello.staff, scope: hello.scope, policy: hello.policy });
    void enqueueTask(async () => {
      await adoptScope(hello.scope);
      await catchUp();
    });
  });
  socket.on('changes', (raw) => {
    const parsed = LiveChangesSchema.safeParse(raw);
    if (!parsed.success) return queuePull();
    void enqueueTask(async () => {
      const s = readSyncState(db);
      if (!s.bootstrapped) return;
      const plan = planLive(s.cursor, parsed.data);
      if (plan.kind === 'pull') return queuePull();
      if (plan.kind === 'skip') return;
      const changes = accept('changes')(plan.changes);
      const notices = staffId ? findNotices(db, staffId, changes) : [];
      await afterApply(changes, await applyChangesInSlices(db, changes, plan.cursor), notices);
    });
  });
  socket.on('scope', (raw) => {
    const scope = ScopeSchema.parse(raw);
    void enqueueTask(() => adoptScope(scope));
  });
  socket.on('auth:expired', () => {
    // The hub disconnects right after this; the next connection attempt asks getToken for a fresh token.
    events.emit('problem', { where: 'auth', message: 'access token expired' });
  });
  socket.on('call:offer', (p) => events.emit('call:offer', CallOfferSchema.parse(p)));
  socket.on('call:update', (p) => events.emit('call:update', CallUpdateSchema.parse(p)));
  socket.on('presence', (p) => events.emit('presence', PresenceUpdateSchema.parse(p)));
  socket.on('sla:breach', (p) => events.emit('sla:breach', SlaBreachSchema.parse(p)));
  socket.on('policy', (raw) => {
    const parsed = PolicyUpdateSchema.safeParse(raw);
    // A policy that does not parse is not half-applied: the one in force stays until the next hello.
    if (parsed.success) events.emit('policy', parsed.data);
    else events.emit('problem', { where: 'policy', message: `a policy that does not pass the schema: ${parsed.error.issues.map((i) => i.path.join('.')).join(', ')}` });
  });
  socket.on('delivery:failed', (raw) => {
    // A notice that does not parse is dropped: the failure itself still arrives with the delivery's row.
    const parsed = DeliveryFailedSchema.safeParse(raw);
    if (parsed.success) events.emit('delivery:failed', parsed.data);
    else events.emit('problem', { where: 'delivery:failed', message: 'a notice that does not pass the schema' });
  });
  socket.on('note:mention', (raw) => {
    // A mention that does not parse is dropped: the note itself still arrives with its case.
    const parsed = NoteMentionSchema.safeParse(raw);
    if (parsed.success) events.emit('note:mention', parsed.data);
    else events.emit('problem', { where: 'note:mention', message: 'a mention that does not pass the schema' });
  });
  socket.on('import:progress', (raw) => {
    // Progress is a hint for a progress bar: one that does not parse is dropped (the import's answer still comes).
    const parsed = ImportProgressSchema.safeParse(raw);
    if (parsed.success) events.emit('import:progress', parsed.data);
  });
  socket.on('visitor:typing', (raw) => {
    // A hint that lapses by itself: one that does not parse is dropped, and the next keystrokes send another.
    const parsed = VisitorTypingSchema.safeParse(raw);
    if (parsed.success) events.emit('visitor:typing', parsed.data);
    else events.emit('problem', { where: 'visitor:typing', message: 'a notice that does not pass the schema' });
  });
  socket.on('protocol:error', (p) => events.emit('problem', { where: `hub:${p.event}`, message: p.message }));

  async function send(mutation: Mutation): Promise<MutationResult> {
    if (!socket.connected || !caughtUp) throw new Error('not connected');
    try {
      return await request('mutate', mutation);
    } catch (err) {
      // A protocol-level refusal (malformed, unauthorized) is an answer about this mutation, not a lost message.
      if (err instanceof Refused) return { ok: false, reason: err.reason, message: err.message };
      throw err;
    }
  }

  const flusher: Flusher = startFlusher({
    db,
    send,
    backoff: options.outboxBackoff,
    random: options.random,
    onSettled: (entry) => {
      // The feed may have delivered the change before the acknowledgement arrived.
      pruneAcked(db);
      events.emit('settled', entry);
    },
  });

  setState('reconnecting');
  socket.connect();

  return {
    on: events.on,
    state: () => state,
    flushOutbox: () => flusher.kick(),
    whenCaughtUp: () => (caughtUp ? Promise.resolve() : new Promise((resolve) => caughtUpWaiters.push(resolve))),
    fetchHistory,
    readiness: () => readiness,
    request,
    async stop() {
      stopped = true;
      if (reconnectTimer) clearTimeout(reconnectTimer);
      socket.disconnect();
      await flusher.stop();
      await tasks;
      setState('offline');
    },
  };
}
