/**
 * npm run bench:hub — the hub under the load of 1,000 agent workstations on loopback.
 *
 * The hub runs in a child process; this process holds the 1,000 agent sockets and a few supervisors, posts
 * signed inbound messages, and measures: accepted messages per second, delivery latency from ingestion to the
 * assigned agent and to every supervisor, a supervisor's reassignment of 100 cases as seen by every affected
 * agent, a reconnect storm of all agents, and the hub's heap per connection and RSS.
 * Knobs (environment): BENCH_AGENTS (1000), BENCH_SECONDS (10), BENCH_RATE (latency phase, msgs/s, 50).
 */
import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { Case, Interaction } from '../src/shared/domain';
import type { Change } from '../src/shared/protocol';
import { benchClient, catchUp, connect, connectAll, postInbound as post, sleep, type BenchClient as Client } from './support/benchClients';
import type { BenchHubAnswer, BenchHubReady } from './support/benchHubProcess';
import { startFlooder, type FloodCount } from '../src/server/testing/floodProcess';
import { askChild, startChildHub, stopChildHub } from './support/childHub';
import { ms, percentile, printTable } from './support/stats';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const RATE = Number(process.env.BENCH_RATE ?? 50);
const CONCURRENCY = 32;

const ask = (child: ChildProcess) => askChild<BenchHubAnswer>(child, { type: 'memory' });

async function main() {
  console.log(`bench:hub — ${process.env.BENCH_AGENTS ?? 1000} agents, ${SECONDS} s phases, on ${process.platform}/${process.arch}, node ${process.version}`);
  const { child, ready } = await startChildHub<BenchHubReady>(
    './benchHubProcess.ts',
    {},
    process.env.BENCH_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROF}`] : [],
  );
  try {
    const before = await ask(child);
    const agents: Client[] = ready.agents.map(benchClient);
    const sups: Client[] = ready.supervisors.map(benchClient);
    const t0 = performance.now();
    await connectAll(ready.url, agents);
    await connectAll(ready.url, sups);
    const connectMs = performance.now() - t0;
    await sleep(500);
    const connected = await ask(child);
    const heapPerConn = (connected.heapUsed - before.heapUsed) / (agents.length + sups.length);

    // 1. Delivery latency at a steady rate.
    const sentAt = new Map<number, number>();
    const assignee = new Map<number, string | null>();
    const toSups: number[] = [];
    /** Calls `record(n, latency)` for every benchmark message in a pushed batch. */
    const benchMessages = (record: (n: number, latency: number) => void) => (changes: Change[], at: number) => {
      for (const ch of changes) {
        if (ch.entity !== 'interaction') continue;
        const m = /^bench (\d+)$/.exec((ch.data as Interaction).text);
        const start = m ? sentAt.get(Number(m[1])) : undefined;
        if (start !== undefined) record(Number(m![1]), at - start);
      }
    };
    // Only the assigned agent's receipt counts: queue members who see a waiting case are not "the assigned agent".
    const agentReceipts = new Map<string, Map<number, number>>();
    for (const c of agents) {
      const mine = new Map<number, number>();
      agentReceipts.set(c.id, mine);
      c.onChanges = benchMessages((k, latency) => mine.set(k, latency));
    }
    for (const c of sups) c.onChanges = benchMessages((_k, latency) => toSups.push(latency));
    let n = 0;
    const pending: Promise<unknown>[] = [];
    let inFlight = 0;
    const latencyStart = performance.now();
    for (let i = 0; i < RATE * SECONDS; i++) {
      // Paced by schedule, not by sleeping a fixed interval, so slow iterations do not lower the rate.
      const due = latencyStart + (i * 1000) / RATE;
      if (due > performance.now()) await sleep(due - performance.now());
      const k = n++;
      sentAt.set(k, performance.now());
      inFlight++;
      pending.push(
        post(ready.url, ready.secret, k, `bench ${k}`).then((r) => {
          inFlight--;
          assignee.set(k, r.body.assigneeId);
        }),
      );
      // A hub that falls behind shows as latency, not as thousands of open connections.
      while (inFlight >= 64) await sleep(1);
    }
    await Promise.all(pending);
    await sleep(1000);
    const assignedLatency: number[] = [];
    for (const [k, who] of assignee) {
      const t = who ? agentReceipts.get(who)?.get(k) : undefined;
      if (t !== undefined) assignedLatency.push(t);
    }

    // 2. Throughput: as fast as the hub accepts.
    for (const c of [...agents, ...sups]) c.onChanges = undefined;
    let accepted = 0;
    let refused = 0;
    const cases: Array<{ caseId: string; assigneeId: string }> = [];
    const tpStart = performance.now();
    const tpEnd = tpStart + SECONDS * 1000;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (performance.now() < tpEnd) {
          const k = n++;
          const r = await post(ready.url, ready.secret, k, `load ${k}`);
          if (r.status === 201) {
            accepted++;
            if (r.body.assigneeId) cases.push({ caseId: r.body.caseId, assigneeId: r.body.assigneeId });
          } else refused++;
        }
      }),
    );
    const tpSeconds = (performance.now() - tpStart) / 1000;
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
    for (let i = 0; i < 200; i++) await post(ready.url, ready.secret, n++, `while away ${i}`);
    const stormStart = performance.now();
    const background = (async () => {
      for (let i = 0; i < 50; i++) {
        await post(ready.url, ready.secret, n++, `during storm ${i}`);
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
      ['connect 1,000 agents + supervisors', ms(connectMs, 0)],
      ['inbound accepted per second', `${(accepted / tpSeconds).toFixed(0)} msg/s`, `(${accepted} in ${tpSeconds.toFixed(1)} s, ${CONCURRENCY} in flight, ${refused} refused)`],
      [`delivery to assigned agent p50 / p99 (at ${RATE} msg/s)`, `${ms(percentile(assignedLatency, 50))} / ${ms(percentile(assignedLatency, 99))}`, `goal p99 < 50 ms (${assignedLatency.length} of ${sentAt.size} messages)`],
      ['delivery to every supervisor p50 / p99', `${ms(percentile(toSups, 50))} / ${ms(percentile(toSups, 99))}`, `(${toSups.length} receipts by ${sups.length} supervisors)`],
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
    await stopChildHub(child);
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
