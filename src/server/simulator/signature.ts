import { createHmac } from 'node:crypto';

/** The `X-Signature` header value of a connector request: `sha256=` and the hex HMAC-SHA256 of the raw body. */
export function signBody(secret: string, rawBody: string): string {
  return `sha256=${createHmac('sha256', secret).update(rawBody).digest('hex')}`;
}
