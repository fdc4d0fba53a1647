import { z } from 'zod';
import { EmailSchema } from '../../shared/domain';
import { MailboxSchema, type AdminMailbox, type Mailbox, type PutMailbox } from '../../shared/protocol';
import type { StoreReads } from '../store/hubStore';
import { adminWrite, auditAdmin, FieldRefused, type AdminCall } from './adminWrite';

/**
 * Mailboxes the hub speaks email through (see src/shared/protocol/mailbox.ts). Kept in the store's meta as one
 * list, so every hub node reads the same; never in the change feed, the audit or a log with their passwords.
 */

const META_KEY = 'mailboxes';
/** More mailboxes than a contact centre has addresses would only mean listeners without end. */
const MAX_MAILBOXES = 50;

/** Every configured mailbox, by address. */
export async function storedMailboxes(store: Pick<StoreReads, 'meta'>): Promise<Mailbox[]> {
  const raw = await store.meta(META_KEY);
  if (raw === null) return [];
  // Written by this code; a list that no longer parses (a newer hub rolled back) counts as empty, not as a crash.
  const parsed = z.array(MailboxSchema).safeParse(JSON.parse(raw));
  return parsed.success ? parsed.data : [];
}

/** What an admin (and the audit) sees of a mailbox: whether passwords are set, never them. */
export function mailboxView(m: Mailbox): AdminMailbox {
  const inbound = m.inbound.kind === 'smtp'
    ? m.inbound
    : { kind: 'imap' as const, host: m.inbound.host, port: m.inbound.port, secure: m.inbound.secure, user: m.inbound.user, passwordSet: m.inbound.password !== undefined, folder: m.inbound.folder, pollSeconds: m.inbound.pollSeconds };
  return {
    address: m.address,
    name: m.name,
    smtp: { host: m.smtp.host, port: m.smtp.port, secure: m.smtp.secure, user: m.smtp.user ?? null, passwordSet: m.smtp.password !== undefined },
    inbound,
    updatedAt: m.updatedAt,
  };
}

export async function listMailboxes(store: Pick<StoreReads, 'meta'>): Promise<AdminMailbox[]> {
  return (await storedMailboxes(store)).map(mailboxView);
}

function addressOf(raw: string): string {
  const parsed = EmailSchema.safeParse(raw);
  if (!parsed.success) throw new FieldRefused('invalid', 'address', `"${raw}" is not an email address`);
  return parsed.data;
}

/**
 * Adds or changes a mailbox. A password left out keeps the one stored for the same server user (a new user, or
 * a new mailbox, starts without one).
 */
export async function putMailbox(call: AdminCall, rawAddress: string, body: PutMailbox): Promise<AdminMailbox> {
  const address = addressOf(rawAddress);
  return adminWrite(call, async (w, actor) => {
    const now = w.ctx.now();
    const all = await storedMailboxes(w);
    const before = all.find((m) => m.address === address) ?? null;
    if (!before && all.length >= MAX_MAILBOXES) throw new FieldRefused('conflict', 'address', `the hub serves at most ${MAX_MAILBOXES} mailboxes`);
    const listener = body.inbound.kind === 'smtp' ? body.inbound : null;
    const clash = listener && all.find((m) => m.address !== address && m.inbound.kind === 'smtp' && m.inbound.port === listener.port && listener.port !== 0 && m.inbound.host !== listener.host);
    if (clash) throw new FieldRefused('conflict', 'inbound.port', `${clash.address} listens on port ${listener.port} at another address (${clash.inbound.host}): one port, one listening address`);
    const keep = <T extends { user?: string; password?: string }>(next: T, prev: { user?: string; password?: string } | undefined): T =>
      next.password === undefined && prev?.password !== undefined && prev.user === next.user ? { ...next, password: prev.password } : next;
    const inbound = body.inbound.kind === 'imap' ? keep(body.inbound, before?.inbound.kind === 'imap' ? before.inbound : undefined) : body.inbound;
    const next: Mailbox = { address, name: body.name, smtp: keep(body.smtp, before?.smtp), inbound, updatedAt: now };
    await w.setMeta(META_KEY, JSON.stringify([...all.filter((m) => m.address !== address), next].sort((a, b) => a.address.localeCompare(b.address))));
    const after = mailboxView(next);
    await auditAdmin(w, actor, 'mailbox.update', { targetType: 'mailbox', targetId: address }, before && mailboxView(before), after);
    return after;
  });
}

/** Removes a mailbox: the hub stops receiving and sending for it (within seconds on every node). */
export async function removeMailbox(call: AdminCall, rawAddress: string): Promise<AdminMailbox> {
  const address = addressOf(rawAddress);
  return adminWrite(call, async (w, actor) => {
    const all = await storedMailboxes(w);
    const before = all.find((m) => m.address === address);
    if (!before) throw new FieldRefused('not-found', 'address', `no mailbox ${address}`);
    await w.setMeta(META_KEY, JSON.stringify(all.filter((m) => m.address !== address)));
    const shown = mailboxView(before);
    await auditAdmin(w, actor, 'mailbox.remove', { targetType: 'mailbox', targetId: address }, shown, null);
    return shown;
  });
}
