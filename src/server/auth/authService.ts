import { createHash, randomBytes } from 'node:crypto';
import type { Staff } from '../../shared/domain';
import type { ChangePasswordResult, Session } from '../../shared/protocol';
import type { SharedState } from '../sharedState';
import type { SessionRecord } from '../store/hubStore';
import { currentPolicy } from '../admin/policy';
import type { HubContext, UnitOfWork } from '../context';
import { setStaffStatus } from '../mutations';
import { passwordProblem, type PasswordProblem } from './passwordPolicy';
import { hashPassword, verifyPassword } from './passwords';
import { createRateLimiter } from './rateLimiter';
import { signAccessToken, verifyAccessToken } from './tokens';

export interface AuthOptions {
  /** Key that signs access tokens; random per hub start unless given (tokens then die with a restart). */
  tokenKey: Buffer;
  accessTtlMs: number;
  refreshTtlMs: number;
  /** Where sign-in failures are counted (shared by every hub node). */
  shared: SharedState;
}

export class AuthError extends Error {
  constructor(
    readonly code: 'bad-credentials' | 'rate-limited' | 'expired' | 'revoked' | 'deactivated',
    message: string,
    readonly retryAfterMs = 0,
  ) {
    super(message);
  }
}

/** A new password the password rule refuses; `problem.code` is what the workstation translates. */
export class PasswordRefused extends Error {
  constructor(readonly problem: PasswordProblem) {
    super(problem.message);
  }
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
// Compared against when the username is unknown, so both failures take the same time.
const DUMMY_HASH_PASSWORD = randomBytes(16).toString('hex');

/** Sign-in, short-lived access tokens, rotating refresh tokens and revocation. */
export function createAuthService(ctx: HubContext, opts: AuthOptions) {
  // Wrong passwords are refused per account *and* source together, so someone guessing cannot lock the real
  // person out from elsewhere; one source spraying many accounts is refused too. An account guessed at from
  // many sources is slowed down, never locked: the right password still gets in.
  const window = { windowMs: 15 * 60_000, now: ctx.now, shared: opts.shared };
  const failedPerSource = createRateLimiter({ name: 'signin-source', max: 5, ...window });
  const failedPerAddress = createRateLimiter({ name: 'signin-address', max: 50, ...window });
  const failedPerUser = createRateLimiter({ name: 'signin-user', max: Number.MAX_SAFE_INTEGER, ...window });
  let dummyHash: Promise<string> | null = null;
  const revokedListeners: Array<(sessionId: string) => void> = [];

  async function issue(staff: Staff, sessionId: string, refreshToken: string, refreshExpiresAt: number): Promise<Session> {
    const accessExpiresAt = ctx.now() + opts.accessTtlMs;
    return {
      ok: true,
      accessToken: signAccessToken({ sid: sessionId, sub: staff.id, exp: accessExpiresAt }, opts.tokenKey),
      accessExpiresAt,
      refreshToken,
      refreshExpiresAt,
      staff,
      policy: await currentPolicy(ctx.store, ctx.config.policy),
    };
  }

  /** Ends a session: its refresh token dies, and once that is committed its live connections are closed. */
  async function revoke(w: UnitOfWork, sessionId: string): Promise<void> {
    await w.revokeSession(sessionId, ctx.now());
    w.afterCommit(() => {
      for (const l of revokedListeners) l(sessionId);
    });
  }

  /** Ends a session whose refresh token was used twice, and leaves a trace supervisors can find. */
  async function endStolenSession(w: UnitOfWork, s: SessionRecord): Promise<void> {
    console.warn(`hub: a used refresh token of session ${s.id} came back: the session is ended`);
    await revoke(w, s.id);
    await w.appendAudit({
      id: ctx.newId('audit'),
      actorId: s.staffId,
      action: 'auth.revoke',
      targetType: 'staff',
      targetId: s.staffId,
      queueId: null,
      caseId: null,
      before: { sessionId: s.id },
      after: { reason: 'refresh-token-reused' },
      at: ctx.now(),
    });
  }

  /**
   * Checks a person's password under the sign-in limits (see above); the person and their hash, or throws
   * `bad-credentials` (the same for an unknown username) or `rate-limited`.
   */
  async function checkPassword(username: string, password: string, address: string): Promise<{ staff: Staff; passwordHash: string; mustChangePassword: boolean }> {
    const userKey = username.toLowerCase();
    const sourceKey = `${userKey}\n${address}`;
    if ((await failedPerSource.exhausted(sourceKey)) || (await failedPerAddress.exhausted(address))) {
      const wait = Math.max(await failedPerSource.retryAfter(sourceKey), await failedPerAddress.retryAfter(address));
      throw new AuthError('rate-limited', `too many wrong sign-ins from here; try again in ${Math.ceil(wait / 1000)} s`, wait);
    }
    const slowDown = slowDownMs(await failedPerUser.count(userKey));
    if (slowDown > 0) await new Promise((resolve) => setTimeout(resolve, slowDown));
    const found = await ctx.store.staffCredentials(userKey);
    const ok = found
      ? await verifyPassword(password, found.passwordHash)
      : await verifyPassword(password, await (dummyHash ??= hashPassword(DUMMY_HASH_PASSWORD)));
    if (!found || !ok) {
      await Promise.all([failedPerSource.hit(sourceKey), failedPerAddress.hit(address), failedPerUser.hit(userKey)]);
      throw new AuthError('bad-credentials', 'wrong username or password');
    }
    await failedPerSource.reset(sourceKey);
    return found;
  }

  const service = {
    /** Opens a session for someone already known to be who they say (after a password check, or in-process tools). */
    async startSession(staff: Staff, mustChangePassword = false): Promise<Session> {
      const refreshToken = randomBytes(32).toString('base64url');
      const refreshExpiresAt = ctx.now() + opts.refreshTtlMs;
      const id = ctx.newId('sess');
      await ctx.write((w) => w.createSession({ id, staffId: staff.id, refreshHash: sha256(refreshToken), refreshExpiresAt, createdAt: ctx.now(), revokedAt: null }));
      const session = await issue(staff, id, refreshToken, refreshExpiresAt);
      return mustChangePassword ? { ...session, mustChangePassword: true } : session;
    },

    async login(username: string, password: string, address: string): Promise<Session> {
      const found = await checkPassword(username, password, address);
      const staff = ctx.staff(found.staff.id) ?? found.staff;
      // Said only after the right password, so the answer tells a guesser nothing about the account.
      if (!staff.active) throw new AuthError('deactivated', 'this account is deactivated: ask an administrator');
      return service.startSession(staff, found.mustChangePassword);
    },

    /**
     * One's own password change, from a signed-in session: the current password is checked like a sign-in
     * (same limits), the new one against the password rule. Every other session of the person ends (on every
     * node: a copied token or a forgotten workstation should not outlive the change); this one goes on.
     */
    async changePassword(
      who: { staff: Staff; sessionId: string },
      currentPassword: string,
      newPassword: string,
      address: string,
    ): Promise<ChangePasswordResult> {
      await checkPassword(who.staff.username, currentPassword, address);
      const problem = passwordProblem(newPassword, who.staff.username);
      if (problem) throw new PasswordRefused(problem);
      const hash = await hashPassword(newPassword);
      return ctx.write(async (w) => {
        const others = (await w.openSessionsOf(who.staff.id)).filter((id) => id !== who.sessionId);
        await w.setPasswordHash(who.staff.id, hash);
        for (const id of others) await revoke(w, id);
        await w.appendAudit({
          id: ctx.newId('audit'),
          actorId: who.staff.id,
          action: 'auth.password',
          targetType: 'staff',
          targetId: who.staff.id,
          queueId: null,
          caseId: null,
          before: null,
          after: { endedSessions: others.length },
          at: ctx.now(),
        });
        return { ok: true as const, endedSessions: others.length };
      });
    },

    /**
     * Trades a refresh token for a new access token and a new refresh token (the old one stops working). A
     * refresh token that was already traded is a stolen copy, or the original after its thief used it: the
     * session ends for both. Rotation is a compare and swap inside one transaction, so two refreshes racing
     * with one token (on one hub node or two) cannot both win.
     */
    async refresh(refreshToken: string): Promise<Session> {
      const hash = sha256(refreshToken);
      type Rotated = { staff: Staff; sessionId: string; refreshToken: string; expires: number };
      const outcome = await ctx.write(async (w): Promise<Rotated | AuthError> => {
        const s = await w.sessionByRefreshHash(hash);
        if (!s) {
          const reused = await w.sessionByRetiredRefresh(hash);
          if (reused && reused.revokedAt === null) await endStolenSession(w, reused);
          return new AuthError('revoked', 'this session is no longer valid: sign in again');
        }
        if (s.revokedAt !== null) return new AuthError('revoked', 'this session was signed out: sign in again');
        if (s.refreshExpiresAt <= ctx.now()) return new AuthError('expired', 'this session expired: sign in again');
        const staff = ctx.staff(s.staffId);
        if (!staff) return new AuthError('revoked', 'this account no longer exists');
        if (!staff.active) return new AuthError('deactivated', 'this account is deactivated: ask an administrator');
        const next = randomBytes(32).toString('base64url');
        const expires = ctx.now() + opts.refreshTtlMs;
        if (!(await w.rotateRefresh(s.id, hash, sha256(next), expires, ctx.now()))) {
          await endStolenSession(w, s);
          return new AuthError('revoked', 'this session is no longer valid: sign in again');
        }
        return { staff, sessionId: s.id, refreshToken: next, expires };
      });
      if (outcome instanceof AuthError) throw outcome;
      return issue(outcome.staff, outcome.sessionId, outcome.refreshToken, outcome.expires);
    },

    /**
     * Signs a session out everywhere: its refresh token dies and its live connections are closed. Signing out of
     * a person's last session takes them offline, so that routing stops offering them work; signed in on another
     * workstation, they keep their status.
     */
    async revokeByRefresh(refreshToken: string): Promise<void> {
      await ctx.write(async (w) => {
        const s = await w.sessionByRefreshHash(sha256(refreshToken));
        if (!s || s.revokedAt !== null) return;
        await revoke(w, s.id);
        const staff = ctx.staff(s.staffId);
        if (staff && (await w.openSessionsOf(staff.id)).length === 0) await setStaffStatus(w, staff, 'offline');
      });
    },

    /** The staff member behind a valid access token, or why not. */
    async verify(token: string): Promise<{ staff: Staff; sessionId: string; expiresAt: number } | AuthError> {
      const claims = verifyAccessToken(token, opts.tokenKey, ctx.now());
      if (!claims) return new AuthError('expired', 'access token is invalid or expired');
      const session = await ctx.store.sessionById(claims.sid);
      if (!session || session.revokedAt !== null) return new AuthError('revoked', 'this session was signed out');
      const staff = ctx.staff(claims.sub);
      if (!staff) return new AuthError('revoked', 'this account no longer exists');
      if (!staff.active) return new AuthError('deactivated', 'this account is deactivated');
      return { staff, sessionId: claims.sid, expiresAt: claims.exp };
    },

    /** Ends every session of a person (deactivation): once committed, their connections close on every node. */
    async revokeAllOf(w: UnitOfWork, staffId: string): Promise<void> {
      for (const id of await w.revokeSessionsOfStaff(staffId, ctx.now())) {
        w.afterCommit(() => {
          for (const l of revokedListeners) l(id);
        });
      }
    },

    onRevoked(listener: (sessionId: string) => void): void {
      revokedListeners.push(listener);
    },
  };
  return service;
}
export type AuthService = ReturnType<typeof createAuthService>;

/** How long a sign-in waits when its account has had `failures` wrong passwords lately: none for the first five, then doubling up to 4 s. */
export function slowDownMs(failures: number): number {
  return failures < 5 ? 0 : Math.min(4_000, 250 * 2 ** (failures - 5));
}
