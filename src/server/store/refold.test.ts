import Database from 'better-sqlite3-multiple-ciphers';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customer, kase } from '../../shared/testing/rows';
import { foldText } from '../../shared/text/fold';
import { startPostgres, type PostgresServer } from '../cluster/postgres';
import type { HubStore } from './hubStore';
import { openPgStore } from './pg/pgStore';
import { openSqliteStore } from './sqlite/sqliteStore';

// A name and a subject whose folded forms the hub's former rule wrote differently (it kept œ and ı).
const NAME = 'Œdipe Yıldız';
const OLD_NAME_FOLD = 'œdipe yıldız';
const SUBJECT = 'Re: Œuvre';
const OLD_SUBJECT_NORM = 'œuvre';

async function fill(store: HubStore): Promise<void> {
  await store.write(async (w) => {
    await w.put('customer', customer({ id: 'cu1', name: NAME, emails: [], phones: [], handles: [], loyaltyNumber: null }), []);
    await w.put('case', kase({ id: 'ca1', customerId: 'cu1', subject: SUBJECT }), []);
  });
}

/** What the migration must have mended: a lookup by the name as typed today, and the stored subject key. */
async function expectRefolded(store: HubStore, subjectNorm: () => Promise<string>): Promise<void> {
  expect((await store.customersNamed(foldText('oedipe'), 10)).map((c) => c.id)).toEqual(['cu1']);
  expect((await store.customersNamed(foldText('yildiz'), 10)).map((c) => c.id)).toEqual(['cu1']);
  expect(await subjectNorm()).toBe('oeuvre');
}

describe('the refold migration', () => {
  it('SQLite (0009): folds names and subjects written by the former rule again', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'refold-'));
    const path = join(dir, 'hub.sqlite');
    try {
      const first = openSqliteStore(path);
      await fill(first);
      await first.close();
      // As a hub before 0009 left them.
      const raw = new Database(path);
      raw.prepare('UPDATE customers SET name_fold = ?').run(OLD_NAME_FOLD);
      raw.prepare('UPDATE cases SET subject_norm = ?').run(OLD_SUBJECT_NORM);
      raw.pragma('user_version = 8');
      raw.close();

      const store = openSqliteStore(path);
      try {
        const db = new Database(path, { readonly: true });
        await expectRefolded(store, async () => (db.prepare('SELECT subject_norm FROM cases').get() as { subject_norm: string }).subject_norm);
        db.close();
      } finally {
        await store.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  describe('PostgreSQL (0007)', () => {
    let server: PostgresServer;
    beforeAll(async () => {
      server = await startPostgres({ name: 'refold_test' });
    }, 60_000);
    afterAll(async () => {
      await server?.stop();
    });

    it('folds names, name starts and subjects written by the former rule again', async () => {
      const first = await openPgStore(server.url);
      await fill(first);
      await first.close();
      const raw = new pg.Client(server.url);
      await raw.connect();
      try {
        await raw.query('UPDATE customers SET name_fold = $1', [OLD_NAME_FOLD]);
        await raw.query('DELETE FROM customer_name_starts');
        await raw.query("INSERT INTO customer_name_starts VALUES ($1, 'cu1'), ('yıldız', 'cu1')", [OLD_NAME_FOLD]);
        await raw.query('UPDATE cases SET subject_norm = $1', [OLD_SUBJECT_NORM]);
        await raw.query('UPDATE schema_version SET version = 6');
        const store = await openPgStore(server.url);
        try {
          await expectRefolded(store, async () => (await raw.query<{ subject_norm: string }>('SELECT subject_norm FROM cases')).rows[0].subject_norm);
        } finally {
          await store.close();
        }
      } finally {
        await raw.end();
      }
    });
  });
});
