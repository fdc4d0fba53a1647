import { randomBytes } from 'node:crypto';
import { closeSync, openSync, readFileSync, statSync, writeSync } from 'node:fs';
import { resolve } from 'node:path';
import { PersonNameInputSchema } from '../shared/domain';
import { OriginSchema } from '../shared/protocol';
import { allowOriginsFromCommandLine } from './webchat/webchatAdmin';
import { DEMO_SHOP_PATH } from './webchat/demoShop';
import { hashPassword } from './auth/passwords';
import { passwordProblem } from './auth/passwordPolicy';
import { DEMO_FLAGS, DEMO_FLAGS_USAGE, demoOptions, MAIL_FLAGS, MAIL_FLAGS_USAGE, mailboxFromFlags, numberFlag, parseFlags, publicUrlFlag } from './cliFlags';
import { createContext } from './context';
import { createHub, DEFAULT_POLICY } from './hub';
import { databasePlace, openHubData } from './hubData';
import { StoreUnavailable } from './store/storeUnavailable';
import { copyHubFolder } from './store/copyHubStore';
import { openPgStore } from './store/pg/pgStore';
import { createSimulator } from './simulator/simulator';
import { startSimulatedConnectors } from './connectors/simulatedConnectors';
import { identityOf, refreshedSource } from './simulator/simulatorSource';
import { CsvFileProblem, MAX_CSV_BYTES } from './import/csvRows';
import { importCustomers, previewCustomerImport } from './import/customers';
import { importStaff, previewStaffImport } from './import/staff';
import { Refused } from './refused';
import { DEFAULT_CALL_RING_MS } from './voiceCalls';
import { readSecretLine } from './setup/readPassword';
import { COMMAND_LINE_ACTOR, createStaff, newStaff, UsernameSchema } from './setup/staffAccounts';

const USAGE = `Usage: npm run hub -- [options]
       npm run hub -- create-admin --username NAME [--name "Full Name"] [--data DIR | --database URL]
                      create an administrator, with the password read from standard input (one line; at a
                      terminal it is asked for, not shown); new data is created empty, without the demo
       npm run hub -- import customers|staff FILE.csv [--data DIR | --database URL] [--dry-run] [--skip-bad-rows]
                      [--on-match update|skip] (customers) [--passwords-out FILE] (staff)
                      check a CSV file (every bad row with its line, column and reason), then import it, all or
                      nothing; customers matching an existing one by email, phone or loyalty number update it
                      (or are skipped); each new person gets a one-time password, printed or written to FILE
       npm run hub -- migrate-to postgres://USER@HOST:PORT/DB [--data DIR]
                      copy the SQLite hub in DIR (stopped) into an empty PostgreSQL database, every seq kept:
                      workstations keep their cursors, caches and sessions; then start nodes with --database

  --port P            port to listen on (default 4410; 0 picks a free one)
  --host H            address to bind (default 127.0.0.1)
  --data DIR          data folder with the SQLite file (default .data/hub; created on first run)
  --database URL      PostgreSQL instead of SQLite: postgres://USER@HOST:PORT/DB (or HUB_DATABASE_URL);
                      several hub nodes share one database
  --redis URL         Redis for several hub nodes: redis://HOST:PORT (or HUB_REDIS_URL)
  --trust-proxy       behind a load balancer: limits per address (sign-in, customers' pages, web chat) use its X-Forwarded-For
  --webchat-origin O  a shop site allowed to embed the web chat (https://shop.example; repeatable): added to
                      the origins an admin allows, and kept; --simulate allows the hub's own for the demo
  --public-url URL    where customers reach the hub (survey links, web chat, help site): http(s)://HOST[:PORT][/PATH]
                      (default: the address it listens on)
  --call-ring-seconds S  how long a call rings for one agent before it is offered to the next (default 20, 5-120)
${MAIL_FLAGS_USAGE}
${DEMO_FLAGS_USAGE}

Environment: HUB_SECRET, the shared secret connectors sign inbound messages with
(X-Signature: sha256=<hex HMAC-SHA256 of the body>). Without it a random one is made and printed.`;

function fail(message: string, usage = true): never {
  console.error(`hub: ${message}${usage ? `\n\n${USAGE}` : ''}`);
  process.exit(2);
}

/** A URL flag (or its variable) with the scheme it must have; a clear refusal otherwise. */
function urlFlag(value: string | undefined, name: string, schemes: string[]): string | undefined {
  if (!value) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    fail(`--${name} is not a URL: "${value}"`, false);
  }
  if (!schemes.includes(url.protocol)) fail(`--${name} must start with ${schemes.map((s) => `${s}//`).join(' or ')}, got "${url.protocol}//"`, false);
  return value;
}

/** A command's flags and positionals, refused with this command's usage; null after printing it for `--help`. */
const flags = <O extends Parameters<typeof parseFlags>[1]>(args: string[], options: O) => parseFlags(args, options, USAGE, fail);

async function main(): Promise<void> {
  const parsed = flags(process.argv.slice(2), {
    port: { type: 'string' },
    host: { type: 'string' },
    data: { type: 'string' },
    database: { type: 'string' },
    redis: { type: 'string' },
    'trust-proxy': { type: 'boolean' },
    'webchat-origin': { type: 'string', multiple: true },
    'public-url': { type: 'string' },
    'call-ring-seconds': { type: 'string' },
    ...MAIL_FLAGS,
    ...DEMO_FLAGS,
  });
  if (!parsed) return;
  if (parsed.positionals.length > 0) fail(`unknown command: ${parsed.positionals[0]}`);
  const f = parsed.values;
  const port = numberFlag(fail, f.port, 'port', 4410, { max: 65_535, whole: true });
  const demo = demoOptions(f, fail);
  const databaseUrl = urlFlag(f.database ?? process.env.HUB_DATABASE_URL, 'database', ['postgres:', 'postgresql:']);
  const redisUrl = urlFlag(f.redis ?? process.env.HUB_REDIS_URL, 'redis', ['redis:']);
  const mailbox = mailboxFromFlags(f, fail, Date.now());
  const webchatOrigins = (f['webchat-origin'] ?? []).map((o) => {
    const parsed = OriginSchema.safeParse(o);
    return parsed.success ? parsed.data : fail(`--webchat-origin needs an origin such as https://shop.example, got "${o}"`);
  });
  const publicUrl = publicUrlFlag(fail, f['public-url']);
  const callRingMs = numberFlag(fail, f['call-ring-seconds'], 'call-ring-seconds', DEFAULT_CALL_RING_MS / 1_000, { min: 5, max: 120 }) * 1_000;

  let loading = false;
  const data = await openHubData({
    dataDir: resolve(f.data ?? '.data/hub'),
    databaseUrl,
    seed: demo.seed,
    customers: demo.customers,
    interactions: demo.interactions,
    onProgress: () => {
      if (!loading) process.stdout.write('hub: creating the demo organisation');
      loading = true;
      process.stdout.write('.');
    },
    onWaiting: () => console.log('hub: another hub node is seeding this database; waiting for it to finish'),
  }).catch((err: Error) => fail(databaseUrl ? databaseTrouble(databaseUrl, err) : err.message, false));
  if (loading) process.stdout.write(' done\n');
  if (!data.created && f.seed !== undefined && Number(f.seed) !== data.seededWith) {
    console.warn(`hub: this data was seeded with --seed ${data.seededWith}; --seed ${f.seed} applies only to new, empty data`);
  }

  const secret = process.env.HUB_SECRET || randomBytes(16).toString('hex');
  const hub = await createHub({ store: data.store, port, host: f.host, ingestSecret: secret, tokenKey: data.tokenKey, redisUrl, trustProxy: f['trust-proxy'], publicUrl, callRingMs, demoShop: f.simulate !== undefined, mail: { mailboxes: mailbox ? [mailbox] : [] } }).catch(
    async (err: NodeJS.ErrnoException) => {
      await data.store.close();
      return fail(err.code === 'EADDRINUSE' ? `port ${port} is in use: pass --port with another one (or 0)` : err.message, false);
    },
  );

  if (!hub.ctx.allStaff().some((s) => s.role === 'admin' && s.active)) {
    const where = databaseUrl ? `--database ${withoutPassword(databaseUrl)}` : `--data ${data.where}`;
    console.log(`hub: nobody can administer this hub yet: create an admin with npm run hub -- create-admin ${where} --username NAME`);
  }
  // The demo's shop pages are the hub's own: its web chat works there without an admin's say.
  const allowed = await allowOriginsFromCommandLine(hub.ctx, [...webchatOrigins, ...(f.simulate !== undefined ? [new URL(hub.ctx.config.publicUrl).origin] : [])]);
  if (allowed.length > 0) console.log(`hub: the web chat may now be embedded on ${allowed.join(', ')}`);
  console.log(`hub: listening on ${hub.url} (data in ${data.where}${redisUrl ? `, nodes linked through ${new URL(redisUrl).host}` : ''})`);
  console.log(`hub: customers' side: the help site ${hub.ctx.config.publicUrl}/help${f.simulate !== undefined ? `, a demo shop with the web chat ${hub.ctx.config.publicUrl}${DEMO_SHOP_PATH}` : ''}`);
  const smtpAt = mailbox && hub.mail.listenerOf(mailbox.address);
  if (mailbox) console.log(`hub: email for ${mailbox.address} ${smtpAt ? `on SMTP ${smtpAt.host}:${smtpAt.port}` : mailbox.inbound.kind === 'imap' ? `from IMAP ${mailbox.inbound.host}` : 'not received: see above'}, out through ${mailbox.smtp.host}:${mailbox.smtp.port}`);
  if (!process.env.HUB_SECRET) console.log(`hub: HUB_SECRET not set; connectors must sign with this one: ${secret}`);
  if (data.org) {
    console.log('hub: demo sign-ins (username / password, role):');
    for (const { staff, password } of data.org.staff) console.log(`  ${staff.username.padEnd(14)} ${password.padEnd(20)} ${staff.role}${staff.storeId ? ` @ ${staff.storeId}` : ''}`);
  }

  const store = hub.ctx.store;
  const source =
    demo.simulate > 0
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
  // --simulate (even at 0) puts a simulated connector in front of every channel the hub does not speak itself.
  const connectors =
    f.simulate !== undefined
      ? await startSimulatedConnectors(hub.ctx, hub.url, { seed: data.seededWith ?? 1, onError: (err) => console.warn(`hub: simulated connector: ${err.message}`) })
      : null;
  if (connectors) {
    console.log(`hub: simulated connectors take the replies: ${connectors.connectors.map((c) => `${c.channel} ${c.url}`).join(', ')}`);
  }
  const simulator =
    source
      ? createSimulator({
          url: hub.url,
          secret,
          channelSecrets: connectors?.inboundSecrets,
          rate: demo.simulate,
          seed: data.seededWith ?? 1,
          source,
          onError: (err) => console.warn(`hub: simulator: ${err.message}`),
        })
      : null;
  if (simulator) {
    simulator.start();
    console.log(`hub: simulating ${demo.simulate} inbound message(s) per second`);
  }

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    console.log('hub: stopping');
    source?.stop();
    await simulator?.stop();
    await hub.close();
    await connectors?.stop();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

/** Why a PostgreSQL database could not be used, in one line saying which (never its password). */
function databaseTrouble(url: string, err: Error): string {
  const cause = err instanceof StoreUnavailable && err.cause instanceof Error ? err.cause.message : err.message;
  return `${err instanceof StoreUnavailable ? 'cannot reach PostgreSQL at' : 'PostgreSQL at'} ${databasePlace(url)}: ${cause}`;
}

/** A database URL to print: its password (if any) left out, for the person to add. */
const withoutPassword = (url: string): string => Object.assign(new URL(url), { password: '' }).toString();

/**
 * `create-admin --username NAME [--name NAME] [--data DIR | --database URL]`: creates an administrator with the
 * password read from standard input, in the hub's data (created empty when there is none yet). Every refusal is
 * one line and a non-zero exit.
 */
async function createAdmin(args: string[]): Promise<void> {
  const parsed = flags(args, { username: { type: 'string' }, name: { type: 'string' }, data: { type: 'string' }, database: { type: 'string' } });
  if (!parsed) return;
  if (parsed.positionals.length > 0) fail(`create-admin takes no arguments, only flags: got ${parsed.positionals[0]}`);
  const f = parsed.values;
  const username = UsernameSchema.safeParse(f.username ?? '');
  if (!username.success) fail(`create-admin needs --username: ${username.error.issues[0].message}`, false);
  const name = PersonNameInputSchema.safeParse(f.name ?? username.data);
  if (!name.success) fail(`--name: ${name.error.issues[0].message}`, false);
  const databaseUrl = urlFlag(f.database ?? process.env.HUB_DATABASE_URL, 'database', ['postgres:', 'postgresql:']);

  const password = await readSecretLine(`Password for ${username.data}: `);
  if (password === null || password === '') fail('no password on standard input: pipe it in (one line) or type it at the prompt', false);
  const problem = passwordProblem(password, username.data);
  if (problem) fail(`password refused: ${problem.message}`, false);
  const passwordHash = await hashPassword(password);

  const data = await openHubData({ dataDir: resolve(f.data ?? '.data/hub'), databaseUrl, seed: null, customers: 1, interactions: 1 }).catch((err: Error) =>
    fail(databaseUrl ? databaseTrouble(databaseUrl, err) : err.message, false),
  );
  const ctx = createContext(data.store, { ingestSecret: '', policy: DEFAULT_POLICY });
  const created = await ctx
    .write(async (w) => {
      const staff = newStaff(w, { username: username.data, name: name.data, role: 'admin', languages: ['en'], skills: [], storeId: null });
      await createStaff(w, [{ staff, passwordHash }], COMMAND_LINE_ACTOR);
      return staff;
    })
    .catch((err: Error) => err);
  await data.store.close();
  if (created instanceof Error) fail(created.message, false);
  console.log(`hub: created admin ${created.username} (${created.name}) in ${data.where}: sign in with this username and password`);
}

/** `npm run hub -- import customers|staff FILE ...`: see USAGE. */
async function importCsv(args: string[]): Promise<void> {
  const parsed = flags(args, {
    data: { type: 'string' },
    database: { type: 'string' },
    'dry-run': { type: 'boolean' },
    'skip-bad-rows': { type: 'boolean' },
    'on-match': { type: 'string' },
    'passwords-out': { type: 'string' },
  });
  if (!parsed) return;
  const f = parsed.values;
  const [what, file, ...extra] = parsed.positionals;
  if ((what !== 'customers' && what !== 'staff') || !file || extra.length > 0) fail('import needs what and a file: import customers FILE.csv, or import staff FILE.csv');
  const onMatch = f['on-match'] ?? 'update';
  if (onMatch !== 'update' && onMatch !== 'skip') fail(`--on-match is update or skip, not "${onMatch}"`, false);
  if (what === 'staff' && f['on-match'] !== undefined) fail('--on-match is for customers: a username that is taken is a bad row', false);
  if (what === 'customers' && f['passwords-out'] !== undefined) fail('--passwords-out is for staff', false);
  const databaseUrl = urlFlag(f.database ?? process.env.HUB_DATABASE_URL, 'database', ['postgres:', 'postgresql:']);
  let csv: Buffer;
  try {
    if (statSync(file).size > MAX_CSV_BYTES) fail(`${file}: larger than ${MAX_CSV_BYTES / 1024 / 1024} MiB: split it`, false);
    csv = readFileSync(file);
  } catch (err) {
    fail(`cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`, false);
  }
  const data = await openHubData({ dataDir: resolve(f.data ?? '.data/hub'), databaseUrl, seed: null, customers: 1, interactions: 1 }).catch((err: Error) =>
    fail(databaseUrl ? databaseTrouble(databaseUrl, err) : err.message, false),
  );
  const ctx = createContext(data.store, { ingestSecret: '', policy: DEFAULT_POLICY });
  const started = Date.now();
  let shown = 0;
  const progress = (verb: string) => (done: number, total: number) => {
    if (done < total && Date.now() - shown < 1_000) return;
    shown = Date.now();
    console.log(`hub: ${verb} ${done.toLocaleString('en')} / ${total.toLocaleString('en')} (${Math.floor((done * 100) / total)}%)`);
  };
  const n = (count: number) => count.toLocaleString('en');
  const badRows = (count: number) => `${n(count)} bad row${count === 1 ? '' : 's'}`;
  let passwordsOut: number | null = null;
  try {
    const preview = what === 'customers' ? await previewCustomerImport(ctx, csv, { onMatch }) : await previewStaffImport(ctx, csv);
    const changes = 'update' in preview ? `${n(preview.create.length)} to create, ${n(preview.update.length)} to update, ${n(preview.skipped)} matching and skipped` : `${n(preview.create.length)} to create`;
    console.log(`hub: ${file}: ${changes}, ${badRows(preview.bad.length)}`);
    for (const b of preview.bad) console.log(`  line ${b.line}, ${b.field}: ${b.reason}`);
    if (f['dry-run']) return console.log('hub: dry run: nothing imported');
    if (preview.bad.length > 0 && !f['skip-bad-rows']) fail('nothing imported: correct the bad rows, or pass --skip-bad-rows to import the others', false);
    // Opened before anything is imported, and never over an existing file: the passwords are shown nowhere else.
    if (f['passwords-out']) {
      try {
        passwordsOut = openSync(f['passwords-out'], 'wx', 0o600);
      } catch (err) {
        fail(`--passwords-out ${f['passwords-out']}: ${(err as NodeJS.ErrnoException).code === 'EEXIST' ? 'exists already (it is never overwritten)' : (err as Error).message}`, false);
      }
    }

    if (what === 'customers') {
      const done = await importCustomers(ctx, csv, { onMatch, skipBadRows: f['skip-bad-rows'], onProgress: progress('saved') });
      console.log(
        `hub: imported ${n(done.create.length)} new and ${n(done.update.length)} updated customers into ${data.where} in ${seconds(started)} s` +
          `${done.skipped ? `, ${n(done.skipped)} matching skipped` : ''}${done.bad.length ? `, ${badRows(done.bad.length)} left out` : ''}`,
      );
    } else {
      const done = await importStaff(ctx, csv, { actorId: COMMAND_LINE_ACTOR, skipBadRows: f['skip-bad-rows'], onProgress: progress('made passwords for') });
      const lines = done.people.map(({ staff, password }) => `${staff.username},${password}`);
      if (passwordsOut !== null) writeSync(passwordsOut, `username,password\n${lines.map((l) => `${l}\n`).join('')}`);
      else {
        console.log('hub: one-time passwords (shown only now; hand each to its person):');
        for (const { staff, password } of done.people) console.log(`  ${staff.username.padEnd(20)} ${password}`);
      }
      console.log(
        `hub: imported ${n(done.people.length)} people into ${data.where} in ${seconds(started)} s${done.plan.bad.length ? `, ${badRows(done.plan.bad.length)} left out` : ''}` +
          `${passwordsOut !== null ? `; their one-time passwords are in ${f['passwords-out']}` : ''}`,
      );
    }
  } catch (err) {
    if (err instanceof CsvFileProblem || err instanceof Refused) fail(`${file}: ${err.message}`, false);
    throw err;
  } finally {
    if (passwordsOut !== null) closeSync(passwordsOut);
    await data.store.close();
  }
}

const seconds = (since: number) => ((Date.now() - since) / 1000).toFixed(1);

/**
 * `migrate-to URL [--data DIR]`: copies a SQLite hub into an empty PostgreSQL database (see copyHubFolder),
 * printing its progress. Every refusal is one line and a non-zero exit; the URL is never printed (it may hold a
 * password), only its host and database.
 */
async function migrateTo(args: string[]): Promise<void> {
  const parsed = flags(args, { data: { type: 'string' } });
  if (!parsed) return;
  const [url, ...extra] = parsed.positionals;
  if (extra.length > 0) fail(`migrate-to takes one database URL, got ${parsed.positionals.length} arguments`);
  const target = URL.canParse(url ?? '') ? new URL(url) : null;
  if (!target || !['postgres:', 'postgresql:'].includes(target.protocol)) {
    fail('migrate-to needs the URL of an empty PostgreSQL database: postgres://USER@HOST:PORT/DB', false);
  }
  const where = databasePlace(url);
  const dataDir = resolve(parsed.values.data ?? '.data/hub');

  const started = Date.now();
  let shown = 0;
  const progress = (done: number, total: number) => {
    if (done < total && Date.now() - shown < 1_000) return;
    shown = Date.now();
    console.log(`hub: copied ${done.toLocaleString('en')} / ${total.toLocaleString('en')} records (${Math.floor((done * 100) / total)}%)`);
  };
  const store = await openPgStore(url).catch((err: Error) => fail(databaseTrouble(url, err), false));
  const copied = await copyHubFolder(dataDir, store, progress).catch((err: Error) => err);
  await store.close();
  if (copied instanceof Error) fail(copied.message, false);
  console.log(
    `hub: ${dataDir} is copied into ${where} (changes up to ${copied.head}) in ${Math.round((Date.now() - started) / 1000)} s; ` +
      'start hub nodes with --database and its URL',
  );
}

const COMMANDS: Record<string, { run(args: string[]): Promise<void>; failure: string }> = {
  'migrate-to': { run: migrateTo, failure: 'copy' },
  'create-admin': { run: createAdmin, failure: 'create the admin' },
  import: { run: importCsv, failure: 'import' },
};
const [command, ...rest] = process.argv.slice(2);
const sub = Object.hasOwn(COMMANDS, command ?? '') ? COMMANDS[command] : null;
(sub ? sub.run(rest) : main()).catch((err: Error) => {
  console.error(`hub: failed to ${sub?.failure ?? 'start'}: ${err.message}`);
  process.exit(1);
});
