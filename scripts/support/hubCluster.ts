import { startHaproxy } from '../../src/server/cluster/haproxy';
import { freePort, portIsFree } from '../../src/server/cluster/ports';
import { startPostgres } from '../../src/server/cluster/postgres';
import { startRedis } from '../../src/server/cluster/redis';
import { waitForHealth } from './hubHealth';
import { type HubNode, spawnHubNode } from './hubNode';
import { signInCatcher } from './signIns';
import { startedInOrder } from './stopInOrder';

export interface ClusterOptions {
  nodes: number;
  /** The balancer's port: the one workstations and connectors use. */
  port: number;
  /** PostgreSQL's data folder, kept between runs. */
  pgDir: string;
  /** HUB_SECRET: every node must check connectors' signatures with the same one. */
  secret: string;
  /** CLI flags every node gets (the seed and size of the demo organisation). */
  hubArgs: string[];
  /** CLI flags the first node alone gets (`--simulate`: one simulator for the whole cluster). */
  firstNodeArgs: string[];
  /** Stops a start still under way (Ctrl+C while the first node seeds the database). */
  abort: AbortSignal;
  /** Told when a node exits while the cluster runs, not while it stops. */
  onNodeExit(node: HubNode, how: string): void;
}

export interface HubCluster {
  balancerUrl: string;
  nodes: readonly HubNode[];
  postgresUrl: string;
  redisUrl: string;
  /** The demo sign-ins, one person a line (printed by every node, kept once). */
  signIns: readonly string[];
  /** Stops HAProxy, the nodes, Redis, then PostgreSQL. Safe to call again. */
  stop(): Promise<void>;
}

/** `n` loopback ports nobody listens on right now, all different. */
async function freePorts(n: number): Promise<number[]> {
  const ports = new Set<number>();
  while (ports.size < n) ports.add(await freePort());
  return [...ports];
}

/** Settles with the abort's rejection, for racing a long wait against Ctrl+C. */
const aborted = (signal: AbortSignal) =>
  new Promise<never>((_, reject) => {
    signal.throwIfAborted();
    signal.addEventListener('abort', () => reject(signal.reason as Error), { once: true });
  });

/**
 * Starts the hub as several nodes: a private PostgreSQL and Redis, `nodes` CLI hub nodes on free ports (all
 * started at once: the first to claim an empty database seeds it while the others wait), then HAProxy round
 * robin in front once every node answers. A failure stops whatever had started, in order, and is thrown.
 */
export async function startCluster(o: ClusterOptions): Promise<HubCluster> {
  if (!(await portIsFree(o.port))) throw new Error(`port ${o.port} is in use: pass --port with another one`);
  const started = startedInOrder((line) => console.warn(`cluster: ${line}`));
  let stopping = false;
  try {
    const postgres = await startPostgres({ dir: o.pgDir, name: 'hub' });
    started.add('PostgreSQL', postgres.stop);
    o.abort.throwIfAborted();
    const redis = await startRedis();
    started.add('Redis', redis.stop);
    o.abort.throwIfAborted();

    const signIns = signInCatcher();
    const env = { ...process.env, HUB_SECRET: o.secret };
    const ports = await freePorts(o.nodes);
    const nodes = ports.map((port, i) =>
      spawnHubNode({
        name: `node${i + 1}`,
        port,
        // Customers reach the nodes through the balancer: survey links and the web chat widget name it, and limits
        // per address take the address it forwards.
        args: ['--database', postgres.url, '--redis', redis.url, '--public-url', `http://127.0.0.1:${o.port}`, '--trust-proxy', ...o.hubArgs, ...(i === 0 ? o.firstNodeArgs : [])],
        env,
        filter: signIns.forNode(),
      }),
    );
    started.add('the hub nodes', async () => void (await Promise.all(nodes.map((n) => n.stop()))));
    await Promise.race([Promise.all(nodes.map((n) => n.ready())), aborted(o.abort)]);

    const balancer = await startHaproxy({ port: o.port, backends: ports.map((port) => ({ host: '127.0.0.1', port })) });
    started.add('HAProxy', balancer.stop);
    await waitForHealth(balancer.url, 'HAProxy', () => false, 10_000);

    for (const node of nodes) void node.exited.then((how) => stopping || o.onNodeExit(node, how));
    return {
      balancerUrl: balancer.url,
      nodes,
      postgresUrl: postgres.url,
      redisUrl: redis.url,
      get signIns() {
        return signIns.lines();
      },
      stop: () => {
        stopping = true;
        return started.stopAll();
      },
    };
  } catch (err) {
    stopping = true;
    await started.stopAll();
    throw err;
  }
}
