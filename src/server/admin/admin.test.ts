import { describe, expect, it } from 'vitest';
import type { Queue, Staff } from '../../shared/domain';
import { AdminErrorSchema, type Session } from '../../shared/protocol';
import { adminTestHub } from '../testing/adminHub';

/** The admin API end to end, on a real hub (SQLite, or PostgreSQL with HUB_TEST_STORE=postgres). */
describe('admin API', () => {
  const at = adminTestHub();
  const { call, refusal } = at;
  const newQueue = async (over: Record<string, unknown> = {}) => {
    const r = await call('POST', '/api/v1/admin/queues', { name: 'Returns', channels: ['chat'], languages: ['en'], ...over });
    expect(r.status).toBe(201);
    return r.body as unknown as Queue;
  };
  let n = 0;
  const newStaff = async (over: Record<string, unknown> = {}) => {
    const r = await call('POST', '/api/v1/admin/staff', { username: `person${++n}`, name: 'Ewa Nowak', role: 'agent', languages: ['pl'], password: 'a-long-enough-secret-9', ...over });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return r.body as unknown as Staff & { oneTimePassword?: string };
  };
  const signIn = (username: string, password: string) => at.t.http('/api/v1/auth/login', { username, password });

  it('refuses without a token (401), with a non-admin token (403), with a signed-out token (401)', async () => {
    expect((await call('GET', '/api/v1/admin/queues', undefined, null)).status).toBe(401);
    expect(refusal(await call('GET', '/api/v1/admin/queues', undefined, 'v1.bogus.token')).code).toBe('unauthorized');
    const r = await call('POST', '/api/v1/admin/queues', { name: 'X', channels: ['chat'], languages: ['en'] }, at.agent.accessToken);
    expect(r.status).toBe(403);
    expect(refusal(r).code).toBe('forbidden');
    const other = await at.t.login('adm1');
    await at.t.http('/api/v1/auth/logout', { refreshToken: other.refreshToken });
    expect((await call('GET', '/api/v1/admin/queues', undefined, other.accessToken)).status).toBe(401);
  });

  it('creates a queue that reaches a connected supervisor as a change, and lists it', async () => {
    const sup = await at.t.connect('sup1');
    const queue = await newQueue({ name: 'Complaints', memberIds: ['a2'], sla: { firstResponseMinutes: 5, nextResponseMinutes: 30 } });
    expect(queue).toMatchObject({ name: 'Complaints', channels: ['chat'], memberIds: ['a2'], archived: false, version: 1 });
    const change = await sup.waitFor((c) => c.entity === 'queue' && c.id === queue.id);
    expect(change).toMatchObject({ op: 'upsert', data: { name: 'Complaints' } });
    const listed = await call('GET', '/api/v1/admin/queues');
    expect((listed.body.items as Queue[]).map((q) => q.id)).toContain(queue.id);
    sup.socket.disconnect();
  });

  it('refuses a queue without channels, unknown members and unknown ids, naming the field', async () => {
    const noChannels = await call('POST', '/api/v1/admin/queues', { name: 'X', channels: [], languages: ['en'] });
    expect(noChannels.status).toBe(400);
    expect(refusal(noChannels)).toMatchObject({ code: 'invalid', field: 'channels' });
    const unknownMember = await call('POST', '/api/v1/admin/queues', { name: 'X', channels: ['chat'], languages: ['en'], memberIds: ['ghost'] });
    expect(unknownMember.status).toBe(404);
    expect(refusal(unknownMember).field).toBe('memberIds');
    expect((await call('PATCH', '/api/v1/admin/queues/no-such-queue', { name: 'Y' })).status).toBe(404);
    expect((await call('POST', '/api/v1/admin/staff/no-such-person/deactivate', {})).status).toBe(404);
  });

  it('tells a person removed from a queue that their scope changed', async () => {
    const a2 = await at.t.connect('a2');
    const r = await call('PATCH', '/api/v1/admin/queues/q-chat', { memberIds: ['a1'] });
    expect(r.status).toBe(200);
    expect(await a2.waitForEvent('scope')).toMatchObject({ queueIds: expect.not.arrayContaining(['q-chat']) });
    await call('PATCH', '/api/v1/admin/queues/q-chat', { memberIds: ['a1', 'a2'] });
    a2.socket.disconnect();
  });

  it('creates a person who signs in with the given password; a taken username is 409', async () => {
    const s = await newStaff({ username: 'Marta.K', queueIds: ['q-chat'], capacity: { chat: 0 } });
    expect(s).toMatchObject({ username: 'marta.k', active: true, status: 'offline', capacity: { chat: 0, email: 5 } });
    expect(s.oneTimePassword).toBeUndefined();
    const session = await signIn('marta.k', 'a-long-enough-secret-9');
    expect(session.status).toBe(200);
    expect(session.body.mustChangePassword).toBeUndefined();
    expect((session.body as unknown as Session).staff.id).toBe(s.id);
    const taken = await call('POST', '/api/v1/admin/staff', { username: 'MARTA.K', name: 'Other', role: 'agent', languages: ['en'], password: 'another-long-secret-1' });
    expect(taken.status).toBe(409);
    expect(refusal(taken).field).toBe('username');
  });

  it('gives a one-time password when none is given, and sign-in says it must be changed', async () => {
    const s = await newStaff({ password: undefined });
    expect(s.oneTimePassword).toMatch(/^[\w-]{20}$/);
    const session = await signIn(s.username, s.oneTimePassword!);
    expect(session.body.mustChangePassword).toBe(true);
    const flagged = await newStaff({ mustChange: true });
    expect((await signIn(flagged.username, 'a-long-enough-secret-9')).body.mustChangePassword).toBe(true);
  });

  it('refuses weak passwords, negative capacity, unknown fields and unknown queues', async () => {
    const weak = await call('POST', '/api/v1/admin/staff', { username: 'weak1', name: 'W', role: 'agent', languages: ['en'], password: 'password123' });
    expect(weak.status).toBe(400);
    expect(refusal(weak).field).toBe('password');
    const negative = await call('POST', '/api/v1/admin/staff', { username: 'neg1', name: 'N', role: 'agent', languages: ['en'], capacity: { chat: -1 } });
    expect(negative.status).toBe(400);
    expect(refusal(negative).field).toBe('capacity.chat');
    const extra = await call('POST', '/api/v1/admin/staff', { username: 'x1', name: 'X', role: 'agent', languages: ['en'], isAdmin: true });
    expect(refusal(extra)).toMatchObject({ code: 'invalid', field: 'isAdmin' });
    const unknownQueue = await call('POST', '/api/v1/admin/staff', { username: 'x2', name: 'X', role: 'agent', languages: ['en'], queueIds: ['ghost'] });
    expect(unknownQueue.status).toBe(404);
    expect(refusal(unknownQueue).field).toBe('queueIds');
  });

  it('updates a person and resets their password (one-time, returned once)', async () => {
    const s = await newStaff();
    const updated = await call('PATCH', `/api/v1/admin/staff/${s.id}`, { name: 'Ewa Kowalska', role: 'supervisor', capacity: { email: 2 } });
    expect(updated.body).toMatchObject({ name: 'Ewa Kowalska', role: 'supervisor', capacity: { email: 2, chat: 3 }, version: 2 });
    const reset = await call('POST', `/api/v1/admin/staff/${s.id}/reset-password`);
    expect(reset.status).toBe(200);
    const oneTime = reset.body.oneTimePassword as string;
    expect((await signIn(s.username, 'a-long-enough-secret-9')).status).toBe(401);
    expect((await signIn(s.username, oneTime)).body.mustChangePassword).toBe(true);
    const given = await call('POST', `/api/v1/admin/staff/${s.id}/reset-password`, { password: 'chosen-by-the-admin-7', mustChange: false });
    expect(given.body).toEqual({ id: s.id, mustChangePassword: false });
    expect((await signIn(s.username, 'chosen-by-the-admin-7')).body.mustChangePassword).toBeUndefined();
  });

  it('deactivates a person: their socket closes within a second, sign-in is refused; reactivation lets them back', async () => {
    const s = await newStaff({ queueIds: ['q-chat'] });
    const login = await signIn(s.username, 'a-long-enough-secret-9');
    const client = await at.t.connect(login.body as unknown as Session);
    const closed = new Promise<number>((resolve) => client.socket.once('disconnect', () => resolve(Date.now())));
    const started = Date.now();
    const r = await call('POST', `/api/v1/admin/staff/${s.id}/deactivate`);
    expect(r.body).toMatchObject({ active: false, status: 'offline' });
    expect((await closed) - started).toBeLessThan(1_000);
    const refused = await signIn(s.username, 'a-long-enough-secret-9');
    expect(refused.status).toBe(403);
    expect(refused.body.error).toBe('deactivated');
    // Their refresh token is dead too.
    expect((await at.t.http('/api/v1/auth/refresh', { refreshToken: (login.body as unknown as Session).refreshToken })).status).toBe(401);
    expect((await call('POST', `/api/v1/admin/staff/${s.id}/reactivate`)).body).toMatchObject({ active: true });
    expect((await signIn(s.username, 'a-long-enough-secret-9')).status).toBe(200);
  });

  it('refuses to deactivate someone holding open cases unless told where they go, then moves them in the same step', async () => {
    const s = await newStaff({ queueIds: ['q-chat'], languages: ['en', 'pl'] });
    const client = await at.t.connect((await signIn(s.username, 'a-long-enough-secret-9')).body as unknown as Session);
    await client.mutate({ type: 'staff.setStatus', status: 'available' });
    // Everyone else is busy, so the new case goes to the new person.
    for (const id of ['a1', 'a2']) await at.t.hub.ctx.write(async (w) => void (await w.save('staff', { ...w.ctx.staff(id)!, status: 'away', version: w.ctx.staff(id)!.version + 1 })));
    const inbound = await at.t.inbound({ from: { email: 'deactivate-me@example.pl' } });
    expect(inbound.body.assigneeId).toBe(s.id);
    const refused = await call('POST', `/api/v1/admin/staff/${s.id}/deactivate`, {});
    expect(refused.status).toBe(409);
    expect(refusal(refused).message).toMatch(/open case/);
    const moved = await call('POST', `/api/v1/admin/staff/${s.id}/deactivate`, { moveCasesTo: { staffId: 'a2' } });
    expect(moved.status).toBe(200);
    expect((await at.t.hub.ctx.store.get('case', inbound.body.caseId as string))?.assigneeId).toBe('a2');
  });

  it('refuses to deactivate or demote the last active admin', async () => {
    const demote = await call('PATCH', '/api/v1/admin/staff/adm1', { role: 'supervisor' });
    expect(demote.status).toBe(409);
    expect(refusal(demote).message).toMatch(/last active administrator/);
    const second = await newStaff({ role: 'admin' });
    const self = await call('POST', '/api/v1/admin/staff/adm1/deactivate');
    expect(self.status).toBe(409);
    await call('POST', `/api/v1/admin/staff/${second.id}/deactivate`);
    expect((await call('PATCH', '/api/v1/admin/staff/adm1', { role: 'agent' })).status).toBe(409);
  });

  it('archives a queue: refused with open cases unless moved, which moves them in the same step', async () => {
    const queue = await newQueue({ channels: ['sms'], languages: ['en', 'pl'] });
    const inbound = await at.t.inbound({ channel: 'sms', from: { phone: '+48 601 999 111' } });
    const sup = await at.t.connect('sup1');
    await sup.mutate({ type: 'supervisor.reassign', caseIds: [inbound.body.caseId], to: { queueId: queue.id } });
    sup.socket.disconnect();
    expect((await at.t.hub.ctx.store.get('case', inbound.body.caseId as string))?.queueId).toBe(queue.id);
    expect((await call('POST', `/api/v1/admin/queues/${queue.id}/archive`)).status).toBe(409);
    expect((await call('POST', `/api/v1/admin/queues/${queue.id}/archive`, { moveCasesTo: { queueId: queue.id } })).status).toBe(404);
    const archived = await call('POST', `/api/v1/admin/queues/${queue.id}/archive`, { moveCasesTo: { queueId: 'q-chat' } });
    expect(archived.body).toMatchObject({ archived: true });
    expect((await at.t.hub.ctx.store.get('case', inbound.body.caseId as string))?.queueId).toBe('q-chat');
    expect((await call('POST', `/api/v1/admin/queues/${queue.id}/archive`)).body).toMatchObject({ archived: true, version: archived.body.version });
  });

  it('creates and updates stores, articles (draft or published) and canned responses', async () => {
    const store = await call('POST', '/api/v1/admin/stores', { name: 'Kraków Rynek', city: 'Kraków' });
    expect(store.status).toBe(201);
    expect((await call('PATCH', `/api/v1/admin/stores/${store.body.id as string}`, { city: 'Krakow' })).body).toMatchObject({ name: 'Kraków Rynek', city: 'Krakow' });
    const a1 = await at.t.connect('a1');
    const article = await call('POST', '/api/v1/admin/articles', { title: 'Returns', body: 'Within 30 days.', language: 'en', queueId: 'q-chat', tags: ['returns'] });
    expect(article.body).toMatchObject({ status: 'draft' });
    const published = await call('PATCH', `/api/v1/admin/articles/${article.body.id as string}`, { status: 'published' });
    expect(published.body).toMatchObject({ status: 'published', title: 'Returns' });
    // An agent hears of the article only once it is published.
    const seen = await a1.waitFor((c) => c.entity === 'kb' && c.id === article.body.id);
    expect(seen).toMatchObject({ data: { status: 'published' } });
    expect(a1.changes.filter((c) => c.entity === 'kb' && c.id === article.body.id)).toHaveLength(1);
    a1.socket.disconnect();
    const canned = await call('POST', '/api/v1/admin/canned', { shortcut: 'thanks', title: 'Thanks', body: 'Thank you!', language: 'en' });
    expect(canned.status).toBe(201);
    const dup = await call('POST', '/api/v1/admin/canned', { shortcut: 'THANKS', title: 'Thanks again', body: '!', language: 'en' });
    expect(dup.status).toBe(409);
    expect((await call('PATCH', `/api/v1/admin/canned/${canned.body.id as string}`, { queueId: 'q-el' })).body).toMatchObject({ queueId: 'q-el' });
    for (const path of ['stores', 'articles', 'canned', 'staff']) expect(((await call('GET', `/api/v1/admin/${path}`)).body.items as unknown[]).length).toBeGreaterThan(0);
  });

  it('sets the workstation policy, which sign-ins and connections then carry', async () => {
    expect((await call('GET', '/api/v1/admin/policy')).body).toEqual({ maxOfflineHours: 72, idleLockMinutes: 15 });
    expect((await call('PUT', '/api/v1/admin/policy', { maxOfflineHours: 24, idleLockMinutes: 5 })).status).toBe(200);
    expect((await at.t.login('a2')).policy).toEqual({ maxOfflineHours: 24, idleLockMinutes: 5 });
    const client = await at.t.connect('a2');
    expect(client.events.find((e) => e.name === 'hello')?.payload).toMatchObject({ policy: { maxOfflineHours: 24, idleLockMinutes: 5 } });
    client.socket.disconnect();
    expect(refusal(await call('PUT', '/api/v1/admin/policy', { maxOfflineHours: 0, idleLockMinutes: 5 })).field).toBe('maxOfflineHours');
  });

  it('audits every action with before and after, and never a password', async () => {
    const s = await newStaff({ password: 'never-in-the-audit-42' });
    await call('PATCH', `/api/v1/admin/staff/${s.id}`, { name: 'Renamed Person' });
    const reset = await call('POST', `/api/v1/admin/staff/${s.id}/reset-password`);
    const sup = await at.t.connect('sup1');
    const { entries } = await sup.request('audit:query', { limit: 500 });
    sup.socket.disconnect();
    const mine = entries.filter((e) => e.targetId === s.id);
    expect(mine.map((e) => e.action).sort()).toEqual(['staff.create', 'staff.password', 'staff.update']);
    expect(mine.find((e) => e.action === 'staff.update')).toMatchObject({ actorId: 'adm1', before: { name: 'Ewa Nowak' }, after: { name: 'Renamed Person' } });
    const all = JSON.stringify(entries);
    for (const secret of ['never-in-the-audit-42', reset.body.oneTimePassword as string, 'scrypt']) expect(all).not.toContain(secret);
    expect(entries.some((e) => e.action === 'queue.create' && e.before === null && (e.after as Queue).name === 'Complaints')).toBe(true);
  });

  it('answers hostile, malformed and oversized bodies with a 4xx in the one error shape', async () => {
    const cases: Array<[string, string, unknown, string?]> = [
      ['POST', '/api/v1/admin/queues', '{"name":'],
      ['POST', '/api/v1/admin/queues', 'null'],
      ['POST', '/api/v1/admin/queues', '[]'],
      ['POST', '/api/v1/admin/queues', '"a string"'],
      ['POST', '/api/v1/admin/queues', '{"__proto__":{"x":1},"name":"x","channels":["chat"],"languages":["en"]}'],
      ['POST', '/api/v1/admin/queues', { name: 'x'.repeat(10_000), channels: ['chat'], languages: ['en'] }],
      ['POST', '/api/v1/admin/queues', { name: 'x', channels: ['telepathy'], languages: ['en'] }],
      ['POST', '/api/v1/admin/staff', { username: 'a\u0000b', name: 'x', role: 'agent', languages: ['en'] }],
      ['POST', '/api/v1/admin/staff', { username: 'ok1', name: 'x', role: 'root', languages: ['en'] }],
      ['POST', '/api/v1/admin/staff', { username: 'ok2', name: 'x', role: 'agent', languages: ['en'], capacity: { chat: 1e300 } }],
      ['PATCH', '/api/v1/admin/staff/%E0%A4%A', { name: 'x' }],
      ['PATCH', `/api/v1/admin/staff/${'x'.repeat(500)}`, { name: 'x' }],
      ['POST', '/api/v1/admin/queues', 'x'.repeat(70 * 1024)],
      ['POST', '/api/v1/admin/queues', '{}', 'text/plain'],
      ['DELETE', '/api/v1/admin/queues', undefined],
      ['GET', '/api/v1/admin/nothing-here', undefined],
      ['POST', '/api/v1/admin/policy', {}],
    ];
    for (const [method, path, body, type] of cases) {
      const r = await call(method, path, body, at.admin.accessToken, type);
      expect(r.status, `${method} ${path} ${String(body).slice(0, 40)}`).toBeGreaterThanOrEqual(400);
      expect(r.status).toBeLessThan(500);
      expect(AdminErrorSchema.safeParse(r.body).success, JSON.stringify(r.body)).toBe(true);
    }
  });

  it('publishes an OpenAPI 3.1 document listing every admin path', async () => {
    const res = await fetch(`${at.t.hub.url}/api/v1/openapi.json`);
    const doc = (await res.json()) as { openapi: string; paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: { properties?: object } }> } }>> };
    expect(doc.openapi).toBe('3.1.0');
    const expected = {
      '/api/v1/admin/staff': ['get', 'post'],
      '/api/v1/admin/staff/{id}': ['patch'],
      '/api/v1/admin/staff/{id}/deactivate': ['post'],
      '/api/v1/admin/staff/{id}/reactivate': ['post'],
      '/api/v1/admin/staff/{id}/reset-password': ['post'],
      '/api/v1/admin/queues': ['get', 'post'],
      '/api/v1/admin/queues/{id}': ['patch'],
      '/api/v1/admin/queues/{id}/archive': ['post'],
      '/api/v1/admin/stores': ['get', 'post'],
      '/api/v1/admin/stores/{id}': ['patch'],
      '/api/v1/admin/articles': ['get', 'post'],
      '/api/v1/admin/articles/{id}': ['patch'],
      '/api/v1/admin/canned': ['get', 'post'],
      '/api/v1/admin/canned/{id}': ['patch'],
      '/api/v1/admin/policy': ['get', 'put'],
      '/api/v1/admin/connectors': ['get'],
      '/api/v1/admin/connectors/{channel}': ['delete', 'put'],
      '/api/v1/admin/mailboxes': ['get'],
      '/api/v1/admin/mailboxes/{address}': ['delete', 'put'],
      '/api/v1/admin/import/customers': ['post'],
      '/api/v1/admin/import/staff': ['post'],
      '/api/v1/admin/webchat': ['get', 'put'],
      '/api/v1/reports/summary': ['get'],
    };
    expect(Object.fromEntries(Object.entries(doc.paths).map(([p, ops]) => [p, Object.keys(ops).sort()]))).toEqual(expected);
    expect(doc.paths['/api/v1/admin/staff'].post.requestBody?.content['application/json'].schema.properties).toHaveProperty('username');
  });
});
