import { chmodSync, closeSync, existsSync, openSync } from 'node:fs';

/** Companion files SQLite keeps next to a database in WAL mode. */
const COMPANIONS = ['', '-wal', '-shm', '-journal'];

/**
 * Makes a database file (created empty if missing) and its companions readable and writable by their owner
 * only. SQLite gives the WAL and shared-memory files the database file's permissions, so setting them on the
 * database before it is opened covers the files it creates later too.
 */
export function ownerOnlyDatabase(path: string): void {
  if (path === ':memory:' || path === '') return;
  if (!existsSync(path)) closeSync(openSync(path, 'a', 0o600));
  for (const suffix of COMPANIONS) if (existsSync(path + suffix)) chmodSync(path + suffix, 0o600);
}
