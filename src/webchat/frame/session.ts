/**
 * The visitor's chat session. Its token is kept in the frame's storage (the hub's origin, under the shop and
 * queue), so the conversation follows the visitor to every page of the shop and survives a reload; a session for
 * another signed-in customer, or one the hub no longer knows, is replaced by a new one.
 */
import type { Lang } from '../../shared/domain/enums';
import type { WebchatSession, WebchatStart } from '../../shared/protocol/webchat';
import type { SignedIdentity } from '../bridge';
import type { FrameConfig } from '../frameConfig';

export interface Session {
  token: string;
  visitorId: string;
  /** Whose session it is: the signed-in customer's id, or null for an anonymous visitor. */
  customerId: string | null;
  customerName: string | null;
}

const keyOf = (config: FrameConfig) => `webchat:session:${config.origin}:${config.queue}`;

export function storedSession(config: FrameConfig): Session | null {
  try {
    const raw = localStorage.getItem(keyOf(config));
    const s = raw ? (JSON.parse(raw) as Partial<Session>) : null;
    return s && typeof s.token === 'string' && typeof s.visitorId === 'string' ? { token: s.token, visitorId: s.visitorId, customerId: s.customerId ?? null, customerName: s.customerName ?? null } : null;
  } catch {
    return null;
  }
}

export function forgetSession(config: FrameConfig): void {
  try {
    localStorage.removeItem(keyOf(config));
  } catch {
    // nothing was kept
  }
}

/** Why the hub would not start a session, for the visitor's notice (its code) and the console (its words). */
export class SessionRefused extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** The session to chat in: the kept one when it is this customer's (or both anonymous), else a new one from the hub. */
export async function openSession(config: FrameConfig, lang: Lang, identity: SignedIdentity | null, fresh = false): Promise<Session> {
  const kept = fresh ? null : storedSession(config);
  if (kept && kept.customerId === (identity?.customerId ?? null)) return kept;
  const body: WebchatStart = { queue: config.queue, origin: config.origin, lang, ...(identity ? { identity } : {}) };
  const res = await fetch(config.sessionsPath, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  const answer = (await res.json().catch(() => null)) as (WebchatSession & { message?: string }) | null;
  if (!res.ok || !answer?.ok) throw new SessionRefused(res.status, answer?.message ?? `the hub answered ${res.status}`);
  const session: Session = { token: answer.token, visitorId: answer.visitorId, customerId: identity?.customerId ?? null, customerName: answer.customerName };
  try {
    localStorage.setItem(keyOf(config), JSON.stringify(session));
  } catch {
    // storage refused: the conversation lasts as long as this page
  }
  return session;
}
