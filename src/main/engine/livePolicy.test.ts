import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { channels, type ChannelName, type InputOf, type OutputOf } from '../../shared/ipc/contract';
import type { Policy } from '../../shared/protocol';
import { startTestHub, type TestHub } from '../../server/testing/hubHarness';
import { person, testOrg } from '../../server/testing/testOrg';
import { createEngine, type Engine, type EngineOptions } from './createEngine';

const FAST_KDF = { N: 2 ** 10, r: 8, p: 1 };
const password = (id: string) => `${id}-password-1`;
const HOUR_MS = 3_600_000;
/** A port nothing listens on: the hub "cannot be reached". */
const DEAD_HUB = 'http://127.0.0.1:9';

/** A policy an admin changes while a person is signed in applies on their workstation at once, without signing out. */
describe('workstation policy changed live', () => {
  let hub: TestHub;
  let dataDir: string;
  let offsetMs: number;
  let idleMs: number;
  const engines: Engine[] = [];

  beforeEach(async () => {
    const org = testOrg();
    hub = await startTestHub({ org: { ...org, staff: [...org.staff, person('adm1', 'admin', { status: 'offline' })] } });
    dataDir = mkdtempSync(join(tmpdir(), 'live-policy-'));
    offsetMs = 0;
    idleMs = 0;
  }, 60_000);
  afterEach(async () => {
    for (const e of engines.splice(0)) await e.close();
    await hub.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const start = (over: Partial<EngineOptions> = {}) => {
    const engine = createEngine({
      dataDir,
      hubUrl: hub.hub.url,
      clock: () => Date.now() + offsetMs,
      systemIdleMs: () => idleMs,
      kdf: FAST_KDF,
      idleCheckMs: 0,
      sync: { reconnect: { baseMs: 20, maxMs: 200 }, requestTimeoutMs: 5_000 },
      log: () => {},
      ...over,
    });
    engines.push(engine);
    return engine;
  };
  async function call<C extends ChannelName>(engine: Engine, channel: C, input: InputOf<C>): Promise<OutputOf<C>> {
    const result = await engine.call(channel, input);
    if (!result.ok) throw new Error(`${channel}: ${result.error.code}: ${result.error.message}`);
    return channels[channel].output.parse(result.value) as OutputOf<C>;
  }
  async function signedIn(engine: Engine, id: string, mode: 'online' | 'offline' = 'online'): Promise<void> {
    const online = new Promise<void>((resolve) =>
      engine.subscribe((e) => e.name === 'connection.changed' && e.payload.state === 'online' && e.payload.lastSyncAt !== null && resolve()),
    );
    await call(engine, 'auth.signIn', { username: id, password: password(id), mode });
    if (mode === 'online') await online;
  }
  async function setPolicy(policy: Policy): Promise<void> {
    const admin = await hub.login('adm1');
    const res = await hub.http('/api/v1/admin/policy', policy, { Authorization: `Bearer ${admin.accessToken}` }, 'PUT');
    expect(res.status).toBe(200);
  }
  /** The signed-in person's policy once it equals `policy` (the live event took a moment), or fails after 2 s. */
  async function policyBecomes(engine: Engine, policy: Policy): Promise<void> {
    for (const deadline = Date.now() + 2_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 20))) {
      if (JSON.stringify((await call(engine, 'session.current', {}))?.policy) === JSON.stringify(policy)) return;
    }
    throw new Error(`the policy did not become ${JSON.stringify(policy)}`);
  }

  it('the idle lock uses the new minutes at once', async () => {
    const engine = start();
    await signedIn(engine, 'a3');
    idleMs = 5 * 60_000;
    await engine.checkIdle();
    expect(await call(engine, 'session.current', {})).not.toBeNull();

    await setPolicy({ maxOfflineHours: 72, idleLockMinutes: 2 });
    await policyBecomes(engine, { maxOfflineHours: 72, idleLockMinutes: 2 });
    await engine.checkIdle();
    expect(await call(engine, 'workstation.info', {})).toMatchObject({ session: 'locked', locked: { reason: 'idle' } });
  });

  it('offline sign-in afterwards follows the new hours, and carries the new policy', async () => {
    const engine = start();
    await signedIn(engine, 'a3');
    await setPolicy({ maxOfflineHours: 2, idleLockMinutes: 30 });
    await policyBecomes(engine, { maxOfflineHours: 2, idleLockMinutes: 30 });
    await engines.pop()!.close();

    offsetMs = HOUR_MS;
    const within = start({ hubUrl: DEAD_HUB });
    await signedIn(within, 'a3', 'offline');
    expect(await call(within, 'session.current', {})).toMatchObject({ signedInOnline: false, policy: { maxOfflineHours: 2, idleLockMinutes: 30 } });
    await engines.pop()!.close();

    // Three hours after the last online sign-in: within the old 72, past the new 2.
    offsetMs = 3 * HOUR_MS;
    const result = await start({ hubUrl: DEAD_HUB }).call('auth.signIn', { username: 'a3', password: password('a3'), mode: 'offline' });
    expect(result).toMatchObject({ ok: false, error: { code: 'offline-expired' } });
  });
});
