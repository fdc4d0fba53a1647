import { randomBytes, randomUUID } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { loadOrg } from './loadOrg';
import { generateDemoOrg, type DemoOrg } from './seed/demoOrg';
import type { HubStore } from './store/hubStore';
import { openPgStore } from './store/pg/pgStore';
import { openSqliteStore } from './store/sqlite/sqliteStore';

/** How the hub's data was first made: the demo seed (null: started empty) and when. */
interface SeedInfo {
  seed: number | null;
  createdAt: number;
  /** Which starting node made it (several nodes may start at once against one database). */
  by?: string;
}

export interface HubDataOptions {
  /** SQLite: the data folder (`hub.sqlite`, `hub.json`, `token.key`). */
  dataDir: string;
  /** PostgreSQL instead (`postgres://USER@HOST:PORT/DB`): the data folder is then not used. */
  databaseUrl?: string;
  /** The demo seed for a new, empty hub (null: start empty). Ignored for data that exists. */
  seed: number | null;
  customers: number;
  interactions: number;
  /** Told of loading progress (rows so far), to show it. */
  onProgress?(rows: number): void;
  /** Told once when this node waits for another node that is seeding the same database. */
  onWaiting?(): void;
}

export interface HubData {
  store: HubStore;
  tokenKey: Buffer;
  /** The demo organisation the data was seeded with (its sign-ins are printed), or null. */
  org: DemoOrg | null;
  /** True when this start created the data. */
  created: boolean;
  /** Where the data lives, for people (never a password). */
  where: string;
  /** The seed the data was made with, when the flag asks for another one. */
  seededWith: number | null;
}

/** Where a PostgreSQL database is, for people: host, port and database, never the user or password. */
export const databasePlace = (url: string): string => new URL(url).host + new URL(url).pathname;

const demoOrg = (info: SeedInfo, o: HubDataOptions) =>
  info.seed === null ? null : generateDemoOrg({ seed: info.seed, customers: o.customers, interactions: o.interactions, now: info.createdAt });

async function seed(store: HubStore, org: DemoOrg | null, o: HubDataOptions): Promise<void> {
  if (org) await loadOrg(store, { ...org, batches: org.batches(1000) }, o.onProgress);
}

/**
 * Opens the hub's data, creating and seeding it on first use: a SQLite data folder (the embedded default) or
 * a PostgreSQL database shared by several hub nodes. With PostgreSQL, every node may be started with the same
 * flags: the first to claim the empty database seeds it while the others wait, and the key that signs sessions
 * is kept in the database, so a token from one node is valid on every node.
 */
export async function openHubData(o: HubDataOptions): Promise<HubData> {
  return o.databaseUrl ? openPostgres(o.databaseUrl, o) : openSqliteFolder(o);
}

async function openSqliteFolder(o: HubDataOptions): Promise<HubData> {
  // The folder holds customer records and the key that signs sessions: its owner's only (not the folders above
  // it, which other services' data may sit beside).
  mkdirSync(dirname(o.dataDir), { recursive: true });
  mkdirSync(o.dataDir, { recursive: true, mode: 0o700 });
  chmodSync(o.dataDir, 0o700);
  const dbPath = join(o.dataDir, 'hub.sqlite');
  const infoPath = join(o.dataDir, 'hub.json');
  const keyPath = join(o.dataDir, 'token.key');
  const created = !existsSync(dbPath);
  const info: SeedInfo = created ? { seed: o.seed, createdAt: Date.now() } : (JSON.parse(readFileSync(infoPath, 'utf8')) as SeedInfo);
  const org = demoOrg(info, o);
  const store = openSqliteStore(dbPath);
  if (created) {
    await seed(store, org, o);
    writeFileSync(infoPath, JSON.stringify(info, null, 2), { mode: 0o600 });
  }
  // Workstation sessions survive hub restarts: the token key lives with the data, readable by its owner only.
  if (!existsSync(keyPath)) writeFileSync(keyPath, randomBytes(32).toString('hex'), { mode: 0o600 });
  const tokenKey = Buffer.from(readFileSync(keyPath, 'utf8').trim(), 'hex');
  return { store, tokenKey, org, created, where: o.dataDir, seededWith: info.seed };
}

async function openPostgres(url: string, o: HubDataOptions): Promise<HubData> {
  const store = await openPgStore(url);
  try {
    const mine: SeedInfo = { seed: o.seed, createdAt: Date.now(), by: randomUUID() };
    // A database that already holds a hub (one moved up from SQLite, say) is never seeded.
    if ((await store.head()) > 0) mine.seed = null;
    const info = JSON.parse(await store.write((tx) => tx.claimMeta('seed', JSON.stringify(mine)))) as SeedInfo;
    const created = info.by === mine.by;
    const org = demoOrg(info, o);
    if (created) {
      await seed(store, org, o);
      await store.write((tx) => tx.setMeta('seeded', String(Date.now())));
    } else {
      await waitUntilSeeded(store, o);
    }
    const tokenKey = Buffer.from(await store.write((tx) => tx.claimMeta('token-key', randomBytes(32).toString('hex'))), 'hex');
    return { store, tokenKey, org, created, where: databasePlace(url), seededWith: info.seed };
  } catch (err) {
    await store.close();
    throw err;
  }
}

async function waitUntilSeeded(store: HubStore, o: HubDataOptions): Promise<void> {
  let told = false;
  while ((await store.meta('seeded')) === null) {
    if (!told) o.onWaiting?.();
    told = true;
    await new Promise((r) => setTimeout(r, 500));
  }
}
