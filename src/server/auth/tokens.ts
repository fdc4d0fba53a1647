import { createHmac, timingSafeEqual } from 'node:crypto';

/** What an access token says: whose session it is and until when it is good. */
export interface AccessClaims {
  /** Session id: revoking the session kills every token issued for it. */
  sid: string;
  /** Staff id. */
  sub: string;
  /** Expiry, epoch ms. */
  exp: number;
}

const b64 = (b: Buffer | string) => Buffer.from(b).toString('base64url');

/** Signs claims as `v1.<payload>.<HMAC-SHA256>`; a small JWT-like token without algorithm negotiation. */
export function signAccessToken(claims: AccessClaims, key: Buffer): string {
  const payload = b64(JSON.stringify(claims));
  const mac = createHmac('sha256', key).update(`v1.${payload}`).digest();
  return `v1.${payload}.${b64(mac)}`;
}

/** Verifies signature and shape; null for anything forged, malformed or expired at `now`. */
export function verifyAccessToken(token: string, key: Buffer, now: number): AccessClaims | null {
  const parts = token.split('.');
  if (parts.length !== 3 || parts[0] !== 'v1') return null;
  const expected = createHmac('sha256', key).update(`v1.${parts[1]}`).digest();
  const given = Buffer.from(parts[2], 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const c = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')) as AccessClaims;
    if (typeof c.sid !== 'string' || typeof c.sub !== 'string' || typeof c.exp !== 'number') return null;
    return c.exp > now ? c : null;
  } catch {
    return null;
  }
}
