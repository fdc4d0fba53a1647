import { randomUUID } from 'node:crypto';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { loadOrg, type OrgData } from '../loadOrg';
import type { HubStore } from '../store/hubStore';
import { openPgStore } from '../store/pg/pgStore';
import { openSqliteStore } from '../store/sqlite/sqliteStore';
import { FAST_SCRYPT } from '../../shared/testing/fastScrypt';
import { testOrg } from './testOrg';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The PostgreSQL server the hub tests run on when HUB_TEST_STORE=postgres (see engines.globalSetup.ts). */
    hubTestPostgres: string | null;
  }
}

/** Which engine the hub tests run on: SQLite (the default) or PostgreSQL (`HUB_TEST_STORE=postgres`); CI runs both. */
export const TEST_STORE: 'sqlite' | 'postgres' = process.env.HUB_TEST_STORE === 'postgres' ? 'postgres' : 'sqlite';

/** The data of one test hub: opened again after a restart, removed when the test ends. */
export interface TestData {
  /** Where the data lives: the SQLite file, or the PostgreSQL database's URL (for a hub in another process). */
  location: { dbPath: string } | { databaseUrl: string };
  open(): Promise<HubStore>;
  remove(): Promise<void>;
}

/**
 * Loads `org` with cheap password hashes: a hash carries its own cost, so signing in checks it at that cost,
 * and the hub tests sign in hundreds of times. Passwords set through the hub (a change, a reset, a new person)
 * are hashed at the real cost, and the password tests cover that.
 */
async function loaded(store: HubStore, org: OrgData): Promise<void> {
  try {
    await loadOrg(store, org, undefined, FAST_SCRYPT);
  } finally {
    await store.close();
  }
}

// The standard org is loaded once per test process and copied.
let sqliteTemplate: Promise<string> | null = null;
let pgTemplate: Promise<string> | null = null;

async function sqliteData(org: OrgData | undefined): Promise<TestData> {
  const dir = mkdtempSync(join(tmpdir(), 'hub-test-'));
  const file = join(dir, 'hub.sqlite');
  if (org) await loaded(openSqliteStore(file), org);
  else {
    sqliteTemplate ??= (async () => {
      const templateDir = mkdtempSync(join(tmpdir(), 'hub-template-'));
      process.once('exit', () => rmSync(templateDir, { recursive: true, force: true }));
      const template = join(templateDir, 'template.sqlite');
      await loaded(openSqliteStore(template), testOrg());
      return template;
    })();
    copyFileSync(await sqliteTemplate, file);
  }
  return { location: { dbPath: file }, open: async () => openSqliteStore(file), remove: async () => rmSync(dir, { recursive: true, force: true }) };
}

/** Runs `sql` on the test server's own database (creating and dropping the others). */
async function admin(server: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: server });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

const databaseUrl = (server: string, name: string) => Object.assign(new URL(server), { pathname: `/${name}` }).toString();

async function postgresData(org: OrgData | undefined): Promise<TestData> {
  const server = inject('hubTestPostgres');
  if (!server) throw new Error('HUB_TEST_STORE=postgres needs the PostgreSQL global setup (vitest.config.ts)');
  const name = `hub_${randomUUID().replaceAll('-', '')}`;
  if (org) {
    await admin(server, `CREATE DATABASE ${name}`);
    await loaded(await openPgStore(databaseUrl(server, name)), org);
  } else {
    pgTemplate ??= (async () => {
      const template = `tpl_${process.pid}_${randomUUID().slice(0, 8)}`;
      await admin(server, `CREATE DATABASE ${template}`);
      await loaded(await openPgStore(databaseUrl(server, template)), testOrg());
      return template;
    })();
    await admin(server, `CREATE DATABASE ${name} TEMPLATE ${await pgTemplate}`);
  }
  return {
    location: { databaseUrl: databaseUrl(server, name) },
    open: () => openPgStore(databaseUrl(server, name)),
    remove: () => admin(server, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

/** Fresh data for one test hub holding `org` (the standard test org when not given), on TEST_STORE's engine. */
export function testData(org?: OrgData): Promise<TestData> {
  return TEST_STORE === 'postgres' ? postgresData(org) : sqliteData(org);
}
