import { createHash, randomBytes } from 'node:crypto';
import type { Staff } from '../../shared/domain';
import type { Session } from '../../shared/protocol';
import type { HubContext } from '../context';
import { hashPassword, verifyPassword } from './passwords';
import { createRateLimiter } from './rateLimiter';
import { signAccessToken, verifyAccessToken } from './tokens';

export interface AuthOptions {
  /** Key that signs access tokens; random per hub start unless given (tokens then die with a restart). */
  tokenKey: Buffer;
  accessTtlMs: number;
  refreshTtlMs: number;
}

export class AuthError extends Error {
  constructor(
    readonly code: 'bad-credentials' | 'rate-limited' | 'expired' | 'revoked',
    message: string,
    readonly retryAfterMs = 0,
  ) {
    super(message);
  }
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
// Compared against when the username is unknown, so both failures take the same time.
const DUMMY_HASH_PASSWORD = randomBytes(16).toString('hex');

/** Sign-in, short-lived access tokens, rotating refresh tokens and revocation. */
export function createAuthService(ctx: HubContext, opts: AuthOptions) {
  const perUser = createRateLimiter({ max: 5, windowMs: 5 * 60_000, now: ctx.now });
  const perAddress = createRateLimiter({ max: 30, windowMs: 60_000, now: ctx.now });
  let dummyHash: Promise<string> | null = null;
  const revokedListeners: Array<(sessionId: string) => void> = [];

  function issue(staff: Staff, sessionId: string, refreshToken: string, refreshExpiresAt: number): Session {
    const accessExpiresAt = ctx.now() + opts.accessTtlMs;
    return {
      ok: true,
      accessToken: signAccessToken({ sid: sessionId, sub: staff.id, exp: accessExpiresAt }, opts.tokenKey),
      accessExpiresAt,
      refreshToken,
      refreshExpiresAt,
      staff,
      policy: ctx.config.policy,
    };
  }

  const service = {
    /** Opens a session for someone already known to be who they say (after a password check, or in-process tools). */
    startSession(staff: Staff): Session {
      const refreshToken = randomBytes(32).toString('base64url');
      const refreshExpiresAt = ctx.now() + opts.refreshTtlMs;
      const id = ctx.newId('sess');
      ctx.store.createSession({ id, staffId: staff.id, refreshHash: sha256(refreshToken), refreshExpiresAt, createdAt: ctx.now(), revokedAt: null });
      return issue(staff, id, refreshToken, refreshExpiresAt);
    },

    async login(username: string, password: string, address: string): Promise<Session> {
      const userKey = username.toLowerCase();
      if (!perAddress.attempt(address) || !perUser.attempt(userKey)) {
        const wait = Math.max(perAddress.retryAfter(address), perUser.retryAfter(userKey));
        throw new AuthError('rate-limited', `too many sign-in attempts; try again in ${Math.ceil(wait / 1000)} s`, wait);
      }
      const found = ctx.store.staffCredentials(userKey);
      const ok = found
        ? await verifyPassword(password, found.passwordHash)
        : await verifyPassword(password, await (dummyHash ??= hashPassword(DUMMY_HASH_PASSWORD)));
      if (!found || !ok) throw new AuthError('bad-credentials', 'wrong username or password');
      perUser.reset(userKey);
      return service.startSession(ctx.staff(found.staff.id) ?? found.staff);
    },

    /** Trades a refresh token for a new access token and a new refresh token (the old one stops working). */
    refresh(refreshToken: string): Session {
      const s = ctx.store.sessionByRefreshHash(sha256(refreshToken));
      if (!s) throw new AuthError('revoked', 'this session is no longer valid: sign in again');
      if (s.revokedAt !== null) throw new AuthError('revoked', 'this session was signed out: sign in again');
      if (s.refreshExpiresAt <= ctx.now()) throw new AuthError('expired', 'this session expired: sign in again');
      const staff = ctx.staff(s.staffId);
      if (!staff) throw new AuthError('revoked', 'this account no longer exists');
      const next = randomBytes(32).toString('base64url');
      const expires = ctx.now() + opts.refreshTtlMs;
      ctx.store.rotateRefresh(s.id, sha256(next), expires);
      return issue(staff, s.id, next, expires);
    },

    /** Signs a session out everywhere: its refresh token dies and its live connections are closed. */
    revokeByRefresh(refreshToken: string): void {
      const s = ctx.store.sessionByRefreshHash(sha256(refreshToken));
      if (!s || s.revokedAt !== null) return;
      ctx.store.revokeSession(s.id, ctx.now());
      for (const l of revokedListeners) l(s.id);
    },

    /** The staff member behind a valid access token, or why not. */
    verify(token: string): { staff: Staff; sessionId: string; expiresAt: number } | AuthError {
      const claims = verifyAccessToken(token, opts.tokenKey, ctx.now());
      if (!claims) return new AuthError('expired', 'access token is invalid or expired');
      const session = ctx.store.sessionById(claims.sid);
      if (!session || session.revokedAt !== null) return new AuthError('revoked', 'this session was signed out');
      const staff = ctx.staff(claims.sub);
      if (!staff) return new AuthError('revoked', 'this account no longer exists');
      return { staff, sessionId: claims.sid, expiresAt: claims.exp };
    },

    onRevoked(listener: (sessionId: string) => void): void {
      revokedListeners.push(listener);
    },
  };
  return service;
}
export type AuthService = ReturnType<typeof createAuthService>;
