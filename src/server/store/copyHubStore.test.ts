import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ack, MutationResult, Session } from '../../shared/protocol';
import { startPostgres, type PostgresServer } from '../cluster/postgres';
import { createHub, type Hub } from '../hub';
import { openHubData } from '../hubData';
import { signBody } from '../http/signature';
import { loadOrg } from '../loadOrg';
import { computeFigures } from '../reports/computeReport';
import { FAST_SCRYPT } from '../../shared/testing/fastScrypt';
import { bundleScript } from '../testing/bundledScript';
import { testOrg } from '../testing/testOrg';
import type { CaseScope, HubStore } from './hubStore';
import { openPgStore } from './pg/pgStore';
import { openSqliteStore } from './sqlite/sqliteStore';

/**
 * Moving a SQLite hub up to PostgreSQL with `npm run hub -- migrate-to URL --data DIR`, for real: a hub with
 * traffic on SQLite, the command run as a newcomer runs it, then a hub node on the database. Workstations must not
 * notice beyond the address: the same changes with the same seqs and audiences, their sessions, passwords, and the
 * answers stored for mutations and webhook messages they may send again.
 */

const SECRET = 'copy-test-secret';
let postgres: PostgresServer;
let dir: string;
let cli: string[];

beforeAll(async () => {
  postgres = await startPostgres({ name: 'copytest' });
  dir = mkdtempSync(join(tmpdir(), 'hub-copy-'));
  // The command line is started several times: compiled once (see bundledScript.ts).
  cli = await bundleScript('src/server/cli.ts', dir);
}, 120_000);

afterAll(async () => {
  await postgres?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Runs the hub command line to its end: exit code and everything it printed. */
function hubCommand(args: string[]): Promise<{ code: number | null; out: string }> {
  const proc = spawn(process.execPath, [...cli, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  proc.stdout.on('data', (d) => (out += String(d)));
  proc.stderr.on('data', (d) => (out += String(d)));
  return new Promise((resolve) => proc.once('exit', (code) => resolve({ code, out })));
}

async function post(hub: Hub, path: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${hub.url}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

const inbound = (hub: Hub, externalId: string, text: string) => {
  const body = JSON.stringify({ channel: 'email', externalId, text, subject: 'Order', from: { email: 'ola@example.pl' } });
  return fetch(`${hub.url}/api/v1/inbound`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Signature': signBody(body, SECRET) }, body }).then(
    async (r) => ({ status: r.status, body: (await r.json()) as Record<string, unknown> }),
  );
};

const login = async (hub: Hub, username: string) => (await post(hub, '/api/v1/auth/login', { username, password: `${username}-password-1` })).body as unknown as Session;

/** Sends one mutation over a real socket signed in with `token`, and closes it. */
async function mutate(hub: Hub, token: string, m: Record<string, unknown>): Promise<Ack<MutationResult>> {
  const socket = io(hub.url, { transports: ['websocket'], auth: { token }, reconnection: false, forceNew: true });
  try {
    await new Promise<void>((resolve, reject) => {
      socket.once('hello', () => resolve());
      socket.once('connect_error', reject);
    });
    return (await socket.timeout(10_000).emitWithAck('mutate', m)) as Ack<MutationResult>;
  } finally {
    socket.disconnect();
  }
}

/** What a store holds that workstations see: the log with audiences, and every row (a supervisor's whole view). */
async function contents(store: HubStore) {
  const scope: CaseScope = { all: true, queueIds: [], staffId: 'sup1', storeId: null };
  const rows = [];
  for (let page = await store.snapshot(scope, null, null, 500); ; page = await store.snapshot(scope, page.after, page.hwm, 500)) {
    rows.push(...page.rows);
    if (page.done) break;
  }
  return { head: await store.head(), log: await store.changesAfter(0, 1_000_000), rows };
}

describe('npm run hub -- migrate-to', () => {
  it('moves a SQLite hub with traffic to PostgreSQL: seqs, audiences, sessions, passwords and stored answers carry over', async () => {
    const dataDir = join(dir, 'hub');
    const data = await openHubData({ dataDir, seed: null, customers: 0, interactions: 0 });
    // Cheap hashes (a hash carries its own cost): what is under test is that they carry over.
    await loadOrg(data.store, testOrg(), undefined, FAST_SCRYPT);
    let hub = await createHub({ store: data.store, tokenKey: data.tokenKey, ingestSecret: SECRET, port: 0, tickMs: 3_600_000 });
    const received = await inbound(hub, 'mail-1', 'Where is my parcel?');
    expect(received.status).toBe(201);
    for (let i = 2; i <= 6; i++) expect((await inbound(hub, `mail-${i}`, `Message ${i}`)).status).toBe(201);
    const caseId = received.body.caseId as string;
    const sup = await login(hub, 'sup1');
    const note = { type: 'note', mutationId: randomUUID(), caseId, text: 'Called the courier' };
    const noted = await mutate(hub, sup.accessToken, note);
    expect(noted).toMatchObject({ ok: true });
    // Answered: the case's row no longer has its first-reply deadline; SQLite kept it in a column of its own.
    const lastMessageId = (await data.store.get('case', caseId))!.lastMessageId;
    const reply = { type: 'reply', mutationId: randomUUID(), caseId, channel: 'email', text: 'We are checking with the courier.', basedOn: { lastMessageId } };
    expect(await mutate(hub, (await login(hub, 'a1')).accessToken, reply)).toMatchObject({ ok: true });
    await hub.close();

    const before = openSqliteStore(join(dataDir, 'hub.sqlite'));
    const source = await contents(before);
    const reportAt = Date.now() + 1;
    const sourceFigures = await computeFigures(before, {}, 0, reportAt, { now: reportAt });
    expect(sourceFigures.slaAttainment).toBe(1);
    await before.close();
    expect(source.log.length).toBeGreaterThan(20);

    // A password in the URL is never printed.
    const target = Object.assign(new URL(await postgres.createDatabase('moved')), { password: 'not-for-logs' }).toString();
    const moved = await hubCommand(['migrate-to', target, '--data', dataDir]);
    expect(moved.code, moved.out).toBe(0);
    expect(moved.out).toMatch(/copied [\d,]+ \/ [\d,]+ records \(100%\)/);
    expect(moved.out).toContain(`changes up to ${source.head}`);
    expect(moved.out).not.toContain('not-for-logs');

    const after = await openPgStore(target);
    try {
      expect(await contents(after)).toEqual(source);
      // The same report from the copy: the deadline kept, the replies' waits computed again.
      expect(await computeFigures(after, {}, 0, reportAt, { now: reportAt })).toEqual(sourceFigures);
    } finally {
      await after.close();
    }

    // A hub node on the database: not seeded again, the same session key, and nothing for workstations to redo.
    const node = await openHubData({ dataDir: join(dir, 'unused'), databaseUrl: target, seed: 7, customers: 10, interactions: 10 });
    expect(node.created).toBe(false);
    expect(node.tokenKey.equals(data.tokenKey)).toBe(true);
    hub = await createHub({ store: node.store, tokenKey: node.tokenKey, ingestSecret: SECRET, port: 0, tickMs: 3_600_000 });
    try {
      // The access token signed on SQLite still connects; the mutation sent again gets the answer it had.
      expect(await mutate(hub, sup.accessToken, note)).toEqual(noted);
      // The refresh token still renews the session, the password still signs in.
      expect((await post(hub, '/api/v1/auth/refresh', { refreshToken: sup.refreshToken })).status).toBe(200);
      expect((await login(hub, 'a1')).accessToken).toEqual(expect.any(String));
      // A connector resending a message gets its first answer; a new one lands after the copied changes.
      const resent = await inbound(hub, 'mail-1', 'Where is my parcel?');
      expect(resent).toEqual({ status: 200, body: { ...received.body, duplicate: true } });
      const fresh = await inbound(hub, 'mail-7', 'Any news?');
      expect(fresh.status).toBe(201);
      expect(await node.store.head()).toBeGreaterThan(source.head);
    } finally {
      await hub.close();
    }

    // Copying again into a database that holds a hub is refused, and writes nothing.
    const again = await hubCommand(['migrate-to', target, '--data', dataDir]);
    expect(again.code).toBe(2);
    expect(again.out).toContain('the target database is not empty');
  }, 120_000);

  it('refuses what it cannot copy with one clear line', async () => {
    const empty = await postgres.createDatabase('empty');
    const noHub = await hubCommand(['migrate-to', empty, '--data', join(dir, 'nothing-here')]);
    expect(noHub).toMatchObject({ code: 2, out: expect.stringContaining('no hub in') });
    const notPostgres = await hubCommand(['migrate-to', 'mysql://db/hub']);
    expect(notPostgres).toMatchObject({ code: 2, out: expect.stringContaining('needs the URL of an empty PostgreSQL database') });
    const noServer = await hubCommand(['migrate-to', 'postgres://nobody@127.0.0.1:1/hub', '--data', join(dir, 'hub')]);
    expect(noServer.code).toBe(2);
    expect(noServer.out.trim().split('\n')).toHaveLength(1);
  }, 60_000);
});
