import nodemailer from 'nodemailer';
import { describe, expect, it } from 'vitest';
import { AdminMailboxSchema } from '../../shared/protocol';
import { adminTestHub } from '../testing/adminHub';

const SMTP_PASSWORD = 'smtp-password-never-shown';
const IMAP_PASSWORD = 'imap-password-never-shown';

/** Mailboxes through the admin API on a real hub: stored, shown without passwords, audited, and listened on. */
describe('mailboxes', () => {
  const hub = adminTestHub();
  const { call, refusal } = hub;
  const put = (address: string, body: unknown, token?: string) => call('PUT', `/api/v1/admin/mailboxes/${encodeURIComponent(address)}`, body, token);
  const listening = { name: 'Shop support', smtp: { host: '127.0.0.1', port: 2525, secure: false, user: 'hub', password: SMTP_PASSWORD }, inbound: { kind: 'smtp', host: '127.0.0.1', port: 0 } };

  it('adds a mailbox, shows whether passwords are set but never them, and starts listening at the next tick', async () => {
    const r = await put('Help@Shop.example', listening);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const shown = AdminMailboxSchema.parse(r.body);
    expect(shown).toMatchObject({ address: 'help@shop.example', smtp: { user: 'hub', passwordSet: true }, inbound: { kind: 'smtp', port: 0 } });
    const listed = await call('GET', '/api/v1/admin/mailboxes');
    expect(listed.body.items).toEqual([shown]);
    expect(JSON.stringify(listed.body)).not.toContain(SMTP_PASSWORD);

    await hub.t.hub.tick();
    const at = hub.t.hub.mail.listenerOf('help@shop.example');
    expect(at).not.toBeNull();
    const client = nodemailer.createTransport({ host: '127.0.0.1', port: at!.port, ignoreTLS: true });
    try {
      await client.sendMail({ from: 'anna@customer.example', to: 'help@shop.example', subject: 'Hello', text: 'Through the console', messageId: '<console-1@customer.example>' });
    } finally {
      client.close();
    }
    expect(await hub.t.hub.ctx.store.caseOfMessage(['<console-1@customer.example>'])).not.toBeNull();
  });

  it('keeps a password left out of a change for the same user, and forgets it for another user', async () => {
    // Port 1 on loopback: nothing answers, so the poller started at the last tick only logs that it cannot connect.
    const imap = { ...listening, smtp: { host: 'smtp.shop.example', port: 465, secure: true, user: 'hub' }, inbound: { kind: 'imap', host: '127.0.0.1', port: 1, secure: false, user: 'support', password: IMAP_PASSWORD } };
    const r = AdminMailboxSchema.parse((await put('orders@shop.example', imap)).body);
    expect(r.inbound).toEqual({ kind: 'imap', host: '127.0.0.1', port: 1, secure: false, user: 'support', passwordSet: true, folder: 'INBOX', pollSeconds: 60 });
    expect(r.smtp.passwordSet).toBe(false);
    const { password: _dropped, ...withoutPassword } = imap.inbound;
    const kept = AdminMailboxSchema.parse((await put('orders@shop.example', { ...imap, inbound: { ...withoutPassword, pollSeconds: 30 } })).body);
    expect(kept.inbound).toMatchObject({ passwordSet: true, pollSeconds: 30 });
    const other = AdminMailboxSchema.parse((await put('orders@shop.example', { ...imap, inbound: { ...withoutPassword, user: 'someone-else' } })).body);
    expect(other.inbound).toMatchObject({ passwordSet: false });
  });

  it('refuses bad input naming the field, and people who are not admins', async () => {
    const cases: Array<[string, unknown, string]> = [
      ['not-an-address', listening, 'address'],
      ['a@shop.example', { ...listening, smtp: { ...listening.smtp, port: 70_000 } }, 'smtp.port'],
      ['a@shop.example', { ...listening, smtp: { ...listening.smtp, host: 'evil.example\r\nRCPT TO:<x>' } }, 'smtp.host'],
      ['a@shop.example', { ...listening, smtp: { ...listening.smtp, password: 'line\r\nbreak' } }, 'smtp.password'],
      ['a@shop.example', { ...listening, inbound: { kind: 'pop3', host: 'x', port: 110 } }, 'inbound.kind'],
      ['a@shop.example', { ...listening, inbound: { kind: 'imap', host: 'x', port: 993, secure: true, user: 'u', pollSeconds: 1 } }, 'inbound.pollSeconds'],
      ['a@shop.example', { ...listening, extra: true }, 'extra'],
      ['a@shop.example', { ...listening, name: '' }, 'name'],
    ];
    for (const [address, body, field] of cases) {
      const r = await put(address, body);
      expect(r.status, `${field}: ${JSON.stringify(r.body)}`).toBe(400);
      expect(refusal(r).field).toBe(field);
    }
    expect((await call('PUT', '/api/v1/admin/mailboxes/a%40shop.example', 'x'.repeat(70_000))).status).toBe(413);
    expect((await put('a@shop.example', listening, hub.agent.accessToken)).status).toBe(403);
    expect((await call('GET', '/api/v1/admin/mailboxes', undefined, null)).status).toBe(401);
  });

  it('removes a mailbox: it stops listening at the next tick; both changes are in the audit without passwords', async () => {
    const removed = await call('DELETE', '/api/v1/admin/mailboxes/help%40shop.example');
    expect(removed.status).toBe(200);
    expect((await call('DELETE', '/api/v1/admin/mailboxes/help%40shop.example')).status).toBe(404);
    await hub.t.hub.tick();
    expect(hub.t.hub.mail.listenerOf('help@shop.example')).toBeNull();
    const audit = await hub.t.hub.ctx.store.queryAudit({ limit: 100 });
    const mine = audit.filter((e) => e.targetType === 'mailbox');
    expect(mine.map((e) => e.action).sort()).toEqual(['mailbox.remove', 'mailbox.update', 'mailbox.update', 'mailbox.update', 'mailbox.update']);
    expect(JSON.stringify(mine)).not.toContain(SMTP_PASSWORD);
    expect(JSON.stringify(mine)).not.toContain(IMAP_PASSWORD);
  });
});
