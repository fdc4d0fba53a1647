import { afterEach, describe, expect, it } from 'vitest';
import { request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { io } from 'socket.io-client';
import { slowDownMs } from './auth/authService';
import { startTestHub, testClock, type TestHub } from './testing/hubHarness';

let t: TestHub;
afterEach(async () => {
  await t?.stop();
});

/** Signs in from a given loopback address (the whole of 127.0.0.0/8 is this machine), timing the answer. */
function loginFrom(localAddress: string, username: string, password: string) {
  const body = JSON.stringify({ username, password });
  const started = performance.now();
  return new Promise<{ status: number; ms: number }>((resolve, reject) => {
    const req = request(
      `${t.hub.url}/api/v1/auth/login`,
      { method: 'POST', localAddress, headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) } },
      (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - started }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

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

  it('refuses a source that keeps guessing one account, but never locks the real person out from elsewhere', async () => {
    t = await startTestHub();
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await loginFrom('127.0.0.1', 'a2', `guess-${i}`)).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    // Even the right password is refused from the guessing source for now...
    expect((await loginFrom('127.0.0.1', 'a2', 'a2-password-1')).status).toBe(429);
    // ...while the real person, elsewhere, signs in (slowed down a little, not refused).
    const real = await loginFrom('127.0.0.2', 'a2', 'a2-password-1');
    expect(real.status).toBe(200);
    expect(real.ms).toBeGreaterThanOrEqual(slowDownMs(5) - 20);
  });

  it('behind a trusted load balancer, tells sources apart by X-Forwarded-For, and ignores it otherwise', async () => {
    t = await startTestHub({ trustProxy: true });
    const from = (address: string, password: string) => t.http('/api/v1/auth/login', { username: 'a2', password }, { 'X-Forwarded-For': `203.0.113.9, ${address}` });
    for (let i = 0; i < 5; i++) expect((await from('10.0.0.1', `guess-${i}`)).status).toBe(401);
    expect((await from('10.0.0.1', 'a2-password-1')).status).toBe(429);
    expect((await from('10.0.0.2', 'a2-password-1')).status).toBe(200);
    await t.stop();
    t = await startTestHub();
    for (let i = 0; i < 5; i++) expect((await from('10.0.0.1', `guess-${i}`)).status).toBe(401);
    // Not trusted: every request is from this machine, whatever the header says.
    expect((await from('10.0.0.2', 'a2-password-1')).status).toBe(429);
  });

  it('slows sign-ins to an account guessed at from many sources down, and still lets the right password in', async () => {
    t = await startTestHub();
    for (let i = 0; i < 8; i++) expect((await loginFrom(`127.0.0.${10 + i}`, 'a1', `guess-${i}`)).status).toBe(401);
    const slowed = await loginFrom('127.0.0.30', 'a1', 'a1-password-1');
    expect(slowed.status).toBe(200);
    expect(slowed.ms).toBeGreaterThanOrEqual(slowDownMs(8) - 20);
    expect(slowDownMs(4)).toBe(0);
    expect(slowDownMs(100)).toBe(4_000);
  });

  it('ends the session when a refresh token that was already used comes back (reuse means theft)', async () => {
    t = await startTestHub();
    const a1 = await t.connect('a1');
    const stolen = a1.session.refreshToken;
    const rotated = await t.http('/api/v1/auth/refresh', { refreshToken: stolen });
    expect(rotated.status).toBe(200);
    // The thief (or the original, after the thief) presents the old token: refused, and the session ends for both.
    expect(await t.http('/api/v1/auth/refresh', { refreshToken: stolen })).toMatchObject({ status: 401, body: { error: 'revoked' } });
    expect(await a1.waitForEvent('auth:expired')).toEqual({ reason: 'revoked' });
    expect((await t.http('/api/v1/auth/refresh', { refreshToken: rotated.body.refreshToken as string })).status).toBe(401);
    const audit = await (await t.connect('sup1')).request('audit:query', { action: 'auth.revoke', limit: 10 });
    expect(audit.entries).toEqual([expect.objectContaining({ actorId: 'a1', targetId: 'a1', after: { reason: 'refresh-token-reused' } })]);
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

  it('takes a person offline when they sign out of their last session, not while another is open', async () => {
    t = await startTestHub();
    const desk = await t.connect('a1');
    const laptop = await t.connect('a1');
    expect(t.hub.ctx.staff('a1')?.status).toBe('available');
    expect((await t.http('/api/v1/auth/logout', { refreshToken: desk.session.refreshToken })).status).toBe(200);
    expect(t.hub.ctx.staff('a1')?.status).toBe('available');
    expect((await t.http('/api/v1/auth/logout', { refreshToken: laptop.session.refreshToken })).status).toBe(200);
    expect(t.hub.ctx.staff('a1')?.status).toBe('offline');
    // Signing out again changes nothing.
    expect((await t.http('/api/v1/auth/logout', { refreshToken: laptop.session.refreshToken })).status).toBe(200);
    expect(t.hub.ctx.staff('a1')?.status).toBe('offline');
  });
});

describe('event validation', () => {
  it('rejects unknown events, malformed payloads and oversized messages without changing anything', async () => {
    t = await startTestHub();
    const a1 = await t.connect('a1');
    const head = (await t.hub.ctx.store.head());
    const unknown = await (a1.socket.timeout(3000).emitWithAck as (...a: unknown[]) => Promise<unknown>)('drop:tables', {});
    expect(unknown).toMatchObject({ ok: false, reason: 'invalid', message: 'unknown event "drop:tables"' });
    await expect(a1.request('sync:pull', { cursor: -1, limit: 10 })).rejects.toMatchObject({ reason: 'invalid' });
    const bad = await a1.request('mutate', { mutationId: 'not-a-uuid', type: 'note', caseId: 'x', text: 'hi' } as never).catch((e) => e);
    expect(bad).toMatchObject({ reason: 'invalid' });
    expect(String(bad.message)).toMatch(/mutationId/);
    const closed = new Promise((resolve) => a1.socket.once('disconnect', resolve));
    a1.socket.emit('mutate', { mutationId: crypto.randomUUID(), type: 'note', caseId: 'x', text: 'x'.repeat(300_000) } as never, () => {});
    expect(await closed).toBeTruthy();
    expect((await t.hub.ctx.store.head())).toBe(head);
  });
});
