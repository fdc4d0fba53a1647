import { createHash, randomBytes } from 'node:crypto';
import type { StoreReads, VisitorRecord } from '../store/hubStore';

/**
 * A visitor session's token: 32 random bytes, base64url. The hub keeps only its SHA-256, so a copy of the store
 * lets nobody act as a visitor.
 */
export const newVisitorToken = (): string => randomBytes(32).toString('base64url');

export const visitorTokenHash = (token: string): string => createHash('sha256').update(token).digest('hex');

/** What a token looks like (43 base64url characters); anything else is refused before the store is asked. */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/**
 * How long a visitor session lasts unused: a browser that comes back later starts a new one (its conversation
 * stays on the customer's case for the agents).
 */
export const VISITOR_IDLE_MS = 30 * 24 * 3_600_000;

/** The visitor session a token opens at `now`, or null for anything that is not one of the hub's live tokens. */
export async function visitorByToken(store: Pick<StoreReads, 'visitorByTokenHash'>, token: unknown, now: number): Promise<VisitorRecord | null> {
  if (typeof token !== 'string' || !TOKEN.test(token)) return null;
  const visitor = await store.visitorByTokenHash(visitorTokenHash(token));
  return visitor && now - visitor.lastSeenAt <= VISITOR_IDLE_MS ? visitor : null;
}

/** The handle a visitor is known by among a customer's identities (HandleSchema allows it). */
export const webHandle = (visitorId: string): string => `web:${visitorId}`;

/** The visitor a web handle names, or null for any other handle. */
export const visitorOfHandle = (handle: string): string | null => (handle.startsWith('web:') ? handle.slice('web:'.length) : null);

/** Who holds a visitor's uploads until a message puts them on a case (see AttachmentHolder). */
export const visitorHolder = (visitorId: string) => `visitor:${visitorId}` as const;
