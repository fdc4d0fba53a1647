/**
 * npm run bench:import — a 100,000-customer CSV imported into a fresh hub: SQLite, then a private PostgreSQL.
 *
 * Writes the file in a temp folder (names with diacritics, two identities per row, some tags and consents, every
 * row good), then for each engine measures the preview (parse, validate, match every identity against the store)
 * and the import itself (the plan again inside the transaction, then batched writes), rows/s of each, then the
 * same file imported again (every row matches its customer and updates it), and this process's peak RSS.
 * Goal: 100,000 customers in under 30 s (preview and import).
 * Knobs (environment): BENCH_CUSTOMERS (100000), BENCH_POSTGRES=0 to leave PostgreSQL out.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createContext } from '../src/server/context';
import { DEFAULT_POLICY } from '../src/server/hub';
import { importCustomers, previewCustomerImport } from '../src/server/import/customers';
import { startPostgres } from '../src/server/cluster/postgres';
import type { HubStore } from '../src/server/store/hubStore';
import { openPgStore } from '../src/server/store/pg/pgStore';
import { openSqliteStore } from '../src/server/store/sqlite/sqliteStore';

const CUSTOMERS = Number(process.env.BENCH_CUSTOMERS ?? 100_000);
const GOAL_S = 30;

const FIRST = ['Jan', 'Anna', 'Łukasz', 'Zofia', 'Γιώργος', 'Μαρία', 'Peter', 'Ewa', 'Νίκος', 'Krzysztof'];
const LAST = ['Kowalski', 'Nowak', 'Wiśniewska', 'Παπαδόπουλος', 'Smith', 'Wójcik', 'Οικονόμου', 'Kamińska'];

function writeCsv(path: string, n: number): number {
  const lines = ['name,emails,phones,loyalty number,language,store,tags,consent'];
  for (let i = 0; i < n; i++) {
    const name = `${FIRST[i % FIRST.length]} ${LAST[(i * 7) % LAST.length]}`;
    const lang = ['pl', 'en', 'el'][i % 3];
    const tags = i % 4 === 0 ? 'vip;newsletter' : '';
    const consent = i % 5 === 0 ? 'email;sms;marketing' : '';
    lines.push(`"${name}",customer${i}@example.com,+48 5${String(i).padStart(8, '0')},LC-${String(i).padStart(8, '0')},${lang},,${tags},${consent}`);
  }
  writeFileSync(path, `${lines.join('\r\n')}\r\n`);
  return lines.length;
}

async function run(engine: string, store: HubStore, csv: Buffer): Promise<string[]> {
  const ctx = createContext(store, { ingestSecret: '', policy: DEFAULT_POLICY });
  let t = performance.now();
  const preview = await previewCustomerImport(ctx, csv, { onMatch: 'update' });
  const previewS = (performance.now() - t) / 1000;
  if (preview.bad.length || preview.create.length !== CUSTOMERS) throw new Error(`${engine}: the preview has ${preview.bad.length} bad rows, ${preview.create.length} to create`);
  t = performance.now();
  let last = 0;
  const done = await importCustomers(ctx, csv, {
    onMatch: 'update',
    onProgress: (n, total) => {
      if (n - last >= total / 4 || n === total) process.stdout.write(`  ${engine}: ${n.toLocaleString('en')} / ${total.toLocaleString('en')} saved\n`);
      if (n - last >= total / 4) last = n;
    },
  });
  const applyS = (performance.now() - t) / 1000;
  const found = await store.findCustomerByIdentity('email', `customer${CUSTOMERS - 1}@example.com`);
  if (done.create.length !== CUSTOMERS || !found) throw new Error(`${engine}: imported ${done.create.length}, last customer ${found ? 'found' : 'missing'}`);
  t = performance.now();
  const again = await importCustomers(ctx, csv, { onMatch: 'update' });
  const againS = (performance.now() - t) / 1000;
  if (again.update.length !== CUSTOMERS) throw new Error(`${engine}: the second import updated ${again.update.length}`);
  const total = previewS + applyS;
  const rate = (s: number) => Math.round(CUSTOMERS / s).toLocaleString('en');
  return [engine, previewS.toFixed(1), rate(previewS), applyS.toFixed(1), rate(applyS), total.toFixed(1), total < GOAL_S ? 'yes' : 'NO', againS.toFixed(1)];
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-import-'));
  const rows: string[][] = [];
  try {
    const file = join(dir, 'customers.csv');
    let t = performance.now();
    writeCsv(file, CUSTOMERS);
    const csv = readFileSync(file);
    console.log(`bench:import: ${CUSTOMERS.toLocaleString('en')} customers, ${(csv.length / 1024 / 1024).toFixed(1)} MB of CSV written in ${((performance.now() - t) / 1000).toFixed(1)} s`);

    const sqlite = openSqliteStore(join(dir, 'hub.sqlite'));
    try {
      rows.push(await run('SQLite', sqlite, csv));
    } finally {
      await sqlite.close();
    }

    if (process.env.BENCH_POSTGRES !== '0') {
      t = performance.now();
      const postgres = await startPostgres({ name: 'benchimport' });
      console.log(`  PostgreSQL started in ${((performance.now() - t) / 1000).toFixed(1)} s`);
      try {
        const pg = await openPgStore(await postgres.createDatabase('import'));
        try {
          rows.push(await run('PostgreSQL', pg, csv));
        } finally {
          await pg.close();
        }
      } finally {
        await postgres.stop();
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const table = [['engine', 'preview s', 'preview rows/s', 'import s', 'import rows/s', 'total s', `under ${GOAL_S} s`, 're-import s'], ...rows];
  const widths = table[0].map((_, i) => Math.max(...table.map((r) => r[i].length)));
  console.log(`\n${table.map((r) => r.map((c, i) => c.padStart(widths[i])).join('  ')).join('\n')}`);
  console.log(`peak RSS of this process: ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);
}

main().catch((err: Error) => {
  console.error(`bench:import: ${err.stack ?? err.message}`);
  process.exit(1);
});
