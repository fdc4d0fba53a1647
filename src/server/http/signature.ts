import { createHmac, timingSafeEqual } from 'node:crypto';

/** The `X-Signature` header value for a body: `sha256=<hex HMAC-SHA256>`. */
export function signBody(body: string | Buffer, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/** Checks a connector's signature over the raw body, in constant time. */
export function verifySignature(body: Buffer, header: string | undefined, secret: string): boolean {
  // Exactly 64 hex digits: Buffer.from(hex) would stop quietly at the first other character.
  const hex = /^sha256=([0-9a-fA-F]{64})$/.exec(header ?? '')?.[1];
  if (!hex) return false;
  const given = Buffer.from(hex, 'hex');
  const expected = createHmac('sha256', secret).update(body).digest();
  return given.length === expected.length && timingSafeEqual(given, expected);
}
