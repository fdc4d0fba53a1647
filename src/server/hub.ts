import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Policy } from '../shared/protocol';
import { createAuthService, type AuthService } from './auth/authService';
import { createContext, type Dispatcher, type HubContext } from './context';
import { createMailService, type MailService, type MailServiceOptions } from './email/mailService';
import { createHttpApi } from './http/httpApi';
import type { LookupLimit } from './lookup';
import type { RequestLimits } from './realtime/requestBudget';
import { startLogTail, type LogTail } from './realtime/logTail';
import { connectRedis } from './realtime/redisLink';
import { createRealtime } from './realtime/socketServer';
import { memorySharedState } from './sharedState';
import { flagBreaches } from './sla';
import type { HubStore } from './store/hubStore';
import { openSqliteStore } from './store/sqlite/sqliteStore';
import { escalateAlerts } from './voice';
import { startCallOffers } from './voiceCalls';
import { DEFAULT_DELIVERY, startDeliveryWorker, type DeliveryOptions, type DeliveryWorker } from './delivery/deliveryWorker';
import { connectorTransport } from './delivery/connectorTransport';
import { startVisitorNamespace } from './webchat/visitorNamespace';
import type { VisitorLimits } from './webchat/visitorBudget';
import { visitorTransport } from './webchat/visitorTransport';

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
  /** How long a call rings for one person before it is offered to the next, ms (DEFAULT_CALL_RING_MS). */
  callRingMs?: number;
  now?: () => number;
  maxPayloadBytes?: number;
  /** What one Socket.IO connection may ask (defaults in realtime/requestBudget.ts). */
  requestLimits?: RequestLimits;
  /** Customer lookups one person may make in a window (defaults in lookup.ts). */
  lookupLimit?: LookupLimit;
  /** How long one HTTP request may take to arrive whole (headers and body), ms. */
  httpRequestTimeoutMs?: number;
  /**
   * Redis, for several hub nodes over one PostgreSQL store: live events, sign-outs, limits and presence cross
   * nodes through it. Without it (one node) they stay in this process.
   */
  redisUrl?: string;
  /** Behind a load balancer: take the client's address from its X-Forwarded-For (see clientAddress). */
  trustProxy?: boolean;
  /** The outbound delivery worker (defaults in delivery/deliveryWorker.ts; `transports.email` is the SMTP client). */
  delivery?: Partial<DeliveryOptions>;
  /** Where customers reach the hub (survey links, the web chat widget, the help site); the listening address unless given. */
  publicUrl?: string;
  /** The demo's shop pages at /demo/shop, embedding the web chat (`--simulate`). */
  demoShop?: boolean;
  /** Email the hub speaks itself: mailboxes given by flags (the admin console adds stored ones), limits. */
  mail?: MailServiceOptions;
  /** Web chat: what one visitor may ask (defaults in webchat/visitorBudget.ts), how often availability is pushed. */
  webchat?: { limits?: VisitorLimits; availabilityEveryMs?: number };
}

export interface Hub {
  url: string;
  port: number;
  ctx: HubContext;
  auth: AuthService;
  /** The outbound delivery worker: `runOnce()` sends what is due now. */
  delivery: DeliveryWorker;
  /** Email: the listeners and pollers of the configured mailboxes, and the email channel's transport. */
  mail: MailService;
  connections(): number;
  /** Runs the SLA and alert checks now (they also run every `tickMs`). */
  tick(): Promise<void>;
  close(): Promise<void>;
}

export const DEFAULT_POLICY: Policy = { maxOfflineHours: 72, idleLockMinutes: 15 };

/** Starts a hub: HTTP API and Socket.IO on one port, over one store. */
export async function createHub(opts: HubOptions): Promise<Hub> {
  const store = opts.store ?? openSqliteStore(opts.dbPath ?? ':memory:');
  const redis = opts.redisUrl ? await connectRedis(opts.redisUrl) : null;
  const shared = redis?.shared ?? memorySharedState();
  const ctx = createContext(store, { ingestSecret: opts.ingestSecret, policy: { ...DEFAULT_POLICY, ...opts.policy }, publicUrl: opts.publicUrl?.replace(/\/+$/, '') }, opts.now);
  await ctx.loadCaches();
  const callOffers = startCallOffers(ctx, opts.callRingMs);
  const auth = createAuthService(ctx, {
    tokenKey: opts.tokenKey ?? randomBytes(32),
    accessTtlMs: opts.accessTtlMs ?? 15 * 60_000,
    refreshTtlMs: opts.refreshTtlMs ?? 12 * 3_600_000,
    shared,
  });
  const handle = createHttpApi(ctx, auth, { trustProxy: opts.trustProxy, shared, demoShop: opts.demoShop });
  // Node holds a slow or half-sent request for minutes by default (and checks only every 30 s); a connector or
  // a sign-in sends a few KiB, so a request that has not arrived whole within seconds is cut off.
  const requestTimeout = opts.httpRequestTimeoutMs ?? 15_000;
  /** Connections whose current request reached the API and has not been answered yet. */
  const inRequest = new WeakSet<Socket>();
  const http = createServer(
    {
      requestTimeout,
      headersTimeout: Math.min(requestTimeout, 10_000),
      keepAliveTimeout: 5_000,
      connectionsCheckingInterval: Math.min(1_000, requestTimeout / 2),
    },
    (req, res) => {
      inRequest.add(req.socket);
      res.once('finish', () => inRequest.delete(req.socket));
      void handle(req, res);
    },
  );
  http.on('clientError', (err: NodeJS.ErrnoException, socket: Socket) => {
    // Malformed or timed-out requests are the client's problem: one line, no stack, and a plain answer. A
    // request already handed to the API is reported there, with its path, so it is not reported twice.
    if (err.code !== 'ECONNRESET' && !inRequest.has(socket)) console.warn(`hub: bad HTTP request from ${socket.remoteAddress ?? 'unknown'}: ${err.code ?? err.message}`);
    if (socket.writable) socket.end(err.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 'HTTP/1.1 408 Request Timeout\r\nConnection: close\r\n\r\n' : 'HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    else socket.destroy();
  });
  const head = await store.head();
  const realtime = createRealtime(ctx, auth, http, {
    maxPayloadBytes: opts.maxPayloadBytes,
    requestLimits: opts.requestLimits,
    lookupLimit: opts.lookupLimit,
    head,
    shared,
    adapter: redis?.adapter,
  });
  const tail = store.sharedByNodes ? followLog(ctx, realtime.dispatcher, head) : null;
  redis?.onReconnect(realtime.recheckSessions);
  const visitors = startVisitorNamespace(ctx, realtime.io, { shared, ...opts.webchat });
  realtime.onPresence(visitors.staffPresence);
  realtime.onChanges(visitors.caseChanges);

  const host = opts.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(opts.port, host, () => resolve());
  });
  const port = (http.address() as AddressInfo).port;
  ctx.config.publicUrl ||= `http://${host}:${port}`;
  const mail = createMailService(ctx, opts.mail);
  await mail.reconcile().catch((err: Error) => console.error(`hub: email: ${err.message}`));

  // One check at a time: a slow store must not pile them up.
  let ticking: Promise<void> | null = null;
  const tick = (): Promise<void> =>
    (ticking ??= (async () => {
      try {
        await flagBreaches(ctx);
        await escalateAlerts(ctx);
      } catch (err) {
        console.error(`hub: periodic check failed: ${(err as Error).message}`);
      }
      // Mailboxes an admin added, changed or removed (on any node) start, restart or stop listening.
      try {
        await mail.reconcile();
      } catch (err) {
        console.error(`hub: email: ${(err as Error).message}`);
      } finally {
        ticking = null;
      }
    })());
  const timer = setInterval(() => void tick(), opts.tickMs ?? 5_000);
  timer.unref();
  // Email goes out through the hub's own SMTP client, and web chat replies to the visitor's widget (other chat
  // addresses to the chat connector), unless a caller brings its own transport.
  const connector = connectorTransport({ store, timeoutMs: opts.delivery?.connectorTimeoutMs ?? DEFAULT_DELIVERY.connectorTimeoutMs, now: ctx.now });
  const transports = { email: mail.transport, chat: visitorTransport(ctx, visitors.ns, connector), ...opts.delivery?.transports };
  const delivery = startDeliveryWorker(ctx, { ...opts.delivery, transports });
  ctx.setDeliveryKick(delivery.kick);

  return {
    url: `http://${host}:${port}`,
    port,
    ctx,
    auth,
    delivery,
    mail,
    connections: realtime.connections,
    tick,
    async close() {
      clearInterval(timer);
      callOffers.stop();
      // Before the store closes: the attempts under way record what they came to.
      await delivery.stop();
      await ticking;
      await mail.close();
      visitors.close();
      await tail?.stop();
      await realtime.close();
      await redis?.close();
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
      await store.close();
    },
  };
}

/**
 * With a store other hub nodes write too, the durable change feed comes from the log: this node's commits only
 * wake the tail up, and every batch (this node's or another's) goes to this node's connections once, in seq
 * order. The caches of queues and staff follow the log, and a person whose queues, role or store changed on
 * another node gets their new scope here (the node that made the change already told its own connections).
 */
function followLog(ctx: HubContext, realtime: Dispatcher, from: number): LogTail {
  const tail = startLogTail({
    store: ctx.store,
    from,
    onBatch(batch) {
      const rescoped = new Set<string>();
      for (const { change } of batch) {
        if (change.op !== 'upsert') continue;
        // Role and home store decide what a person sees, as queue memberships do.
        if (change.entity === 'staff') {
          const before = ctx.staff(change.id);
          if (before && (before.role !== change.data.role || before.storeId !== change.data.storeId)) rescoped.add(change.id);
        }
        if (change.entity !== 'queue') continue;
        const before = new Set(ctx.queue(change.id)?.memberIds ?? []);
        const after = new Set(change.data.memberIds);
        for (const id of before) if (!after.has(id)) rescoped.add(id);
        for (const id of after) if (!before.has(id)) rescoped.add(id);
      }
      ctx.cacheRows(batch.map((b) => b.change));
      realtime.changes(batch);
      for (const id of rescoped) realtime.scopeChanged(id);
    },
  });
  ctx.setDispatcher({ changes: () => tail.kick(), event: realtime.event, scopeChanged: realtime.scopeChanged });
  return tail;
}
