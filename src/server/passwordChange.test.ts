import { afterEach, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from './testing/hubHarness';

let t: TestHub;
afterEach(async () => {
  await t?.stop();
});

const NEW = 'lantern-orchard-1987';

const change = (accessToken: string | null, body: unknown) =>
  t.http('/api/v1/auth/password', body, accessToken === null ? {} : { Authorization: `Bearer ${accessToken}` });

describe('changing one’s own password', () => {
  it('stores the new password, ends the person’s other sessions everywhere, keeps this one, and audits it without the password', async () => {
    t = await startTestHub();
    const elsewhere = await t.connect('a1');
    const here = await t.connect('a1');
    const bystander = await t.connect('a2');
    const answer = await change(here.session.accessToken, { currentPassword: 'a1-password-1', newPassword: NEW });
    expect(answer).toEqual({ status: 200, body: { ok: true, endedSessions: 1 } });

    expect(await elsewhere.waitForEvent('auth:expired')).toEqual({ reason: 'revoked' });
    expect((await t.http('/api/v1/auth/refresh', { refreshToken: elsewhere.session.refreshToken })).status).toBe(401);
    // This session goes on: its socket answers and its refresh token still works.
    await expect(here.request('audit:query', { limit: 1 })).rejects.toMatchObject({ reason: 'forbidden' });
    expect((await t.http('/api/v1/auth/refresh', { refreshToken: here.session.refreshToken })).status).toBe(200);
    expect(bystander.events.some((e) => e.name === 'auth:expired')).toBe(false);

    expect((await t.http('/api/v1/auth/login', { username: 'a1', password: 'a1-password-1' })).status).toBe(401);
    expect((await t.http('/api/v1/auth/login', { username: 'a1', password: NEW })).status).toBe(200);

    const audit = await (await t.connect('sup1')).request('audit:query', { action: 'auth.password', limit: 10 });
    expect(audit.entries).toEqual([expect.objectContaining({ actorId: 'a1', targetType: 'staff', targetId: 'a1', after: { endedSessions: 1 } })]);
    expect(JSON.stringify(audit.entries)).not.toMatch(/password-1|lantern/);
  });

  it('refuses a wrong current password under the sign-in limits', async () => {
    t = await startTestHub();
    const { accessToken } = await t.login('a2');
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await change(accessToken, { currentPassword: `guess-${i}`, newPassword: NEW })).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    // The same counters as sign-in: this address may no longer try a2's password there either.
    expect((await t.http('/api/v1/auth/login', { username: 'a2', password: 'a2-password-1' })).status).toBe(429);
  });

  it('refuses a new password the password rule refuses, with its code', async () => {
    t = await startTestHub();
    const { accessToken } = await t.login('a1');
    const refusals: Record<string, string> = { short: 'too-short', ['x'.repeat(300)]: 'too-long', password2024: 'common', 'Password2024!': 'common', 'my-a1-is-long-enough': 'same-as-username' };
    for (const [newPassword, code] of Object.entries(refusals)) {
      expect(await change(accessToken, { currentPassword: 'a1-password-1', newPassword })).toMatchObject({ status: 400, body: { ok: false, error: code } });
    }
    expect((await t.http('/api/v1/auth/login', { username: 'a1', password: 'a1-password-1' })).status).toBe(200);
  });

  it('needs a valid access token of a live session', async () => {
    t = await startTestHub();
    const session = await t.login('a1');
    const body = { currentPassword: 'a1-password-1', newPassword: NEW };
    for (const header of [null, 'garbage', `${session.accessToken}x`]) {
      const res = header === null ? await change(null, body) : await t.http('/api/v1/auth/password', body, { Authorization: header === 'garbage' ? header : `Bearer ${header}` });
      expect(res.status).toBe(401);
    }
    await t.http('/api/v1/auth/logout', { refreshToken: session.refreshToken });
    expect(await change(session.accessToken, body)).toMatchObject({ status: 401, body: { error: 'revoked' } });
    expect((await t.http('/api/v1/auth/login', { username: 'a1', password: 'a1-password-1' })).status).toBe(200);
  });

  it('answers malformed, hostile and oversized bodies with a 4xx, never a 500', async () => {
    t = await startTestHub();
    const { accessToken } = await t.login('a1');
    const bodies: unknown[] = [
      'not json',
      '{"currentPassword":',
      [],
      null,
      {},
      { currentPassword: 'a1-password-1' },
      { currentPassword: 'a1-password-1', newPassword: NEW, extra: 1 },
      { currentPassword: 1, newPassword: NEW },
      { currentPassword: '', newPassword: NEW },
      { currentPassword: 'a1-password-1', newPassword: { $gt: '' } },
      { currentPassword: 'a1-password-1', newPassword: 'y'.repeat(5_000) },
      { ['__proto__']: { admin: true }, currentPassword: 'a1-password-1', newPassword: NEW },
      JSON.stringify({ currentPassword: 'a1-password-1', newPassword: 'z'.repeat(70_000) }),
    ];
    for (const body of bodies) {
      const res = await change(accessToken, body);
      expect(res.status, JSON.stringify(body).slice(0, 80)).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
    }
    expect((await t.http('/api/v1/auth/login', { username: 'a1', password: 'a1-password-1' })).status).toBe(200);
  });
});
