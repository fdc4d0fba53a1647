import type { Session } from '../../shared/protocol';
import type { Db } from '../services/cache/database';
import { HubAuthError, type HubAuth } from './hubAuth';
import { readStoredSession, storeHubSession } from './storedSession';

/** Access tokens for the sync client, renewed with the refresh token kept in the cache. */
export interface TokenProvider {
  /** A valid access token; refreshes (rotating the stored refresh token) when the one held is old or stale. */
  getToken(): Promise<string>;
  /** The hub refused the token (expired or revoked): the next getToken refreshes. */
  markStale(): void;
}

export interface TokenProviderOptions {
  db: Db;
  hubAuth: HubAuth;
  clock: () => number;
  /** The session of an online sign-in; absent after an offline sign-in (the first getToken refreshes). */
  initial?: Session;
  /** The hub will not renew this session: the person has to sign in again. */
  onRefused(reason: 'revoked' | 'expired'): void;
}

// Renew a little before expiry so a connection attempt never races the token's last second.
const EARLY_MS = 60_000;

export function createTokenProvider(options: TokenProviderOptions): TokenProvider {
  const { db, hubAuth, clock } = options;
  let access = options.initial ? { token: options.initial.accessToken, expiresAt: options.initial.accessExpiresAt } : null;
  let refreshing: Promise<string> | null = null;

  async function refresh(): Promise<string> {
    const refreshToken = readStoredSession(db)?.refreshToken;
    if (!refreshToken) throw new Error('no hub session on this workstation: sign in online to reconnect');
    try {
      const session = await hubAuth.refresh(refreshToken);
      // The old refresh token stopped working when this one was issued: store it before anything else.
      if (db.open) storeHubSession(db, session);
      access = { token: session.accessToken, expiresAt: session.accessExpiresAt };
      return session.accessToken;
    } catch (error) {
      if (error instanceof HubAuthError && (error.code === 'revoked' || error.code === 'expired')) options.onRefused(error.code);
      throw error;
    }
  }

  return {
    getToken() {
      if (access && access.expiresAt - EARLY_MS > clock()) return Promise.resolve(access.token);
      // One refresh at a time: two would race, and the loser's refresh token would already be dead.
      refreshing ??= refresh().finally(() => (refreshing = null));
      return refreshing;
    },
    markStale() {
      access = null;
    },
  };
}
