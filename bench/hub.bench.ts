/**
 * npm run bench:hub — the hub under the load of 1,000 agent workstations on loopback (see USAGE).
 *
 * The hub runs in a child process; this process holds the 1,000 agent sockets and a few supervisors, posts
 * signed inbound messages, and measures: accepted messages per second, delivery latency from ingestion to the
 * assigned agent and to every supervisor, a supervisor's reassignment of 100 cases as seen by every affected
 * agent, a reconnect storm of all agents, and the hub's heap per connection and RSS. With `--nodes N`, the
 * same load on SQLite, on PostgreSQL and on N PostgreSQL nodes side by side instead (bench/support/scaleOut.ts).
 */
import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import type { Case } from '../src/shared/domain';
import { benchClient, catchUp, connect, postInbound as post, sleep, type BenchClient as Client } from './support/benchClients';
import type { BenchHubAnswer } from './support/benchHubProcess';
import { sqliteHub } from './support/benchHubs';
import { startFlooder, type FloodCount } from '../src/server/testing/floodProcess';
import { askChild } from './support/childHub';
import { acceptedPerSecond, connectEveryone, deliveryLatency } from './support/hubPhases';
import { scaleOut } from './support/scaleOut';
import { ms, percentile, printTable } from './support/stats';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const RATE = Number(process.env.BENCH_RATE ?? 50);
const CONCURRENCY = 32;

const USAGE = `Usage: npm run bench:hub -- [options]

  --agents N        agent sockets (default 1000, or BENCH_AGENTS)
  --nodes N         compare, under the same load: one SQLite hub, one PostgreSQL node, and N PostgreSQL nodes
                    (N >= 2) linked through Redis behind HAProxy; then kill one of the N with SIGKILL
  --database URL    PostgreSQL server for --nodes (postgres://USER@HOST:PORT/DB; implies --nodes 3): each
                    measurement gets a database of its own there, dropped after, so the role needs CREATEDB.
                    Without it, a private PostgreSQL is started for the run and removed after.
  --redis URL       Redis for --nodes (one no running hub uses); without it, a private one for the run

Without --nodes or --database: one SQLite hub, with bulk reassignment, reconnect storm and flood phases.
Knobs (environment): BENCH_SECONDS (phases, 10), BENCH_RATE (latency phase, msgs/s, 50), BENCH_PROF (a
folder for the hub's CPU profile; one SQLite hub only).`;

function fail(message: string): never {
  console.error(`bench:hub: ${message}\n\n${USAGE}`);
  process.exit(2);
}

function parseFlags() {
  try {
    return parseArgs({
      options: { agents: { type: 'string' }, nodes: { type: 'string' }, database: { type: 'string' }, redis: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
    }).values;
  } catch (err) {
    return fail((err as Error).message);
  }
}

function wholeNumber(value: string, name: string, min: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) fail(`--${name} needs a whole number of at least ${min}, got "${value}"`);
  return n;
}

const ask = (child: ChildProcess) => askChild<BenchHubAnswer>(child, { type: 'memory' });

async function main() {
  const flags = parseFlags();
  if (flags.help) return console.log(USAGE);
  const agentCount = wholeNumber(flags.agents ?? process.env.BENCH_AGENTS ?? '1000', 'agents', 1);
  if (flags.nodes !== undefined || flags.database !== undefined || flags.redis !== undefined) {
    const nodes = wholeNumber(flags.nodes ?? '3', 'nodes', 2);
    return scaleOut({ agents: agentCount, nodes, databaseUrl: flags.database, redisUrl: flags.redis, seconds: SECONDS, rate: RATE, concurrency: CONCURRENCY });
  }
  await singleHub(agentCount);
}

/** One SQLite hub: every phase, with the output the benchmark always had. */
async function singleHub(agentCount: number) {
  console.log(`bench:hub — ${agentCount} agents, ${SECONDS} s phases, on ${process.platform}/${process.arch}, node ${process.version}`);
  const hub = await sqliteHub({ BENCH_AGENTS: String(agentCount) }, process.env.BENCH_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROF}`] : []);
  const { ready } = hub;
  const child = hub.nodes[0].child;
  try {
    const before = await ask(child);
    const agents: Client[] = ready.agents.map(benchClient);
    const sups: Client[] = ready.supervisors.map(benchClient);
    const connectMs = await connectEveryone(ready.url, agents, sups);
    await sleep(500);
    const connected = await ask(child);
    const heapPerConn = (connected.heapUsed - before.heapUsed) / (agents.length + sups.length);

    // 1. Delivery latency at a steady rate.
    let n = 0;
    const next = () => n++;
    const latency = await deliveryLatency({ url: ready.url, secret: ready.secret, agents, supervisors: sups, rate: RATE, seconds: SECONDS, next });

    // 2. Throughput: as fast as the hub accepts.
    const { accepted, refused, seconds: tpSeconds, cases } = await acceptedPerSecond({ url: ready.url, secret: ready.secret, seconds: SECONDS, concurrency: CONCURRENCY, next });
    console.log(`  (throughput phase: ${cases.length} of ${accepted} cases assigned)`);
    await sleep(1000);

    // 3. Bulk reassignment of 100 cases to one agent: time until every affected agent saw every case it lost or got.
    const sup = sups[0];
    const rounds = 5;
    const perAgent: number[] = [];
    const allSeen: number[] = [];
    const byCase = new Map<string, string>();
    for (const c of cases) byCase.set(c.caseId, c.assigneeId);
    const unused = [...byCase.entries()];
    for (let r = 0; r < rounds; r++) {
      const target = agents[(r * 97) % agents.length].id;
      const picked: Array<[string, string]> = [];
      const owners = new Set<string>();
      while (picked.length < 100 && unused.length) {
        const [caseId, owner] = unused.pop()!;
        if (owner === target || owners.has(owner)) continue;
        owners.add(owner);
        picked.push([caseId, owner]);
      }
      if (picked.length === 0) break;
      const expect = new Map<string, Set<string>>();
      for (const [caseId, owner] of picked) (expect.get(owner) ?? expect.set(owner, new Set()).get(owner)!).add(caseId);
      expect.set(target, new Set(picked.map(([c]) => c)));
      const done = new Map<string, number>();
      const start = performance.now();
      const finished = new Promise<void>((resolve) => {
        for (const c of agents) {
          const want = expect.get(c.id);
          if (!want) continue;
          c.onChanges = (changes, at) => {
            for (const ch of changes) if (ch.entity === 'case' && (ch.data as Case).assigneeId === target) want.delete(ch.id);
            if (want.size === 0 && !done.has(c.id)) {
              done.set(c.id, at - start);
              if (done.size === expect.size) resolve();
            }
          };
        }
      });
      const res = await sup.socket.emitWithAck('mutate', { mutationId: randomUUID(), type: 'supervisor.reassign', caseIds: picked.map(([c]) => c), to: { staffId: target } });
      if (!res.ok) throw new Error(`reassign refused: ${res.message}`);
      await Promise.race([finished, sleep(10_000)]);
      perAgent.push(...done.values());
      allSeen.push(Math.max(...done.values()));
      for (const c of agents) c.onChanges = undefined;
      for (const [caseId] of picked) byCase.set(caseId, target);
    }

    // 4. Reconnect storm: all agents drop, traffic goes on, all come back at once and catch up.
    for (const c of agents) {
      c.socket.disconnect();
      c.caughtUp = false;
    }
    for (let i = 0; i < 200; i++) await post(ready.url, ready.secret, next(), `while away ${i}`);
    const stormStart = performance.now();
    const background = (async () => {
      for (let i = 0; i < 50; i++) {
        await post(ready.url, ready.secret, next(), `during storm ${i}`);
        await sleep(20);
      }
    })();
    await Promise.all(agents.map((c) => connect(ready.url, c).then(() => catchUp(c))));
    const stormMs = performance.now() - stormStart;
    await background;
    await sleep(1000);
    const gaps = agents.reduce((s, c) => s + c.gaps, 0);
    const after = await ask(child);

    // 5. One socket floods: other agents' request latency with and without it, in the same run.
    const victims = agents.slice(1, 1 + VICTIMS);
    const quiet = await victimLatency(victims);
    const floods: Array<[string, number[], FloodCount]> = [];
    for (const [label, who, event, payload] of [
      ['sync:pull {cursor 0, limit 2000} by an agent', agents[0], 'sync:pull', { cursor: 0, limit: 2000 }],
      ['audit:query by a supervisor', sups[1], 'audit:query', { limit: 100 }],
    ] as const) {
      const flooder = await startFlooder({ url: ready.url, token: who.token, event, payload });
      await sleep(500);
      const during = await victimLatency(victims);
      floods.push([label, during, await flooder.stop()]);
    }

    printTable('Results', [
      [`connect ${agentCount.toLocaleString('en')} agents + supervisors`, ms(connectMs, 0)],
      ['inbound accepted per second', `${(accepted / tpSeconds).toFixed(0)} msg/s`, `(${accepted} in ${tpSeconds.toFixed(1)} s, ${CONCURRENCY} in flight, ${refused} refused)`],
      [`delivery to assigned agent p50 / p99 (at ${RATE} msg/s)`, `${ms(percentile(latency.assigned, 50))} / ${ms(percentile(latency.assigned, 99))}`, `goal p99 < 50 ms (${latency.assigned.length} of ${latency.sent} messages)`],
      ['delivery to every supervisor p50 / p99', `${ms(percentile(latency.toSupervisors, 50))} / ${ms(percentile(latency.toSupervisors, 99))}`, `(${latency.toSupervisors.length} receipts by ${sups.length} supervisors)`],
      ['bulk reassign of 100 cases, per affected agent p50 / p99', `${ms(percentile(perAgent, 50))} / ${ms(percentile(perAgent, 99))}`, `(${allSeen.length} rounds, ~101 agents each)`],
      ['bulk reassign of 100 cases, seen by all (worst round)', ms(Math.max(...allSeen)), 'goal < 250 ms'],
      ['reconnect storm: all agents caught up', ms(stormMs, 0), `goal < 10 s; gaps found: ${gaps}`],
      ['hub heap per connection', `${(heapPerConn / 1024).toFixed(1)} KB`, 'goal < 20 KB'],
      ['hub RSS (connected / after run)', `${(connected.rss / 2 ** 20).toFixed(0)} / ${(after.rss / 2 ** 20).toFixed(0)} MB`, `heap ${(after.heapUsed / 2 ** 20).toFixed(0)} MB, change log ${after.head} entries`],
      [`${VICTIMS} other agents' pulls p50 / p99, no flood (${VICTIM_RATE}/s each)`, `${ms(percentile(quiet, 50))} / ${ms(percentile(quiet, 99))}`, `(${quiet.length} requests)`],
      ...floods.map(([label, during, count]): [string, string, string] => [
        `  same, while one socket floods ${label}`,
        `${ms(percentile(during, 50))} / ${ms(percentile(during, 99))}`,
        `p99 ${(percentile(during, 99) / percentile(quiet, 99)).toFixed(2)}x the quiet one (goal < 2x); flood: ${count.sent} frames, ${count.answered} answered, ${count.refused} refused, closed ${count.closed} times`,
      ]),
    ]);
    for (const c of [...agents, ...sups]) c.socket.disconnect();
  } finally {
    await hub.stop();
  }
}

/**
 * Other agents' experience: round trips of small pulls, each agent at a steady rate inside its own request
 * budget, for the length of a phase. Several agents, so that the p99 rests on enough requests.
 */
const VICTIMS = 5;
const VICTIM_RATE = 15;
async function victimLatency(clients: readonly Client[]): Promise<number[]> {
  const out: number[] = [];
  const started = performance.now();
  await Promise.all(
    clients.map(async (c, k) => {
      for (let i = 0; i < VICTIM_RATE * SECONDS; i++) {
        const due = started + ((i + k / clients.length) * 1000) / VICTIM_RATE;
        if (due > performance.now()) await sleep(due - performance.now());
        const t0 = performance.now();
        const ack = await c.socket.emitWithAck('sync:pull', { cursor: c.cursor, limit: 100 });
        if (!ack.ok) throw new Error(`victim pull refused: ${ack.message}`);
        out.push(performance.now() - t0);
      }
    }),
  );
  return out;
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
