import type { Server as HttpServer } from 'node:http';
import { Server, type Socket } from 'socket.io';
import { type z } from 'zod';
import { isSupervising, type Staff } from '../../shared/domain';
import {
  MAX_SOCKET_PAYLOAD_BYTES,
  PolicyUpdateSchema,
  REQUESTS,
  ROW_SCHEMA_VERSION,
  type Ack,
  type Change,
  type ClientToServerEvents,
  type Policy,
  type RequestName,
  type ServerToClientEvents,
} from '../../shared/protocol';
import { currentPolicy } from '../admin/policy';
import { isStaffKey, keys } from '../audience';
import { auditFilterOf, caseSubjectsOf } from '../auditTrail';
import type { AuthService } from '../auth/authService';
import type { Dispatcher, HubContext, LiveEventName } from '../context';
import { describeZodError } from '../http/body';
import { createLookup, type LookupLimit } from '../lookup';
import { applyMutation } from '../mutations';
import { canSeeCase, scopeOf } from '../permissions';
import { Refused } from '../refused';
import { respondToCall } from '../voiceCalls';
import { reportFor } from '../reports/reportFor';
import { vocFor } from '../reports/vocFor';
import { memorySharedState, type SharedState } from '../sharedState';
import { StoreUnavailable } from '../store/storeUnavailable';
import { createRequestBudget, DEFAULT_REQUEST_LIMITS, type RequestBudget, type RequestLimits } from './requestBudget';

/** What the hub keeps per connected workstation. */
interface Conn {
  socket: Socket<ClientToServerEvents, ServerToClientEvents>;
  staffId: string;
  sessionId: string;
  expiresAt: number;
  expiryTimer: NodeJS.Timeout | null;
  /** Supervisors and admins receive every change. */
  all: boolean;
  keys: string[];
  /** The `to` of the last live batch sent: the next batch's `from`. */
  lastSent: number;
  budget: RequestBudget;
}

/** How long a presence entry lives without being refreshed (a closed laptop lid must not block a case). */
const PRESENCE_TTL_MS = 30_000;

/** Rows without repeats (cases of one customer each bring the customer), first occurrence kept. */
function uniqueRows(rows: readonly Change[]): Change[] {
  const seen = new Set<string>();
  return rows.filter((r) => !seen.has(`${r.entity}:${r.id}`) && seen.add(`${r.entity}:${r.id}`));
}

export interface RealtimeOptions {
  /** Payload cap per message (bytes). */
  maxPayloadBytes?: number;
  /** What one connection may ask (see requestBudget.ts). */
  requestLimits?: RequestLimits;
  /** Customer lookups one person may make in a window (see lookup.ts). */
  lookupLimit?: LookupLimit;
  /** The change log's head when the hub started (changes after it come through the dispatcher). */
  head?: number;
  /** Limits, cool-downs and presence every hub node shares (memory for one node, Redis for several). */
  shared?: SharedState;
  /**
   * Several hub nodes: the Socket.IO adapter carrying live events between them, which also makes sign-outs
   * and cool-downs close connections on every node.
   */
  adapter?: Parameters<Server['adapter']>[0];
}

/** Room of every supervisor and admin connection (they receive everything). */
const SUPERVISORS_ROOM = 'supervisors';
/** Messages between hub nodes (through the adapter), never sent to workstations. */
const REVOKED = 'hub:revoked';
const LIVE_EVENT = 'hub:event';
type LiveName = 'presence' | LiveEventName;
/** How often a node asks the store whether its connections' sessions were ended elsewhere (a missed relay). */
const SESSION_RECHECK_MS = 60_000;
/** When to ask again after the hub's database was unreachable (it reconnects by itself). */
const STORE_RETRY_MS = 1_000;

/** Bytes of answers a connection has not read yet: engine.io's queue plus what the WebSocket still holds. */
function pendingOutputBytes(socket: Socket): number {
  const conn = socket.conn as unknown as { writeBuffer?: Array<{ data?: unknown }>; transport?: { socket?: { bufferedAmount?: number } } };
  let bytes = conn.transport?.socket?.bufferedAmount ?? 0;
  for (const packet of conn.writeBuffer ?? []) bytes += typeof packet.data === 'string' ? packet.data.length : 0;
  return bytes;
}

/**
 * The Socket.IO side of the hub: authenticates each connection, validates every event against the protocol,
 * answers requests, and fans committed changes out to the connections whose scope they touch.
 */
export function createRealtime(ctx: HubContext, auth: AuthService, http: HttpServer, opts: RealtimeOptions = {}) {
  const io = new Server<ClientToServerEvents, ServerToClientEvents>(http, {
    maxHttpBufferSize: opts.maxPayloadBytes ?? MAX_SOCKET_PAYLOAD_BYTES,
    serveClient: false,
    // Workstations connect from their main process (Node), never from a web page: no cross-origin access.
    cors: { origin: false },
  });
  if (opts.adapter) io.adapter(opts.adapter);
  const conns = new Map<string, Conn>();
  const byKey = new Map<string, Set<Conn>>();
  const supervisors = new Set<Conn>();
  /** Cases each connection of this node is present on, to take it off them when it goes. */
  const presentOn = new Map<string, Set<string>>();
  const shared = opts.shared ?? memorySharedState();
  const limits = opts.requestLimits ?? DEFAULT_REQUEST_LIMITS;
  const lookup = createLookup(ctx, shared, opts.lookupLimit);
  /**
   * Sessions closed for flooding may not connect again for a while, on any hub node: each closing within the
   * hour doubles the wait (up to an hour), so a client that floods again on every reconnect gets nowhere.
   */
  const COOLDOWN_WINDOW_MS = 3_600_000;
  const closings = (sessionId: string, record: boolean) => shared.hits(`flood:${sessionId}`, COOLDOWN_WINDOW_MS, ctx.now(), record);
  async function coolingFor(sessionId: string): Promise<number> {
    const closed = await closings(sessionId, false);
    if (closed.length === 0) return 0;
    const until = closed[closed.length - 1] + Math.min(COOLDOWN_WINDOW_MS, limits.floodCooldownMs * 2 ** (closed.length - 1));
    return Math.max(0, until - ctx.now());
  }
  /** Who else hears of a person's presence on a case (the web chat: typing and read for the visitor). */
  const presenceListeners: Array<(staff: Staff, caseId: string, state: 'viewing' | 'typing' | 'none') => void> = [];
  /** Who else follows committed changes on this node (each node sees every change once, in order). */
  const changeListeners: Array<(changes: readonly Change[]) => void> = [];
  const connectionsOfSession = (sessionId: string) => [...conns.values()].filter((c) => c.sessionId === sessionId).length;

  /**
   * Files a connection under its audience keys: in this node's index (the change feed, which every node fans
   * out to its own connections from the log) and in Socket.IO rooms (live events, which cross nodes).
   */
  function index(conn: Conn): void {
    unindex(conn);
    const staff = ctx.staff(conn.staffId);
    if (!staff) return;
    const scope = scopeOf(ctx, staff);
    conn.all = scope.all;
    conn.keys = [keys.everyone, keys.staff(staff.id), ...scope.queueIds.map(keys.queue), ...(staff.storeId ? [keys.store(staff.storeId)] : [])];
    if (conn.all) supervisors.add(conn);
    else for (const k of conn.keys) (byKey.get(k) ?? byKey.set(k, new Set()).get(k)!).add(conn);
    void conn.socket.join(conn.all ? [SUPERVISORS_ROOM, keys.staff(staff.id)] : conn.keys);
  }

  function unindex(conn: Conn): void {
    for (const k of conn.keys) {
      byKey.get(k)?.delete(conn);
      void conn.socket.leave(k);
    }
    supervisors.delete(conn);
    void conn.socket.leave(SUPERVISORS_ROOM);
  }

  /** Connections listening on any of `audience`, plus supervisors. */
  function targets(audience: readonly string[], withSupervisors = true): Set<Conn> {
    const out = new Set<Conn>(withSupervisors ? supervisors : []);
    for (const k of audience) for (const c of byKey.get(k) ?? []) out.add(c);
    return out;
  }

  function expire(conn: Conn, reason: 'expired' | 'revoked'): void {
    conn.socket.emit('auth:expired', { reason });
    conn.socket.disconnect(true);
  }

  function armExpiry(conn: Conn): void {
    if (conn.expiryTimer) clearTimeout(conn.expiryTimer);
    // setTimeout holds at most ~24.8 days; tokens live minutes, but stay safe.
    const wait = Math.min(Math.max(0, conn.expiresAt - ctx.now()), 2 ** 31 - 1);
    conn.expiryTimer = setTimeout(() => expire(conn, 'expired'), wait);
    conn.expiryTimer.unref();
  }

  /** A live-only event to everyone listening on any of `audience` (on every node), and supervisors when asked. */
  /**
   * A live-only event to everyone listening on any of `audience`, and supervisors when asked: this node's
   * connections at once, the other nodes' through the adapter (each delivers to its own). Delivered locally
   * first, so a Redis outage slows nothing on this node (the adapter would hold a broadcast until it had
   * published it).
   */
  function emitTo(audience: readonly string[], name: LiveName, payload: unknown, withSupervisors: boolean): void {
    const rooms = withSupervisors ? [...audience, SUPERVISORS_ROOM] : [...audience];
    if (rooms.length === 0) return;
    notePolicySent(name, payload);
    io.local.to(rooms).emit(name, payload as never);
    relay(LIVE_EVENT, { rooms, name, payload });
  }
  /**
   * The newest policy this node sent its connections live, and how many it sent. A connection reads the policy
   * in its handshake but joins its rooms a few ticks later: one sent in between would miss it, so its hello
   * carries the newer one instead.
   */
  const policySent: { count: number; policy: Policy | null } = { count: 0, policy: null };
  function notePolicySent(name: string, payload: unknown): void {
    if (name !== 'policy') return;
    const parsed = PolicyUpdateSchema.safeParse(payload);
    if (!parsed.success) return;
    policySent.count++;
    policySent.policy = parsed.data;
  }
  /**
   * Tells the other hub nodes something through the adapter. Best effort: a relay lost while Redis is away is
   * made up for (sessions are re-checked when it is back; presence is refreshed by the next keystroke), and one
   * attempted while this node shuts down is dropped.
   */
  let closing = false;
  function relay(event: string, data: unknown): void {
    if (!opts.adapter || closing) return;
    try {
      io.serverSideEmit(event as never, data as never);
    } catch (err) {
      console.warn(`hub: could not tell the other nodes (${event}): ${(err as Error).message}`);
    }
  }
  io.on(LIVE_EVENT as never, ((m: { rooms?: unknown; name?: unknown; payload?: unknown }) => {
    if (!Array.isArray(m?.rooms) || typeof m.name !== 'string') return;
    notePolicySent(m.name, m.payload);
    io.local.to(m.rooms as string[]).emit(m.name as LiveName, m.payload as never);
  }) as never);

  async function broadcastPresence(caseId: string): Promise<void> {
    const kase = await ctx.store.get('case', caseId);
    if (!kase) return;
    const present = (await shared.presence(caseId, ctx.now(), PRESENCE_TTL_MS)).map(({ socketId: _s, ...p }) => p);
    const audience = [keys.queue(kase.queueId), ...(kase.assigneeId ? [keys.staff(kase.assigneeId)] : []), ...(kase.storeId ? [keys.store(kase.storeId)] : [])];
    emitTo(audience, 'presence', { caseId, present }, true);
  }

  async function dropPresence(conn: Conn): Promise<void> {
    for (const caseId of presentOn.get(conn.socket.id) ?? []) {
      await shared.removePresence(caseId, conn.staffId, conn.socket.id);
      await broadcastPresence(caseId);
    }
    presentOn.delete(conn.socket.id);
  }

  type Handler<N extends RequestName> = (conn: Conn, staff: Staff, payload: z.infer<(typeof REQUESTS)[N][0]>) => Promise<unknown>;
  const handlers: { [N in RequestName]: Handler<N> } = {
    'sync:pull': async (conn, _staff, p) => {
      const page = await ctx.store.pull(conn.all ? { all: true } : { all: false, keys: conn.keys }, p.cursor, p.limit);
      return { ...page, head: Math.max(page.cursor, await ctx.store.head()) };
    },
    'sync:snapshot': async (_conn, staff, p) => {
      const scope = scopeOf(ctx, staff);
      // Phased (a history window): the asker's own cases count as priority even in a narrowed snapshot.
      const history = { since: p.historySince ?? null, staffId: staff.id };
      if (p.queueIds) {
        const allowed = p.queueIds.filter((q) => scope.all || scope.queueIds.includes(q));
        return ctx.store.snapshot({ all: false, casesOnly: true, queueIds: allowed, staffId: '', storeId: null }, p.after, p.hwm, p.limit, history);
      }
      return ctx.store.snapshot(scope, p.after, p.hwm, p.limit, history);
    },
    'case:fetch': async (_conn, staff, p) => {
      const cases = await Promise.all(p.caseIds.map((id) => ctx.store.get('case', id)));
      const visible = cases.filter((kase) => kase !== null && canSeeCase(ctx, staff, kase)).map((kase) => kase!.id);
      if (visible.length === 0) throw new Refused('not-found', `${p.caseIds.join(', ')}: no such case, or not yours to see`);
      return { rows: uniqueRows((await Promise.all(visible.map((id) => ctx.store.caseRows(id)))).flat()) };
    },
    'customer:lookup': (_conn, staff, p) => lookup(staff, p),
    mutate: (_conn, staff, m) => applyMutation(ctx, staff, m),
    'presence:set': async (conn, staff, p) => {
      const kase = await ctx.store.get('case', p.caseId);
      if (!kase || !canSeeCase(ctx, staff, kase)) throw new Refused('not-found', `case ${p.caseId} does not exist or is not yours to see`);
      const mine = presentOn.get(conn.socket.id) ?? presentOn.set(conn.socket.id, new Set()).get(conn.socket.id)!;
      if (p.state === 'none') {
        mine.delete(p.caseId);
        await shared.removePresence(p.caseId, staff.id, conn.socket.id);
      } else {
        mine.add(p.caseId);
        const entry = { caseId: p.caseId, staffId: staff.id, name: staff.name, state: p.state, at: ctx.now(), socketId: conn.socket.id };
        await shared.setPresence(entry, PRESENCE_TTL_MS);
      }
      await broadcastPresence(p.caseId);
      for (const listener of presenceListeners) listener(staff, p.caseId, p.state);
      return {};
    },
    'audit:query': async (_conn, staff, p) => {
      if (!isSupervising(staff.role)) throw new Refused('forbidden', 'only supervisors and admins read the audit log');
      const entries = await ctx.store.queryAudit(auditFilterOf(p));
      return { entries, caseSubjects: await caseSubjectsOf(ctx.store, entries) };
    },
    'selfservice:figures': async (_conn, staff, p) => {
      if (!isSupervising(staff.role)) throw new Refused('forbidden', 'only supervisors and admins see self-service figures');
      const counts = await ctx.store.selfServiceCounts(p.since);
      const titles = new Map((await ctx.store.all('kb')).map((a) => [a.id, a.title]));
      return { rows: counts.deflected.map((r) => ({ ...r, title: titles.get(r.articleId) ?? r.articleId })), conversations: counts.conversations };
    },
    'call:respond': (_conn, staff, p) => respondToCall(ctx, staff, p),
    'report:query': (_conn, staff, p) => reportFor(ctx, staff, p),
    'voc:query': (_conn, staff, p) => vocFor(ctx, staff, p),
    'auth:renew': async (conn, staff, p) => {
      const v = await auth.verify(p.token);
      if (v instanceof Error || v.staff.id !== staff.id) throw new Refused('unauthorized', 'that token is not valid for this connection');
      conn.expiresAt = v.expiresAt;
      conn.sessionId = v.sessionId;
      armExpiry(conn);
      return { accessExpiresAt: v.expiresAt };
    },
  };

  const refuseHandshake = (message: string, reason: string) => Object.assign(new Error(message), { data: { reason } });
  io.use(async (socket, next) => {
    try {
      const token = (socket.handshake.auth as { token?: unknown } | undefined)?.token;
      const v = typeof token === 'string' ? await auth.verify(token) : null;
      if (!v || v instanceof Error) return next(refuseHandshake(v instanceof Error ? v.message : 'sign in first: pass auth.token', v instanceof Error ? v.code : 'missing-token'));
      const cooling = await coolingFor(v.sessionId);
      if (cooling > 0) return next(refuseHandshake(`this session flooded the hub: connect again in ${Math.ceil(cooling / 1000)} s`, 'rate-limited'));
      if (connectionsOfSession(v.sessionId) >= limits.maxConnectionsPerSession) {
        return next(refuseHandshake(`this session already has ${limits.maxConnectionsPerSession} connections open`, 'rate-limited'));
      }
      // Read here, where waiting is allowed: the hello that carries it is sent in the same tick as registration.
      const policySentBefore = policySent.count;
      socket.data = { ...v, policy: await currentPolicy(ctx.store, ctx.config.policy), policySentBefore };
      next();
    } catch (err) {
      console.error(`hub: handshake refused: ${(err as Error).message}`);
      next(refuseHandshake('the hub could not check this connection', 'internal'));
    }
  });

  io.on('connection', (socket) => {
    const data = socket.data as { staff: Staff; sessionId: string; expiresAt: number; policy: Policy; policySentBefore: number };
    const { staff, sessionId, expiresAt } = data;
    const policy = policySent.count !== data.policySentBefore && policySent.policy ? policySent.policy : data.policy;
    const conn: Conn = {
      socket,
      staffId: staff.id,
      sessionId,
      expiresAt,
      expiryTimer: null,
      all: false,
      keys: [],
      lastSent: 0,
      budget: createRequestBudget(limits, ctx.now),
    };
    conns.set(socket.id, conn);
    index(conn);
    armExpiry(conn);
    // Registered and told where the log stands in the same tick: no change can fall between. The head is the
    // last change this node dispatched (every committed change passes through `dispatcher.changes` in order).
    conn.lastSent = dispatchedHead;
    socket.emit('hello', {
      staff: ctx.staff(staff.id) ?? staff,
      scope: scopeOf(ctx, ctx.staff(staff.id) ?? staff),
      head: conn.lastSent,
      policy,
      rowSchema: ROW_SCHEMA_VERSION,
    });

    socket.onAny((event: string, ...args: unknown[]) => {
      if (Object.hasOwn(REQUESTS, event)) return;
      const message = `unknown event "${String(event).slice(0, 60)}"`;
      socket.emit('protocol:error', { event: String(event).slice(0, 60), reason: 'invalid', message });
      const ack = args[args.length - 1];
      if (typeof ack === 'function') ack({ ok: false, reason: 'invalid', message });
    });

    for (const name of Object.keys(REQUESTS) as RequestName[]) {
      socket.on(name, ((payload: unknown, ack: unknown) => {
        if (typeof ack !== 'function') {
          socket.emit('protocol:error', { event: name, reason: 'invalid', message: `${name} needs an acknowledgement callback` });
          return;
        }
        schedule(conn, name, payload, ack as (a: Ack<unknown>) => void);
      }) as never);
    }

    socket.on('disconnect', () => {
      if (conn.expiryTimer) clearTimeout(conn.expiryTimer);
      unindex(conn);
      conns.delete(socket.id);
      dropPresence(conn).catch((err: Error) => console.warn(`hub: presence of a closed connection not cleared: ${err.message}`));
    });
  });

  /**
   * Admits a request against its connection's budget and runs it on a later turn of the event loop, so that a
   * burst of frames from one socket cannot hold the loop: other sockets and HTTP are served in between. A
   * request over budget is refused at once (`rate-limited`, with when to ask again) and never queued; a
   * connection that keeps asking regardless is closed. A request whose socket is gone by its turn is dropped
   * without building its answer.
   */
  function schedule(conn: Conn, name: RequestName, payload: unknown, ack: (a: Ack<unknown>) => void): void {
    const refusal = conn.budget.admit(name, pendingOutputBytes(conn.socket));
    if (refusal) {
      ack({ ok: false, reason: 'rate-limited', message: refusal.message, retryAfterMs: refusal.retryAfterMs });
      if (conn.budget.strike() && conn.socket.connected) {
        console.warn(`hub: closed a connection of ${conn.staffId} that kept asking after being refused`);
        void closings(conn.sessionId, true);
        conn.socket.emit('protocol:error', { event: name, reason: 'rate-limited', message: 'too many requests after being told to wait: connection closed' });
        conn.socket.disconnect(true);
      }
      return;
    }
    setImmediate(() => {
      if (!conn.socket.connected) return conn.budget.done();
      Promise.resolve(answer(conn, name, payload)).then(
        (result) => {
          conn.budget.done();
          if (conn.socket.connected) ack(result);
        },
        (err: unknown) => {
          conn.budget.done();
          console.error(`hub: ${name} failed`, err);
        },
      );
    });
  }

  async function answer(conn: Conn, name: RequestName, payload: unknown): Promise<Ack<unknown>> {
    if (conn.expiresAt <= ctx.now()) {
      setImmediate(() => expire(conn, 'expired'));
      return { ok: false, reason: 'unauthorized', message: 'your access token expired: renew it' };
    }
    const staff = ctx.staff(conn.staffId);
    if (!staff) return { ok: false, reason: 'unauthorized', message: 'this account no longer exists' };
    if (!staff.active) return { ok: false, reason: 'unauthorized', message: 'this account is deactivated' };
    const parsed = REQUESTS[name][0].safeParse(payload);
    if (!parsed.success) return { ok: false, reason: 'invalid', message: `${name}: ${describeZodError(parsed.error)}` };
    try {
      return { ok: true, value: await (handlers[name] as Handler<typeof name>)(conn, staff, parsed.data as never) };
    } catch (err) {
      if (err instanceof Refused) return { ok: false, reason: err.reason, message: err.message, ...(err.retryAfterMs !== undefined ? { retryAfterMs: err.retryAfterMs } : {}) };
      if (err instanceof StoreUnavailable) {
        console.warn(`hub: ${name} not answered: ${err.message}`);
        return { ok: false, reason: 'unavailable', message: `the hub's database is unreachable for a moment; ${name} was not done, ask again`, retryAfterMs: STORE_RETRY_MS };
      }
      console.error(`hub: ${name} failed`, err);
      return { ok: false, reason: 'internal', message: `the hub could not process ${name}; nothing was changed` };
    }
  }

  // A session ended on one node ends on all: its connections may be on any of them.
  const expireSession = (sessionId: string) => {
    for (const c of conns.values()) if (c.sessionId === sessionId) expire(c, 'revoked');
  };
  auth.onRevoked((sessionId) => {
    expireSession(sessionId);
    relay(REVOKED, sessionId);
  });
  io.on(REVOKED as never, ((sessionId: unknown) => {
    if (typeof sessionId === 'string') expireSession(sessionId);
  }) as never);
  /**
   * Asks the store whether sessions of this node's connections were ended while their relay could not arrive
   * (Redis away): at every Redis reconnection and every minute, so a sign-out never waits for token expiry.
   */
  async function recheckSessions(): Promise<void> {
    for (const sessionId of new Set([...conns.values()].map((c) => c.sessionId))) {
      const session = await ctx.store.sessionById(sessionId);
      if (!session || session.revokedAt !== null) expireSession(sessionId);
    }
  }
  const recheck = () => void recheckSessions().catch((err: Error) => console.warn(`hub: could not re-check sessions: ${err.message}`));
  const recheckTimer = opts.adapter ? setInterval(recheck, SESSION_RECHECK_MS) : null;
  recheckTimer?.unref();

  // Changes wait for the end of the event loop turn and go out as one message per connection: under load many
  // transactions commit in one turn, and one write per connection instead of one per transaction is what keeps
  // fan-out cheap (socket writes and encoding dominate the hub's profile).
  const outgoing = new Map<Conn, Change[]>();
  /**
   * Connections of people a change of the pending batch names (a case's owner before or after it): written to
   * first. A bulk move reaches every member of the cases' queues, a thousand sockets written one after another;
   * the people who gain or lose the cases should not wait behind the whole floor.
   */
  const named = new Set<Conn>();
  let outgoingTo = 0;
  let dispatchedHead = opts.head ?? 0;
  let flushScheduled = false;
  function flush(): void {
    flushScheduled = false;
    // Connections of one queue usually hold the same cursor and get the same changes: they share one
    // broadcast, encoded once, instead of one encoding per connection.
    // Groups go out in the order they were first met: those of named connections first.
    const groups = new Map<string, { ids: string[]; from: number; changes: Change[] }>();
    const file = (c: Conn, changes: Change[]) => {
      if (!c.socket.connected) return;
      const key = `${c.lastSent}|${changes.map((ch) => ch.seq).join(',')}`;
      const group = groups.get(key);
      if (group) group.ids.push(c.socket.id);
      else groups.set(key, { ids: [c.socket.id], from: c.lastSent, changes });
      c.lastSent = outgoingTo;
    };
    for (const c of named) {
      const changes = outgoing.get(c);
      if (changes) file(c, changes);
    }
    for (const [c, changes] of outgoing) if (!named.has(c)) file(c, changes);
    outgoing.clear();
    named.clear();
    // Durable changes go to this node's own connections only: every node reads them from the log itself.
    for (const g of groups.values()) io.local.to(g.ids).emit('changes', { from: g.from, to: outgoingTo, changes: g.changes });
  }

  const dispatcher: Dispatcher = {
    changes(batch) {
      for (const { change, audience } of batch) {
        for (const c of targets(audience)) {
          const list = outgoing.get(c);
          if (list) list.push(change);
          else outgoing.set(c, [change]);
        }
        for (const k of audience) if (isStaffKey(k)) for (const c of byKey.get(k) ?? []) named.add(c);
      }
      outgoingTo = batch[batch.length - 1].change.seq;
      for (const listener of changeListeners) listener(batch.map((b) => b.change));
      dispatchedHead = Math.max(dispatchedHead, outgoingTo);
      if (!flushScheduled) {
        flushScheduled = true;
        setImmediate(flush);
      }
    },
    event(audience, name, payload, withSupervisors = false) {
      emitTo(audience, name, payload, withSupervisors);
    },
    scopeChanged(staffId) {
      const staff = ctx.staff(staffId);
      if (!staff) return;
      for (const c of conns.values()) {
        if (c.staffId !== staffId) continue;
        index(c);
        c.socket.emit('scope', scopeOf(ctx, staff));
      }
    },
  };
  ctx.setDispatcher(dispatcher);

  return {
    io,
    dispatcher,
    /** Re-checks the sessions of this node's connections (after a Redis outage, when relays may have been lost). */
    recheckSessions: recheck,
    connections: () => conns.size,
    onPresence: (listener: (typeof presenceListeners)[number]) => void presenceListeners.push(listener),
    onChanges: (listener: (typeof changeListeners)[number]) => void changeListeners.push(listener),
    close: () =>
      new Promise<void>((resolve) => {
        closing = true;
        if (recheckTimer) clearInterval(recheckTimer);
        for (const c of conns.values()) if (c.expiryTimer) clearTimeout(c.expiryTimer);
        io.close(() => resolve());
      }),
  };
}
