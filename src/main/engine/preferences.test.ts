import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_NOTIFICATION_SETTINGS } from '../../shared/domain/preferences';
import type { Staff } from '../../shared/domain';
import { startTestHub, type TestClient, type TestHub } from '../../server/testing/hubHarness';
import { testOrg } from '../../server/testing/testOrg';
import { createEngine, type Engine } from './createEngine';
import { call, closeEngineTest, signInOnline, testEngineOptions } from './engineTesting';

describe('a person’s own preferences, kept in their cache, against a real hub', () => {
  let hub: TestHub;
  let dataDir: string;
  let supervisor: TestClient;
  const engines: Engine[] = [];

  beforeEach(async () => {
    // a1 starts the day offline, as every seeded person does.
    const org = testOrg();
    hub = await startTestHub({ org: { ...org, staff: org.staff.map((p) => (p.staff.id === 'a1' ? { ...p, staff: { ...p.staff, status: 'offline' as const } } : p)) } });
    dataDir = mkdtempSync(join(tmpdir(), 'preferences-test-'));
    supervisor = await hub.connect('sup1');
  });
  afterEach(async () => {
    supervisor.socket.disconnect();
    await closeEngineTest(engines, hub, dataDir);
  });

  const start = () => {
    const engine = createEngine(testEngineOptions(dataDir, hub.hub.url));
    engines.push(engine);
    return engine;
  };
  /** The hub's row of a1 once a version after `after` has this status (as the supervisor's feed carries it). */
  const hubSees = async (status: Staff['status'], after = 0) => {
    const seen = (c: { entity: string; id: string; data: unknown }) => c.entity === 'staff' && c.id === 'a1' && (c.data as Staff).status === status && (c.data as Staff).version > after;
    return (await supervisor.waitFor(seen, 10_000)).data as Staff;
  };

  it('puts back the status the person last chose when they sign in offline, and asks when there is none', async () => {
    const engine = start();
    await signInOnline(engine, 'a1');
    // Nothing chosen yet on this workstation: the renderer asks.
    expect(await call(engine, 'status.atSignIn', {})).toEqual({ status: 'offline', restored: null });
    await call(engine, 'staff.setOwnStatus', { status: 'busy' });
    const busy = await hubSees('busy');

    // The supervisor sets them offline at the end of the day; they sign out.
    await supervisor.mutate({ type: 'supervisor.updateStaff', staffId: 'a1', basedOn: { version: busy.version }, patch: { status: 'offline' } });
    const offline = await hubSees('offline', busy.version);
    await call(engine, 'auth.signOut', { force: false });

    await signInOnline(engine, 'a1');
    expect(await call(engine, 'status.atSignIn', {})).toEqual({ status: 'busy', restored: 'busy' });
    // Asked again (the workspace shown again): busy now, by the change on its way or by the feed; nothing to put back.
    expect(await call(engine, 'status.atSignIn', {})).toEqual({ status: 'busy', restored: null });
    await hubSees('busy', offline.version);
    expect(await call(engine, 'status.atSignIn', {})).toEqual({ status: 'busy', restored: null });
  });

  it('keeps notification settings per person across sign-ins; someone else on the PC has their own', async () => {
    const engine = start();
    await signInOnline(engine, 'a1');
    expect(await call(engine, 'notifications.settings', {})).toEqual(DEFAULT_NOTIFICATION_SETTINGS);
    const quiet = { ...DEFAULT_NOTIFICATION_SETTINGS, assignment: { sound: false, os: false } };
    expect(await call(engine, 'notifications.saveSettings', quiet)).toEqual(quiet);
    await call(engine, 'auth.signOut', { force: false });

    await signInOnline(engine, 'a2');
    expect(await call(engine, 'notifications.settings', {})).toEqual(DEFAULT_NOTIFICATION_SETTINGS);
    await call(engine, 'auth.signOut', { force: false });

    await signInOnline(engine, 'a1');
    expect(await call(engine, 'notifications.settings', {})).toEqual(quiet);
    // What is not a setting never gets in.
    const refused = await engine.call('notifications.saveSettings', { ...quiet, alert: { sound: 'loud', os: true } } as never);
    expect(refused.ok).toBe(false);
  });

  it('tells the link’s state on request: online, caught up since it came up', async () => {
    const engine = start();
    await signInOnline(engine, 'a1');
    const link = await call(engine, 'connection.current', {});
    expect(link.state).toBe('online');
    expect(link.lastSyncAt).not.toBeNull();
    expect(link.lastSyncAt!).toBeGreaterThanOrEqual(link.since);
  });
});
