import Database from 'better-sqlite3-multiple-ciphers';
import { foldText } from '../../../shared/text/fold';
import { migrate } from './migrate';

/** A connection to one person's cache (better-sqlite3 API). */
export type Db = Database.Database;
/** A prepared statement with positional parameters. */
export type Statement = Database.Statement<unknown[]>;

// SQLite3 Multiple Ciphers takes a key prefixed with "raw:" as the key itself (no passphrase KDF): the data
// key is already random, and passing it as a Buffer keeps it out of immutable JS strings.
const RAW_KEY_PREFIX = Buffer.from('raw:');

/** Options for {@link openCacheDatabase}. */
export interface OpenCacheOptions {
  /** 32-byte data key; omitted only for unencrypted test databases. The caller still owns (and wipes) it. */
  key?: Buffer;
  /** Native binding path, for Electron's ABI (see README.md, "Quick start": the SQLite driver built for Electron). */
  nativeBinding?: string;
}

/**
 * Opens (creating if needed) a cache file, keys it, sets the connection pragmas and runs the migrations.
 * A wrong key surfaces here as SQLITE_NOTADB, before any data is touched.
 */
export function openCacheDatabase(file: string, options: OpenCacheOptions = {}): Db {
  return opened(new Database(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}), options, (db) => {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    migrate(db);
  });
}

/**
 * Opens a second, read-only connection to a cache `openCacheDatabase` opened (and migrated): the one the
 * person's reads go through. In WAL mode a reader sees the last committed state and never waits for the
 * writer, so the sync client's transactions (one writer: sync apply, outbox, indexer) never hold up a read, and
 * a read never sees a write half done.
 */
export function openCacheReader(file: string, options: OpenCacheOptions = {}): Db {
  return opened(
    new Database(file, { readonly: true, fileMustExist: true, ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) }),
    options,
    () => {},
  );
}

/** Keys a new connection, sets what every connection needs, then `prepare`s it; closes it if any of that fails. */
function opened(db: Db, options: OpenCacheOptions, prepare: (db: Db) => void): Db {
  try {
    if (options.key) {
      // Pinned rather than left to the library default, so an upgrade that changes the default cannot
      // make existing caches unreadable. ChaCha20-Poly1305 authenticates pages and works with WAL.
      db.pragma("cipher = 'chacha20'");
      const keyed = Buffer.concat([RAW_KEY_PREFIX, options.key]);
      try {
        db.key(keyed);
      } finally {
        keyed.fill(0);
      }
    }
    // Sorts and temporary indexes must not spill to unencrypted temp files.
    db.pragma('temp_store = MEMORY');
    db.pragma('busy_timeout = 5000');
    // The one folding of text, for queries that compare typed text with stored text (a case's tags).
    db.function('fold_text', { deterministic: true }, (text: unknown) => (typeof text === 'string' ? foldText(text) : null));
    prepare(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * Runs `write` in an IMMEDIATE transaction with `synchronous = FULL`, for writes that must survive a power
 * cut (the outbox: what the agent typed). Other writes stay at NORMAL, which in WAL mode may lose the last
 * transactions on power loss but never corrupts, and those are re-fetched from the hub.
 */
export function durably<T>(db: Db, write: () => T): T {
  db.pragma('synchronous = FULL');
  try {
    return db.transaction(write).immediate();
  } finally {
    db.pragma('synchronous = NORMAL');
  }
}
