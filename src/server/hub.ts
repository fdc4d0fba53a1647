import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Policy } from '../shared/protocol';
import { createAuthService, type AuthService } from './auth/authService';
import { createContext, type HubContext } from './context';
import { createHttpApi } from './http/httpApi';
import { createRealtime } from './realtime/socketServer';
import { flagBreaches } from './sla';
import type { HubStore } from './store/hubStore';
import { openSqliteStore } from './store/sqlite/sqliteStore';
import { escalateAlerts } from './voice';

export interface HubOptions {
  /** SQLite file (created and migrated on first use), or a ready store. */
  dbPath?: string;
  store?: HubStore;
  /** Port to listen on; 0 picks a free one. */
  port: number;
  host?: string;
  /** Shared secret of connector webhooks. */
  ingestSecret: string;
  /** Key signing access tokens; random per start unless given. */
  tokenKey?: Buffer;
  accessTtlMs?: number;
  refreshTtlMs?: number;
  policy?: Partial<Policy>;
  /** How often SLA breaches and alert escalations are checked. */
  tickMs?: number;
  now?: () => number;
  maxPayloadBytes?: number;
}

export interface Hub {
  url: string;
  port: number;
  ctx: HubContext;
  auth: AuthService;
  connections(): number;
  /** Runs the SLA and alert checks now (they also run every `tickMs`). */
  tick(): void;
  close(): Promise<void>;
}

export const DEFAULT_POLICY: Policy = { maxOfflineHours: 72, idleLockMinutes: 15 };

/** Starts a hub: HTTP API and Socket.IO on one port, over one store. */
export async function createHub(opts: HubOptions): Promise<Hub> {
  const store = opts.store ?? openSqliteStore(opts.dbPath ?? ':memory:');
  const ctx = createContext(store, { ingestSecret: opts.ingestSecret, policy: { ...DEFAULT_POLICY, ...opts.policy } }, opts.now);
  const auth = createAuthService(ctx, {
    tokenKey: opts.tokenKey ?? randomBytes(32),
    accessTtlMs: opts.accessTtlMs ?? 15 * 60_000,
    refreshTtlMs: opts.refreshTtlMs ?? 12 * 3_600_000,
  });
  const handle = createHttpApi(ctx, auth);
  const http = createServer((req, res) => void handle(req, res));
  const realtime = createRealtime(ctx, auth, http, { maxPayloadBytes: opts.maxPayloadBytes });

  const host = opts.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(opts.port, host, () => resolve());
  });
  const port = (http.address() as AddressInfo).port;

  const tick = () => {
    try {
      flagBreaches(ctx);
      escalateAlerts(ctx);
    } catch (err) {
      console.error('hub: periodic check failed', err);
    }
  };
  const timer = setInterval(tick, opts.tickMs ?? 5_000);
  timer.unref();

  return {
    url: `http://${host}:${port}`,
    port,
    ctx,
    auth,
    connections: realtime.connections,
    tick,
    async close() {
      clearInterval(timer);
      await realtime.close();
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
      store.close();
    },
  };
}
