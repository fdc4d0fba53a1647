/**
 * A hub node dies (SIGKILL) under steady traffic: its workstations notice the closed connection, connect again
 * through the balancer as the workstation's sync client does (full-jitter backoff from 500 ms, src/main/services/
 * sync/backoff.ts), land on the other nodes and pull what they missed. Measures how long until the last of
 * them is caught up, and whether anyone, moved or not, then sees a gap in the change feed.
 */
import type { ChildProcess } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { fullJitterDelay } from '../../src/main/services/sync/backoff';
import { catchUp, connect, sendInbound, sleep, type BenchClient } from './benchClients';

/** The workstation's reconnection policy (syncClient.ts). */
const RECONNECT = { baseMs: 500, maxMs: 30_000 };

export interface NodeKillOptions {
  victim: ChildProcess;
  balancerUrl: string;
  secret: string;
  /** Every connected client, on every node. */
  clients: readonly BenchClient[];
  /** Inbound messages per second through the balancer, before, during and after. */
  rate: number;
  next: () => number;
  /** How long to wait for the moved clients to catch up. */
  timeoutMs: number;
}

export interface NodeKillOutcome {
  /** Clients the killed node held. */
  moved: number;
  /** From the kill until the last moved client had caught up (Infinity if one did not within the timeout). */
  caughtUpMs: number;
  /** Connection attempts that failed meanwhile (the balancer still sent some to the dead node). */
  failedAttempts: number;
  /** Pushes that began above a caught-up client's cursor, over every client, from the kill to the end. */
  gaps: number;
  posted: number;
  /** Inbound messages not accepted, by HTTP status or "no answer" (lost with the node while in flight). */
  notAccepted: Map<string, number>;
}

/** Steady signed traffic until stopped, counting what was and was not accepted. */
function steadyTraffic(url: string, secret: string, rate: number, next: () => number) {
  let stopped = false;
  let posted = 0;
  const notAccepted = new Map<string, number>();
  const count = (why: string) => notAccepted.set(why, (notAccepted.get(why) ?? 0) + 1);
  const pending = new Set<Promise<void>>();
  const running = (async () => {
    const start = performance.now();
    for (let i = 0; !stopped; i++) {
      const due = start + (i * 1000) / rate;
      if (due > performance.now()) await sleep(due - performance.now());
      const k = next();
      posted++;
      const post = sendInbound(url, secret, k, `steady ${k}`)
        .then(async (res) => {
          await res.arrayBuffer();
          if (res.status !== 201) count(String(res.status));
        })
        .catch(() => void count('no answer'));
      pending.add(post);
      void post.finally(() => pending.delete(post));
    }
  })();
  return {
    async stop() {
      stopped = true;
      await running;
      await Promise.all(pending);
      return { posted, notAccepted };
    },
  };
}

export async function killNode(o: NodeKillOptions): Promise<NodeKillOutcome> {
  const traffic = steadyTraffic(o.balancerUrl, o.secret, o.rate, o.next);
  await sleep(1000);
  let failedAttempts = 0;
  const recoveries: Array<Promise<number>> = [];
  /** Connects again through the balancer until it works, then pulls; resolves with when it was caught up. */
  const recover = async (c: BenchClient) => {
    c.caughtUp = false;
    for (let attempt = 0; ; attempt++) {
      await sleep(fullJitterDelay(attempt, RECONNECT));
      try {
        await connect(o.balancerUrl, c);
        break;
      } catch {
        failedAttempts++;
        c.socket.close();
      }
    }
    await catchUp(c);
    return performance.now();
  };
  const listeners = o.clients.map((c) => {
    const socket = c.socket;
    const onDisconnect = () => void recoveries.push(recover(c));
    socket.once('disconnect', onDisconnect);
    return () => socket.off('disconnect', onDisconnect);
  });
  for (const c of o.clients) c.gaps = 0;

  const killedAt = performance.now();
  const exited = new Promise((resolve) => o.victim.once('exit', resolve));
  o.victim.kill('SIGKILL');
  await exited;
  // The balancer closes the tunnels of the dead node's connections at once; a second is plenty for them to drop.
  await sleep(1000);
  for (const off of listeners) off();
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<number>((resolve) => (timer = setTimeout(() => resolve(Number.POSITIVE_INFINITY), o.timeoutMs)));
  const caughtUpAt = await Promise.race([Promise.all(recoveries).then((times) => Math.max(killedAt, ...times)), timedOut]);
  clearTimeout(timer);
  // Traffic goes on a little after the last one is back: a gap shows in the next pushes.
  await sleep(1000);
  const { posted, notAccepted } = await traffic.stop();
  await sleep(1000);
  return {
    moved: recoveries.length,
    caughtUpMs: caughtUpAt - killedAt,
    failedAttempts,
    gaps: o.clients.reduce((sum, c) => sum + c.gaps, 0),
    posted,
    notAccepted,
  };
}
