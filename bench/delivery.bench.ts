/**
 * npm run bench:delivery — replies through a channel connector on loopback.
 *
 * One SQLite hub in this process, a local connector (node:http) that drops repeated delivery ids, and one agent
 * replying on N cases (BENCH_REPLIES, default 1,000) at BENCH_RATE replies a second (default 200). Measures
 * deliveries per second and the time from sending a reply to the connector receiving it (p50, p99), with a
 * healthy connector and then with 10% of first attempts answered 503: every reply must arrive exactly once
 * after the connector drops repeats (0 lost, 0 duplicates).
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { io } from 'socket.io-client';
import type { Ack, MutationResult, Session } from '../src/shared/protocol';
import { createHub, type Hub } from '../src/server/hub';
import { signBody } from '../src/server/http/signature';
import { loadOrg } from '../src/server/loadOrg';
import { DEFAULT_REQUEST_LIMITS } from '../src/server/realtime/requestBudget';
import { openSqliteStore } from '../src/server/store/sqlite/sqliteStore';
import { person, testOrg } from '../src/server/testing/testOrg';
import { ms, percentile, printTable } from './support/stats';

const REPLIES = Number(process.env.BENCH_REPLIES ?? 1_000);
const RATE = Number(process.env.BENCH_RATE ?? 200);
const SECRET = 'bench-ingest-secret';
const OUT = 'bench-connector-secret-0123456789abcdef';
const sleep = (t: number) => new Promise((r) => setTimeout(r, t));

/** The connector: first arrival per interaction, repeats dropped (counted), `failShare` of first attempts answered 503. */
async function localConnector() {
  const firstSeen = new Map<string, number>();
  const byDelivery = new Map<string, string>();
  let repeats = 0;
  let failed = 0;
  let failShare = 0;
  const triedOnce = new Set<string>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const deliveryId = req.headers['x-delivery-id'] as string;
      if (!triedOnce.has(deliveryId) && Math.random() < failShare) {
        triedOnce.add(deliveryId);
        failed++;
        return void res.writeHead(503).end();
      }
      triedOnce.add(deliveryId);
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { interactionId: string };
      if (byDelivery.has(deliveryId)) repeats++;
      else {
        byDelivery.set(deliveryId, body.interactionId);
        if (!firstSeen.has(body.interactionId)) firstSeen.set(body.interactionId, performance.now());
      }
      res.writeHead(200, { 'Content-Type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/deliver`,
    firstSeen,
    byDelivery,
    counts: () => ({ repeats, failed }),
    reset(share: number) {
      failShare = share;
      firstSeen.clear();
      byDelivery.clear();
      triedOnce.clear();
      repeats = 0;
      failed = 0;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function post(hub: Hub, path: string, body: unknown, headers: Record<string, string> = {}, method = 'POST') {
  const raw = JSON.stringify(body);
  const res = await fetch(`${hub.url}${path}`, { method, headers: { 'Content-Type': 'application/json', ...headers }, body: raw });
  return (await res.json()) as Record<string, unknown>;
}

/** Opens `n` chat cases (signed inbound messages, 16 at a time); their ids and newest message ids. */
async function openCases(hub: Hub, n: number, tag: string): Promise<Array<{ caseId: string; lastMessageId: string }>> {
  const out: Array<{ caseId: string; lastMessageId: string }> = [];
  for (let i = 0; i < n; i += 16) {
    const batch = Array.from({ length: Math.min(16, n - i) }, (_, k) => {
      const raw = JSON.stringify({ channel: 'chat', externalId: randomUUID(), text: 'Where is my parcel?', from: { email: `c${tag}${i + k}@example.com` } });
      return fetch(`${hub.url}/api/v1/inbound`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Signature': signBody(raw, SECRET) }, body: raw })
        .then((r) => r.json() as Promise<{ caseId: string; interactionId: string }>);
    });
    for (const r of await Promise.all(batch)) out.push({ caseId: r.caseId, lastMessageId: r.interactionId });
  }
  return out;
}

/** Replies on every case at RATE a second; resolves with each reply's interaction id and when it was sent. */
async function replyToAll(hub: Hub, session: Session, cases: Array<{ caseId: string; lastMessageId: string }>): Promise<Map<string, number>> {
  const socket = io(hub.url, { transports: ['websocket'], auth: { token: session.accessToken }, reconnection: false, forceNew: true });
  await new Promise<void>((resolve, reject) => {
    socket.once('hello', () => resolve());
    socket.once('connect_error', reject);
  });
  const sentAt = new Map<string, number>();
  const start = performance.now();
  await Promise.all(cases.map(async (c, i) => {
    await sleep(Math.max(0, start + (i * 1000) / RATE - performance.now()));
    const at = performance.now();
    const ack = (await socket.timeout(30_000).emitWithAck('mutate', {
      mutationId: randomUUID(), type: 'reply', caseId: c.caseId, channel: 'chat', text: `Reply ${i}`, basedOn: { lastMessageId: c.lastMessageId },
    } as never)) as Ack<MutationResult>;
    if (!ack.ok || !ack.value.ok || ack.value.outcome !== 'applied' || !ack.value.id) throw new Error(`reply ${i} not sent: ${JSON.stringify(ack)}`);
    sentAt.set(ack.value.id, at);
  }));
  socket.disconnect();
  return sentAt;
}

async function run(hub: Hub, session: Session, connector: Awaited<ReturnType<typeof localConnector>>, failShare: number, tag: string) {
  connector.reset(failShare);
  const cases = await openCases(hub, REPLIES, tag);
  const started = performance.now();
  const sentAt = await replyToAll(hub, session, cases);
  // Every reply arrives, or the run gives up after a minute without progress.
  for (let last = -1, idle = 0; connector.firstSeen.size < sentAt.size && idle < 600; idle = connector.firstSeen.size === last ? idle + 1 : 0) {
    last = connector.firstSeen.size;
    await sleep(100);
  }
  const ended = Math.max(...connector.firstSeen.values());
  const latencies = [...sentAt].filter(([id]) => connector.firstSeen.has(id)).map(([id, at]) => connector.firstSeen.get(id)! - at);
  const perInteraction = new Map<string, number>();
  for (const interactionId of connector.byDelivery.values()) perInteraction.set(interactionId, (perInteraction.get(interactionId) ?? 0) + 1);
  // The hub records "sent" once the connector's answer is back: give the last answers a moment to be recorded.
  const storedNow = async () => (await Promise.all(cases.map(async (c) => (await hub.ctx.store.caseRows(c.caseId)).filter((r) => r.entity === 'delivery')))).flat();
  let stored = await storedNow();
  for (let i = 0; i < 50 && stored.some((r) => (r.data as { status: string }).status !== 'sent'); i++) {
    await sleep(100);
    stored = await storedNow();
  }
  return {
    perSecond: connector.firstSeen.size / ((ended - started) / 1000),
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    lost: [...sentAt.keys()].filter((id) => !connector.firstSeen.has(id)).length,
    duplicates: [...perInteraction.values()].filter((n) => n > 1).length,
    sent: stored.filter((r) => (r.data as { status: string }).status === 'sent').length,
    // What did not get through, and why: "<status>: <last error>".
    unsent: [...new Set(stored.map((r) => r.data as { status: string; lastError: string | null }).filter((d) => d.status !== 'sent').map((d) => `${d.status}: ${d.lastError}`))],
    ...connector.counts(),
  };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-delivery-'));
  const org = testOrg();
  // a1 alone takes chat: the replies are all theirs to send (a reply to another's case would be held).
  const staff = org.staff.map((p) => (p.staff.id === 'a2' ? { ...p, staff: { ...p.staff, status: 'offline' as const } } : p));
  const seeded = openSqliteStore(join(dir, 'hub.sqlite'));
  await loadOrg(seeded, { ...org, staff: [...staff, person('adm1', 'admin', { status: 'offline' })] });
  await seeded.close();
  const connector = await localConnector();
  const hub = await createHub({
    store: openSqliteStore(join(dir, 'hub.sqlite')),
    port: 0,
    ingestSecret: SECRET,
    // One agent sends every reply: lift the per-connection limits a workstation has.
    requestLimits: { ...DEFAULT_REQUEST_LIMITS, maxInFlight: 256, buckets: { ...DEFAULT_REQUEST_LIMITS.buckets, write: { capacity: 10_000, perSecond: 10_000 } } },
    // Short retries, so the run with failures ends in seconds: the backoff's shape is the same.
    delivery: { pollMs: 1_000, retry: { maxAttempts: 8, baseMs: 200, capMs: 2_000 } },
  });
  try {
    const login = async (username: string) => (await post(hub, '/api/v1/auth/login', { username, password: `${username}-password-1` })) as unknown as Session;
    const admin = await login('adm1');
    await post(hub, '/api/v1/admin/connectors/chat', { url: connector.url, secret: OUT }, { Authorization: `Bearer ${admin.accessToken}` }, 'PUT');
    const agent = await login('a1');
    const healthy = await run(hub, agent, connector, 0, 'h');
    const flaky = await run(hub, agent, connector, 0.1, 'f');
    for (const [title, r] of [['healthy connector', healthy], ['10% of first attempts answered 503', flaky]] as const) {
      printTable(`bench:delivery — ${REPLIES} replies at ${RATE}/s, ${title}`, [
        ['deliveries per second', r.perSecond.toFixed(0)],
        ['reply -> connector p50', ms(r.p50)],
        ['reply -> connector p99', ms(r.p99), 'goal < 200 ms (healthy)'],
        ['503 answers (retried)', String(r.failed)],
        ['repeats the connector dropped', String(r.repeats)],
        ['lost', String(r.lost), 'goal 0'],
        ['duplicates after dropping repeats', String(r.duplicates), 'goal 0'],
        ['deliveries stored as sent', `${r.sent} of ${REPLIES}`],
        ...r.unsent.map((why): [string, string] => ['not sent', why.slice(0, 120)]),
      ]);
    }
  } finally {
    await hub.close();
    await connector.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
