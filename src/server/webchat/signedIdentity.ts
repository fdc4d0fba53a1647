import { createHmac, timingSafeEqual } from 'node:crypto';
import { inboundSecrets } from '../admin/connectors';
import type { HubContext } from '../context';

/**
 * A shop's signed identity: HMAC-SHA256 of the customer id with the chat connector's inbound secret (the hub's
 * own secret while no chat connector has one), in hex. A shop that knows its signed-in customer passes it so the
 * conversation lands on that customer with no typing.
 */
export const identitySignature = (customerId: string, secret: string): string => createHmac('sha256', secret).update(customerId, 'utf8').digest('hex');

/** Whether `signature` signs `customerId` with a current chat inbound secret (timing-safe, every secret tried). */
export async function isSignedIdentity(ctx: HubContext, customerId: string, signature: string): Promise<boolean> {
  const given = Buffer.from(signature, 'hex');
  let ok = false;
  for (const secret of await inboundSecrets(ctx.store, 'chat', ctx.config.ingestSecret, ctx.now())) {
    const want = Buffer.from(identitySignature(customerId, secret), 'hex');
    // Every secret is compared, so how long the check takes does not tell which one (or whether any) matched.
    if (want.length === given.length && timingSafeEqual(want, given)) ok = true;
  }
  return ok;
}
