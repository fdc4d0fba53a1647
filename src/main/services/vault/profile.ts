import { createHash } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

/**
 * What a workstation keeps in clear about a person who signed in here: enough to list them, to unwrap their
 * cache key with their password, and to decide whether offline sign-in is still allowed. No secrets.
 */
export const ProfileSchema = z.object({
  format: z.literal(1),
  staffId: z.string(),
  username: z.string(),
  name: z.string(),
  kdf: z.object({ name: z.literal('scrypt'), N: z.number().int(), r: z.number().int(), p: z.number().int(), salt: z.string() }),
  wrappedKey: z.object({ iv: z.string(), ciphertext: z.string(), tag: z.string() }),
  lastOnlineAt: z.number().int(),
  maxOfflineHours: z.number().positive(),
  /**
   * Unsent outbox entries when the cache was last closed; absent while it is open (or after a crash). Kept in
   * clear so that a cache set aside after a password reset can say what it holds before it is opened.
   */
  unsent: z.number().int().nonnegative().optional(),
});
export type Profile = z.infer<typeof ProfileSchema>;

const PROFILE_SUFFIX = '.profile.json';

/** File stem of a person's files: a hash, because staff ids are opaque strings and may not be safe file names. */
export const fileStem = (staffId: string): string => createHash('sha256').update(staffId).digest('hex').slice(0, 32);

/** Path of a person's profile and of their cache database. */
export const profilePath = (dir: string, staffId: string): string => join(dir, `${fileStem(staffId)}${PROFILE_SUFFIX}`);
export const databasePath = (dir: string, staffId: string): string => join(dir, `${fileStem(staffId)}.db`);

const readProfile = (file: string): Profile[] => {
  try {
    return [ProfileSchema.parse(JSON.parse(readFileSync(file, 'utf8')))];
  } catch {
    return [];
  }
};

/** Every readable profile in the directory; damaged files are skipped (the person signs in online again). */
export function readProfiles(dir: string): Profile[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(PROFILE_SUFFIX))
    .flatMap((f) => readProfile(join(dir, f)));
}

/** Writes a profile atomically (temp file, fsync, rename): a crash leaves the old profile or the new one. */
export function writeProfile(dir: string, profile: Profile): void {
  const target = profilePath(dir, profile.staffId);
  const temp = `${target}.tmp`;
  const fd = openSync(temp, 'w', 0o600);
  try {
    writeSync(fd, JSON.stringify(profile, null, 2));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, target);
}

const databaseFiles = (db: string) => [db, `${db}-wal`, `${db}-shm`];

/**
 * A cache set aside at an online sign-in because the password the hub accepted does not open it (an admin
 * reset the password): its profile (still wrapped with the old password) and its database, until the person
 * recovers its unsent work with the old password or discards it. Named apart from live profiles (which
 * `readProfiles` lists) by `.aside.<id>`.
 */
export interface AsideCache {
  id: string;
  profile: Profile;
  profileFile: string;
  databaseFile: string;
}

const asideStem = (dir: string, staffId: string, id: string) => join(dir, `${fileStem(staffId)}.aside.${id}`);

/** The caches of a person set aside here, oldest first; unreadable profiles are skipped. */
export function asideCaches(dir: string, staffId: string): AsideCache[] {
  const prefix = `${fileStem(staffId)}.aside.`;
  return readdirSync(dir)
    .filter((f) => f.startsWith(prefix) && f.endsWith('.json'))
    .map((f) => f.slice(prefix.length, -'.json'.length))
    .sort()
    .flatMap((id) => {
      const stem = asideStem(dir, staffId, id);
      return readProfile(`${stem}.json`).map((profile) => ({ id, profile, profileFile: `${stem}.json`, databaseFile: `${stem}.db` }));
    });
}

/**
 * Moves a person's cache aside. The database goes first: a crash between the two leaves the live profile,
 * which still does not open, so the next sign-in moves it again, to the same place (the name comes from the
 * profile: its last online sign-in, which orders asides, and its salt); the other order would leave a
 * database without profile, which counts as unreadable and is deleted.
 */
export function setAside(dir: string, profile: Profile): void {
  const { staffId } = profile;
  const id = `${String(profile.lastOnlineAt).padStart(15, '0')}-${createHash('sha256').update(profile.kdf.salt).digest('hex').slice(0, 8)}`;
  const stem = asideStem(dir, staffId, id);
  const from = databaseFiles(databasePath(dir, staffId));
  const to = databaseFiles(`${stem}.db`);
  from.forEach((file, i) => existsSync(file) && renameSync(file, to[i]));
  renameSync(profilePath(dir, staffId), `${stem}.json`);
}

/** Deletes a cache set aside (its profile last, so a crash midway leaves it listed and deletable). */
export function removeAside(aside: AsideCache): void {
  for (const file of databaseFiles(aside.databaseFile)) rmSync(file, { force: true });
  rmSync(aside.profileFile, { force: true });
}

/** Removes a person's profile and cache files (not the caches set aside). */
export function removeLiveFiles(dir: string, staffId: string): void {
  for (const file of [profilePath(dir, staffId), ...databaseFiles(databasePath(dir, staffId))]) rmSync(file, { force: true });
}

/** Removes everything of a person: their cache and the caches set aside. */
export function removePersonFiles(dir: string, staffId: string): void {
  for (const aside of asideCaches(dir, staffId)) removeAside(aside);
  removeLiveFiles(dir, staffId);
}
