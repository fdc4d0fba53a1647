import type { SessionView } from '../../shared/ipc/contract';
import { PASSWORD_PROBLEMS, type PasswordProblemCode, type Session } from '../../shared/protocol';
import { adoptUnsent, carryUnsent, countUnsent } from '../services/outbox/outbox';
import type { Vault, VaultFailure, VaultResult } from '../services/vault/vault';
import { EngineError } from './engineError';
import type { EmitEvent } from './engineEvents';
import { HubAuthError, type HubAuth } from './hubAuth';
import { startLiveSession, type LiveSession, type SyncTuning } from './liveSession';
import { dropRefreshToken, notePasswordChanged, readStoredSession, storeHubSession } from './storedSession';

/** Who may use the workstation right now. */
export type SessionState =
  | { kind: 'signed-out' }
  | { kind: 'locked'; username: string; name: string; reason: 'idle' | 'manual' }
  | { kind: 'signed-in'; live: LiveSession };

/** Sign-in, lock, unlock, sign-out and forget for the one person using the workstation at a time. */
export interface SessionManager {
  state(): SessionState;
  /** The signed-in person's services; throws `not-signed-in` or `locked`. */
  live(): LiveSession;
  signIn(input: { username: string; password: string; mode: 'auto' | 'online' | 'offline' }): Promise<SessionView>;
  unlock(password: string): Promise<SessionView>;
  lock(reason: 'idle' | 'manual'): Promise<void>;
  /** Signs out (ending the hub session) unless unsent work would be left and `force` is false. */
  signOut(force: boolean): Promise<{ done: boolean; unsent: number }>;
  /** Signs out and deletes the person's cache; same guard. */
  forget(force: boolean): Promise<{ done: boolean; unsent: number }>;
  /**
   * Changes the password on the hub, then wraps the cache key with the new one. The new wrapping is made
   * before the hub is asked (a current password that does not open the cache changes nothing anywhere) and
   * swapped in as soon as the hub agreed.
   */
  changePassword(currentPassword: string, newPassword: string): Promise<{ endedSessions: number }>;
  /** Moves the unsent work of the caches set aside that `password` opens into this one, and deletes them. */
  recoverOldCache(password: string): Promise<{ recovered: number; oldCache: SessionView['oldCache'] }>;
  /** Deletes the caches set aside. */
  discardOldCache(): Promise<void>;
  /** Stops the services (the app quits); the hub session stays for the next sign-in here. */
  close(): Promise<void>;
}

export interface SessionManagerOptions {
  vault: Vault;
  hubAuth: HubAuth;
  hubUrl: string;
  clock: () => number;
  emit: EmitEvent;
  sync?: SyncTuning;
  log(message: string, detail?: unknown): void;
}

/**
 * Without the hub, the cache here is all that can check a password, so its refusals are the engine's: a wrong
 * password (`wrong-password`, the person's cache is here) is told apart from a person who has no cache here
 * (`never-online-here`: connecting once is the way in) and from the hub's own refusal (`bad-credentials`,
 * which cannot say which of username and password was wrong).
 */
const VAULT_MESSAGES: Record<VaultFailure, string> = {
  'wrong-password': 'wrong password',
  'offline-expired': 'the hub cannot be reached, and offline sign-in here has expired: connect to the hub to sign in',
  'never-online-here': 'this person never signed in online on this workstation: connect to the hub and sign in once',
};

const vaultOpened = (result: VaultResult) => {
  if (!result.ok) throw new EngineError(result.reason, VAULT_MESSAGES[result.reason]);
  return result.value;
};

function hubFailure(error: unknown): EngineError {
  if (!(error instanceof HubAuthError)) throw error;
  if (error.code === 'hub-unreachable') return new EngineError('hub-unreachable', error.message);
  if (error.code === 'bad-credentials' || error.code === 'rate-limited') return new EngineError(error.code, error.message);
  if ((PASSWORD_PROBLEMS as readonly string[]).includes(error.code)) return new EngineError(`password-${error.code as PasswordProblemCode}`, error.message);
  return new EngineError('internal', error.message);
}

/** What the renderer is told of a person's caches set aside. */
function oldCacheOf(vault: Vault, staffId: string): SessionView['oldCache'] {
  const aside = vault.asideCaches(staffId);
  if (aside.length === 0) return null;
  const counts = aside.map((a) => a.unsent);
  return { caches: aside.length, unsent: counts.includes(null) ? null : counts.reduce<number>((sum, n) => sum + (n ?? 0), 0) };
}

export function createSessionManager(options: SessionManagerOptions): SessionManager {
  const { vault, hubAuth } = options;
  let state: SessionState = { kind: 'signed-out' };
  // Sign-in, lock and sign-out each take several awaits; run them one at a time so they never interleave.
  let queue: Promise<unknown> = Promise.resolve();
  const exclusive = <T>(work: () => Promise<T>): Promise<T> => {
    const run = queue.then(work);
    queue = run.catch(() => {});
    return run;
  };

  function begin(opened: ReturnType<typeof vaultOpened>, online?: Session): SessionView {
    const previous = readStoredSession(opened.db)?.refreshToken;
    // A new online sign-in replaces the hub session kept here (e.g. after a lock): end the old one.
    if (online && previous && previous !== online.refreshToken) void hubAuth.logout(previous).catch(() => {});
    const stored = online ? storeHubSession(opened.db, online, online.mustChangePassword === true) : readStoredSession(opened.db);
    if (stored === null) {
      opened.close();
      throw new EngineError('never-online-here', VAULT_MESSAGES['never-online-here']);
    }
    const live = startLiveSession({
      vault: opened,
      stored,
      online,
      hubUrl: options.hubUrl,
      hubAuth,
      clock: options.clock,
      emit: options.emit,
      sync: options.sync,
      log: options.log,
      onEnded: (reason) => void end(live, reason),
      oldCache: () => oldCacheOf(vault, opened.staffId),
      onClosing: (unsent) => vault.noteUnsent(opened.staffId, unsent),
      onPolicy: (policy) => vault.notePolicy(opened.staffId, policy),
    });
    state = { kind: 'signed-in', live };
    live.announceConnection();
    return live.view();
  }

  /** The hub will not renew this session: close it (unsent work stays in the cache) and tell the renderer. */
  function end(live: LiveSession, reason: 'revoked' | 'expired'): Promise<void> {
    return exclusive(async () => {
      if (state.kind !== 'signed-in' || state.live !== live) return;
      if (live.vault.db.open) dropRefreshToken(live.vault.db);
      state = { kind: 'signed-out' };
      await live.stop();
      options.emit('session.ended', { reason });
    });
  }

  async function signInOnline(username: string, password: string): Promise<SessionView> {
    const session = await hubAuth.login(username, password).catch((error: unknown) => {
      throw hubFailure(error);
    });
    const result = await vault.createOrOpenOnline(username, password, session.staff, session.policy);
    if (!result.ok) {
      // The hub session is of no use without the cache: end it rather than leave it open.
      await hubAuth.logout(session.refreshToken).catch(() => {});
    }
    return begin(vaultOpened(result), session);
  }

  const signInOffline = async (username: string, password: string) => begin(vaultOpened(await vault.openOffline(username, password)));

  /**
   * Someone may sign in while another person's session is locked (shared workstations): the locked session
   * gives way once the sign-in succeeds (its cache is closed already, its work stays in it), and stays locked
   * when it fails.
   */
  function mayBegin(): void {
    if (state.kind === 'signed-in') throw new EngineError('already-signed-in', 'someone is signed in on this workstation: sign out first');
  }

  function current(): LiveSession {
    if (state.kind === 'signed-in') return state.live;
    throw state.kind === 'locked'
      ? new EngineError('locked', 'the workstation is locked: unlock it with your password')
      : new EngineError('not-signed-in', 'sign in first');
  }

  async function leave(force: boolean, forget: boolean): Promise<{ done: boolean; unsent: number }> {
    const live = current();
    const { db, staffId } = live.vault;
    const unsent = countUnsent(db);
    if (unsent > 0 && !force) return { done: false, unsent };
    const refreshToken = readStoredSession(db)?.refreshToken;
    dropRefreshToken(db);
    state = { kind: 'signed-out' };
    await live.stop();
    if (forget) vault.forget(staffId);
    // Best effort: offline, the hub session simply runs out (its refresh token is gone from here).
    if (refreshToken) await hubAuth.logout(refreshToken).catch((error: Error) => options.log(`sign-out: hub logout failed: ${error.message}`));
    return { done: true, unsent };
  }

  return {
    state: () => state,
    live: current,
    signIn: ({ username, password, mode }) =>
      exclusive(async () => {
        mayBegin();
        if (mode === 'offline') return signInOffline(username, password);
        try {
          return await signInOnline(username, password);
        } catch (error) {
          if (mode === 'online' || !(error instanceof EngineError) || error.code !== 'hub-unreachable') throw error;
          return signInOffline(username, password);
        }
      }),
    unlock: (password) =>
      exclusive(async () => {
        if (state.kind !== 'locked') throw new EngineError('not-signed-in', 'the workstation is not locked');
        const { username } = state;
        const result = await vault.openOffline(username, password);
        // Locked past the offline window: only the hub can let them back in.
        if (!result.ok && result.reason === 'offline-expired') return signInOnline(username, password);
        return begin(vaultOpened(result));
      }),
    lock: (reason) =>
      exclusive(async () => {
        if (state.kind !== 'signed-in') return;
        const { live } = state;
        state = { kind: 'locked', username: live.vault.username, name: live.vault.name, reason };
        await live.stop();
        options.emit('session.locked', { reason });
      }),
    changePassword: (currentPassword, newPassword) =>
      exclusive(async () => {
        const live = current();
        if (live.connection() !== 'online') throw new EngineError('offline', 'changing your password needs the hub: connect and try again');
        const rewrap = await vault.prepareRewrap(live.vault.staffId, currentPassword, newPassword);
        if (!rewrap) throw new EngineError('bad-credentials', 'wrong password');
        const answer = await hubAuth.changePassword(await live.accessToken(), currentPassword, newPassword).catch((error: unknown) => {
          throw hubFailure(error);
        });
        rewrap.commit();
        notePasswordChanged(live.vault.db);
        return { endedSessions: answer.endedSessions };
      }),
    recoverOldCache: (password) =>
      exclusive(async () => {
        const live = current();
        const { db, staffId } = live.vault;
        let recovered = 0;
        const opened = await vault.recoverAside(staffId, password, (old) => (recovered += adoptUnsent(db, carryUnsent(old), options.clock())));
        if (opened === 0) throw new EngineError('bad-credentials', 'this password opens none of the old caches here');
        live.sync?.flushOutbox();
        options.emit('data.changed', { entities: {}, outbox: true });
        live.announceConnection();
        return { recovered, oldCache: oldCacheOf(vault, staffId) };
      }),
    discardOldCache: () =>
      exclusive(async () => {
        vault.discardAside(current().vault.staffId);
      }),
    signOut: (force) => exclusive(() => leave(force, false)),
    forget: (force) => exclusive(() => leave(force, true)),
    close: () =>
      exclusive(async () => {
        if (state.kind === 'signed-in') await state.live.stop();
        state = { kind: 'signed-out' };
        vault.lock();
      }),
  };
}
