/**
 * The hub set-ups bench/hub.bench.ts compares, each as processes of bench/support/benchHubProcess.ts: one hub
 * on SQLite, or hub nodes on one PostgreSQL database (several: linked through Redis, behind HAProxy round
 * robin, as `npm run cluster` runs them).
 */
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { startHaproxy } from '../../src/server/cluster/haproxy';
import { startedInOrder } from '../../scripts/support/stopInOrder';
import type { BenchHubAnswer, BenchHubReady } from './benchHubProcess';
import { askChild, startChildHub, stopChildHub } from './childHub';

export interface BenchHubs {
  /** What the set-up is, for tables: "SQLite, 1 node". */
  label: string;
  /** Where workstations and connectors go: the balancer, or the one node. */
  url: string;
  /** The first node's answer: the sessions of every agent and supervisor, and the ingestion secret. */
  ready: BenchHubReady;
  nodes: ReadonlyArray<{ child: ChildProcess; url: string }>;
  /** Memory and connections of every node still running. */
  memory(): Promise<BenchHubAnswer[]>;
  /** Stops the balancer, then every node still running. Safe to call again. */
  stop(): Promise<void>;
}

const running = (child: ChildProcess) => child.exitCode === null && child.signalCode === null;

/** One hub on a temporary SQLite file. */
export async function sqliteHub(env: Record<string, string>, execArgs: string[] = []): Promise<BenchHubs> {
  const { child, ready } = await startChildHub<BenchHubReady>('./benchHubProcess.ts', env, execArgs);
  return setUp('SQLite, 1 node', ready.url, ready, [{ child, url: ready.url }], async () => void (running(child) && (await stopChildHub(child))));
}

/**
 * `nodes` hub nodes on the empty PostgreSQL database `databaseUrl`: the first loads the organisation and opens
 * the sessions, then the others start; with more than one, Redis links them and HAProxy balances in front.
 */
export async function postgresHubs(o: { nodes: number; databaseUrl: string; redisUrl: string; env: Record<string, string> }): Promise<BenchHubs> {
  const started = startedInOrder((line) => console.warn(`bench: ${line}`));
  try {
    const env = { ...o.env, BENCH_DATABASE: o.databaseUrl, BENCH_TOKEN_KEY: randomBytes(32).toString('hex'), ...(o.nodes > 1 ? { BENCH_REDIS: o.redisUrl } : {}) };
    const nodes: Array<{ child: ChildProcess; url: string }> = [];
    started.add('the hub nodes', async () => void (await Promise.all(nodes.map((n) => running(n.child) && stopChildHub(n.child)))));
    const first = await startChildHub<BenchHubReady>('./benchHubProcess.ts', env);
    nodes.push({ child: first.child, url: first.ready.url });
    const followers = await Promise.all(
      Array.from({ length: o.nodes - 1 }, () => startChildHub<BenchHubReady>('./benchHubProcess.ts', { ...env, BENCH_FOLLOWER: '1' })),
    );
    nodes.push(...followers.map((f) => ({ child: f.child, url: f.ready.url })));
    let url = first.ready.url;
    if (o.nodes > 1) {
      const balancer = await startHaproxy({ backends: nodes.map((n) => ({ host: '127.0.0.1', port: Number(new URL(n.url).port) })) });
      started.add('HAProxy', balancer.stop);
      url = balancer.url;
    }
    return setUp(`PostgreSQL, ${o.nodes} node${o.nodes > 1 ? 's' : ''}`, url, first.ready, nodes, started.stopAll);
  } catch (err) {
    await started.stopAll();
    throw err;
  }
}

function setUp(label: string, url: string, ready: BenchHubReady, nodes: BenchHubs['nodes'], stop: () => Promise<void>): BenchHubs {
  return {
    label,
    url,
    ready,
    nodes,
    memory: () => Promise.all(nodes.filter((n) => running(n.child)).map((n) => askChild<BenchHubAnswer>(n.child, { type: 'memory' }))),
    stop,
  };
}
