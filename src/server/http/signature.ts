import { createHmac, timingSafeEqual } from 'node:crypto';

/** The `X-Signature` header value for a body: `sha256=<hex HMAC-SHA256>`. */
export function signBody(body: string | Buffer, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

// Exactly 64 hex digits: Buffer.from(hex) would stop quietly at the first other character.
const SIGNATURE = /^sha256=([0-9a-fA-F]{64})$/;

/** Whether a header has the shape of a signature (it may still be wrong). */
export const isSignatureHeader = (header: string | undefined): header is string => SIGNATURE.test(header ?? '');

/** Checks a connector's signature over the raw body, in constant time. */
export function verifySignature(body: Buffer, header: string | undefined, secret: string): boolean {
  const hex = SIGNATURE.exec(header ?? '')?.[1];
  if (!hex) return false;
  const given = Buffer.from(hex, 'hex');
  const expected = createHmac('sha256', secret).update(body).digest();
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * The `X-Signature` header of a timestamped request (what the hub sends connectors): `sha256=<hex HMAC-SHA256
 * of "<timestamp>.<raw body>">`, `timestamp` in epoch seconds as sent in `X-Timestamp`.
 */
export function signTimestamped(body: string | Buffer, secret: string, timestamp: number): string {
  return signBody(Buffer.concat([Buffer.from(`${timestamp}.`), Buffer.isBuffer(body) ? body : Buffer.from(body)]), secret);
}

/**
 * Checks a timestamped request's signature and that its `X-Timestamp` is within `toleranceSec` of `nowSec`
 * (an old request replayed later is refused even with a right signature).
 */
export function verifyTimestamped(body: Buffer, timestampHeader: string | undefined, signatureHeader: string | undefined, secret: string, nowSec: number, toleranceSec = 300): boolean {
  if (!/^\d{1,12}$/.test(timestampHeader ?? '')) return false;
  const ts = Number(timestampHeader);
  if (Math.abs(nowSec - ts) > toleranceSec) return false;
  return verifySignature(Buffer.concat([Buffer.from(`${ts}.`), body]), signatureHeader, secret);
}
