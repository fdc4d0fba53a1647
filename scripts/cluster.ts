/**
 * `npm run cluster`: the hub as a contact centre that outgrows one machine runs it: several hub nodes on a
 * private PostgreSQL and Redis, behind HAProxy on the hub's usual port. See USAGE.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startCluster, type HubCluster } from './support/hubCluster';
import { inOwnProcessGroup } from './support/ownProcessGroup';
import { letPostgresThrough } from './support/postgresCanReach';

const DATA_ROOT = fileURLToPath(new URL('../.data', import.meta.url));
const PG_DIR = join(DATA_ROOT, 'cluster', 'pg');

const USAGE = `Usage: npm run cluster -- [options]

  --nodes N           hub nodes (default 3)
  --port P            the balancer's port, which workstations and connectors use (default 4410)
  --seed N            seed of the demo organisation created in a new, empty database (default 1)
  --no-seed           start empty instead of seeding the demo organisation
  --customers N       demo customers (default 3000)
  --interactions N    demo interactions (default 30000)
  --simulate RATE     simulated inbound messages per second, sent by the first node alone (the simulator is
                      deterministic: every node would send the same customers the same messages; default 0)

Starts a private PostgreSQL (data kept in .data/cluster/pg between runs: delete it to start over), a private
Redis, N hub nodes (npm run hub with --database and --redis, each on a free port; the first run seeds the
database) and HAProxy round robin in front of them. Workstations connect over WebSocket only, so no sticky
sessions are needed, and a token from one node works on every node.

Environment: HUB_SECRET, shared by every node (connectors sign inbound messages with it); without it one is
made and printed. Ctrl+C stops HAProxy, the nodes, Redis and PostgreSQL, in that order.`;

const hubNodes = (n: number) => `${n} hub node${n === 1 ? '' : 's'}`;

function fail(message: string, usage = false): never {
  console.error(`cluster: ${message}${usage ? `\n\n${USAGE}` : ''}`);
  process.exit(usage ? 2 : 1);
}

/** A whole-number flag of at least `min` (the CLI checks its own flags again; this says it once, not per node). */
function countFlag(value: string | undefined, name: string, fallback: number, min: number, max = Number.MAX_SAFE_INTEGER): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  const range = max === Number.MAX_SAFE_INTEGER ? `of at least ${min}` : `from ${min} to ${max}`;
  if (!Number.isInteger(n) || n < min || n > max) fail(`--${name} needs a whole number ${range}, got "${value}"`, true);
  return n;
}

function parseFlags() {
  try {
    return parseArgs({
      options: {
        nodes: { type: 'string' },
        port: { type: 'string' },
        seed: { type: 'string' },
        'no-seed': { type: 'boolean' },
        customers: { type: 'string' },
        interactions: { type: 'string' },
        simulate: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }).values;
  } catch (err) {
    return fail((err as Error).message, true);
  }
}

function printSummary(cluster: HubCluster, secretFromEnv: boolean, secret: string): void {
  const rows: Array<[string, string]> = [
    ['balancer', `${cluster.balancerUrl}   <- workstations and connectors use this one`],
    ...cluster.nodes.map((n): [string, string] => [n.name, `${n.url}   (pid ${n.pid})`]),
    ['PostgreSQL', `${cluster.postgresUrl}   (data in ${PG_DIR})`],
    ['Redis', cluster.redisUrl],
    ['HUB_SECRET', secretFromEnv ? '(from the environment)' : `${secret}   (connectors sign with it)`],
  ];
  console.log(`\ncluster: ready, ${hubNodes(cluster.nodes.length)} behind HAProxy round robin`);
  for (const [what, where] of rows) console.log(`  ${what.padEnd(10)}  ${where}`);
  if (cluster.signIns.length > 0) console.log(`\nDemo sign-ins (username / password, role):\n${cluster.signIns.join('\n')}`);
  console.log('\nCtrl+C stops everything.\n');
}

async function main(): Promise<void> {
  const f = parseFlags();
  if (f.help) {
    console.log(USAGE);
    return;
  }
  const nodes = countFlag(f.nodes, 'nodes', 3, 1, 32);
  const port = countFlag(f.port, 'port', 4410, 1, 65_535);
  for (const name of ['seed', 'customers', 'interactions'] as const) countFlag(f[name], name, 0, name === 'seed' ? 0 : 1);
  if (f.simulate !== undefined && !(Number(f.simulate) >= 0)) fail(`--simulate needs a number of at least 0, got "${f.simulate}"`, true);
  if (inOwnProcessGroup() === 'launcher') return;

  const hubArgs = [
    ...(['seed', 'customers', 'interactions'] as const).flatMap((name) => (f[name] === undefined ? [] : [`--${name}`, f[name]])),
    ...(f['no-seed'] ? ['--no-seed'] : []),
  ];
  const secret = process.env.HUB_SECRET || randomBytes(16).toString('hex');
  const abort = new AbortController();
  let cluster: HubCluster | null = null;
  let stopping = false;
  // Ctrl+C may come twice, or SIGINT and SIGTERM together (npm start sends one, the terminal the other).
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    if (!cluster) return abort.abort(new Error('stopped while starting'));
    console.log('cluster: stopping HAProxy, the hub nodes, Redis and PostgreSQL');
    await cluster.stop();
    console.log('cluster: stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());

  letPostgresThrough(DATA_ROOT, PG_DIR, (line) => console.log(`cluster: ${line}`));
  console.log(`cluster: starting PostgreSQL, Redis and ${hubNodes(nodes)} (the first run seeds the database: this takes a while)`);
  let alive = nodes;
  cluster = await startCluster({
    nodes,
    port,
    pgDir: PG_DIR,
    secret,
    hubArgs,
    firstNodeArgs: f.simulate === undefined ? [] : ['--simulate', f.simulate],
    abort: abort.signal,
    onNodeExit(node, how) {
      alive--;
      if (alive > 0) {
        console.error(`cluster: ${node.name} (pid ${node.pid}) exited (${how}); HAProxy sends its workstations to the other ${alive} node(s)`);
        return;
      }
      console.error(`cluster: ${node.name} (pid ${node.pid}) exited (${how}), the last hub node; stopping`);
      void cluster!.stop().then(() => process.exit(1));
    },
  }).catch((err: Error) => {
    if (!abort.signal.aborted) fail(err.message);
    console.log('cluster: stopped before it was ready');
    process.exit(130);
  });
  printSummary(cluster, Boolean(process.env.HUB_SECRET), secret);
}

main().catch((err: Error) => fail(err.message));
