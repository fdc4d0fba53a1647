/**
 * `npm run cluster`: the hub as a contact centre that outgrows one machine runs it: several hub nodes on a
 * private PostgreSQL and Redis, behind HAProxy on the hub's usual port. See USAGE.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO_FLAGS, DEMO_FLAGS_USAGE, demoOptions, numberFlag, parseFlags } from '../src/server/cliFlags';
import { startCluster, type HubCluster } from './support/hubCluster';
import { inOwnProcessGroup } from './support/ownProcessGroup';
import { letPostgresThrough } from './support/postgresCanReach';

const DATA_ROOT = fileURLToPath(new URL('../.data', import.meta.url));
const PG_DIR = join(DATA_ROOT, 'cluster', 'pg');

const USAGE = `Usage: npm run cluster -- [options]

  --nodes N           hub nodes (default 3)
  --port P            the balancer's port, which workstations and connectors use (default 4410)
${DEMO_FLAGS_USAGE}
                      (the simulator runs on the first node alone: it is deterministic, so every node would send
                      the same customers the same messages)

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
  const parsed = parseFlags(process.argv.slice(2), { nodes: { type: 'string' }, port: { type: 'string' }, ...DEMO_FLAGS }, USAGE, fail);
  if (!parsed) return;
  if (parsed.positionals.length > 0) fail(`unexpected argument: ${parsed.positionals[0]}`, true);
  const f = parsed.values;
  const nodes = numberFlag(fail, f.nodes, 'nodes', 3, { min: 1, max: 32, whole: true });
  const port = numberFlag(fail, f.port, 'port', 4410, { min: 1, max: 65_535, whole: true });
  // Each node checks the demo flags again; checked here too, a mistake is said once, before anything starts.
  demoOptions(f, fail);
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
