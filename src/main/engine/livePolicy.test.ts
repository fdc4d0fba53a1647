import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Policy } from '../../shared/protocol';
import { startTestHub, type TestHub } from '../../server/testing/hubHarness';
import { person, testOrg } from '../../server/testing/testOrg';
import { createEngine, type Engine, type EngineOptions } from './createEngine';
import { call, closeEngineTest, password, signInOnline, testEngineOptions } from './engineTesting';

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
  afterEach(() => closeEngineTest(engines, hub, dataDir));

  const start = (over: Partial<EngineOptions> = {}) => {
    const engine = createEngine(testEngineOptions(dataDir, hub.hub.url, { clock: () => Date.now() + offsetMs, systemIdleMs: () => idleMs, ...over }));
    engines.push(engine);
    return engine;
  };
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
    await signInOnline(engine, 'a3');
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
    await signInOnline(engine, 'a3');
    await setPolicy({ maxOfflineHours: 2, idleLockMinutes: 30 });
    await policyBecomes(engine, { maxOfflineHours: 2, idleLockMinutes: 30 });
    await engines.pop()!.close();

    offsetMs = HOUR_MS;
    const within = start({ hubUrl: DEAD_HUB });
    await call(within, 'auth.signIn', { username: 'a3', password: password('a3'), mode: 'offline' });
    expect(await call(within, 'session.current', {})).toMatchObject({ signedInOnline: false, policy: { maxOfflineHours: 2, idleLockMinutes: 30 } });
    await engines.pop()!.close();

    // Three hours after the last online sign-in: within the old 72, past the new 2.
    offsetMs = 3 * HOUR_MS;
    const result = await start({ hubUrl: DEAD_HUB }).call('auth.signIn', { username: 'a3', password: password('a3'), mode: 'offline' });
    expect(result).toMatchObject({ ok: false, error: { code: 'offline-expired' } });
  });
});
