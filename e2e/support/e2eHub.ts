import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { InboundMessage, InboundResult } from '../../src/shared/protocol';
import { signBody } from '../../src/server/http/signature';
import { createHub, type Hub, type HubOptions } from '../../src/server/hub';
import { openHubData } from '../../src/server/hubData';
import { loadOrg, type OrgData } from '../../src/server/loadOrg';
import { openSqliteStore } from '../../src/server/store/sqlite/sqliteStore';

/** A real hub for one test: its own SQLite file in a temp folder, on 127.0.0.1, port 0 at first. */
export interface E2eHub {
  readonly url: string;
  readonly port: number;
  readonly hub: Hub;
  /**
   * Posts a customer message the way a channel connector does (signed JSON to /api/v1/inbound), with the hub's
   * own secret unless the channel's connector has an inbound secret of its own to sign with.
   */
  inbound(message: Partial<InboundMessage> & Pick<InboundMessage, 'from'>, secret?: string): Promise<InboundResult>;
  /** Stops the hub (workstations see the link drop)... */
  goDown(): Promise<void>;
  /** ...and starts it again on the same port and file, so workstations reconnect by themselves. */
  comeBack(): Promise<void>;
  stop(): Promise<void>;
}

/** What a journey may change on its hub: mailboxes (email in and out) and the delivery worker (e.g. quick retries). */
export type E2eHubOptions = Pick<HubOptions, 'mail' | 'delivery'>;

export async function startE2eHub(org: OrgData, options: E2eHubOptions = {}): Promise<E2eHub> {
  const dir = mkdtempSync(join(tmpdir(), 'e2e-hub-'));
  const dbPath = join(dir, 'hub.sqlite');
  const store = openSqliteStore(dbPath);
  await loadOrg(store, org);
  await store.close();
  // One token key across restarts: sessions survive the hub going down, as they would in production.
  const tokenKey = randomBytes(32);
  return runE2eHub(async () => ({ dbPath, tokenKey }), () => rmSync(dir, { recursive: true, force: true }), options);
}

/**
 * A hub on a data folder as `npm run hub -- --data DIR` keeps one (say, made by `create-admin`), opened the way
 * the hub's command opens it, with no demo seed; `stop` leaves the folder to its owner.
 */
export async function startE2eHubOnFolder(dataDir: string): Promise<E2eHub> {
  return runE2eHub(
    async () => {
      const data = await openHubData({ dataDir, seed: null, customers: 1, interactions: 1 });
      return { store: data.store, tokenKey: data.tokenKey };
    },
    () => {},
  );
}

async function runE2eHub(open: () => Promise<Pick<HubOptions, 'dbPath' | 'store' | 'tokenKey'>>, cleanUp: () => void, options: E2eHubOptions = {}): Promise<E2eHub> {
  const ingestSecret = randomBytes(16).toString('hex');
  const start = async (port: number) => createHub({ ...options, ...(await open()), port, host: '127.0.0.1', ingestSecret, tickMs: 1_000 });
  let hub: Hub | null = await start(0);
  const port = hub.port;
  const url = hub.url;

  return {
    url,
    port,
    get hub() {
      if (!hub) throw new Error('the hub is down');
      return hub;
    },
    async inbound(message, secret = ingestSecret) {
      const body = JSON.stringify({ channel: 'chat', externalId: randomUUID(), text: 'Hello', ...message });
      const res = await fetch(`${url}/api/v1/inbound`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Signature': signBody(body, secret) },
        body,
      });
      const answer = (await res.json()) as InboundResult;
      if (!res.ok) throw new Error(`inbound: ${res.status} ${JSON.stringify(answer)}`);
      return answer;
    },
    async goDown() {
      await hub?.close();
      hub = null;
    },
    async comeBack() {
      hub ??= await start(port);
    },
    async stop() {
      await hub?.close().catch(() => {});
      hub = null;
      cleanUp();
    },
  };
}
