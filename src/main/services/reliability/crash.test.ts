import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Interaction } from '../../../shared/domain';
import { bundleScript } from '../../../server/testing/bundledScript';
import { startTestHub, type TestHub } from '../../../server/testing/hubHarness';
import { openCacheDatabase } from '../cache/database';
import { readSyncState } from '../cache/syncState';
import { listOutbox } from '../outbox/outbox';
import { tempDir } from '../testing/fixtures';

/**
 * Kills the engine's sync process (SIGKILL) at random moments during bootstrap, live sync and outbox flushing,
 * 100 times, and checks after every kill what must survive any crash: the cache file is intact, its cursor
 * never runs ahead of its data, and no acknowledged mutation is lost or applied twice on the hub.
 */
const RUNS = Number(process.env.CRASH_RUNS ?? 100);
const CHILD = fileURLToPath(new URL('./crashChild.ts', import.meta.url));

let t: TestHub;
let dirs: ReturnType<typeof tempDir>;
let token: string;
let childArgs: string[];
const children = new Set<ChildProcess>();
const key = randomBytes(32).toString('hex');

beforeAll(async () => {
  t = await startTestHub();
  dirs = tempDir();
  childArgs = await bundleScript(CHILD, dirs.dir);
  token = (await t.login('sup1')).accessToken;
  for (let i = 0; i < 60; i++) await t.inbound({ channel: 'email', subject: `topic ${i}`, text: `first message ${i}`, from: { email: `c${i}@example.com` } });
}, 120_000);
afterAll(async () => {
  // A failed run leaves the next one's process waiting for its turn.
  for (const child of children) child.kill('SIGKILL');
  await t?.stop();
  dirs?.cleanup();
});

interface Run {
  child: ChildProcess;
  lines: string[];
  exited: Promise<void>;
  /** Lets it open the cache and sync (until then it only loads its code). */
  go(): void;
}

function startChild(file: string, mode: string, run: number): Run {
  const child = spawn(process.execPath, childArgs, {
    env: { ...process.env, CACHE_FILE: file, CACHE_KEY: key, HUB_URL: t.hub.url, TOKEN: token, MODE: mode, RUN: String(run), STAFF_ID: 'sup1' },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  children.add(child);
  const lines: string[] = [];
  let rest = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    const parts = (rest + chunk.toString('utf8')).split('\n');
    rest = parts.pop() ?? '';
    lines.push(...parts);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return { child, lines, exited, go: () => child.stdin!.end('go\n') };
}

const until = async (pred: () => boolean, ms: number) => {
  const end = Date.now() + ms;
  while (!pred() && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
  return pred();
};

/** Every interaction on the hub, with the seq it was written at. */
async function hubInteractions(): Promise<Array<{ seq: number; data: Interaction }>> {
  return (await t.hub.ctx.store.pull({ all: true }, 0, 1_000_000)).changes.filter((c) => c.entity === 'interaction' && c.op === 'upsert')
    .map((c) => ({ seq: c.seq, data: c.data as Interaction }));
}

describe('crash safety', () => {
  it(`survives ${RUNS} SIGKILLs during bootstrap, live sync and outbox flush`, async () => {
    const acked = new Map<string, string>(); // mutationId -> note text
    const queued = new Map<string, string>(); // mutationId -> note text
    const mainCache = join(dirs.dir, 'main.db');
    // A third of the runs bootstrap a fresh cache; the rest reuse one, syncing live or writing notes.
    const modeOf = (run: number) => (run % 3 === 0 ? 'bootstrap' : run % 3 === 1 ? 'live' : 'outbox');
    const fileOf = (run: number) => (modeOf(run) === 'bootstrap' ? join(dirs.dir, `boot-${run}.db`) : mainCache);
    let checks = 0;
    // Each run's process loads while the one before it runs (starting is most of a run's time).
    let next = startChild(fileOf(0), modeOf(0), 0);
    for (let run = 0; run < RUNS; run++) {
      const file = fileOf(run);
      const r = next;
      r.go();
      next = run + 1 < RUNS ? startChild(fileOf(run + 1), modeOf(run + 1), run + 1) : startChild(mainCache, 'drain', RUNS);
      await until(() => r.lines.includes('started'), 20_000);
      // Live traffic while it runs, so there are changes to apply when the kill lands.
      const traffic = (async () => {
        for (let i = 0; i < 3; i++) await t.inbound({ channel: 'chat', text: `live ${run}-${i}`, from: { email: `c${(run + i) % 60}@example.com` } });
      })();
      await new Promise((resolve) => setTimeout(resolve, 30 + Math.floor(Math.random() * 400)));
      r.child.kill('SIGKILL');
      await r.exited;
      await traffic;
      for (const line of r.lines) {
        const [what, id, ...text] = line.split(' ');
        if (what === 'acked') acked.set(id, text.join(' '));
        if (what === 'queued') queued.set(id, text.join(' '));
      }

      const db = openCacheDatabase(file, { key: Buffer.from(key, 'hex') });
      try {
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
        // The cursor is never ahead of the data: every interaction the hub wrote at or below it is here.
        const { cursor, bootstrapped } = readSyncState(db);
        if (bootstrapped) {
          const have = new Set(db.prepare('SELECT id FROM interactions').pluck().all() as string[]);
          const missing = (await hubInteractions()).filter((i) => i.seq <= cursor && !have.has(i.data.id));
          expect(missing.map((i) => i.data.id)).toEqual([]);
        }
        // A note reported as queued is in the outbox for good (until the hub has it): the write was durable.
        if (file === mainCache) {
          const local = new Set(listOutbox(db).map((e) => e.mutationId));
          const delivered = new Set((await hubInteractions()).filter((i) => i.data.kind === 'note').map((i) => i.data.text));
          for (const [id, text] of queued) expect(local.has(id) || delivered.has(text), text).toBe(true);
        }
        checks++;
      } finally {
        db.close();
      }
    }
    expect(checks).toBe(RUNS);

    // Finally let the engine run undisturbed until its outbox is empty.
    const last = next;
    last.go();
    expect(await until(() => last.lines.includes('drained'), 60_000)).toBe(true);
    last.child.kill('SIGKILL');
    await last.exited;

    // On the hub: every note that reached the outbox, and every one acknowledged (a kill can fall between a
    // note's durable write and its "queued" line), arrived exactly once.
    const texts = new Map<string, number>();
    for (const i of (await hubInteractions())) if (i.data.kind === 'note') texts.set(i.data.text, (texts.get(i.data.text) ?? 0) + 1);
    expect(queued.size).toBeGreaterThan(0);
    expect(acked.size).toBeGreaterThan(0);
    for (const text of [...queued.values(), ...acked.values()]) expect(texts.get(text), text).toBe(1);
  }, 900_000);
});
