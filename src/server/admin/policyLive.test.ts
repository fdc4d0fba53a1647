import { describe, expect, it } from 'vitest';
import type { Policy } from '../../shared/protocol';
import { adminTestHub } from '../testing/adminHub';
import type { TestClient } from '../testing/hubHarness';

/** A policy an admin sets reaches every connected workstation at once (SQLite, or PostgreSQL with HUB_TEST_STORE=postgres). */
describe('workstation policy, live', () => {
  const hub = adminTestHub();
  const put = (body: unknown, token: string | null = hub.admin.accessToken) => hub.call('PUT', '/api/v1/admin/policy', body, token);
  const policiesOf = (c: TestClient) => c.events.filter((e) => e.name === 'policy').map((e) => e.payload);

  it('reaches every connected workstation (an agent, a supervisor) within a second of the change', async () => {
    const [a1, sup1] = await Promise.all([hub.t.connect(hub.agent), hub.t.connect('sup1')]);
    const changed: Policy = { maxOfflineHours: 12, idleLockMinutes: 3 };
    const startedAt = Date.now();
    expect((await put(changed)).status).toBe(200);
    const received = await Promise.all([a1, sup1].map((c) => c.waitForEvent('policy', 1_000)));
    expect(Date.now() - startedAt).toBeLessThan(1_000);
    expect(received).toEqual([changed, changed]);
    // What they were told is what the hub now hands out.
    expect((await hub.call('GET', '/api/v1/admin/policy')).body).toEqual(changed);
  });

  it('sends nothing for a malformed, hostile or non-admin attempt', async () => {
    const [a2, sup1] = await Promise.all([hub.t.connect('a2'), hub.t.connect('sup1')]);
    const refused: Array<[unknown, string | null, number]> = [
      [{ maxOfflineHours: 0, idleLockMinutes: 5 }, hub.admin.accessToken, 400],
      [{ maxOfflineHours: 24, idleLockMinutes: 24 * 60 + 1 }, hub.admin.accessToken, 400],
      [{ maxOfflineHours: '24', idleLockMinutes: 5 }, hub.admin.accessToken, 400],
      [{ maxOfflineHours: 24, idleLockMinutes: 5, lockNow: true }, hub.admin.accessToken, 400],
      ['{"maxOfflineHours": 24, "idleLockMinutes": 5, "__proto__": {"idleLockMinutes": 1}}', hub.admin.accessToken, 400],
      ['{"maxOfflineHours": 24, "idleLockMinutes":', hub.admin.accessToken, 400],
      [{ maxOfflineHours: 24, idleLockMinutes: 5, pad: 'x'.repeat(70_000) }, hub.admin.accessToken, 413],
      [{ maxOfflineHours: 24, idleLockMinutes: 5 }, hub.agent.accessToken, 403],
      [{ maxOfflineHours: 24, idleLockMinutes: 5 }, null, 401],
    ];
    for (const [body, token, status] of refused) expect((await put(body, token)).status, JSON.stringify(body).slice(0, 80)).toBe(status);
    // A good change after them is the first and only policy either socket gets: the refused ones sent nothing.
    const good: Policy = { maxOfflineHours: 48, idleLockMinutes: 10 };
    expect((await put(good)).status).toBe(200);
    await Promise.all([a2, sup1].map((c) => c.waitForEvent('policy', 1_000)));
    expect(policiesOf(a2)).toEqual([good]);
    expect(policiesOf(sup1)).toEqual([good]);
  });
});
