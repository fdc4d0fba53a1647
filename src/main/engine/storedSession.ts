import { z } from 'zod';
import { StaffSchema } from '../../shared/domain';
import { PolicySchema, type Session } from '../../shared/protocol';
import type { Db } from '../services/cache/database';
import { deleteSetting, readSetting, writeSetting } from './cacheSettings';

/**
 * What the engine keeps of the hub session in the person's encrypted cache: who they are and the hub's policy
 * (for an offline sign-in), and the refresh token, so that an offline sign-in reconnects by itself when the
 * hub is back. Never the password, never in clear.
 */
export const StoredSessionSchema = z.object({
  staff: StaffSchema,
  policy: PolicySchema,
  /** Null after sign-out (the hub session was ended): the next sign-in must reach the hub to sync. */
  refreshToken: z.string().nullable(),
  refreshExpiresAt: z.number().int().nullable(),
  /** The hub said at sign-in that the password was set by an admin; cleared once the person changed it. */
  mustChangePassword: z.boolean().default(false),
});
export type StoredSession = z.infer<typeof StoredSessionSchema>;

const KEY = 'hub-session';

export const readStoredSession = (db: Db): StoredSession | null => readSetting(db, KEY, StoredSessionSchema);

/**
 * Stores a fresh (or rotated) hub session. Only a sign-in says whether the password must change (a refresh
 * does not), so a rotation keeps what the sign-in said.
 */
export function storeHubSession(db: Db, session: Session, mustChangePassword = readStoredSession(db)?.mustChangePassword ?? false): StoredSession {
  const stored: StoredSession = {
    mustChangePassword,
    staff: session.staff,
    policy: session.policy,
    refreshToken: session.refreshToken,
    refreshExpiresAt: session.refreshExpiresAt,
  };
  writeSetting(db, KEY, stored);
  return stored;
}

/** Forgets the refresh token (signed out), keeping who the person is for their next offline sign-in. */
export function dropRefreshToken(db: Db): void {
  const stored = readStoredSession(db);
  if (stored === null) return deleteSetting(db, KEY);
  writeSetting(db, KEY, { ...stored, refreshToken: null, refreshExpiresAt: null });
}

/** Updates who the person is and the policy from the hub's `hello`. */
export function updateStoredIdentity(db: Db, update: Pick<StoredSession, 'staff' | 'policy'>): void {
  const stored = readStoredSession(db);
  if (stored !== null) writeSetting(db, KEY, { ...stored, ...update });
}

/** The person chose their own password: nothing more to ask. */
export function notePasswordChanged(db: Db): void {
  const stored = readStoredSession(db);
  if (stored !== null) writeSetting(db, KEY, { ...stored, mustChangePassword: false });
}
