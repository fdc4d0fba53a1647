import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { threadId } from 'node:worker_threads';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from '../../server/testing/hubHarness';
import type { EngineOptions } from './createEngine';
import { call, signInOnline, testEngineOptions } from './engineTesting';
import type { EngineStartOptions } from './enginePort';
import { startEngineThread, type ThreadEngine } from './engineThread';

/** A port nothing listens on: the hub "cannot be reached". */
const DEAD_HUB = 'http://127.0.0.1:9';
/** How long a test waits for the worker (it compiles the engine's TypeScript with tsx first). */
const WORKER_START_MS = 20_000;

/** The engine tests' options, without the log function, which cannot cross to another thread. */
const startOptions = (dataDir: string, hubUrl: string): EngineStartOptions => {
  const { log: _log, ...options }: EngineOptions = testEngineOptions(dataDir, hubUrl);
  return options;
};

describe('the engine on its own worker thread', () => {
  let dir: string;
  const engines: ThreadEngine[] = [];
  const logged: string[] = [];
  const start = (options: EngineStartOptions, systemIdleMs?: () => number) => {
    const engine = startEngineThread(options, { log: (line) => void logged.push(line), systemIdleMs });
    engines.push(engine);
    return engine;
  };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'engine-thread-'));
    logged.length = 0;
  });
  afterEach(async () => {
    for (const engine of engines.splice(0)) await engine.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('works while the host thread is busy: the engine is not on it', () => {
    const dataDir = join(dir, 'people');
    const engine = start(startOptions(dataDir, DEAD_HUB));
    expect(engine.threadId).not.toBe(threadId);
    // The engine creates its data folder when it starts. This thread never yields while it waits, so only an
    // engine on another thread can create it.
    const deadline = Date.now() + WORKER_START_MS;
    while (!existsSync(dataDir) && Date.now() < deadline);
    expect(existsSync(dataDir)).toBe(true);
  });

  it('relays calls, validation refusals and events, and close() ends the thread', async () => {
    const hub: TestHub = await startTestHub();
    try {
      const engine = start(startOptions(join(dir, 'people'), hub.hub.url));
      expect((await engine.invoke('no.such.channel', {})).ok).toBe(false);
      expect(await engine.invoke('case.view', { caseId: 7 })).toMatchObject({ ok: false, error: { code: 'invalid-input', field: 'caseId' } });
      const sent = await hub.inbound({ channel: 'chat', text: 'Η παραγγελία μου δεν έφτασε', from: { email: 'giorgos@example.gr', name: 'Γιώργος' } });
      const { caseId } = sent.body as { caseId: string };
      // Signing in waits for the `connection.changed` event that says the cache has caught up: events cross too.
      await signInOnline(engine, 'a3');
      expect((await call(engine, 'inbox.list', {})).items.map((item) => item.case.id)).toEqual([caseId]);
      expect((await call(engine, 'case.view', { caseId })).timeline.map((item) => item.text)).toEqual(['Η παραγγελία μου δεν έφτασε']);

      await engine.close();
      await engine.ended;
      expect(await engine.invoke('workstation.info', {})).toMatchObject({ ok: false, error: { code: 'internal' } });
    } finally {
      await hub.stop();
    }
  }, 60_000);

  it('locks on the idle time the host reports with its idle check', async () => {
    const hub: TestHub = await startTestHub();
    try {
      let idleMs = 0;
      const engine = start(startOptions(join(dir, 'people'), hub.hub.url), () => idleMs);
      await signInOnline(engine, 'a1');
      await engine.checkIdle();
      expect(await call(engine, 'workstation.info', {})).toMatchObject({ session: 'signed-in' });
      const { policy } = (await call(engine, 'session.current', {}))!;
      idleMs = policy.idleLockMinutes * 60_000;
      await engine.checkIdle();
      expect(await call(engine, 'workstation.info', {})).toMatchObject({ session: 'locked', locked: { reason: 'idle' } });
    } finally {
      await hub.stop();
    }
  }, 60_000);

  it('answers an input that cannot cross threads with an error, and keeps answering', async () => {
    const engine = start(startOptions(join(dir, 'people'), DEAD_HUB));
    expect(await engine.invoke('search.query', { query: 'Jan', limit: 5, extra: () => 1 })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await call(engine, 'workstation.info', {})).toMatchObject({ session: 'signed-out' });
  });

  it('answers calls waiting on an engine that crashed with an error, not silence, and says why in the log', async () => {
    // A file where the engine's data folder should be: creating the engine throws on its thread.
    const blocked = join(dir, 'not-a-folder');
    writeFileSync(blocked, '');
    const engine = start(startOptions(join(blocked, 'people'), DEAD_HUB));
    const answers = await Promise.all([engine.invoke('workstation.info', {}), engine.checkIdle().then(() => 'checked')]);
    expect(answers).toEqual([{ ok: false, error: { code: 'internal', message: expect.any(String) } }, 'checked']);
    await engine.ended;
    expect(logged.some((line) => line.startsWith('engine: its thread ended:') && line.includes('ENOTDIR'))).toBe(true);
    expect(await engine.invoke('workstation.info', {})).toMatchObject({ ok: false, error: { code: 'internal' } });
    await engine.close();
  });
});
