import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import type { Staff } from '../../../shared/domain';
import type { Policy } from '../../../shared/protocol';
import { openCacheDatabase, openCacheReader, type Db } from '../cache/database';
import { deriveKek, newDataKey, OWASP_SCRYPT, unwrapKey, wrapKey, type ScryptParams } from './keyWrap';
import {
  asideCaches,
  databasePath,
  readProfiles,
  removeAside,
  removeLiveFiles,
  removePersonFiles,
  setAside,
  writeProfile,
  type Profile,
} from './profile';

/** Why a vault did not open. Stable codes: the UI translates them. */
export type VaultFailure =
  /** This person's cache is here, and the password does not open it. */
  | 'wrong-password'
  /** Right password, but the last online sign-in here is older than the hub's maxOfflineHours. */
  | 'offline-expired'
  /**
   * This person never signed in online on this workstation: there is no cache to check the password against.
   * Told apart from a wrong password on purpose: the sign-in screen lists who has a cache here anyway, and the
   * person must learn that connecting once is the way in, not that their password is wrong.
   */
  | 'never-online-here';

export type VaultResult = { ok: true; value: OpenedVault } | { ok: false; reason: VaultFailure };

/** A person's open cache. */
export interface OpenedVault {
  staffId: string;
  username: string;
  name: string;
  db: Db;
  /** A read-only connection to the same cache, for the person's reads (see `openCacheReader`). */
  reader: Db;
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
   * After the hub accepted the person's password: opens their cache (creating it on first sign-in here) and
   * records the sign-in time and the hub's offline policy. A cache this password does not open (an admin
   * reset it; the key is wrapped only with passwords) is set aside, kept, and a fresh one created.
   */
  createOrOpenOnline(username: string, password: string, staff: Staff, policy: Policy): Promise<VaultResult>;
  /** Without the hub: only for someone who signed in online here within the hub's maxOfflineHours. */
  openOffline(username: string, password: string): Promise<VaultResult>;
  /** Closes the open cache (idle lock, sign-out). */
  lock(): void;
  /** Deletes a person's cache and profile, and their caches set aside, from this workstation ("forget me"). */
  forget(staffId: string): void;
  /**
   * Prepares wrapping a person's cache key with a new password: null when `currentPassword` does not open it.
   * `commit` swaps the wrapping in with one atomic file replace, so a crash leaves the old or the new one.
   */
  prepareRewrap(staffId: string, currentPassword: string, newPassword: string): Promise<{ commit(): void } | null>;
  /** Records a closed cache's unsent count in clear (see Profile.unsent). */
  noteUnsent(staffId: string, unsent: number): void;
  /** Records the hub's offline policy as it is now (the hub told it while the person was signed in). */
  notePolicy(staffId: string, policy: Policy): void;
  /** The person's caches set aside, with their unsent count when last closed (null: unknown). */
  asideCaches(staffId: string): Array<{ id: string; unsent: number | null }>;
  /**
   * Opens each cache set aside that `password` opens, hands it to `use`, closes it and deletes it (only once
   * `use` returned). Answers how many it opened.
   */
  recoverAside(staffId: string, password: string, use: (db: Db) => void): Promise<number>;
  /** Deletes the person's caches set aside. */
  discardAside(staffId: string): void;
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
      const file = databasePath(dir, profile.staffId);
      const db = openCacheDatabase(file, { key: dataKey, nativeBinding: options.nativeBinding });
      let reader: Db;
      try {
        reader = openCacheReader(file, { key: dataKey, nativeBinding: options.nativeBinding });
      } catch (error) {
        db.close();
        throw error;
      }
      const opened: OpenedVault = {
        staffId: profile.staffId,
        username: profile.username,
        name: profile.name,
        db,
        reader,
        close() {
          if (reader.open) reader.close();
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

    async createOrOpenOnline(username, password, staff, policy) {
      let existing = readProfiles(dir).find((p) => p.staffId === staff.id);
      let dataKey = existing ? await unwrapWith(existing, password) : null;
      if (existing && dataKey === null) {
        setAside(dir, existing);
        existing = undefined;
      }
      let wrap: Pick<Profile, 'kdf' | 'wrappedKey'>;
      if (existing && dataKey) {
        wrap = { kdf: existing.kdf, wrappedKey: existing.wrappedKey };
      } else {
        // A cache file without a profile is unreadable (its key is lost): start afresh.
        removeLiveFiles(dir, staff.id);
        dataKey = newDataKey();
        wrap = await wrapWith(dataKey, password, staff.id);
      }
      // No `unsent`: the cache is open, and a crash before it closes leaves the count unknown.
      const profile: Profile = {
        format: 1,
        staffId: staff.id,
        username,
        name: staff.name,
        ...wrap,
        lastOnlineAt: clock(),
        maxOfflineHours: policy.maxOfflineHours,
      };
      writeProfile(dir, profile);
      return { ok: true, value: openWith(profile, dataKey) };
    },

    async openOffline(username, password) {
      const profile = readProfiles(dir).find((p) => sameUser(p.username, username));
      if (!profile) return { ok: false, reason: 'never-online-here' };
      const dataKey = await unwrapWith(profile, password);
      if (dataKey === null) return { ok: false, reason: 'wrong-password' };
      if (clock() - profile.lastOnlineAt > profile.maxOfflineHours * HOUR_MS) {
        dataKey.fill(0);
        return { ok: false, reason: 'offline-expired' };
      }
      // Open again: the count recorded at its last close no longer holds (see Profile.unsent).
      if (profile.unsent !== undefined) writeProfile(dir, { ...profile, unsent: undefined });
      return { ok: true, value: openWith(profile, dataKey) };
    },

    lock,

    forget(staffId) {
      if (open?.staffId === staffId) lock();
      removePersonFiles(dir, staffId);
    },

    async prepareRewrap(staffId, currentPassword, newPassword) {
      const before = readProfiles(dir).find((p) => p.staffId === staffId);
      const dataKey = before ? await unwrapWith(before, currentPassword) : null;
      if (!before || !dataKey) return null;
      try {
        const wrap = await wrapWith(dataKey, newPassword, staffId);
        return {
          commit() {
            // Re-read: only the wrapping changes, whatever else was recorded meanwhile stays.
            const now = readProfiles(dir).find((p) => p.staffId === staffId) ?? before;
            writeProfile(dir, { ...now, ...wrap });
          },
        };
      } finally {
        dataKey.fill(0);
      }
    },

    noteUnsent(staffId, unsent) {
      const profile = readProfiles(dir).find((p) => p.staffId === staffId);
      if (profile) writeProfile(dir, { ...profile, unsent });
    },

    notePolicy(staffId, policy) {
      const profile = readProfiles(dir).find((p) => p.staffId === staffId);
      // Written only on a change: every connection's hello tells the policy again.
      if (profile && profile.maxOfflineHours !== policy.maxOfflineHours) writeProfile(dir, { ...profile, maxOfflineHours: policy.maxOfflineHours });
    },

    asideCaches: (staffId) => asideCaches(dir, staffId).map(({ id, profile }) => ({ id, unsent: profile.unsent ?? null })),

    async recoverAside(staffId, password, use) {
      let opened = 0;
      for (const aside of asideCaches(dir, staffId)) {
        const dataKey = await unwrapWith(aside.profile, password);
        if (!dataKey) continue;
        let db: Db;
        try {
          db = openCacheDatabase(aside.databaseFile, { key: dataKey, nativeBinding: options.nativeBinding });
        } finally {
          dataKey.fill(0);
        }
        try {
          use(db);
        } finally {
          db.close();
        }
        removeAside(aside);
        opened++;
      }
      return opened;
    },

    discardAside(staffId) {
      for (const aside of asideCaches(dir, staffId)) removeAside(aside);
    },
  };
}
