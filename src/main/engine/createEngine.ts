import { channels, isChannelName, type ChannelName, type InputOf, type IpcResult, type OutputOf } from '../../shared/ipc/contract';
import { createVault } from '../services/vault/vault';
import type { ScryptParams } from '../services/vault/keyWrap';
import { invalidInput, toIpcError } from './engineError';
import { createEngineEvents, type EngineEvent } from './engineEvents';
import { adminHandlers } from './handlers/adminHandlers';
import { attachmentHandlers } from './handlers/attachmentHandlers';
import { preferenceHandlers } from './handlers/preferenceHandlers';
import { assistHandlers } from './handlers/assistHandlers';
import { inboxPreferenceHandlers } from './handlers/inboxPreferenceHandlers';
import { changeHandlers } from './handlers/changeHandlers';
import type { HandlerContext, Handlers } from './handlers/handlerTypes';
import { hubHandlers } from './handlers/hubHandlers';
import { outboxHandlers } from './handlers/outboxHandlers';
import { readHandlers } from './handlers/readHandlers';
import { sessionHandlers } from './handlers/sessionHandlers';
import { supervisorHandlers } from './handlers/supervisorHandlers';
import { createHubAdmin } from './hubAdmin';
import { createHubAuth } from './hubAuth';
import { HISTORY_DAYS_ENV, historyWindowFrom } from './historyWindow';
import { DEFAULT_IDLE_CHECK_MS } from './idleCheck';
import type { SyncTuning } from './liveSession';
import { createSessionManager } from './sessionManager';

/** What the engine needs from its host. */
export interface EngineOptions {
  /** Folder of this workstation's per-person encrypted caches. */
  dataDir: string;
  /** The hub, e.g. `http://127.0.0.1:4410`. */
  hubUrl: string;
  clock?: () => number;
  /**
   * The OS's idle time in ms (Electron: powerMonitor). Without it, idleness is measured from the renderer's
   * last `session.activity`.
   */
  systemIdleMs?: () => number;
  /** How often the idle lock is checked; 0 turns the timer off (tests call `checkIdle`). Default 15 s. */
  idleCheckMs?: number;
  /** Path of better-sqlite3-multiple-ciphers' native binding built for Electron (see src/main/electron/nativeBinding.ts). */
  nativeBinding?: string;
  /** Key derivation cost; defaults to OWASP's scrypt parameters (tests lower it). */
  kdf?: ScryptParams;
  sync?: SyncTuning;
  fetch?: typeof fetch;
  log?(message: string, detail?: unknown): void;
}

/** The workstation engine: the contract's channels over the services, for one host (Electron or browser host). */
export interface Engine {
  /**
   * Answers one call from the renderer. Untrusted: the channel name and input are checked here. Never
   * throws: every failure is an error result with a stable code.
   */
  invoke(channel: unknown, input: unknown): Promise<IpcResult<unknown>>;
  /** The same, typed, for callers in this process (tests, hosts). */
  call<C extends ChannelName>(channel: C, input: InputOf<C>): Promise<IpcResult<OutputOf<C>>>;
  /** Subscribes to the contract's events (hosts forward them to the renderer); returns the unsubscribe. */
  subscribe(listener: (event: EngineEvent) => void): () => void;
  /** Locks now if the person has been idle for the hub's idleLockMinutes (also run by the engine's timer). */
  checkIdle(): Promise<void>;
  /** Stops everything (the app quits). The hub session stays in the cache for the next sign-in here. */
  close(): Promise<void>;
}

/** Composes vault, cache, sync client, outbox, search and presence into the engine behind the IPC contract. */
export function createEngine(options: EngineOptions): Engine {
  const clock = options.clock ?? Date.now;
  const log = options.log ?? ((message: string, detail?: unknown) => console.error(message, detail ?? ''));
  const vault = createVault({ dir: options.dataDir, clock, kdf: options.kdf, nativeBinding: options.nativeBinding });
  const events = createEngineEvents();
  const sessions = createSessionManager({
    vault,
    hubAuth: createHubAuth({ hubUrl: options.hubUrl, fetch: options.fetch }),
    hubUrl: options.hubUrl,
    clock,
    emit: events.emit,
    // The history window is the workstation's configuration; a host or test may still set it in `sync`.
    sync: { historyWindowMs: historyWindowFrom(process.env[HISTORY_DAYS_ENV]), ...options.sync },
    log,
  });
  let lastActivityAt = clock();
  const context: HandlerContext = {
    sessions,
    vault,
    hubUrl: options.hubUrl,
    hubAdmin: createHubAdmin({ hubUrl: options.hubUrl, fetch: options.fetch }),
    clock,
    emit: events.emit,
    noteActivity: () => void (lastActivityAt = clock()),
  };
  const handlers: Handlers = {
    ...sessionHandlers(context),
    ...readHandlers(context),
    ...changeHandlers(context),
    ...hubHandlers(context),
    ...outboxHandlers(context),
    ...assistHandlers(context),
    ...inboxPreferenceHandlers(context),
    ...supervisorHandlers(context),
    ...adminHandlers(context),
    ...attachmentHandlers(context),
    ...preferenceHandlers(context),
  };

  async function invoke(channel: unknown, input: unknown): Promise<IpcResult<unknown>> {
    if (!isChannelName(channel)) {
      // Not String(channel): it throws on an object without a callable toString, which Electron's IPC can carry.
      const name = typeof channel === 'string' ? channel.slice(0, 100) : typeof channel;
      return { ok: false, error: { code: 'unknown-channel', message: `no channel ${name}` } };
    }
    const parsed = channels[channel].input.safeParse(input);
    if (!parsed.success) return invalidInput(parsed.error);
    try {
      const handler = handlers[channel] as (input: unknown) => unknown;
      return { ok: true, value: await handler(parsed.data) };
    } catch (error) {
      return toIpcError(error, log);
    }
  }

  async function checkIdle(): Promise<void> {
    const state = sessions.state();
    if (state.kind !== 'signed-in') return;
    const idleMs = options.systemIdleMs?.() ?? clock() - lastActivityAt;
    if (idleMs >= state.live.view().policy.idleLockMinutes * 60_000) await sessions.lock('idle');
  }

  const idleCheckMs = options.idleCheckMs ?? DEFAULT_IDLE_CHECK_MS;
  const idleTimer = idleCheckMs > 0 ? setInterval(() => void checkIdle().catch((e: unknown) => log('engine: idle check failed', e)), idleCheckMs) : null;
  idleTimer?.unref();

  return {
    invoke,
    call: (channel, input) => invoke(channel, input) as Promise<IpcResult<OutputOf<typeof channel>>>,
    subscribe: events.subscribe,
    checkIdle,
    async close() {
      if (idleTimer) clearInterval(idleTimer);
      await sessions.close();
    },
  };
}
