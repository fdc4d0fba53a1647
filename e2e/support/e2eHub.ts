import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CONNECTOR_CHANNELS, PutConnectorSchema, type InboundMessage, type InboundResult } from '../../src/shared/protocol';
import { putConnectorAs } from '../../src/server/admin/connectors';
import { startExampleConnector, type ExampleConnector } from '../../src/server/connectors/exampleConnector';
import { signBody } from '../../src/server/http/signature';
import { createHub, type Hub, type HubOptions } from '../../src/server/hub';
import { openHubData } from '../../src/server/hubData';
import { loadOrg, type OrgData } from '../../src/server/loadOrg';
import { COMMAND_LINE_ACTOR } from '../../src/server/setup/staffAccounts';
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
  const hub = await runE2eHub(async () => ({ dbPath, tokenKey }), () => rmSync(dir, { recursive: true, force: true }), options);
  const connectors = await takeEveryDelivery(hub).catch(async (err: unknown) => {
    await hub.stop();
    throw err;
  });
  return {
    ...hub,
    get hub() {
      return hub.hub;
    },
    async stop() {
      await Promise.all(connectors.map((c) => c.stop()));
      await hub.stop();
    },
  };
}

/**
 * A connector for every connector channel, registered as the command line registers them, that takes each reply
 * at once: replies reach "sent to the channel" as they would with a contact centre's connectors. No inbound
 * secrets: customers' messages stay signed with the hub's own (see `inbound`). A journey about delivery registers
 * a connector of its own over one of these.
 */
async function takeEveryDelivery(hub: E2eHub): Promise<ExampleConnector[]> {
  const connectors: ExampleConnector[] = [];
  try {
    for (const channel of CONNECTOR_CHANNELS) {
      const secret = randomBytes(24).toString('hex');
      const connector = await startExampleConnector({ channel, hubUrl: hub.url, secret, inboundSecret: randomBytes(24).toString('hex') });
      connectors.push(connector);
      await putConnectorAs(hub.hub.ctx, COMMAND_LINE_ACTOR, channel, PutConnectorSchema.parse({ url: connector.url, secret }));
    }
  } catch (err) {
    await Promise.all(connectors.map((c) => c.stop()));
    throw err;
  }
  return connectors;
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
