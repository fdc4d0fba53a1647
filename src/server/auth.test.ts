import { afterEach, describe, expect, it } from 'vitest';
import { io } from 'socket.io-client';
import { startTestHub, testClock, type TestHub } from './testing/hubHarness';

let t: TestHub;
afterEach(async () => {
  await t?.stop();
});

describe('sign-in and sessions', () => {
  it('signs in with the right password only, without saying whether the person exists', async () => {
    t = await startTestHub();
    const ok = await t.http('/api/v1/auth/login', { username: 'a1', password: 'a1-password-1' });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ staff: { id: 'a1' }, policy: { maxOfflineHours: 72, idleLockMinutes: 15 } });
    expect(JSON.stringify(ok.body)).not.toContain('scrypt');
    const wrong = await t.http('/api/v1/auth/login', { username: 'a1', password: 'nope-nope' });
    const unknown = await t.http('/api/v1/auth/login', { username: 'ghost', password: 'nope-nope' });
    expect(wrong).toEqual(unknown);
    expect(wrong.status).toBe(401);
  });

  it('rate-limits repeated failures for one username', async () => {
    t = await startTestHub();
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await t.http('/api/v1/auth/login', { username: 'a2', password: `guess-${i}` })).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
  });

  it('refuses a socket without a valid token', async () => {
    t = await startTestHub();
    for (const auth of [{}, { token: 'v1.e30.bad' }]) {
      const s = io(t.hub.url, { transports: ['websocket'], auth, reconnection: false, forceNew: true });
      const err = await new Promise<Error>((resolve) => s.once('connect_error', resolve));
      expect(err.message).toMatch(/sign in|invalid|expired/);
      s.close();
    }
  });

  it('re-checks expiry: an expired token is refused on the next event and the socket is closed; renew extends it', async () => {
    const clock = testClock();
    t = await startTestHub({ now: clock.now, accessTtlMs: 60_000 });
    const a1 = await t.connect('a1');
    clock.advance(30_000);
    const refreshed = await t.http('/api/v1/auth/refresh', { refreshToken: a1.session.refreshToken });
    expect(refreshed.status).toBe(200);
    expect(await a1.request('auth:renew', { token: refreshed.body.accessToken as string })).toMatchObject({ accessExpiresAt: clock.now() + 60_000 });
    clock.advance(45_000); // past the first token's expiry, within the renewed one
    await a1.request('sync:pull', { cursor: 0, limit: 1 });
    clock.advance(60_000);
    await expect(a1.request('sync:pull', { cursor: 0, limit: 1 })).rejects.toMatchObject({ reason: 'unauthorized' });
    expect(await a1.waitForEvent('auth:expired')).toEqual({ reason: 'expired' });
    // The old refresh token was rotated away.
    expect((await t.http('/api/v1/auth/refresh', { refreshToken: a1.session.refreshToken })).status).toBe(401);
  });

  it('revokes a session on sign-out: its sockets are closed and its tokens stop working', async () => {
    t = await startTestHub();
    const a1 = await t.connect('a1');
    expect((await t.http('/api/v1/auth/logout', { refreshToken: a1.session.refreshToken })).status).toBe(200);
    expect(await a1.waitForEvent('auth:expired')).toEqual({ reason: 'revoked' });
    expect((await t.http('/api/v1/auth/refresh', { refreshToken: a1.session.refreshToken })).status).toBe(401);
    const s = io(t.hub.url, { transports: ['websocket'], auth: { token: a1.session.accessToken }, reconnection: false, forceNew: true });
    expect((await new Promise<Error>((resolve) => s.once('connect_error', resolve))).message).toMatch(/signed out/);
    s.close();
  });
});

describe('event validation', () => {
  it('rejects unknown events, malformed payloads and oversized messages without changing anything', async () => {
    t = await startTestHub();
    const a1 = await t.connect('a1');
    const head = t.hub.ctx.store.head();
    const unknown = await (a1.socket.timeout(3000).emitWithAck as (...a: unknown[]) => Promise<unknown>)('drop:tables', {});
    expect(unknown).toMatchObject({ ok: false, reason: 'invalid', message: 'unknown event "drop:tables"' });
    await expect(a1.request('sync:pull', { cursor: -1, limit: 10 })).rejects.toMatchObject({ reason: 'invalid' });
    const bad = await a1.request('mutate', { mutationId: 'not-a-uuid', type: 'note', caseId: 'x', text: 'hi' } as never).catch((e) => e);
    expect(bad).toMatchObject({ reason: 'invalid' });
    expect(String(bad.message)).toMatch(/mutationId/);
    const closed = new Promise((resolve) => a1.socket.once('disconnect', resolve));
    a1.socket.emit('mutate', { mutationId: crypto.randomUUID(), type: 'note', caseId: 'x', text: 'x'.repeat(300_000) } as never, () => {});
    expect(await closed).toBeTruthy();
    expect(t.hub.ctx.store.head()).toBe(head);
  });
});
