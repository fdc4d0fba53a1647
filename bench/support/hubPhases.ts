/**
 * Phases of bench/hub.bench.ts that every hub set-up goes through (one SQLite hub, PostgreSQL nodes behind a
 * balancer): delivery latency at a steady rate, then throughput. Inbound messages are numbered across phases
 * (`next`), each from its own new customer.
 */
import { performance } from 'node:perf_hooks';
import type { Interaction } from '../../src/shared/domain';
import type { Change } from '../../src/shared/protocol';
import { connectAll, postInbound, sleep, type BenchClient } from './benchClients';

/** Connects every agent, then every supervisor; resolves with how long it took (ms). */
export async function connectEveryone(url: string, agents: readonly BenchClient[], supervisors: readonly BenchClient[]): Promise<number> {
  const start = performance.now();
  await connectAll(url, agents);
  await connectAll(url, supervisors);
  return performance.now() - start;
}

export interface LatencyOptions {
  url: string;
  secret: string;
  agents: readonly BenchClient[];
  supervisors: readonly BenchClient[];
  /** Messages per second, for `seconds`. */
  rate: number;
  seconds: number;
  next: () => number;
}

export interface Latency {
  /** Post to the assigned agent's receipt, per message that was assigned and received. */
  assigned: number[];
  /** Post to each supervisor's receipt. */
  toSupervisors: number[];
  sent: number;
}

/**
 * Delivery latency at a steady rate: from posting a message to its receipt by the agent it was assigned to
 * (only theirs: queue members who see a waiting case are not "the assigned agent"), and by every supervisor.
 */
export async function deliveryLatency(o: LatencyOptions): Promise<Latency> {
  const sentAt = new Map<number, number>();
  const assignee = new Map<number, string | null>();
  const toSupervisors: number[] = [];
  /** Calls `record(n, latency)` for every benchmark message in a pushed batch. */
  const benchMessages = (record: (n: number, latency: number) => void) => (changes: Change[], at: number) => {
    for (const ch of changes) {
      if (ch.entity !== 'interaction') continue;
      const m = /^bench (\d+)$/.exec((ch.data as Interaction).text);
      const start = m ? sentAt.get(Number(m[1])) : undefined;
      if (start !== undefined) record(Number(m![1]), at - start);
    }
  };
  const agentReceipts = new Map<string, Map<number, number>>();
  for (const c of o.agents) {
    const mine = new Map<number, number>();
    agentReceipts.set(c.id, mine);
    c.onChanges = benchMessages((k, latency) => mine.set(k, latency));
  }
  for (const c of o.supervisors) c.onChanges = benchMessages((_k, latency) => toSupervisors.push(latency));
  const pending: Promise<unknown>[] = [];
  let inFlight = 0;
  const start = performance.now();
  for (let i = 0; i < o.rate * o.seconds; i++) {
    // Paced by schedule, not by sleeping a fixed interval, so slow iterations do not lower the rate.
    const due = start + (i * 1000) / o.rate;
    if (due > performance.now()) await sleep(due - performance.now());
    const k = o.next();
    sentAt.set(k, performance.now());
    inFlight++;
    pending.push(
      postInbound(o.url, o.secret, k, `bench ${k}`).then((r) => {
        inFlight--;
        assignee.set(k, r.body.assigneeId);
      }),
    );
    // A hub that falls behind shows as latency, not as thousands of open connections.
    while (inFlight >= 64) await sleep(1);
  }
  await Promise.all(pending);
  await sleep(1000);
  for (const c of [...o.agents, ...o.supervisors]) c.onChanges = undefined;
  const assigned: number[] = [];
  for (const [k, who] of assignee) {
    const t = who ? agentReceipts.get(who)?.get(k) : undefined;
    if (t !== undefined) assigned.push(t);
  }
  return { assigned, toSupervisors, sent: sentAt.size };
}

export interface Throughput {
  accepted: number;
  refused: number;
  seconds: number;
  /** Cases the accepted messages opened that were assigned, with their agent. */
  cases: Array<{ caseId: string; assigneeId: string }>;
}

/** Messages accepted per second with `concurrency` posts in flight, as fast as the hub takes them, for `seconds`. */
export async function acceptedPerSecond(o: { url: string; secret: string; seconds: number; concurrency: number; next: () => number }): Promise<Throughput> {
  let accepted = 0;
  let refused = 0;
  const cases: Throughput['cases'] = [];
  const start = performance.now();
  const end = start + o.seconds * 1000;
  await Promise.all(
    Array.from({ length: o.concurrency }, async () => {
      while (performance.now() < end) {
        const k = o.next();
        const r = await postInbound(o.url, o.secret, k, `load ${k}`);
        if (r.status === 201) {
          accepted++;
          if (r.body.assigneeId) cases.push({ caseId: r.body.caseId, assigneeId: r.body.assigneeId });
        } else refused++;
      }
    }),
  );
  return { accepted, refused, seconds: (performance.now() - start) / 1000, cases };
}
