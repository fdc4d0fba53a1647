import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyChanges } from '../cache/applyChanges';
import { getRow } from '../cache/rows';
import { indexPendingBatch } from '../search/indexer';
import { FAST_KDF } from '../../engine/engineTesting';
import { customer, interaction, staff, tempDir, upsert } from '../testing/fixtures';
import { OWASP_SCRYPT } from './keyWrap';
import { databasePath, profilePath, readProfiles } from './profile';
import { createVault, type OpenedVault, type Vault, type VaultResult } from './vault';

const policy = { maxOfflineHours: 72, idleLockMinutes: 15 };
const anna = staff({ id: 'st-anna', username: 'anna', name: 'Anna Agent' });
const opened = (r: VaultResult): OpenedVault => {
  if (!r.ok) throw new Error(`vault did not open: ${r.reason}`);
  return r.value;
};

describe('vault', () => {
  let dir: string;
  let cleanup: () => void;
  let now: number;
  let vault: Vault;
  beforeEach(() => {
    ({ dir, cleanup } = tempDir());
    now = Date.UTC(2025, 0, 6, 8);
    // Cheap key derivation (the profile records it, and unwrapping reads it from there); the tests of the
    // wrapping itself use the default, OWASP's, through owaspVault.
    vault = createVault({ dir, clock: () => now, kdf: FAST_KDF });
  });
  const owaspVault = () => (vault = createVault({ dir, clock: () => now }));
  afterEach(() => {
    vault.lock();
    cleanup();
  });

  it('keeps customer names, emails and messages only in encrypted form, in the database and its WAL', async () => {
    const v = opened(await vault.createOrOpenOnline('anna', 'correct horse', anna, policy));
    const secrets = ['Zofia Wiśniewska', 'zofia.wisniewska@example.pl', 'The parcel never arrived at Marszałkowska'];
    applyChanges(
      v.db,
      [upsert('customer', 1, customer({ name: secrets[0], emails: [secrets[1]] })), upsert('interaction', 2, interaction({ text: secrets[2] }))],
      2,
    );
    while (indexPendingBatch(v.db, 100) > 0);
    const file = databasePath(dir, anna.id);
    const leaked = () =>
      [file, `${file}-wal`]
        .filter(existsSync)
        .flatMap((f) => secrets.concat('zofia wisniewska', 'marszalkowska').filter((s) => readFileSync(f).includes(Buffer.from(s))));
    expect(readFileSync(`${file}-wal`).length).toBeGreaterThan(0);
    expect(leaked()).toEqual([]);
    v.close();
    expect(leaked()).toEqual([]);

    const plain = new Database(file);
    expect(() => plain.prepare('SELECT count(*) FROM customers').get()).toThrow(/not a database/);
    plain.close();
    const profileText = readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => readFileSync(join(dir, f), 'utf8')).join();
    expect(profileText).not.toContain('correct horse');
  });

  it('opens again with the password, offline, and shows what was cached', async () => {
    const v = opened(await vault.createOrOpenOnline('anna', 'pw-1', anna, policy));
    applyChanges(v.db, [upsert('customer', 1, customer())], 1);
    vault.lock();
    expect(v.db.open).toBe(false);
    now += 71 * 3_600_000;
    const again = opened(await vault.openOffline('Anna', 'pw-1'));
    expect(getRow(again.db, 'customer', 'cu1')?.name).toBe('Anna Kowalska');
    expect(vault.listPeople()).toEqual([{ staffId: 'st-anna', name: 'Anna Agent', username: 'anna' }]);
  });

  it('stores the key wrapped with scrypt at OWASP parameters', async () => {
    owaspVault();
    await vault.createOrOpenOnline('anna', 'pw-1', anna, policy);
    const [profile] = readProfiles(dir);
    expect(profile.kdf).toMatchObject({ name: 'scrypt', ...OWASP_SCRYPT });
    expect(profile).toMatchObject({ staffId: 'st-anna', username: 'anna', lastOnlineAt: now, maxOfflineHours: 72 });
  });

  it('tells a wrong password apart from someone who never signed in online here', async () => {
    expect(await vault.openOffline('anna', 'pw-1')).toEqual({ ok: false, reason: 'never-online-here' });
    await vault.createOrOpenOnline('anna', 'pw-1', anna, policy);
    vault.lock();
    expect(await vault.openOffline('anna', 'wrong')).toEqual({ ok: false, reason: 'wrong-password' });
    expect(await vault.openOffline('nobody', 'pw-1')).toEqual({ ok: false, reason: 'never-online-here' });
  });

  it('refuses offline sign-in after maxOfflineHours, even with the right password', async () => {
    await vault.createOrOpenOnline('anna', 'pw-1', anna, { ...policy, maxOfflineHours: 8 });
    vault.lock();
    now += 8 * 3_600_000 + 1;
    expect(await vault.openOffline('anna', 'pw-1')).toEqual({ ok: false, reason: 'offline-expired' });
    expect((await vault.createOrOpenOnline('anna', 'pw-1', anna, policy)).ok).toBe(true);
  });

  it('wraps the same data key with a new password only when the current one opens it, in one swap', async () => {
    owaspVault();
    const first = opened(await vault.createOrOpenOnline('anna', 'old-pw', anna, policy));
    applyChanges(first.db, [upsert('customer', 1, customer())], 1);
    const before = readFileSync(profilePath(dir, anna.id), 'utf8');
    expect(await vault.prepareRewrap(anna.id, 'guess', 'new-pw')).toBeNull();
    // Prepared but not committed (a crash, or the hub refused): the old wrapping alone is on disk.
    await vault.prepareRewrap(anna.id, 'old-pw', 'new-pw');
    expect(readFileSync(profilePath(dir, anna.id), 'utf8')).toBe(before);
    const rewrap = await vault.prepareRewrap(anna.id, 'old-pw', 'new-pw');
    rewrap!.commit();
    vault.lock();
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(await vault.openOffline('anna', 'old-pw')).toEqual({ ok: false, reason: 'wrong-password' });
    const reopened = opened(await vault.openOffline('anna', 'new-pw'));
    expect(getRow(reopened.db, 'customer', 'cu1')).not.toBeNull();
    const [profile] = readProfiles(dir);
    const old = JSON.parse(before) as typeof profile;
    expect(profile).toMatchObject({ lastOnlineAt: old.lastOnlineAt, kdf: { N: OWASP_SCRYPT.N, r: OWASP_SCRYPT.r, p: OWASP_SCRYPT.p } });
    expect(profile.kdf.salt).not.toBe(old.kdf.salt);
  });

  it('sets aside a cache the password the hub accepted does not open, starts a fresh one, and keeps the old until recovered or discarded', async () => {
    const first = opened(await vault.createOrOpenOnline('anna', 'old-pw', anna, policy));
    applyChanges(first.db, [upsert('customer', 1, customer())], 1);
    vault.lock();
    vault.noteUnsent(anna.id, 2);
    now += 60_000;
    // An admin reset the password: the hub accepts `reset-pw`, which does not open the cache here.
    const fresh = opened(await vault.createOrOpenOnline('anna', 'reset-pw', anna, policy));
    expect(getRow(fresh.db, 'customer', 'cu1')).toBeNull();
    expect(vault.asideCaches(anna.id)).toEqual([{ id: expect.any(String), unsent: 2 }]);
    expect(vault.listPeople()).toEqual([{ staffId: anna.id, name: anna.name, username: 'anna' }]);
    vault.lock();
    expect((await vault.openOffline('anna', 'reset-pw')).ok).toBe(true);
    expect(await vault.openOffline('anna', 'old-pw')).toEqual({ ok: false, reason: 'wrong-password' });

    const seen: Array<unknown> = [];
    expect(await vault.recoverAside(anna.id, 'reset-pw', (db) => seen.push(db))).toBe(0);
    expect(vault.asideCaches(anna.id)).toHaveLength(1);
    // The old cache is handed over whole, then deleted; a failure while using it keeps it.
    await expect(vault.recoverAside(anna.id, 'old-pw', () => { throw new Error('disk full'); })).rejects.toThrow('disk full');
    expect(vault.asideCaches(anna.id)).toHaveLength(1);
    expect(await vault.recoverAside(anna.id, 'old-pw', (db) => seen.push(getRow(db, 'customer', 'cu1')))).toBe(1);
    expect(seen).toEqual([expect.objectContaining({ id: 'cu1' })]);
    expect(vault.asideCaches(anna.id)).toEqual([]);
    expect(readdirSync(dir).filter((f) => f.includes('.aside.'))).toEqual([]);
  });

  it('keeps every cache set aside (two resets before recovering), discards them on request, and forgets them with the person', async () => {
    for (const pw of ['pw-1', 'pw-2', 'pw-3']) {
      await vault.createOrOpenOnline('anna', pw, anna, policy);
      vault.lock();
      now += 1_000;
    }
    // Closed by lock() without the engine: their unsent count is not known.
    expect(vault.asideCaches(anna.id).map((a) => a.unsent)).toEqual([null, null]);
    // A count recorded at a close stops counting once the cache is open again.
    vault.noteUnsent(anna.id, 4);
    await vault.openOffline('anna', 'pw-3');
    vault.lock();
    expect(readProfiles(dir)[0].unsent).toBeUndefined();
    vault.discardAside(anna.id);
    expect(vault.asideCaches(anna.id)).toEqual([]);
    expect((await vault.openOffline('anna', 'pw-3')).ok).toBe(true);
    await vault.createOrOpenOnline('anna', 'pw-4', anna, policy);
    expect(vault.asideCaches(anna.id)).toHaveLength(1);
    vault.forget(anna.id);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('finishes setting a cache aside after a crash between moving its database and its profile', async () => {
    const first = opened(await vault.createOrOpenOnline('anna', 'old-pw', anna, policy));
    applyChanges(first.db, [upsert('customer', 1, customer())], 1);
    vault.lock();
    const live = profilePath(dir, anna.id);
    const kept = readFileSync(live);
    await vault.createOrOpenOnline('anna', 'reset-pw', anna, policy);
    vault.lock();
    // Back to the moment after the database moved: the old profile is live again, the fresh cache not there.
    const [aside] = readdirSync(dir).filter((f) => f.endsWith('.json') && f.includes('.aside.'));
    rmSync(join(dir, aside));
    rmSync(databasePath(dir, anna.id));
    writeFileSync(live, kept);
    now += 1_000;
    expect((await vault.createOrOpenOnline('anna', 'reset-pw', anna, policy)).ok).toBe(true);
    let customerThere: unknown = null;
    expect(await vault.recoverAside(anna.id, 'old-pw', (db) => (customerThere = getRow(db, 'customer', 'cu1')))).toBe(1);
    expect(customerThere).toMatchObject({ id: 'cu1' });
  });

  it('keeps people apart and forgets one of them with all their files', async () => {
    const bob = staff({ id: 'st-bob', username: 'bob', name: 'Bob' });
    await vault.createOrOpenOnline('anna', 'pw-a', anna, policy);
    const b = opened(await vault.createOrOpenOnline('bob', 'pw-b', bob, policy));
    expect(b.db.open).toBe(true);
    expect(await vault.openOffline('bob', 'pw-a')).toEqual({ ok: false, reason: 'wrong-password' });
    vault.forget('st-bob');
    expect(b.db.open).toBe(false);
    expect(vault.listPeople().map((p) => p.username)).toEqual(['anna']);
    const bobDb = databasePath(dir, 'st-bob');
    expect([profilePath(dir, 'st-bob'), bobDb, `${bobDb}-wal`, `${bobDb}-shm`].filter(existsSync)).toEqual([]);
    expect(existsSync(databasePath(dir, 'st-anna'))).toBe(true);
    expect(await vault.openOffline('bob', 'pw-b')).toEqual({ ok: false, reason: 'never-online-here' });
  });
});
