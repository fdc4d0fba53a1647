/**
 * `npm run bench:reports`: a supervisor's 90-day report (day series in Europe/Athens, compared with the 90 days
 * before) over the demo organisation at scale (BENCH_CUSTOMERS customers, BENCH_INTERACTIONS interactions, all in
 * the ~60 days before now), on a SQLite hub file and then on PostgreSQL (BENCH_POSTGRES=0 leaves it out). For each
 * engine: the median of BENCH_RUNS runs beside a plain COUNT of the same interactions on the same store (the floor:
 * what reading the period at all costs), and the event loop's longest stall while reports run (the hub's other
 * requests wait that long at worst). Goal: under 2 s.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, totalmem, tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { startPostgres } from '../src/server/cluster/postgres';
import { loadOrg } from '../src/server/loadOrg';
import { computeReport } from '../src/server/reports/computeReport';
import { generateDemoOrg } from '../src/server/seed/demoOrg';
import type { HubStore } from '../src/server/store/hubStore';
import { openPgStore } from '../src/server/store/pg/pgStore';
import { openSqliteStore } from '../src/server/store/sqlite/sqliteStore';
import { ms, percentile, printColumns } from './support/stats';

const CUSTOMERS = Number(process.env.BENCH_CUSTOMERS ?? 100_000);
const INTERACTIONS = Number(process.env.BENCH_INTERACTIONS ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const DAY = 86_400_000;
const GOAL_MS = 2_000;

const now = Date.now();
const org = generateDemoOrg({ seed: 1, customers: CUSTOMERS, interactions: INTERACTIONS, now });
const names = new Map(org.staff.map((s) => [s.staff.id, s.staff.name]));
const from = now - 90 * DAY;
const to = now;

/**
 * Seeds `store`, then times the report and the COUNT on it: one row of the table. `settle` runs between the two
 * (PostgreSQL's VACUUM ANALYZE: what autovacuum does to a table soon after a bulk load, without which every
 * index-only read checks the table's rows and the planner knows nothing of the data).
 */
async function measure(engine: string, store: HubStore, settle = async () => {}): Promise<string[]> {
  let t = performance.now();
  await loadOrg(store, { ...org, staff: org.staff.map((s) => ({ ...s, password: null })), batches: org.batches(2_000) });
  await settle();
  const seedS = (performance.now() - t) / 1000;

  const count = { sql: 'SELECT count(*) FROM interactions WHERE created_at >= ? AND created_at < ?', values: [from, to] };
  const inPeriod = Number((await store.reportRows(count))[0][0]);
  const countMs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    t = performance.now();
    await store.reportRows(count);
    countMs.push(performance.now() - t);
  }

  const query = { from, to, granularity: 'day' as const, timeZone: 'Europe/Athens', compare: true };
  const run = () => computeReport(store, query, { now, nameOf: (id) => names.get(id) ?? null });
  const first = await run(); // warm-up: statements compiled, pages cached
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  const reportMs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    t = performance.now();
    await run();
    reportMs.push(performance.now() - t);
  }
  delay.disable();

  const median = percentile(reportMs, 50);
  const countMedian = percentile(countMs, 50);
  return [
    engine,
    `${seedS.toFixed(0)} s`,
    inPeriod.toLocaleString('en'),
    first.current.cases.created.toLocaleString('en'),
    ms(median, 0),
    `${ms(Math.min(...reportMs), 0)} – ${ms(Math.max(...reportMs), 0)}`,
    ms(countMedian, 0),
    `${(median / countMedian).toFixed(1)}×`,
    ms(delay.max / 1e6, 0),
    median < GOAL_MS ? 'met' : 'NOT met',
  ];
}

async function main(): Promise<void> {
  const rows: string[][] = [];
  const dir = mkdtempSync(join(tmpdir(), 'bench-reports-'));
  try {
    const sqlite = openSqliteStore(join(dir, 'hub.sqlite'));
    try {
      rows.push(await measure('SQLite', sqlite));
    } finally {
      await sqlite.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  if (process.env.BENCH_POSTGRES !== '0') {
    const postgres = await startPostgres({ name: 'benchreports' });
    try {
      const url = await postgres.createDatabase('reports');
      const store = await openPgStore(url);
      const vacuum = async () => {
        const client = new pg.Client({ connectionString: url });
        await client.connect();
        try {
          await client.query('VACUUM ANALYZE');
        } finally {
          await client.end();
        }
      };
      try {
        rows.push(await measure('PostgreSQL (after VACUUM ANALYZE)', store, vacuum));
      } finally {
        await store.close();
      }
    } finally {
      await postgres.stop();
    }
  }
  printColumns(
    `Reports: ${CUSTOMERS.toLocaleString('en')} customers, ${INTERACTIONS.toLocaleString('en')} interactions; ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}; median of ${RUNS} runs`,
    ['engine', 'seeded in', 'messages in 90 days', 'cases created', '90-day report, compare on', 'min – max', 'COUNT(*) of the 90 days', 'report / count', 'longest event-loop stall', `goal < ${GOAL_MS} ms`],
    rows,
  );
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
