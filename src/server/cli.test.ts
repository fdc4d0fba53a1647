import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startPostgres, type PostgresServer } from './cluster/postgres';

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
    const hub = spawn(process.execPath, ['--import', 'tsx', 'src/server/cli.ts', '--port', '0', '--data', data, '--no-seed'], {
      env: { ...process.env, HUB_SECRET: 'cli-test-secret' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        hub.stdout.on('data', (d) => {
          out += String(d);
          const m = /listening on (http:\/\/\S+)/.exec(out);
          if (m) resolve(m[1]);
        });
        hub.stderr.on('data', (d) => (out += String(d)));
        hub.once('exit', (code) => reject(new Error(`hub exited with ${code}: ${out}`)));
      });
      // A write, so that the WAL and shared-memory files exist.
      await fetch(`${url}/api/v1/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"username":"x","password":"y"}' });
      expect(mode(data)).toBe('700');
      for (const file of ['hub.sqlite', 'hub.sqlite-wal', 'hub.sqlite-shm', 'hub.json', 'token.key']) expect([file, mode(join(data, file))]).toEqual([file, '600']);
    } finally {
      hub.kill('SIGTERM');
      await new Promise((resolve) => hub.once('exit', resolve));
    }
  });
});

/** Runs the hub command line to its end: exit code and everything it printed. */
function hubCommand(args: string[]): Promise<{ code: number | null; out: string }> {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'src/server/cli.ts', ...args], { env: { ...process.env, HUB_SECRET: 'cli-test-secret' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  proc.stdout.on('data', (d) => (out += String(d)));
  proc.stderr.on('data', (d) => (out += String(d)));
  return new Promise((resolve) => proc.once('exit', (code) => resolve({ code, out: out.trim() })));
}

describe('npm run hub with a database and Redis it cannot use', () => {
  let postgres: PostgresServer;
  beforeAll(async () => {
    postgres = await startPostgres({ name: 'clitest' });
  }, 120_000);
  afterAll(async () => {
    await postgres?.stop();
  });

  // One line, no stack trace, a non-zero exit; a password in a URL is never printed.
  const refused = (r: { code: number | null; out: string }, says: RegExp) => {
    expect(r.code, r.out).not.toBe(0);
    expect(r.out.split('\n'), r.out).toHaveLength(1);
    expect(r.out).toMatch(says);
    expect(r.out).not.toContain('hush');
    expect(r.out).not.toMatch(/^\s+at /m);
  };

  it('refuses a URL that is not one, a database nobody answers at, an unknown database and a newer schema', async () => {
    refused(await hubCommand(['--port', '0', '--database', 'not a url']), /--database is not a URL/);
    refused(await hubCommand(['--port', '0', '--database', 'mysql://db/hub']), /--database must start with postgres:\/\//);
    refused(await hubCommand(['--port', '0', '--database', 'postgres://hub:hush@127.0.0.1:1/hub']), /^hub: cannot reach PostgreSQL at 127\.0\.0\.1:1\/hub: connect ECONNREFUSED/);
    const missing = Object.assign(new URL(postgres.url), { pathname: '/nowhere', password: 'hush' }).toString();
    refused(await hubCommand(['--port', '0', '--database', missing]), /"nowhere" does not exist/);

    const newer = await postgres.createDatabase('newer');
    const client = new pg.Client({ connectionString: newer });
    await client.connect();
    try {
      await client.query('CREATE TABLE schema_version (one boolean PRIMARY KEY DEFAULT true CHECK (one), version integer NOT NULL)');
      await client.query('INSERT INTO schema_version (version) VALUES (999)');
    } finally {
      await client.end();
    }
    refused(await hubCommand(['--port', '0', '--database', newer]), /database schema 999 is newer than this hub/);
  }, 90_000);

  it('refuses a Redis nobody answers at', async () => {
    const db = await postgres.createDatabase('redisless');
    refused(await hubCommand(['--port', '0', '--no-seed', '--database', db, '--redis', 'redis://:hush@127.0.0.1:1']), /cannot reach Redis at 127\.0\.0\.1:1/);
  }, 60_000);
});
