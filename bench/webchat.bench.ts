/**
 * npm run bench:webchat — many web chat visitors writing at once, next to one hub.
 *
 * The hub (SQLite) runs in a child process of its own, so its memory is its own; this process plays the visitors
 * (BENCH_VISITORS, default 1,000: each a session started over HTTP and a Socket.IO connection to `/visitor`,
 * each writing every BENCH_EVERY_MS, default 5,000, with jitter, for BENCH_SECONDS, default 60) and one agent
 * who sees every case live and answers one visitor message in BENCH_REPLY_EVERY (default 4).
 *
 * Prints: visitor -> agent (the visitor's `visitor:send` to the agent's workstation connection receiving the
 * message) and agent -> visitor (the agent's reply mutation to the visitor's widget receiving it) p50/p99, goal
 * p99 < 250 ms; messages lost; and the hub's memory per connected visitor (after a full GC, against the same hub
 * before the visitors came: the baseline of this run).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { io, type Socket } from 'socket.io-client';
import type { Interaction } from '../src/shared/domain';
import type { Ack, Change, MutationResult, Session, VisitorAck, VisitorMessage, WebchatSession } from '../src/shared/protocol';
import { createHub } from '../src/server/hub';
import { loadOrg } from '../src/server/loadOrg';
import { DEFAULT_REQUEST_LIMITS } from '../src/server/realtime/requestBudget';
import { openSqliteStore } from '../src/server/store/sqlite/sqliteStore';
import { person, testOrg } from '../src/server/testing/testOrg';
import { WEBCHAT_SETTINGS_KEY } from '../src/server/webchat/webchatSettings';
import { ms, percentile, printTable } from './support/stats';

const VISITORS = Number(process.env.BENCH_VISITORS ?? 1_000);
const EVERY_MS = Number(process.env.BENCH_EVERY_MS ?? 5_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 60);
const REPLY_EVERY = Number(process.env.BENCH_REPLY_EVERY ?? 4);
const ORIGIN = 'https://shop.bench.example';
const SECRET = 'bench-ingest-secret';
const sleep = (t: number) => new Promise((r) => setTimeout(r, t));

interface HubMemory {
  rss: number;
  /** JavaScript objects and the buffers they hold, after a full GC. */
  heap: number;
}
type FromHub = { url: string } | { memory: HubMemory };

/** The child: one hub over a fresh SQLite file, a1 taking every chat, the bench's shop origin allowed. */
async function runHub(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-webchat-'));
  const org = testOrg();
  const staff = org.staff.map((p) =>
    p.staff.id === 'a1' ? { ...p, staff: { ...p.staff, capacity: { ...p.staff.capacity, chat: 1_000_000 } } } : p.staff.id === 'a2' ? { ...p, staff: { ...p.staff, status: 'offline' as const } } : p,
  );
  const seeded = openSqliteStore(join(dir, 'hub.sqlite'));
  await loadOrg(seeded, { ...org, staff: [...staff, person('adm1', 'admin', { status: 'offline' })] });
  await seeded.write((tx) => tx.setMeta(WEBCHAT_SETTINGS_KEY, JSON.stringify({ allowedOrigins: [ORIGIN], updatedAt: 0 })));
  await seeded.close();
  const hub = await createHub({
    dbPath: join(dir, 'hub.sqlite'),
    port: 0,
    ingestSecret: SECRET,
    // The visitors come through one address here; behind a balancer each brings its own (X-Forwarded-For).
    trustProxy: true,
    // One agent answers for a whole contact centre: lift the per-connection limits a workstation has.
    requestLimits: { ...DEFAULT_REQUEST_LIMITS, maxInFlight: 100_000, buckets: { ...DEFAULT_REQUEST_LIMITS.buckets, write: { capacity: 10_000, perSecond: 10_000 } } },
  });
  const gc = (globalThis as { gc?: () => void }).gc;
  process.on('message', (m: string) => {
    if (m === 'memory') {
      gc?.();
      const { rss, heapUsed, external } = process.memoryUsage();
      process.send!({ memory: { rss, heap: heapUsed + external } } satisfies FromHub);
    }
    if (m === 'stop') void hub.close().then(() => rmSync(dir, { recursive: true, force: true })).then(() => process.exit(0));
  });
  process.send!({ url: hub.url } satisfies FromHub);
}

function startHubProcess(): Promise<{ child: ChildProcess; url: string; memory(): Promise<HubMemory> }> {
  const child = fork(fileURLToPath(import.meta.url), [], { env: { ...process.env, BENCH_WEBCHAT_ROLE: 'hub' }, execArgv: ['--import', 'tsx', '--expose-gc'] });
  const memory = () =>
    new Promise<HubMemory>((resolve) => {
      const on = (m: FromHub) => {
        if ('memory' in m) {
          child.off('message', on);
          resolve(m.memory);
        }
      };
      child.on('message', on);
      child.send('memory');
    });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the hub exited (${code}) before it listened`)));
    child.on('message', (m: FromHub) => {
      if ('url' in m) resolve({ child, url: m.url, memory });
    });
  });
}

async function postJson<T>(url: string, body: unknown, headers: Record<string, string> = {}): Promise<T> {
  const res = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`${url}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** A visitor: a session from an address of its own, its widget's connection, what it sent and received. */
interface Visitor {
  id: string;
  socket: Socket;
  sent: number;
}

async function connectVisitor(url: string, n: number, onAgentMessage: (m: VisitorMessage) => void): Promise<Visitor> {
  const address = `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
  const session = await postJson<WebchatSession>(`${url}/api/v1/webchat/sessions`, { queue: 'q-chat', origin: ORIGIN, lang: 'en' }, { 'X-Forwarded-For': address });
  const socket = io(`${url}/visitor`, { transports: ['websocket'], auth: { token: session.token }, reconnection: false, forceNew: true });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  socket.on('message', (m: VisitorMessage) => {
    if (m.from === 'agent') onAgentMessage(m);
  });
  await socket.timeout(30_000).emitWithAck('visitor:history', { after: null });
  return { id: session.visitorId, socket, sent: 0 };
}

async function main(): Promise<void> {
  const hub = await startHubProcess();
  try {
    const login = (username: string) => postJson<Session>(`${hub.url}/api/v1/auth/login`, { username, password: `${username}-password-1` });
    const agentSession = await login('a1');
    const agent = io(hub.url, { transports: ['websocket'], auth: { token: agentSession.accessToken }, reconnection: false, forceNew: true });
    await new Promise<void>((resolve, reject) => {
      agent.once('hello', () => resolve());
      agent.once('connect_error', reject);
    });
    const sentAt = new Map<string, number>();
    const toAgent: number[] = [];
    const replySentAt = new Map<string, number>();
    const toVisitor: number[] = [];
    let inbound = 0;
    const visitors: Visitor[] = [];
    const onAgentMessage = (m: VisitorMessage) => {
      const at = replySentAt.get(m.text);
      if (at !== undefined) {
        toVisitor.push(performance.now() - at);
        replySentAt.delete(m.text);
      }
    };
    agent.on('changes', (live: { changes: Change[] }) => {
      const now = performance.now();
      for (const change of live.changes) {
        if (change.entity !== 'interaction' || change.op !== 'upsert') continue;
        const i = change.data as Interaction;
        const at = i.direction === 'inbound' ? sentAt.get(i.text) : undefined;
        if (at === undefined) continue;
        toAgent.push(now - at);
        sentAt.delete(i.text);
        if (++inbound % REPLY_EVERY === 0) void reply(i);
      }
    });
    let replyFailures = 0;
    async function reply(i: Interaction): Promise<void> {
      const text = `reply ${randomUUID()}`;
      replySentAt.set(text, performance.now());
      const ack = (await agent
        .timeout(30_000)
        .emitWithAck('mutate', { mutationId: randomUUID(), type: 'reply', caseId: i.caseId, channel: 'chat', text, basedOn: { lastMessageId: i.id } } as never)
        .catch((err: Error) => ({ ok: false, message: err.message }))) as Ack<MutationResult>;
      if (!ack.ok || !ack.value.ok || ack.value.outcome !== 'applied') {
        replyFailures++;
        replySentAt.delete(text);
      }
    }

    // Warm the hub up (its first session, message and reply load and compile code), then its memory without
    // visitors: the baseline.
    const warm = await connectVisitor(hub.url, 0, onAgentMessage);
    const warmText = `warm-up ${randomUUID()}`;
    sentAt.set(warmText, performance.now());
    await warm.socket.timeout(30_000).emitWithAck('visitor:send', { clientId: randomUUID(), text: warmText });
    for (let i = 0; i < 100 && sentAt.has(warmText); i++) await sleep(50);
    warm.socket.disconnect();
    toAgent.length = 0;
    inbound = 0;
    await sleep(2_000);
    const before = await hub.memory();

    const connectStarted = performance.now();
    for (let i = 0; i < VISITORS; i += 50) {
      visitors.push(...(await Promise.all(Array.from({ length: Math.min(50, VISITORS - i) }, (_, k) => connectVisitor(hub.url, i + k + 1, onAgentMessage)))));
    }
    const connectSeconds = (performance.now() - connectStarted) / 1000;
    await sleep(1_000);
    const connected = await hub.memory();

    // Each visitor writes every EVERY_MS, at a random phase, for SECONDS.
    let refused = 0;
    const end = performance.now() + SECONDS * 1000;
    await Promise.all(visitors.map(async (v) => {
      await sleep(Math.random() * EVERY_MS);
      while (performance.now() < end) {
        const text = `question ${v.id} ${++v.sent} ${randomUUID().slice(0, 8)}`;
        sentAt.set(text, performance.now());
        const ack = (await v.socket
          .timeout(30_000)
          .emitWithAck('visitor:send', { clientId: randomUUID(), text })
          .catch((err: Error) => ({ ok: false, message: err.message }))) as VisitorAck<unknown>;
        if (!ack.ok) {
          refused++;
          sentAt.delete(text);
        }
        await sleep(EVERY_MS * (0.8 + Math.random() * 0.4));
      }
    }));
    // What is still on its way gets a few seconds.
    for (let i = 0; i < 50 && (sentAt.size > 0 || replySentAt.size > 0); i++) await sleep(100);
    const sent = visitors.reduce((s, v) => s + v.sent, 0);
    const perVisitor = (k: keyof HubMemory) => (connected[k] - before[k]) / VISITORS / 1024;

    printTable(`bench:webchat — ${VISITORS} visitors, each writing every ${EVERY_MS / 1000} s for ${SECONDS} s; one agent answering 1 in ${REPLY_EVERY}`, [
      ['visitors connected', `${visitors.filter((v) => v.socket.connected).length} (sessions + sockets in ${connectSeconds.toFixed(1)} s)`],
      ['visitor messages sent', `${sent} (${(sent / SECONDS).toFixed(0)}/s), ${refused} refused`],
      ['visitor -> agent p50', ms(percentile(toAgent, 50))],
      ['visitor -> agent p99', ms(percentile(toAgent, 99)), 'goal < 250 ms'],
      ['visitor messages the agent never got', String(sentAt.size)],
      ['agent replies', `${toVisitor.length + replySentAt.size} (${replyFailures} not applied)`],
      ['agent -> visitor p50', ms(percentile(toVisitor, 50))],
      ['agent -> visitor p99', ms(percentile(toVisitor, 99)), 'goal < 250 ms'],
      ['replies the visitor never got', String(replySentAt.size)],
      ['hub RSS without visitors (baseline)', `${(before.rss / 1048576).toFixed(0)} MiB`],
      ['hub RSS with the visitors', `${(connected.rss / 1048576).toFixed(0)} MiB`],
      ['hub memory per visitor (RSS)', `${perVisitor('rss').toFixed(1)} KiB`],
      ['hub memory per visitor (JS heap + buffers)', `${perVisitor('heap').toFixed(1)} KiB`],
    ]);
    for (const v of visitors) v.socket.disconnect();
    agent.disconnect();
  } finally {
    hub.child.send('stop');
    await new Promise((r) => hub.child.once('exit', r));
  }
}

if (process.env.BENCH_WEBCHAT_ROLE === 'hub') await runHub();
else await main();
