/**
 * `npm run bench:hub -- --nodes N`: the hub on one SQLite node, on one PostgreSQL node, and as N PostgreSQL
 * nodes behind HAProxy, under the same load of agent sockets, side by side: connecting, delivery latency at a
 * steady rate, messages accepted per second, heap per connection; then one of the N nodes is killed.
 */
import { availableParallelism } from 'node:os';
import { performance } from 'node:perf_hooks';
import { benchClient, sleep, type BenchClient } from './benchClients';
import { benchEngines } from './benchEngines';
import { type BenchHubs, postgresHubs, sqliteHub } from './benchHubs';
import { acceptedPerSecond, connectEveryone, deliveryLatency, type Latency, type Throughput } from './hubPhases';
import { killNode, type NodeKillOutcome } from './nodeKill';
import { ms, percentile, printColumns } from './stats';

export interface ScaleOutOptions {
  agents: number;
  nodes: number;
  /** A PostgreSQL server to make the benchmark's databases on; else a private one. */
  databaseUrl?: string;
  /** A Redis for the nodes; else a private one. */
  redisUrl?: string;
  seconds: number;
  /** Inbound messages per second of the latency phase and of the traffic while a node is killed. */
  rate: number;
  /** Posts in flight in the throughput phase. */
  concurrency: number;
}

interface Figures {
  label: string;
  supervisors: number;
  connectMs: number;
  connections: number[];
  heapPerConnection: number;
  rss: number[];
  latency: Latency;
  throughput: Throughput;
}

const MB = 2 ** 20;
/** How long the killed node's clients get to catch up on the other nodes. */
const KILL_WAIT_MS = 30_000;
const pair = (values: number[]) => `${ms(percentile(values, 50))} / ${ms(percentile(values, 99))}`;
const perSecond = (t: Throughput) => t.accepted / t.seconds;

/**
 * Connects every agent and supervisor to `hubs`, measures, runs `andThen` with the clients still connected,
 * and stops the hubs whatever happens.
 */
async function measure(hubs: BenchHubs, o: ScaleOutOptions, next: () => number, andThen?: (clients: BenchClient[]) => Promise<void>): Promise<Figures> {
  try {
    console.log(`  ${hubs.label}: connecting ${hubs.ready.agents.length} agents and ${hubs.ready.supervisors.length} supervisors to ${hubs.url}`);
    const before = await hubs.memory();
    const agents = hubs.ready.agents.map(benchClient);
    const supervisors = hubs.ready.supervisors.map(benchClient);
    const connectMs = await connectEveryone(hubs.url, agents, supervisors);
    await sleep(500);
    const connected = await hubs.memory();
    const grown = connected.reduce((sum, m, i) => sum + m.heapUsed - before[i].heapUsed, 0);
    const connections = connected.map((m) => m.connections);
    const url = hubs.url;
    const secret = hubs.ready.secret;
    const latency = await deliveryLatency({ url, secret, agents, supervisors, rate: o.rate, seconds: o.seconds, next });
    const throughput = await acceptedPerSecond({ url, secret, seconds: o.seconds, concurrency: o.concurrency, next });
    await sleep(1000);
    await andThen?.([...agents, ...supervisors]);
    for (const c of [...agents, ...supervisors]) c.socket.disconnect();
    return {
      label: hubs.label,
      supervisors: supervisors.length,
      connectMs,
      connections,
      heapPerConnection: grown / connections.reduce((a, b) => a + b, 0),
      rss: connected.map((m) => m.rss),
      latency,
      throughput,
    };
  } finally {
    await hubs.stop();
  }
}

export async function scaleOut(o: ScaleOutOptions): Promise<void> {
  const began = performance.now();
  const engines = await benchEngines(o);
  try {
    console.log(
      `bench:hub — ${o.agents} agents on SQLite (1 node), PostgreSQL (1 node) and PostgreSQL (${o.nodes} nodes behind HAProxy); ` +
        `${o.seconds} s phases; ${engines.where}; on ${process.platform}/${process.arch}, ${availableParallelism()} cores, node ${process.version}`,
    );
    let n = 0;
    const next = () => n++;
    const env = { BENCH_AGENTS: String(o.agents) };
    const sqlite = await measure(await sqliteHub(env), o, next);
    const single = await measure(await postgresHubs({ nodes: 1, databaseUrl: await engines.freshDatabase(), redisUrl: engines.redisUrl, env }), o, next);
    const cluster = await postgresHubs({ nodes: o.nodes, databaseUrl: await engines.freshDatabase(), redisUrl: engines.redisUrl, env });
    let killed: NodeKillOutcome | undefined;
    const several = await measure(cluster, o, next, async (clients) => {
      console.log(`  ${cluster.label}: killing node ${o.nodes} (SIGKILL) under ${o.rate} msg/s`);
      killed = await killNode({ victim: cluster.nodes[o.nodes - 1].child, balancerUrl: cluster.url, secret: cluster.ready.secret, clients, rate: o.rate, next, timeoutMs: KILL_WAIT_MS });
    });
    printFigures([sqlite, single, several], o, killed!);
    console.log(`\nrun time: ${((performance.now() - began) / 1000).toFixed(0)} s`);
  } finally {
    await engines.stop();
  }
}

/** "503 x 40, no answer x 2 (why)", or nothing when every message was accepted. */
function describeRefusals(byWhy: Map<string, number>): string {
  if (byWhy.size === 0) return '';
  const counts = [...byWhy].map(([why, n]) => `${why} x ${n}`).join(', ');
  return `${counts} (in flight on the dead node, or sent to it before it left the rotation)`;
}

function printFigures(figures: Figures[], o: ScaleOutOptions, killed: NodeKillOutcome): void {
  const [sqlite, single, several] = figures;
  const ratio = (f: Figures) => `${(perSecond(f.throughput) / perSecond(sqlite.throughput)).toFixed(2)}x`;
  const row = (label: string, cell: (f: Figures) => string, goal = '') => [label, ...figures.map(cell), goal];
  printColumns('Results', ['', ...figures.map((f) => f.label), 'goal'], [
    row(`connect ${o.agents} agents + ${sqlite.supervisors} supervisors`, (f) => ms(f.connectMs, 0)),
    row('connections per node', (f) => f.connections.join(' / ')),
    row('inbound accepted per second', (f) => `${perSecond(f.throughput).toFixed(0)} msg/s`, `PostgreSQL >= 0.5x SQLite: 1 node ${ratio(single)}, ${o.nodes} nodes ${ratio(several)}`),
    row('  (accepted in the phase / refused)', (f) => `${f.throughput.accepted} / ${f.throughput.refused}`, `${o.concurrency} in flight, ${o.seconds} s`),
    row(`delivery to assigned agent p50 / p99 (at ${o.rate} msg/s)`, (f) => pair(f.latency.assigned), 'p99 < 50 ms'),
    row('  (messages assigned and received / sent)', (f) => `${f.latency.assigned.length} / ${f.latency.sent}`),
    row('delivery to every supervisor p50 / p99', (f) => pair(f.latency.toSupervisors)),
    row('hub heap per connection', (f) => `${(f.heapPerConnection / 1024).toFixed(1)} KB`, '< 20 KB'),
    row('hub RSS per node, connected', (f) => `${f.rss.map((r) => (r / MB).toFixed(0)).join(' / ')} MB`),
  ]);
  printColumns(`Node ${o.nodes} of ${several.label} killed (SIGKILL) under ${o.rate} msg/s through the balancer`, ['', '', 'goal'], [
    ['connections it held, moved to the other nodes', `${killed.moved} of ${several.connections.reduce((a, b) => a + b, 0)}`, ''],
    ['all of them connected again through the balancer and caught up', Number.isFinite(killed.caughtUpMs) ? ms(killed.caughtUpMs, 0) : `not within ${KILL_WAIT_MS / 1000} s`, '< 10 s'],
    ['gaps in the change feed after catching up (every client)', String(killed.gaps), '0'],
    ['connection attempts that failed meanwhile', String(killed.failedAttempts), '(sent to the dead node until two health checks failed)'],
    ['inbound messages not accepted', `${[...killed.notAccepted.values()].reduce((a, b) => a + b, 0)} of ${killed.posted}`, describeRefusals(killed.notAccepted)],
  ]);
}
