import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createHub } from './hub';
import { loadOrg } from './loadOrg';
import { generateDemoOrg } from './seed/demoOrg';
import { createSimulator } from './simulator/simulator';
import { identityOf, refreshedSource } from './simulator/simulatorSource';
import { openSqliteStore } from './store/sqlite/sqliteStore';

const USAGE = `Usage: npm run hub -- [options]

  --port P            port to listen on (default 4410; 0 picks a free one)
  --host H            address to bind (default 127.0.0.1)
  --data DIR          data folder with the SQLite file (default .data/hub; created on first run)
  --seed N            seed of the demo organisation created on first run (default 1)
  --no-seed           start empty instead of seeding the demo organisation
  --customers N       demo customers (default 3000)
  --interactions N    demo interactions (default 30000)
  --simulate RATE     simulated inbound messages per second (default 0: none)

Environment: HUB_SECRET, the shared secret connectors sign inbound messages with
(X-Signature: sha256=<hex HMAC-SHA256 of the body>). Without it a random one is made and printed.`;

interface DataInfo {
  seed: number | null;
  createdAt: number;
}

function fail(message: string): never {
  console.error(`hub: ${message}\n\n${USAGE}`);
  process.exit(2);
}

function numberFlag(value: string | undefined, name: string, fallback: number, min = 0): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n < min) fail(`--${name} needs a number of at least ${min}, got "${value}"`);
  return n;
}

async function main(): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        data: { type: 'string' },
        seed: { type: 'string' },
        'no-seed': { type: 'boolean' },
        customers: { type: 'string' },
        interactions: { type: 'string' },
        simulate: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    });
  } catch (err) {
    fail((err as Error).message);
  }
  const f = parsed.values;
  if (f.help) {
    console.log(USAGE);
    return;
  }
  const port = numberFlag(f.port, 'port', 4410);
  const rate = numberFlag(f.simulate, 'simulate', 0);
  const dataDir = resolve(f.data ?? '.data/hub');
  // The folder holds customer records and the key that signs sessions: its owner's only.
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  chmodSync(dataDir, 0o700);
  const dbPath = join(dataDir, 'hub.sqlite');
  const infoPath = join(dataDir, 'hub.json');
  const keyPath = join(dataDir, 'token.key');

  const fresh = !existsSync(dbPath);
  const info: DataInfo = fresh
    ? { seed: f['no-seed'] ? null : numberFlag(f.seed, 'seed', 1), createdAt: Date.now() }
    : (JSON.parse(readFileSync(infoPath, 'utf8')) as DataInfo);
  if (!fresh && f.seed !== undefined && Number(f.seed) !== info.seed) {
    console.warn(`hub: ${dataDir} was seeded with --seed ${info.seed}; --seed ${f.seed} applies only to a new data folder`);
  }
  const org =
    info.seed === null
      ? null
      : generateDemoOrg({
          seed: info.seed,
          customers: numberFlag(f.customers, 'customers', 3000, 1),
          interactions: numberFlag(f.interactions, 'interactions', 30000, 1),
          now: info.createdAt,
        });

  if (fresh) {
    const store = openSqliteStore(dbPath);
    if (org) {
      const started = Date.now();
      process.stdout.write('hub: creating the demo organisation');
      await loadOrg(store, { ...org, batches: org.batches(1000) }, () => process.stdout.write('.'));
      process.stdout.write(` done in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
    }
    await store.close();
    writeFileSync(infoPath, JSON.stringify(info, null, 2), { mode: 0o600 });
  }
  // Workstation sessions survive hub restarts: the token key lives with the data, readable by its owner only.
  if (!existsSync(keyPath)) writeFileSync(keyPath, randomBytes(32).toString('hex'), { mode: 0o600 });
  const tokenKey = Buffer.from(readFileSync(keyPath, 'utf8').trim(), 'hex');

  const secret = process.env.HUB_SECRET || randomBytes(16).toString('hex');
  const hub = await createHub({ dbPath, port, host: f.host, ingestSecret: secret, tokenKey }).catch((err: NodeJS.ErrnoException) =>
    fail(err.code === 'EADDRINUSE' ? `port ${port} is in use: pass --port with another one (or 0)` : err.message),
  );

  console.log(`hub: listening on ${hub.url} (data in ${dataDir})`);
  if (!process.env.HUB_SECRET) console.log(`hub: HUB_SECRET not set; connectors must sign with this one: ${secret}`);
  if (org) {
    console.log('hub: demo sign-ins (username / password, role):');
    for (const { staff, password } of org.staff) console.log(`  ${staff.username.padEnd(14)} ${password.padEnd(20)} ${staff.role}${staff.storeId ? ` @ ${staff.storeId}` : ''}`);
  }

  const store = hub.ctx.store;
  const source =
    rate > 0
      ? refreshedSource(async () => {
          const known = (await store.sampleCustomers(200)).map(identityOf);
          const cases = await store.casesAwaitingSurvey(50);
          const customers = await Promise.all(cases.map((c) => store.get('customer', c.customerId)));
          const awaiting = cases.flatMap((c, i) => {
            const customer = customers[i];
            return customer ? [{ caseId: c.id, channel: c.lastChannel, from: identityOf(customer) }] : [];
          });
          return { known, awaiting };
        })
      : null;
  await source?.ready;
  const simulator =
    source
      ? createSimulator({
          url: hub.url,
          secret,
          rate,
          seed: info.seed ?? 1,
          source,
          onError: (err) => console.warn(`hub: simulator: ${err.message}`),
        })
      : null;
  if (simulator) {
    simulator.start();
    console.log(`hub: simulating ${rate} inbound message(s) per second`);
  }

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    console.log('hub: stopping');
    source?.stop();
    await simulator?.stop();
    await hub.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err) => {
  console.error('hub: failed to start:', err);
  process.exit(1);
});
