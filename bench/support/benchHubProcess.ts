/**
 * The hub under load, in its own process (so the thousands of client sockets of the benchmark do not share its
 * event loop). Started by bench/hub.bench.ts and bench/supervisor.bench.ts with `fork`; talks to them over IPC.
 * Knobs (environment): BENCH_AGENTS (1000), BENCH_SUPERVISORS (5), BENCH_QUEUES (10); BENCH_SIGN_IN, a comma
 * list of usernames who get the password BENCH_PASSWORD (for real workstation engines, which sign in).
 *
 * One of several hub nodes (bench/support/benchHubs.ts): BENCH_DATABASE, a PostgreSQL database the nodes
 * share (else a temporary SQLite file), BENCH_REDIS, BENCH_TOKEN_KEY (hex, the same for every node, so a
 * session opened on one node is good on all), and BENCH_FOLLOWER=1 for every node but the first: the first
 * loads the organisation into the empty database and opens the sessions, the others only serve.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Staff } from '../../src/shared/domain';
import { createHub } from '../../src/server/hub';
import { loadOrg } from '../../src/server/loadOrg';
import type { HubStore } from '../../src/server/store/hubStore';
import { openPgStore } from '../../src/server/store/pg/pgStore';
import { openSqliteStore } from '../../src/server/store/sqlite/sqliteStore';
import { benchOrg, OVERFLOW_QUEUE } from './benchOrg';

export interface BenchHubReady {
  type: 'ready';
  url: string;
  secret: string;
  /** Sessions of every agent and supervisor (none from a follower node). */
  agents: Array<{ id: string; token: string }>;
  supervisors: Array<{ id: string; token: string }>;
  queueIds: string[];
  /** A queue with no members: cases moved there wait (the supervisor benchmark's "queue change"). */
  overflowQueueId: string;
}
export type BenchHubRequest = { type: 'memory' } | { type: 'stop' };
export type BenchHubAnswer = { type: 'memory'; heapUsed: number; rss: number; connections: number; head: number };

/** The shared secret of the benchmark's signed inbound messages. */
export const BENCH_SECRET = 'bench-secret';

const env = process.env;
const follower = env.BENCH_FOLLOWER === '1';

/** The store: the shared PostgreSQL database, or a SQLite file in a temporary folder removed on stop. */
async function openStore(): Promise<{ store: HubStore; removeFiles(): void }> {
  if (env.BENCH_DATABASE) return { store: await openPgStore(env.BENCH_DATABASE), removeFiles: () => {} };
  const dir = mkdtempSync(join(tmpdir(), 'bench-hub-'));
  return { store: openSqliteStore(join(dir, 'hub.sqlite')), removeFiles: () => rmSync(dir, { recursive: true, force: true }) };
}

async function main() {
  const bench = benchOrg({
    agents: Number(env.BENCH_AGENTS ?? 1000),
    supervisors: Number(env.BENCH_SUPERVISORS ?? 5),
    queues: Number(env.BENCH_QUEUES ?? 10),
    signIn: new Set((env.BENCH_SIGN_IN ?? '').split(',').filter(Boolean)),
    password: env.BENCH_PASSWORD ?? null,
  });
  const { store, removeFiles } = await openStore();
  if (!follower) await loadOrg(store, bench.org);

  const tokenKey = env.BENCH_TOKEN_KEY ? Buffer.from(env.BENCH_TOKEN_KEY, 'hex') : undefined;
  const hub = await createHub({ store, port: 0, ingestSecret: BENCH_SECRET, accessTtlMs: 3_600_000, tokenKey, redisUrl: env.BENCH_REDIS });
  const sessions = (people: Staff[]) =>
    follower ? [] : Promise.all(people.map(async (s) => ({ id: s.id, token: (await hub.auth.startSession(s)).accessToken })));
  const ready: BenchHubReady = {
    type: 'ready',
    url: hub.url,
    secret: BENCH_SECRET,
    agents: await sessions(bench.agents),
    supervisors: await sessions(bench.supervisors),
    queueIds: bench.queueIds,
    overflowQueueId: OVERFLOW_QUEUE,
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
      removeFiles();
      process.exit(0);
    }
  });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
