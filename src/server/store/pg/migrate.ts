import type pg from 'pg';
import * as m0001 from './migrations/0001-initial';
import * as m0002 from './migrations/0002-administration';
import * as m0003 from './migrations/0003-deliveries';
import * as m0004 from './migrations/0004-attachments';
import * as m0005 from './migrations/0005-email-threading';
import * as m0006 from './migrations/0006-webchat';
import * as m0007 from './migrations/0007-refold';
import * as m0008 from './migrations/0008-live-calls';
import * as m0009 from './migrations/0009-reports';
import * as m0010 from './migrations/0010-report-speed';
import { query, withClient } from './run';

/**
 * Migrations in order, one per file under migrations/; the schema version is their count. `after` runs in the
 * same transaction, for rows whose derived columns SQL cannot compute (folded text).
 */
const MIGRATIONS: ReadonlyArray<{ up: string; after?: (client: pg.ClientBase) => Promise<void> }> = [m0001, m0002, m0003, m0004, m0005, m0006, m0007, m0008, m0009, m0010];

/** The schema this code writes: the number of its migrations. */
export const PG_SCHEMA_VERSION = MIGRATIONS.length;

/** Any constant shared by every hub node: the advisory lock they take to migrate one at a time. */
const MIGRATION_LOCK = 0x6875625f6d6967; // "hub_mig"

/**
 * Brings the database to the newest schema in one transaction under an advisory lock, so several nodes started
 * at once migrate once (the others wait, then find it done) and a failed migration leaves nothing behind.
 * Refuses a database whose schema is newer than this code. Returns the version.
 */
export async function migrate(pool: pg.Pool): Promise<number> {
  return withClient(pool, async (client) => {
    const sql = (text: string, values?: unknown[]) => query<{ version: number }>(client, { text, values });
    await sql('BEGIN');
    try {
      await sql('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      await sql('CREATE TABLE IF NOT EXISTS schema_version (one boolean PRIMARY KEY DEFAULT true CHECK (one), version integer NOT NULL)');
      const current = (await sql('SELECT version FROM schema_version')).rows[0]?.version ?? 0;
      if (current > PG_SCHEMA_VERSION) {
        throw new Error(`database schema ${current} is newer than this hub (${PG_SCHEMA_VERSION}); upgrade the hub`);
      }
      for (const m of MIGRATIONS.slice(current)) {
        if (m.up !== '') await sql(m.up);
        await m.after?.(client);
      }
      await sql('INSERT INTO schema_version (version) VALUES ($1) ON CONFLICT (one) DO UPDATE SET version = excluded.version', [PG_SCHEMA_VERSION]);
      await sql('COMMIT');
      return PG_SCHEMA_VERSION;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => {});
      throw err;
    }
  });
}
