import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyChanges } from '../cache/applyChanges';
import { getRow } from '../cache/rows';
import { indexPendingBatch } from '../search/indexer';
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
    vault = createVault({ dir, clock: () => now });
  });
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
    await vault.createOrOpenOnline('anna', 'pw-1', anna, policy);
    const [profile] = readProfiles(dir);
    expect(profile.kdf).toMatchObject({ name: 'scrypt', ...OWASP_SCRYPT });
    expect(profile).toMatchObject({ staffId: 'st-anna', username: 'anna', lastOnlineAt: now, maxOfflineHours: 72 });
  });

  it('answers a wrong password and an unknown person alike', async () => {
    expect(await vault.openOffline('anna', 'pw-1')).toEqual({ ok: false, reason: 'never-online-here' });
    await vault.createOrOpenOnline('anna', 'pw-1', anna, policy);
    vault.lock();
    expect(await vault.openOffline('anna', 'wrong')).toEqual({ ok: false, reason: 'bad-credentials' });
    expect(await vault.openOffline('nobody', 'pw-1')).toEqual({ ok: false, reason: 'bad-credentials' });
  });

  it('refuses offline sign-in after maxOfflineHours, even with the right password', async () => {
    await vault.createOrOpenOnline('anna', 'pw-1', anna, { ...policy, maxOfflineHours: 8 });
    vault.lock();
    now += 8 * 3_600_000 + 1;
    expect(await vault.openOffline('anna', 'pw-1')).toEqual({ ok: false, reason: 'offline-expired' });
    expect((await vault.createOrOpenOnline('anna', 'pw-1', anna, policy)).ok).toBe(true);
  });

  it('re-wraps the same data key when the password changed on the hub', async () => {
    const first = opened(await vault.createOrOpenOnline('anna', 'old-pw', anna, policy));
    applyChanges(first.db, [upsert('customer', 1, customer())], 1);
    vault.lock();
    expect(await vault.createOrOpenOnline('anna', 'new-pw', anna, policy)).toEqual({ ok: false, reason: 'password-changed' });
    expect(await vault.createOrOpenOnline('anna', 'new-pw', anna, policy, { previousPassword: 'guess' })).toEqual({ ok: false, reason: 'bad-credentials' });
    const rewrapped = opened(await vault.createOrOpenOnline('anna', 'new-pw', anna, policy, { previousPassword: 'old-pw' }));
    expect(getRow(rewrapped.db, 'customer', 'cu1')).not.toBeNull();
    vault.lock();
    expect(await vault.openOffline('anna', 'old-pw')).toEqual({ ok: false, reason: 'bad-credentials' });
    expect((await vault.openOffline('anna', 'new-pw')).ok).toBe(true);
  });

  it('keeps people apart and forgets one of them with all their files', async () => {
    const bob = staff({ id: 'st-bob', username: 'bob', name: 'Bob' });
    await vault.createOrOpenOnline('anna', 'pw-a', anna, policy);
    const b = opened(await vault.createOrOpenOnline('bob', 'pw-b', bob, policy));
    expect(b.db.open).toBe(true);
    expect(await vault.openOffline('bob', 'pw-a')).toEqual({ ok: false, reason: 'bad-credentials' });
    vault.forget('st-bob');
    expect(b.db.open).toBe(false);
    expect(vault.listPeople().map((p) => p.username)).toEqual(['anna']);
    const bobDb = databasePath(dir, 'st-bob');
    expect([profilePath(dir, 'st-bob'), bobDb, `${bobDb}-wal`, `${bobDb}-shm`].filter(existsSync)).toEqual([]);
    expect(existsSync(databasePath(dir, 'st-anna'))).toBe(true);
    expect(await vault.openOffline('bob', 'pw-b')).toEqual({ ok: false, reason: 'bad-credentials' });
  });
});
