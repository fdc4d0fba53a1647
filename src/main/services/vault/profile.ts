import { createHash } from 'node:crypto';
import { closeSync, fsyncSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
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
});
export type Profile = z.infer<typeof ProfileSchema>;

const PROFILE_SUFFIX = '.profile.json';

/** File stem of a person's files: a hash, because staff ids are opaque strings and may not be safe file names. */
export const fileStem = (staffId: string): string => createHash('sha256').update(staffId).digest('hex').slice(0, 32);

/** Path of a person's profile and of their cache database. */
export const profilePath = (dir: string, staffId: string): string => join(dir, `${fileStem(staffId)}${PROFILE_SUFFIX}`);
export const databasePath = (dir: string, staffId: string): string => join(dir, `${fileStem(staffId)}.db`);

/** Every readable profile in the directory; damaged files are skipped (the person signs in online again). */
export function readProfiles(dir: string): Profile[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(PROFILE_SUFFIX))
    .flatMap((f) => {
      try {
        return [ProfileSchema.parse(JSON.parse(readFileSync(join(dir, f), 'utf8')))];
      } catch {
        return [];
      }
    });
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

/** Removes a person's profile and cache files. */
export function removePersonFiles(dir: string, staffId: string): void {
  const db = databasePath(dir, staffId);
  for (const file of [profilePath(dir, staffId), db, `${db}-wal`, `${db}-shm`]) rmSync(file, { force: true });
}
