import type Database from 'better-sqlite3-multiple-ciphers';
import * as m0001 from './migrations/0001-initial';
import * as m0002 from './migrations/0002-hardening';
import * as m0003 from './migrations/0003-meta';
import * as m0004 from './migrations/0004-administration';
import * as m0005 from './migrations/0005-deliveries';
import * as m0006 from './migrations/0006-attachments';
import * as m0007 from './migrations/0007-email-threading';
import * as m0008 from './migrations/0008-webchat';
import * as m0009 from './migrations/0009-refold';
import * as m0010 from './migrations/0010-live-calls';
import * as m0011 from './migrations/0011-reports';
import * as m0012 from './migrations/0012-report-speed';

/**
 * Migrations in order; the schema version is their count, kept in `PRAGMA user_version`. `after` runs in the
 * same transaction, for rows whose derived columns SQL cannot compute (folded text).
 */
const MIGRATIONS: ReadonlyArray<{ up: string; after?: (db: Database.Database) => void }> = [m0001, m0002, m0003, m0004, m0005, m0006, m0007, m0008, m0009, m0010, m0011, m0012];

/** Brings the database to the newest schema, each migration in its own transaction. Returns the version. */
export function migrate(db: Database.Database): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > MIGRATIONS.length) {
    throw new Error(`database schema ${current} is newer than this hub (${MIGRATIONS.length}); upgrade the hub`);
  }
  for (let v = current; v < MIGRATIONS.length; v++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[v].up);
      MIGRATIONS[v].after?.(db);
      db.pragma(`user_version = ${v + 1}`);
    })();
  }
  return MIGRATIONS.length;
}
