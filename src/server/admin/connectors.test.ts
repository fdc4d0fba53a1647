import { describe, expect, it } from 'vitest';
import { AdminConnectorSchema } from '../../shared/protocol';
import { signBody } from '../http/signature';
import { adminTestHub } from '../testing/adminHub';
import { testClock } from '../testing/hubHarness';

const OLD_IN = 'old-inbound-secret-0123456789abcdef';
const NEW_IN = 'new-inbound-secret-0123456789abcdef';
const OUT = 'outbound-secret-0123456789abcdefghij';

/** Channel connectors through the admin API, and the inbound secrets they set, on a real hub. */
describe('channel connectors', () => {
  const clock = testClock();
  // Tokens outlive the grace periods the test waits out.
  const hub = adminTestHub({ now: clock.now, accessTtlMs: 24 * 3_600_000 });
  const { call, refusal } = hub;
  let n = 0;
  const put = (channel: string, body: Record<string, unknown>) => call('PUT', `/api/v1/admin/connectors/${channel}`, body);
  /** An inbound SMS signed with `secret`: its status (201 taken, 401 refused). */
  async function smsSignedWith(secret: string): Promise<number> {
    const body = JSON.stringify({ channel: 'sms', from: { phone: '+48 600 100 200' }, text: 'Is my order shipped?', externalId: `sms-${++n}` });
    const res = await fetch(`${hub.t.hub.url}/api/v1/inbound`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Signature': signBody(body, secret) }, body });
    return res.status;
  }

  it('registers a connector and shows its secrets as fingerprints only', async () => {
    const r = await put('sms', { url: 'https://sms-gateway.example/deliver', secret: OUT, inboundSecret: OLD_IN });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const shown = AdminConnectorSchema.parse(r.body);
    expect(shown).toMatchObject({ channel: 'sms', url: 'https://sms-gateway.example/deliver', secretGraceUntil: null });
    expect(shown.secretFingerprint).toMatch(/^[0-9a-f]{8}$/);
    // The hub's own secret was what the channel accepted until now: the connector gets the grace to switch.
    expect(shown.inboundGraceUntil).toBe(clock.now() + 60 * 60_000);
    const listed = await call('GET', '/api/v1/admin/connectors');
    expect(listed.body.items).toEqual([shown]);
    expect(JSON.stringify(listed.body)).not.toContain(OUT);
    expect(JSON.stringify(listed.body)).not.toContain(OLD_IN);
  });

  it('checks a channel\'s inbound messages with its connector\'s secret, and the replaced one during its grace only', async () => {
    expect(await smsSignedWith(OLD_IN)).toBe(201);
    expect(await smsSignedWith(hub.t.secret)).toBe(201); // the hub's own, within the first grace
    const r = await put('sms', { url: 'https://sms-gateway.example/deliver', secret: OUT, inboundSecret: NEW_IN, graceMinutes: 30 });
    expect(AdminConnectorSchema.parse(r.body).inboundGraceUntil).toBe(clock.now() + 30 * 60_000);
    expect(await smsSignedWith(NEW_IN)).toBe(201);
    expect(await smsSignedWith(OLD_IN)).toBe(201);
    expect(await smsSignedWith(hub.t.secret)).toBe(401); // only the last replaced secret keeps a grace
    clock.advance(30 * 60_000 + 1);
    expect(await smsSignedWith(OLD_IN)).toBe(401);
    expect(await smsSignedWith(NEW_IN)).toBe(201);
    const [sms] = (await call('GET', '/api/v1/admin/connectors')).body.items as unknown[];
    expect(AdminConnectorSchema.parse(sms).inboundGraceUntil).toBeNull();
    // Other channels keep the hub's own secret.
    const chat = await hub.t.inbound({ channel: 'chat', from: { email: 'chat@example.com' }, text: 'hi', externalId: `chat-${++n}` });
    expect(chat.status).toBe(201);
  });

  it('rotates the outbound secret with the grace chosen, and keeps the inbound one when it is not given', async () => {
    const r = await put('sms', { url: 'https://sms-gateway.example/v2', secret: 'rotated-outbound-secret-0123456789', graceMinutes: 120 });
    const shown = AdminConnectorSchema.parse(r.body);
    expect(shown.secretGraceUntil).toBe(clock.now() + 120 * 60_000);
    expect(shown.inboundGraceUntil).toBeNull();
    expect(await smsSignedWith(NEW_IN)).toBe(201);
    const none = await put('sms', { url: 'https://sms-gateway.example/v2', secret: 'rotated-outbound-secret-abcdefghij', graceMinutes: 0 });
    expect(AdminConnectorSchema.parse(none.body).secretGraceUntil).toBeNull();
  });

  it('removes a connector: its channel is checked with the hub\'s own secret again', async () => {
    const r = await call('DELETE', '/api/v1/admin/connectors/sms');
    expect(r.status).toBe(200);
    expect(await smsSignedWith(NEW_IN)).toBe(401);
    expect(await smsSignedWith(hub.t.secret)).toBe(201);
    expect(refusal(await call('DELETE', '/api/v1/admin/connectors/sms'))).toMatchObject({ code: 'not-found', field: 'channel' });
    expect((await call('GET', '/api/v1/admin/connectors')).body.items).toEqual([]);
  });

  it('audits every change without a secret in it', async () => {
    await put('chat', { url: 'http://127.0.0.1:9/chat', secret: OUT, inboundSecret: OLD_IN });
    const sup = await hub.t.connect('sup1');
    const { entries } = await sup.request('audit:query', { limit: 500 });
    sup.socket.disconnect();
    const mine = entries.filter((e) => e.action.startsWith('connector.'));
    expect(mine.map((e) => e.action).sort()).toEqual(['connector.remove', 'connector.update', 'connector.update', 'connector.update', 'connector.update', 'connector.update']);
    const all = JSON.stringify(mine);
    for (const secret of [OUT, OLD_IN, NEW_IN, 'rotated-outbound-secret']) expect(all).not.toContain(secret);
    expect(mine.find((e) => e.targetId === 'chat')).toMatchObject({ before: null, after: { channel: 'chat', url: 'http://127.0.0.1:9/chat' } });
  });

  it('refuses what is not a connector, naming the field', async () => {
    const cases: Array<[string, Record<string, unknown>, number, string]> = [
      ['email', { url: 'https://x.example', secret: OUT }, 404, 'channel'],
      ['store', { url: 'https://x.example', secret: OUT }, 404, 'channel'],
      ['sms', { url: 'ftp://x.example/in', secret: OUT }, 400, 'url'],
      ['sms', { url: 'javascript:alert(1)', secret: OUT }, 400, 'url'],
      ['sms', { url: 'https://user:pass@x.example/in', secret: OUT }, 400, 'url'],
      ['sms', { url: `https://x.example/${'a'.repeat(2_100)}`, secret: OUT }, 400, 'url'],
      ['sms', { url: 'https://x.example', secret: 'short' }, 400, 'secret'],
      ['sms', { url: 'https://x.example', secret: 'has spaces in it, which break config files' }, 400, 'secret'],
      ['sms', { url: 'https://x.example', secret: OUT, inboundSecret: 'x'.repeat(257) }, 400, 'inboundSecret'],
      ['sms', { url: 'https://x.example', secret: OUT, graceMinutes: -1 }, 400, 'graceMinutes'],
      ['sms', { url: 'https://x.example', secret: OUT, graceMinutes: 7 * 24 * 60 + 1 }, 400, 'graceMinutes'],
      ['sms', { url: 'https://x.example', secret: OUT, extra: 1 }, 400, 'extra'],
      ['sms', { secret: OUT }, 400, 'url'],
    ];
    for (const [channel, body, status, field] of cases) {
      const r = await put(channel, body);
      expect(r.status, `${channel} ${JSON.stringify(body).slice(0, 80)}`).toBe(status);
      expect(refusal(r).field).toBe(field);
    }
    expect((await call('PUT', '/api/v1/admin/connectors/%ZZ', { url: 'https://x.example', secret: OUT })).status).toBe(404);
    expect((await call('POST', '/api/v1/admin/connectors/sms', { url: 'https://x.example', secret: OUT })).status).toBe(405);
  });

  it('is for admins only', async () => {
    const agent = hub.agent;
    expect((await call('GET', '/api/v1/admin/connectors', undefined, null)).status).toBe(401);
    expect((await call('GET', '/api/v1/admin/connectors', undefined, agent.accessToken)).status).toBe(403);
    expect((await call('PUT', '/api/v1/admin/connectors/sms', { url: 'https://x.example', secret: OUT }, agent.accessToken)).status).toBe(403);
  });
});
