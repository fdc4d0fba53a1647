import type { EventPayload, SessionView } from '../../shared/ipc/contract';
import type { Change, Policy, Session } from '../../shared/protocol';
import { keepLookupRows } from '../services/cache/lookupRows';
import { getRow } from '../services/cache/rows';
import { readSyncState } from '../services/cache/syncState';
import { countUnsent } from '../services/outbox/outbox';
import { startSearchIndexer, type SearchIndexer } from '../services/search/indexer';
import { readinessOfCache, type OfflineReadiness } from '../services/sync/offlineReadiness';
import { startSyncClient, type ConnectionState, type SyncClient, type SyncClientOptions } from '../services/sync/syncClient';
import type { OpenedVault } from '../services/vault/vault';
import type { EmitEvent } from './engineEvents';
import type { HubAuth } from './hubAuth';
import { customerName } from './customerNames';
import { readStoredSession, updateStoredIdentity, type StoredSession } from './storedSession';
import { createTokenProvider } from './tokenProvider';

/** How long a notice waits for its customer's row to arrive before it goes out without the name. */
const NAME_WAIT_MS = 3_000;

/** Sync client settings a host or a test may tune. */
export type SyncTuning = Partial<Pick<SyncClientOptions, 'pageSize' | 'reconnect' | 'outboxBackoff' | 'requestTimeoutMs' | 'historyWindowMs'>>;

/** The services of the person signed in: their open cache, the sync client and the search indexer. */
export interface LiveSession {
  readonly vault: OpenedVault;
  /** Null when this workstation holds no hub session for them (offline sign-in after a sign-out). */
  readonly sync: SyncClient | null;
  readonly signedInOnline: boolean;
  view(): SessionView;
  connection(): ConnectionState;
  /** The link state, last sync time, unsent count and since when the link is up or down. */
  connectionInfo(): EventPayload<'connection.changed'>;
  /** Tells the renderer the link state, last sync time and unsent count (after a change of any of them). */
  announceConnection(): void;
  /** Readiness for offline work: as the sync client last told it, or as the cache tells it. */
  readiness(): OfflineReadiness;
  /**
   * Keeps rows the hub answered a request with (a store lookup) like synced ones: cached, indexed, announced.
   * `partialCaseIds` are cases sent as a continuation view (only part of their timeline): they are marked so
   * that their whole history is fetched if they come into the person's scope.
   */
  keepRows(rows: readonly Change[], partialCaseIds: readonly string[]): void;
  /** A valid access token for the hub's HTTP API (renewed with the stored refresh token when old). */
  accessToken(): Promise<string>;
  /** Stops syncing and indexing and closes the cache (the key goes with the connection). */
  stop(): Promise<void>;
}

export interface LiveSessionOptions {
  vault: OpenedVault;
  stored: StoredSession;
  /** The session of an online sign-in; absent after an offline one. */
  online?: Session;
  hubUrl: string;
  hubAuth: HubAuth;
  clock: () => number;
  emit: EmitEvent;
  sync?: SyncTuning;
  log(message: string, detail?: unknown): void;
  /** The hub will not renew the session (revoked, expired): the engine ends it. */
  onEnded(reason: 'revoked' | 'expired'): void;
  /** The person's caches set aside (SessionView.oldCache). */
  oldCache(): SessionView['oldCache'];
  /** The cache is about to close with this many unsent entries (recorded for when it is set aside). */
  onClosing(unsent: number): void;
  /** The hub told the policy (at every connection, and live when an admin changes it): offline sign-in follows it. */
  onPolicy(policy: Policy): void;
}

/** Starts the services of a person who just signed in (online or offline). */
export function startLiveSession(options: LiveSessionOptions): LiveSession {
  const { vault, clock, emit } = options;
  const { db } = vault;
  let identity = { staff: options.stored.staff, policy: options.stored.policy };
  let lastSyncAt: number | null = null;

  const indexer: SearchIndexer = startSearchIndexer(db, {
    onProgress: (p) => {
      const total = p.indexed + p.pending;
      emit('sync.progress', { phase: 'index', done: p.indexed, total, percent: total === 0 ? 100 : Math.round((p.indexed / total) * 100) });
    },
  });

  const canReconnect = options.online !== undefined || readStoredSession(db)?.refreshToken != null;
  const tokens = createTokenProvider({ db, hubAuth: options.hubAuth, clock, initial: options.online, onRefused: options.onEnded });
  const sync = canReconnect
    ? startSyncClient({ url: options.hubUrl, db, getToken: () => tokens.getToken(), ...options.sync })
    : null;

  // Since when the link is up, or down: "reconnecting" and "offline" are both down, so a retry keeps the time.
  let since = clock();
  let wasOnline = false;
  const connectionInfo = (): EventPayload<'connection.changed'> => ({
    state: sync?.state() ?? 'offline',
    lastSyncAt,
    unsent: db.open ? countUnsent(db) : 0,
    since,
  });
  const announceConnection = () => emit('connection.changed', connectionInfo());

  if (sync) {
    sync.on('connection', (state) => {
      if ((state === 'online') !== wasOnline) {
        wasOnline = state === 'online';
        since = clock();
      }
      announceConnection();
    });
    // The idle lock reads `identity.policy` on every check, so a new policy counts from the next check on.
    const adopt = (update: Pick<StoredSession, 'staff' | 'policy'>) => {
      identity = update;
      updateStoredIdentity(db, identity);
      options.onPolicy(update.policy);
    };
    sync.on('hello', ({ staff, policy }) => adopt({ staff, policy }));
    sync.on('policy', (policy) => adopt({ ...identity, policy }));
    sync.on('progress', (p) => emit('sync.progress', p));
    sync.on('readiness', (r) => emit('offline.readiness', r));
    sync.on('caughtUp', () => {
      lastSyncAt = clock();
      announceConnection();
    });
    sync.on('changed', ({ byEntity, cases }) => {
      indexer.kick();
      emit('data.changed', { entities: byEntity, cases, outbox: false });
    });
    sync.on('settled', () => {
      emit('data.changed', { entities: {}, outbox: true });
      announceConnection();
    });
    /**
     * Calls `send` with the customer's name. A case reassigned to me often arrives before its customer (the
     * sync client fetches the history next), so an unknown name is awaited for a moment before giving up.
     */
    const withCustomerName = (customerId: string, send: (name: string | null) => void) => {
      const known = customerName(db, customerId);
      if (known !== null) return send(known);
      const timer = setTimeout(() => {
        off();
        send(null);
      }, NAME_WAIT_MS);
      const off = sync.on('changed', ({ byEntity }) => {
        if (!byEntity.customer?.includes(customerId)) return;
        clearTimeout(timer);
        off();
        send(db.open ? customerName(db, customerId) : null);
      });
    };
    sync.on('notice', (notice) => {
      if (notice.kind === 'assigned') withCustomerName(notice.case.customerId, (name) => emit('assignment.new', { case: notice.case, customerName: name }));
      else if (notice.kind === 'alert') withCustomerName(notice.alert.customerId, (name) => emit('alert.red', { alert: notice.alert, customerName: name }));
      else emit('held.notice', { held: notice.held });
    });
    sync.on('delivery:failed', (failure) => {
      if (!db.open) return;
      const kase = getRow(db, 'case', failure.caseId);
      emit('delivery.failed', { failure, caseSubject: kase?.subject ?? null, customerName: kase ? customerName(db, kase.customerId) : null });
    });
    sync.on('note:mention', (mention) => emit('mention.new', mention));
    sync.on('call:offer', (offer) => emit('call.offer', offer));
    sync.on('call:update', (update) => emit('call.update', update));
    sync.on('presence', (p) => emit('presence.update', p));
    sync.on('visitor:typing', (p) => emit('visitor.typing', p));
    sync.on('import:progress', (p) => emit('admin.importProgress', p));
    sync.on('problem', ({ where, message }) => {
      // A refused handshake or an `auth:expired` means the access token is no good: renew it on the next try.
      if (where === 'auth' || where === 'connect') tokens.markStale();
      options.log(`sync: ${where}: ${message}`);
    });
    sync.on('setAside', ({ where, entity, id, seq, problem }) => {
      options.log(`sync: ${where}: set aside ${entity} ${id} (seq ${seq}), it does not pass the schema: ${problem}`);
    });
  }

  return {
    vault,
    sync,
    signedInOnline: options.online !== undefined,
    view: () => ({
      ...identity,
      scope: db.open ? readSyncState(db).scope : null,
      signedInOnline: options.online !== undefined,
      reconnects: sync !== null,
      oldCache: options.oldCache(),
      mustChangePassword: db.open && readStoredSession(db)?.mustChangePassword === true,
    }),
    connection: () => sync?.state() ?? 'offline',
    connectionInfo,
    announceConnection,
    readiness: () => sync?.readiness() ?? readinessOfCache(db, options.stored.staff.id),
    keepRows(rows, partialCaseIds) {
      const applied = keepLookupRows(db, rows, partialCaseIds);
      indexer.kick();
      emit('data.changed', { entities: applied.byEntity, cases: applied.cases, outbox: false });
    },
    accessToken: () => tokens.getToken(),
    async stop() {
      await sync?.stop();
      await indexer.stop();
      const unsent = db.open ? countUnsent(db) : null;
      vault.close();
      if (unsent !== null) options.onClosing(unsent);
    },
  };
}
