import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import type { Staff } from '../../../shared/domain';
import type { Policy } from '../../../shared/protocol';
import { openCacheDatabase, type Db } from '../cache/database';
import { deriveKek, newDataKey, OWASP_SCRYPT, unwrapKey, wrapKey, type ScryptParams } from './keyWrap';
import { databasePath, readProfiles, removePersonFiles, writeProfile, type Profile } from './profile';

/** Why a vault did not open. Stable codes: the UI translates them. */
export type VaultFailure =
  /** Wrong password, or nobody of that name signed in here: deliberately the same answer. */
  | 'bad-credentials'
  /** Right password, but the last online sign-in here is older than the hub's maxOfflineHours. */
  | 'offline-expired'
  /** Nobody has signed in online on this workstation yet, so offline sign-in cannot work for anyone. */
  | 'never-online-here'
  /** Signed in online, but the cache is wrapped with an older password: give `previousPassword` to re-wrap it. */
  | 'password-changed';

export type VaultResult = { ok: true; value: OpenedVault } | { ok: false; reason: VaultFailure };

/** A person's open cache. */
export interface OpenedVault {
  staffId: string;
  username: string;
  name: string;
  db: Db;
  /** Closes the database; SQLite releases its copy of the key with the connection. */
  close(): void;
}

/** Someone who can sign in on this workstation. */
export interface KnownPerson {
  staffId: string;
  name: string;
  username: string;
}

/** The encrypted per-person caches of one workstation. */
export interface Vault {
  listPeople(): KnownPerson[];
  /**
   * After the hub accepted the person's password: opens their cache (creating it on first sign-in here),
   * records the sign-in time and the hub's offline policy, and re-wraps the key if the password changed
   * (which needs the previous one: the cache key is wrapped only with passwords).
   */
  createOrOpenOnline(username: string, password: string, staff: Staff, policy: Policy, options?: { previousPassword?: string }): Promise<VaultResult>;
  /** Without the hub: only for someone who signed in online here within the hub's maxOfflineHours. */
  openOffline(username: string, password: string): Promise<VaultResult>;
  /** Closes the open cache (idle lock, sign-out). */
  lock(): void;
  /** Deletes a person's cache and profile from this workstation ("forget me"). */
  forget(staffId: string): void;
}

/** What the vault needs. */
export interface VaultOptions {
  dir: string;
  clock?: () => number;
  /** Defaults to OWASP's scrypt parameters. */
  kdf?: ScryptParams;
  nativeBinding?: string;
}

const sameUser = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();
const HOUR_MS = 3_600_000;

/** Opens the vault directory (creating it, private to the OS user). */
export function createVault(options: VaultOptions): Vault {
  const { dir } = options;
  const clock = options.clock ?? Date.now;
  const kdf = options.kdf ?? OWASP_SCRYPT;
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  // Unknown people get the same work as known ones (one scrypt run and a failed unwrap), so that neither the
  // answer nor its timing tells who has a cache here.
  const decoy = { salt: randomBytes(16), wrapped: wrapKey(newDataKey(), randomBytes(32), 'decoy') };
  let open: OpenedVault | null = null;

  const kdfOf = (p: Profile): ScryptParams => ({ N: p.kdf.N, r: p.kdf.r, p: p.kdf.p });

  async function unwrapWith(profile: Profile, password: string): Promise<Buffer | null> {
    const kek = await deriveKek(password, Buffer.from(profile.kdf.salt, 'base64'), kdfOf(profile));
    try {
      return unwrapKey(profile.wrappedKey, kek, profile.staffId);
    } finally {
      kek.fill(0);
    }
  }

  async function wrapWith(dataKey: Buffer, password: string, staffId: string): Promise<Pick<Profile, 'kdf' | 'wrappedKey'>> {
    const salt = randomBytes(16);
    const kek = await deriveKek(password, salt, kdf);
    try {
      return { kdf: { name: 'scrypt', ...kdf, salt: salt.toString('base64') }, wrappedKey: wrapKey(dataKey, kek, staffId) };
    } finally {
      kek.fill(0);
    }
  }

  function openWith(profile: Profile, dataKey: Buffer): OpenedVault {
    lock();
    try {
      const db = openCacheDatabase(databasePath(dir, profile.staffId), { key: dataKey, nativeBinding: options.nativeBinding });
      const opened: OpenedVault = {
        staffId: profile.staffId,
        username: profile.username,
        name: profile.name,
        db,
        close() {
          if (db.open) db.close();
          if (open === opened) open = null;
        },
      };
      open = opened;
      return opened;
    } finally {
      dataKey.fill(0);
    }
  }

  function lock(): void {
    open?.close();
  }

  return {
    listPeople: () => readProfiles(dir).map(({ staffId, name, username }) => ({ staffId, name, username })),

    async createOrOpenOnline(username, password, staff, policy, { previousPassword } = {}) {
      const existing = readProfiles(dir).find((p) => p.staffId === staff.id);
      let dataKey: Buffer | null = null;
      let wrap: Pick<Profile, 'kdf' | 'wrappedKey'> | null = null;
      if (existing) {
        dataKey = await unwrapWith(existing, password);
        if (dataKey === null) {
          if (previousPassword === undefined) return { ok: false, reason: 'password-changed' };
          dataKey = await unwrapWith(existing, previousPassword);
          if (dataKey === null) return { ok: false, reason: 'bad-credentials' };
          wrap = await wrapWith(dataKey, password, staff.id);
        }
      } else {
        // A cache file without a profile is unreadable (its key is lost): start afresh.
        removePersonFiles(dir, staff.id);
        dataKey = newDataKey();
        wrap = await wrapWith(dataKey, password, staff.id);
      }
      const profile: Profile = {
        format: 1,
        staffId: staff.id,
        username,
        name: staff.name,
        ...(wrap ?? { kdf: existing!.kdf, wrappedKey: existing!.wrappedKey }),
        lastOnlineAt: clock(),
        maxOfflineHours: policy.maxOfflineHours,
      };
      writeProfile(dir, profile);
      return { ok: true, value: openWith(profile, dataKey) };
    },

    async openOffline(username, password) {
      const profiles = readProfiles(dir);
      const profile = profiles.find((p) => sameUser(p.username, username));
      if (!profile) {
        const kek = await deriveKek(password, decoy.salt, kdf);
        unwrapKey(decoy.wrapped, kek, 'decoy');
        kek.fill(0);
        return { ok: false, reason: profiles.length === 0 ? 'never-online-here' : 'bad-credentials' };
      }
      const dataKey = await unwrapWith(profile, password);
      if (dataKey === null) return { ok: false, reason: 'bad-credentials' };
      if (clock() - profile.lastOnlineAt > profile.maxOfflineHours * HOUR_MS) {
        dataKey.fill(0);
        return { ok: false, reason: 'offline-expired' };
      }
      return { ok: true, value: openWith(profile, dataKey) };
    },

    lock,

    forget(staffId) {
      if (open?.staffId === staffId) lock();
      removePersonFiles(dir, staffId);
    },
  };
}
