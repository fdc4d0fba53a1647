import Database from 'better-sqlite3-multiple-ciphers';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../testing/fixtures';
import { migrate } from './migrate';
import { MIGRATIONS, type Migration } from './migrations';

describe('migrate', () => {
  let cleanup = () => {};
  afterEach(() => cleanup());

  const open = () => {
    const t = tempDir();
    cleanup = t.cleanup;
    const db = new Database(join(t.dir, 'm.db'));
    const prev = cleanup;
    cleanup = () => {
      db.close();
      prev();
    };
    return db;
  };

  it('numbers migrations 1..n in order, one per file', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
  });

  it('brings an empty database to the newest version and records it in user_version', () => {
    const db = open();
    expect(migrate(db)).toEqual({ from: 0, to: MIGRATIONS.length });
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).pluck().all();
    expect(tables).toEqual(expect.arrayContaining(['customers', 'cases', 'interactions', 'outbox', 'overlay', 'sync_state', 'customers_fts']));
    expect(migrate(db)).toEqual({ from: MIGRATIONS.length, to: MIGRATIONS.length });
  });

  it('runs only the steps above the recorded version', () => {
    const db = open();
    migrate(db, MIGRATIONS.slice(0, 1));
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    expect(migrate(db)).toEqual({ from: 1, to: MIGRATIONS.length });
  });

  it('rolls back every step and the version when one step fails', () => {
    const db = open();
    const broken: Migration = { version: MIGRATIONS.length + 1, name: 'broken', up: (d) => d.exec('CREATE TABLE x (a); SELECT * FROM nowhere') };
    expect(() => migrate(db, [...MIGRATIONS, broken])).toThrow(/nowhere/);
    expect(db.pragma('user_version', { simple: true })).toBe(0);
    expect(db.prepare(`SELECT count(*) FROM sqlite_master WHERE name IN ('cases', 'x')`).pluck().get()).toBe(0);
  });

  it('refuses a cache written by a newer build', () => {
    const db = open();
    db.pragma('user_version = 99');
    expect(() => migrate(db)).toThrow(/newer/);
  });
});
