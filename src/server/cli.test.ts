import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startPostgres, type PostgresServer } from './cluster/postgres';
import { signBody } from './http/signature';
import { openSqliteStore } from './store/sqlite/sqliteStore';
import { bundleScript } from './testing/bundledScript';

// The command line is started some thirty times: compiled once, each start takes half the time.
let bundleDir: string;
let cli: string[];
beforeAll(async () => {
  bundleDir = mkdtempSync(join(tmpdir(), 'hub-cli-bundle-'));
  cli = await bundleScript('src/server/cli.ts', bundleDir);
});
afterAll(() => rmSync(bundleDir, { recursive: true, force: true }));

let dir: string | null = null;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = null;
});

const mode = (path: string) => (statSync(path).mode & 0o777).toString(8);

describe('npm run hub', () => {
  it('keeps its data folder and every file in it readable by its owner only', async () => {
    dir = mkdtempSync(join(tmpdir(), 'hub-cli-'));
    const data = join(dir, 'data');
    const hub = await startHub(['--data', data, '--no-seed']);
    try {
      // A write, so that the WAL and shared-memory files exist.
      await fetch(`${hub.url}/api/v1/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"username":"x","password":"y"}' });
      expect(mode(data)).toBe('700');
      for (const file of ['hub.sqlite', 'hub.sqlite-wal', 'hub.sqlite-shm', 'hub.json', 'token.key']) expect([file, mode(join(data, file))]).toEqual([file, '600']);
    } finally {
      await hub.stop();
    }
  });
});

/** Runs the hub command line to its end, with `input` piped to it: exit code and everything it printed. */
function hubCommand(args: string[], input?: string): Promise<{ code: number | null; out: string }> {
  const proc = spawn(process.execPath, [...cli, ...args], {
    env: { ...process.env, HUB_SECRET: 'cli-test-secret' },
    stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
  });
  proc.stdin?.end(input);
  let out = '';
  proc.stdout?.on('data', (d) => (out += String(d)));
  proc.stderr?.on('data', (d) => (out += String(d)));
  return new Promise((resolve) => proc.once('exit', (code) => resolve({ code, out: out.trim() })));
}

// One line, no stack trace, a non-zero exit; a password in a URL is never printed.
const refused = (r: { code: number | null; out: string }, says: RegExp) => {
  expect(r.code, r.out).not.toBe(0);
  expect(r.out.split('\n'), r.out).toHaveLength(1);
  expect(r.out).toMatch(says);
  expect(r.out).not.toContain('hush');
  expect(r.out).not.toMatch(/^\s+at /m);
};

/**
 * Starts `npm run hub` on `args` until it listens: its URL, what it printed so far, what it prints until a line
 * matches (`printed`), and how to stop it.
 */
async function startHub(args: string[]): Promise<{ url: string; out: string; printed(line: RegExp): Promise<RegExpExecArray>; stop(): Promise<void> }> {
  const hub = spawn(process.execPath, [...cli, '--port', '0', ...args], {
    env: { ...process.env, HUB_SECRET: 'cli-test-secret' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const url = await new Promise<string>((resolve, reject) => {
    hub.stdout.on('data', (d) => {
      out += String(d);
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m) resolve(m[1]);
    });
    hub.stderr.on('data', (d) => (out += String(d)));
    hub.once('exit', (code) => reject(new Error(`hub exited with ${code}: ${out}`)));
  });
  return {
    url,
    out,
    printed: (line) =>
      new Promise((resolve, reject) => {
        const look = () => {
          const m = line.exec(out);
          if (!m) return false;
          hub.stdout.off('data', look);
          resolve(m);
          return true;
        };
        if (look()) return;
        hub.stdout.on('data', look);
        hub.once('exit', () => reject(new Error(`hub exited before printing ${line}: ${out}`)));
      }),
    async stop() {
      hub.kill('SIGTERM');
      await new Promise((resolve) => hub.once('exit', resolve));
    },
  };
}

const signIn = (url: string, username: string, password: string) =>
  fetch(`${url}/api/v1/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username, password }) });

describe('npm run hub -- --simulate', () => {
  it('starts a connector for every connector channel, registers it as the command line did, and stops it with the hub', async () => {
    dir = mkdtempSync(join(tmpdir(), 'hub-cli-'));
    const data = join(dir, 'data');
    const hub = await startHub(['--data', data, '--customers', '40', '--interactions', '200', '--simulate', '20']);
    let urls: Map<string, string>;
    try {
      const [, list] = await hub.printed(/simulated connectors take the replies: (.*)\n/);
      urls = new Map(list.split(', ').map((entry) => entry.split(' ') as [string, string]));
      expect([...urls.keys()]).toEqual(['chat', 'phone', 'video', 'social', 'sms']);
      for (const url of urls.values()) {
        expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/deliveries$/);
        // A real connector: it checks the hub's signature.
        const unsigned = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
        expect(unsigned.status).toBe(401);
      }
      // The connector channels' messages are checked with their connectors' inbound secrets now, not the hub's own...
      const body = JSON.stringify({ channel: 'sms', from: { phone: '+48601234567' }, text: 'Where is my parcel?', externalId: 'cli-sms-1' });
      const hubSigned = await fetch(`${hub.url}/api/v1/inbound`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Signature': signBody(body, 'cli-test-secret') }, body });
      expect(hubSigned.status).toBe(401);
      // ...which the simulator signs with: none of its messages is refused.
      await new Promise((resolve) => setTimeout(resolve, 2_000));
    } finally {
      await hub.stop();
    }
    expect(hub.out).not.toMatch(/refused a simulated message/);
    for (const url of urls.values()) await expect(fetch(url, { method: 'POST' })).rejects.toThrow();

    const store = openSqliteStore(join(data, 'hub.sqlite'));
    try {
      const stored = JSON.parse((await store.meta('connector:sms'))!) as { url: string; secret: string; inboundSecret: string };
      expect(stored.url).toBe(urls.get('sms'));
      expect(stored.secret).not.toBe(stored.inboundSecret);
      const audit = await store.queryAudit({ limit: 50 });
      const changes = audit.filter((e) => e.action === 'connector.update');
      expect(changes.map((e) => [e.actorId, e.targetId]).sort()).toEqual([...urls.keys()].map((ch) => ['command-line', ch]).sort());
      expect(JSON.stringify(changes)).not.toContain(stored.secret);
    } finally {
      await store.close();
    }
  }, 90_000);
});

describe('npm run hub -- create-admin', () => {
  const PASSWORD = 'violet kettle orbit 42';

  it('creates the first admin of an empty hub, who then signs in; the hub says how until there is one', async () => {
    dir = mkdtempSync(join(tmpdir(), 'hub-cli-'));
    const data = join(dir, 'data');
    const empty = await startHub(['--data', join(dir, 'other'), '--no-seed']);
    await empty.stop();
    expect(empty.out).toContain(`nobody can administer this hub yet: create an admin with npm run hub -- create-admin --data ${join(dir, 'other')} --username NAME`);

    const made = await hubCommand(['create-admin', '--data', data, '--username', 'root', '--name', 'Rita Root'], `${PASSWORD}\nignored second line\n`);
    expect(made.code, made.out).toBe(0);
    expect(made.out.split('\n')).toEqual([`hub: created admin root (Rita Root) in ${data}: sign in with this username and password`]);

    const hub = await startHub(['--data', data]);
    try {
      expect(hub.out).not.toContain('demo sign-ins');
      expect(hub.out).not.toContain('nobody can administer');
      expect((await signIn(hub.url, 'root', 'wrong password here')).status).toBe(401);
      const ok = await signIn(hub.url, 'root', PASSWORD);
      expect(ok.status).toBe(200);
    } finally {
      await hub.stop();
    }
    const store = openSqliteStore(join(data, 'hub.sqlite'));
    try {
      const [admin] = await store.all('staff');
      expect(admin).toMatchObject({ username: 'root', name: 'Rita Root', role: 'admin', languages: ['en'], status: 'offline', storeId: null });
      expect(Object.values(admin.capacity).every((n) => n === 0)).toBe(true);
      expect(await store.queryAudit({ limit: 10 })).toMatchObject([{ action: 'staff.create', actorId: 'command-line', targetId: admin.id }]);
    } finally {
      await store.close();
    }
  }, 60_000);

  it('refuses, in one line, a weak or missing password, a bad username and one that is taken', async () => {
    dir = mkdtempSync(join(tmpdir(), 'hub-cli-'));
    const data = join(dir, 'data');
    const create = (args: string[], input?: string) => hubCommand(['create-admin', '--data', data, ...args], input);
    const refusals: Array<[args: string[], input: string | undefined, says: RegExp]> = [
      [['--username', 'ada'], 'short\n', /^hub: password refused: a password needs at least 12 characters$/],
      [['--username', 'ada'], 'password2024!\n', /^hub: password refused: .*most common/],
      [['--username', 'adalovelace'], 'adalovelace-rules\n', /^hub: password refused: a password may not contain the username$/],
      [['--username', 'ada'], undefined, /^hub: no password on standard input/],
      [['--username', 'ada'], '', /^hub: no password on standard input/],
      [['--username', 'ada'], '\n', /^hub: no password on standard input/],
      [[], `${PASSWORD}\n`, /^hub: create-admin needs --username: a username cannot be empty$/],
      [['--username', 'ada lovelace'], `${PASSWORD}\n`, /no spaces/],
      [['--username', 'x'.repeat(65)], `${PASSWORD}\n`, /at most 64/],
      [['--username', 'ada', '--name', '\u202e'], `${PASSWORD}\n`, /^hub: --name: a name cannot be blank$/],
    ];
    // Each is refused before anything is written, so they may all run at once.
    const answers = await Promise.all(refusals.map(([args, input]) => create(args, input)));
    answers.forEach((answer, i) => refused(answer, refusals[i][2]));
    // None of those created the data.
    expect(existsSync(data)).toBe(false);
    expect((await create(['--username', 'ada'], `${PASSWORD}\r\n`)).code).toBe(0);
    refused(await create(['--username', 'ada'], 'another good passphrase\n'), /^hub: the username ada is taken$/);
  }, 180_000);
});

describe('npm run hub -- import', () => {
  it('checks a file, refuses it while a row is bad, imports it, and writes one-time passwords to a file of its own', async () => {
    dir = mkdtempSync(join(tmpdir(), 'hub-cli-'));
    const data = join(dir, 'data');
    const customers = join(dir, 'customers.csv');
    writeFileSync(customers, 'name,email\r\nJan,jan@example.com\r\nBad,not-an-address\r\n');
    const hub = (...args: string[]) => hubCommand([...args, '--data', data]);

    const refusedRun = await hub('import', 'customers', customers);
    expect(refusedRun.code).toBe(2);
    expect(refusedRun.out.split('\n')).toEqual([
      `hub: ${customers}: 1 to create, 0 to update, 0 matching and skipped, 1 bad row`,
      '  line 3, emails: Invalid email address ("not-an-address")',
      'hub: nothing imported: correct the bad rows, or pass --skip-bad-rows to import the others',
    ]);
    expect((await hub('import', 'customers', customers, '--skip-bad-rows', '--dry-run')).out).toMatch(/dry run: nothing imported$/);
    const imported = await hub('import', 'customers', customers, '--skip-bad-rows');
    expect(imported.code, imported.out).toBe(0);
    expect(imported.out).toMatch(/\nhub: imported 1 new and 0 updated customers into .* s, 1 bad row left out$/);
    expect((await hub('import', 'customers', customers, '--skip-bad-rows', '--on-match', 'skip')).out).toMatch(/imported 0 new and 0 updated customers .*, 1 matching skipped/);
    refused(await hub('import', 'customers', join(dir, 'missing.csv')), /^hub: cannot read .*missing\.csv: ENOENT$/);

    const staff = join(dir, 'staff.csv');
    writeFileSync(staff, 'username,name,role\nola,Ola Nowak,agent\n');
    const passwords = join(dir, 'passwords.csv');
    const made = await hub('import', 'staff', staff, '--passwords-out', passwords);
    expect(made.code, made.out).toBe(0);
    expect(made.out).toMatch(/imported 1 people .*; their one-time passwords are in /);
    expect(mode(passwords)).toBe('600');
    expect(readFileSync(passwords, 'utf8')).toMatch(/^username,password\nola,[\w-]{20}\n$/);
    writeFileSync(staff, 'username,name,role\nela,Ela Nowak,agent\n');
    const kept = await hub('import', 'staff', staff, '--passwords-out', passwords);
    expect(kept.code).toBe(2);
    expect(kept.out).toMatch(/\nhub: --passwords-out .*passwords\.csv: exists already \(it is never overwritten\)$/);
    expect(readFileSync(passwords, 'utf8')).toMatch(/^username,password\nola,/);
  }, 120_000);
});

describe('npm run hub with a database and Redis it cannot use', () => {
  let postgres: PostgresServer;
  beforeAll(async () => {
    postgres = await startPostgres({ name: 'clitest' });
  }, 120_000);
  afterAll(async () => {
    await postgres?.stop();
  });

  it('refuses a URL that is not one, a database nobody answers at, an unknown database and a newer schema', async () => {
    const missing = Object.assign(new URL(postgres.url), { pathname: '/nowhere', password: 'hush' }).toString();
    const newer = await postgres.createDatabase('newer');
    const client = new pg.Client({ connectionString: newer });
    await client.connect();
    try {
      await client.query('CREATE TABLE schema_version (one boolean PRIMARY KEY DEFAULT true CHECK (one), version integer NOT NULL)');
      await client.query('INSERT INTO schema_version (version) VALUES (999)');
    } finally {
      await client.end();
    }
    const refusals: Array<[database: string, says: RegExp]> = [
      ['not a url', /--database is not a URL/],
      ['mysql://db/hub', /--database must start with postgres:\/\//],
      ['postgres://hub:hush@127.0.0.1:1/hub', /^hub: cannot reach PostgreSQL at 127\.0\.0\.1:1\/hub: connect ECONNREFUSED/],
      [missing, /"nowhere" does not exist/],
      [newer, /database schema 999 is newer than this hub/],
    ];
    // None of them starts a hub or writes anything: all at once.
    const answers = await Promise.all(refusals.map(([database]) => hubCommand(['--port', '0', '--database', database])));
    answers.forEach((answer, i) => refused(answer, refusals[i][1]));
  }, 90_000);

  it('creates an admin in a PostgreSQL database, who signs in on a hub node started on it', async () => {
    dir = mkdtempSync(join(tmpdir(), 'hub-cli-'));
    const db = await postgres.createDatabase('firstadmin');
    const made = await hubCommand(['create-admin', '--database', db, '--username', 'root'], 'violet kettle orbit 42\n');
    expect(made.code, made.out).toBe(0);
    refused(await hubCommand(['create-admin', '--database', db, '--username', 'root'], 'violet kettle orbit 43\n'), /the username root is taken/);
    const hub = await startHub(['--database', db]);
    try {
      expect(hub.out).not.toContain('demo sign-ins');
      expect((await signIn(hub.url, 'root', 'violet kettle orbit 42')).status).toBe(200);
    } finally {
      await hub.stop();
    }
  }, 90_000);

  it('refuses a Redis nobody answers at', async () => {
    const db = await postgres.createDatabase('redisless');
    refused(await hubCommand(['--port', '0', '--no-seed', '--database', db, '--redis', 'redis://:hush@127.0.0.1:1']), /cannot reach Redis at 127\.0\.0\.1:1/);
  }, 60_000);
});
