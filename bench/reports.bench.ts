/**
 * `npm run bench:reports`: a supervisor's 90-day report (day series in Europe/Athens, compared with the 90 days
 * before) over the demo organisation at scale (BENCH_CUSTOMERS customers, BENCH_INTERACTIONS interactions, all in
 * the ~60 days before now), on a SQLite hub file. Prints the median of BENCH_RUNS runs beside a plain COUNT of the
 * same interactions on the same file (the floor: what reading the period at all costs), and the event loop's
 * longest stall while reports run (the hub's other requests wait that long at worst). Goal: under 2 s.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, totalmem, tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import Database from 'better-sqlite3-multiple-ciphers';
import { loadOrg } from '../src/server/loadOrg';
import { computeReport } from '../src/server/reports/computeReport';
import { generateDemoOrg } from '../src/server/seed/demoOrg';
import { openSqliteStore } from '../src/server/store/sqlite/sqliteStore';
import { ms, percentile, printTable } from './support/stats';

const CUSTOMERS = Number(process.env.BENCH_CUSTOMERS ?? 100_000);
const INTERACTIONS = Number(process.env.BENCH_INTERACTIONS ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const DAY = 86_400_000;
const GOAL_MS = 2_000;

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-reports-'));
  const path = join(dir, 'hub.sqlite');
  try {
    const now = Date.now();
    const org = generateDemoOrg({ seed: 1, customers: CUSTOMERS, interactions: INTERACTIONS, now });
    const seedStart = performance.now();
    const seeded = openSqliteStore(path);
    await loadOrg(seeded, { ...org, staff: org.staff.map((s) => ({ ...s, password: null })), batches: org.batches(2_000) });
    await seeded.close();
    const seedMs = performance.now() - seedStart;

    const from = now - 90 * DAY;
    const to = now;
    const raw = new Database(path, { readonly: true });
    const inPeriod = (raw.prepare('SELECT COUNT(*) AS n FROM interactions WHERE created_at >= ? AND created_at < ?').get(from, to) as { n: number }).n;
    const countMs: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t = performance.now();
      raw.prepare('SELECT COUNT(*) AS n FROM interactions WHERE created_at >= ? AND created_at < ?').get(from, to);
      countMs.push(performance.now() - t);
    }
    raw.close();

    const store = openSqliteStore(path);
    const names = new Map(org.staff.map((s) => [s.staff.id, s.staff.name]));
    const query = { from, to, granularity: 'day' as const, timeZone: 'Europe/Athens', compare: true };
    const run = () => computeReport(store, query, { now, nameOf: (id) => names.get(id) ?? null });
    const first = await run(); // warm-up: statements compiled, pages cached
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    const reportMs: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t = performance.now();
      await run();
      reportMs.push(performance.now() - t);
    }
    delay.disable();
    await store.close();

    const median = percentile(reportMs, 50);
    const countMedian = percentile(countMs, 50);
    printTable(`Reports on SQLite: ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}`, [
      ['organisation', `${CUSTOMERS.toLocaleString('en')} customers, ${INTERACTIONS.toLocaleString('en')} interactions`, `seeded in ${(seedMs / 1000).toFixed(0)} s`],
      ['interactions in the 90 days', inPeriod.toLocaleString('en'), `${first.current.cases.created.toLocaleString('en')} cases created, ${first.series.length} day buckets`],
      ['90-day report, compare on (median)', ms(median), `${RUNS} runs; min ${ms(Math.min(...reportMs))}, max ${ms(Math.max(...reportMs))}; goal < ${GOAL_MS} ms: ${median < GOAL_MS ? 'met' : 'NOT met'}`],
      ['baseline: COUNT(*) of the 90 days (median)', ms(countMedian), `report / count = ${(median / countMedian).toFixed(1)}×`],
      ['event loop: longest stall during reports', ms(delay.max / 1e6), `p99 ${ms(delay.percentile(99) / 1e6)}`],
    ]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
