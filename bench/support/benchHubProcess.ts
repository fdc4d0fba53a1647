/**
 * The hub under load, in its own process (so the 1,000 client sockets of the benchmark do not share its event
 * loop). Started by bench/hub.bench.ts and bench/supervisor.bench.ts with `fork`; talks to them over IPC.
 * Knobs (environment): BENCH_AGENTS (1000), BENCH_SUPERVISORS (5), BENCH_QUEUES (10); BENCH_SIGN_IN, a comma
 * list of usernames who get the password BENCH_PASSWORD (for real workstation engines, which sign in).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHANNELS, LANGS, type Capacity, type Queue, type Staff } from '../../src/shared/domain';
import { createHub } from '../../src/server/hub';
import { loadOrg } from '../../src/server/loadOrg';
import { openSqliteStore } from '../../src/server/store/sqlite/sqliteStore';

export interface BenchHubReady {
  type: 'ready';
  url: string;
  secret: string;
  agents: Array<{ id: string; token: string }>;
  supervisors: Array<{ id: string; token: string }>;
  queueIds: string[];
  /** A queue with no members: cases moved there wait (the supervisor benchmark's "queue change"). */
  overflowQueueId: string;
}
export type BenchHubRequest = { type: 'memory' } | { type: 'stop' };
export type BenchHubAnswer = { type: 'memory'; heapUsed: number; rss: number; connections: number; head: number };

const agentsCount = Number(process.env.BENCH_AGENTS ?? 1000);
const supervisorsCount = Number(process.env.BENCH_SUPERVISORS ?? 5);
const queuesCount = Number(process.env.BENCH_QUEUES ?? 10);
const signIn = new Set((process.env.BENCH_SIGN_IN ?? '').split(',').filter(Boolean));
const OVERFLOW = 'q-overflow';

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'bench-hub-'));
  const dbPath = join(dir, 'hub.sqlite');
  const capacity = { ...(Object.fromEntries(CHANNELS.map((c) => [c, 20])) as Capacity) };
  const person = (id: string, role: Staff['role']): { staff: Staff; password: string | null } => ({
    staff: { id, username: id, name: id, role, skills: [], languages: ['en', 'pl', 'el'], capacity, status: 'available', statusSince: 0, storeId: null, version: 1 },
    password: signIn.has(id) ? (process.env.BENCH_PASSWORD ?? null) : null,
  });
  const agents = Array.from({ length: agentsCount }, (_, i) => person(`agent-${String(i).padStart(4, '0')}`, 'agent'));
  const supervisors = Array.from({ length: supervisorsCount }, (_, i) => person(`sup-${i}`, 'supervisor'));
  // Queues split the traffic by channel and language, as a real centre's do; members speak all three.
  const queues: Queue[] = Array.from({ length: queuesCount }, (_, q) => ({
    id: `q-${q}`,
    name: `Queue ${q}`,
    channels: [CHANNELS[q % CHANNELS.length]],
    languages: [LANGS[q % LANGS.length]],
    skills: [],
    sla: { firstResponseMinutes: 60, nextResponseMinutes: 60 },
    csatAlertThreshold: 4,
    alertStaffIds: supervisors.map((s) => s.staff.id),
    alertAckMinutes: 15,
    memberIds: agents.filter((_, i) => i % queuesCount === q).map((a) => a.staff.id),
    version: 1,
  }));
  // After q-0 and with its channels, so new work never lands here first; nobody is a member, so nothing is routed.
  queues.push({ ...queues[0], id: OVERFLOW, name: 'Overflow', memberIds: [] });
  const store = openSqliteStore(dbPath);
  await loadOrg(store, { storeLocations: [], queues, staff: [...agents, ...supervisors], kb: [], canned: [] });
  await store.close();

  const secret = 'bench-secret';
  const hub = await createHub({ dbPath, port: 0, ingestSecret: secret, accessTtlMs: 3_600_000 });
  const token = async (s: Staff) => ({ id: s.id, token: (await hub.auth.startSession(s)).accessToken });
  const ready: BenchHubReady = {
    type: 'ready',
    url: hub.url,
    secret,
    agents: await Promise.all(agents.map((a) => token(a.staff))),
    supervisors: await Promise.all(supervisors.map((s) => token(s.staff))),
    queueIds: queues.map((q) => q.id),
    overflowQueueId: OVERFLOW,
  };
  process.send!(ready);
  // The benchmark was stopped (Ctrl+C, or it failed): do not outlive it.
  process.on('disconnect', () => process.exit(0));
  process.on('message', async (msg: BenchHubRequest) => {
    if (msg.type === 'memory') {
      global.gc?.();
      const m = process.memoryUsage();
      const answer: BenchHubAnswer = { type: 'memory', heapUsed: m.heapUsed, rss: m.rss, connections: hub.connections(), head: await hub.ctx.store.head() };
      process.send!(answer);
    } else if (msg.type === 'stop') {
      await hub.close();
      rmSync(dir, { recursive: true, force: true });
      process.exit(0);
    }
  });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
