import { createHash } from 'node:crypto';
import { z } from 'zod';
import {
  CONNECTOR_CHANNELS,
  ConnectorChannelSchema,
  type AdminConnector,
  type ConnectorChannel,
  type PutConnector,
} from '../../shared/protocol';
import type { HubContext, UnitOfWork } from '../context';
import type { StoreReads } from '../store/hubStore';
import { adminWrite, auditAdmin, FieldRefused, type AdminCall } from './adminWrite';

/**
 * Channel connectors: per channel, where the hub sends deliveries and the secrets both sides sign with. Kept in
 * the store's meta (one key per channel), so every hub node signs and checks alike; never in the change feed,
 * the audit or a log: admins see fingerprints only.
 */

/** A replaced secret and until when it still counts; `secret: null` stands for the hub's own secret. */
const GraceSchema = z.object({ secret: z.string().nullable(), until: z.number().int() });

const StoredConnectorSchema = z.object({
  channel: ConnectorChannelSchema,
  url: z.string(),
  secret: z.string(),
  previousSecret: GraceSchema.nullable(),
  inboundSecret: z.string().nullable(),
  previousInboundSecret: GraceSchema.nullable(),
  updatedAt: z.number().int(),
});
type StoredConnector = z.infer<typeof StoredConnectorSchema>;

const metaKey = (channel: ConnectorChannel) => `connector:${channel}`;

/** The first 8 hex digits of a secret's SHA-256: enough to tell two secrets apart, nothing to sign with. */
export function fingerprint(secret: string): string {
  return createHash('sha256').update(secret).digest('hex').slice(0, 8);
}

async function stored(store: Pick<StoreReads, 'meta'>, channel: ConnectorChannel): Promise<StoredConnector | null> {
  const raw = await store.meta(metaKey(channel));
  if (raw === null) return null;
  // Written by this code; one that no longer parses (a newer hub rolled back) counts as absent, not as a crash.
  const parsed = StoredConnectorSchema.safeParse(JSON.parse(raw));
  return parsed.success ? parsed.data : null;
}

const inGrace = (g: StoredConnector['previousSecret'], now: number) => (g && g.until > now ? g : null);

/** What an admin sees of a connector. */
function view(c: StoredConnector, now: number): AdminConnector {
  return {
    channel: c.channel,
    url: c.url,
    secretFingerprint: fingerprint(c.secret),
    secretGraceUntil: inGrace(c.previousSecret, now)?.until ?? null,
    inboundSecretFingerprint: c.inboundSecret === null ? null : fingerprint(c.inboundSecret),
    inboundGraceUntil: inGrace(c.previousInboundSecret, now)?.until ?? null,
    updatedAt: c.updatedAt,
  };
}

/** Every registered connector, in the order of the channels. */
export async function listConnectors(store: Pick<StoreReads, 'meta'>, now: number): Promise<AdminConnector[]> {
  const all = await Promise.all(CONNECTOR_CHANNELS.map((ch) => stored(store, ch)));
  return all.filter((c) => c !== null).map((c) => view(c, now));
}

/**
 * The secrets a channel's inbound requests may be signed with now: the channel's inbound secret and, during
 * its grace, the one it replaced; the hub's own secret for a channel without one (and for a body naming no
 * connector channel).
 */
export async function inboundSecrets(store: Pick<StoreReads, 'meta'>, channel: unknown, hubSecret: string, now: number): Promise<string[]> {
  const known = ConnectorChannelSchema.safeParse(channel);
  const c = known.success ? await stored(store, known.data) : null;
  if (!c || c.inboundSecret === null) return [hubSecret];
  const previous = inGrace(c.previousInboundSecret, now);
  return previous ? [c.inboundSecret, previous.secret ?? hubSecret] : [c.inboundSecret];
}

/**
 * Where a channel's deliveries go and the secret they are signed with, or null when no connector is registered
 * for it (email, which the hub speaks itself, never has one).
 */
export async function outboundConnector(store: Pick<StoreReads, 'meta'>, channel: unknown): Promise<{ url: string; secret: string } | null> {
  const known = ConnectorChannelSchema.safeParse(channel);
  const c = known.success ? await stored(store, known.data) : null;
  return c ? { url: c.url, secret: c.secret } : null;
}

/** The grace entry for a secret being replaced by `next`: none when nothing changes or the grace is zero. */
function rotate(current: string | null, next: string, kept: StoredConnector['previousSecret'], graceUntil: number, now: number): StoredConnector['previousSecret'] {
  if (current === next) return inGrace(kept, now);
  return graceUntil > now ? { secret: current, until: graceUntil } : null;
}

function channelOf(raw: string): ConnectorChannel {
  const parsed = ConnectorChannelSchema.safeParse(raw);
  if (!parsed.success) throw new FieldRefused('not-found', 'channel', `no connector for "${raw}": connectors serve ${CONNECTOR_CHANNELS.join(', ')} (email the hub speaks itself)`);
  return parsed.data;
}

/** Registers or changes a channel's connector; a changed secret keeps working until its grace ends. */
export async function putConnector(call: AdminCall, rawChannel: string, body: PutConnector): Promise<AdminConnector> {
  const channel = channelOf(rawChannel);
  return adminWrite(call, (w, actor) => saveConnector(w, actor.id, channel, body));
}

/**
 * putConnector for what the hub's command line does (`--simulate` registers its connectors): the same change,
 * audited as made by `actorId` (no admin is signed in there).
 */
export async function putConnectorAs(ctx: HubContext, actorId: string, channel: ConnectorChannel, body: PutConnector): Promise<AdminConnector> {
  return ctx.write((w) => saveConnector(w, actorId, channel, body));
}

async function saveConnector(w: UnitOfWork, actorId: string, channel: ConnectorChannel, body: PutConnector): Promise<AdminConnector> {
  const now = w.ctx.now();
  const before = await stored(w, channel);
  const secret = body.secret ?? before?.secret;
  if (secret === undefined) throw new FieldRefused('invalid', 'secret', 'a new connector needs the secret that signs what the hub sends it');
  const graceUntil = now + body.graceMinutes * 60_000;
  const inboundSecret = body.inboundSecret ?? before?.inboundSecret ?? null;
  const next: StoredConnector = {
    channel,
    url: body.url,
    secret,
    previousSecret: before ? rotate(before.secret, secret, before.previousSecret, graceUntil, now) : null,
    inboundSecret,
    // A first inbound secret replaces the hub's own for this channel: the connector gets the same grace to switch.
    previousInboundSecret: inboundSecret === null ? null : rotate(before?.inboundSecret ?? null, inboundSecret, before?.previousInboundSecret ?? null, graceUntil, now),
    updatedAt: now,
  };
  await w.setMeta(metaKey(channel), JSON.stringify(next));
  const after = view(next, now);
  await auditAdmin(w, { id: actorId }, 'connector.update', { targetType: 'connector', targetId: channel }, before && view(before, now), after);
  return after;
}

/** Removes a channel's connector at once (no grace): its inbound messages are checked with the hub's own secret again. */
export async function removeConnector(call: AdminCall, rawChannel: string): Promise<AdminConnector> {
  const channel = channelOf(rawChannel);
  return adminWrite(call, async (w, actor) => {
    const now = w.ctx.now();
    const before = await stored(w, channel);
    if (!before) throw new FieldRefused('not-found', 'channel', `no connector is registered for ${channel}`);
    await w.deleteMeta(metaKey(channel));
    const shown = view(before, now);
    await auditAdmin(w, actor, 'connector.remove', { targetType: 'connector', targetId: channel }, shown, null);
    return shown;
  });
}
