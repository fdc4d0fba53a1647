/**
 * The Message-IDs of the emails the hub sends: made from the outbound interaction's id, so that every attempt of
 * a delivery carries the same one (a receiver that got it twice can tell), and a customer's reply naming it in
 * In-Reply-To or References leads straight back to the interaction, and so to its case, with no table of sent ids.
 */

const PREFIX = 'hub.';

/** `<hub.<base64url of the interaction id>@<mail domain>>` */
export function outboundMessageId(interactionId: string, domain: string): string {
  return `<${PREFIX}${Buffer.from(interactionId, 'utf8').toString('base64url')}@${domain}>`;
}

/** The interaction id inside a Message-ID the hub made, or null for anyone else's. */
export function interactionOfMessageId(messageId: string): string | null {
  const match = /^<hub\.([A-Za-z0-9_-]{1,200})@[^<>\s]+>$/.exec(messageId);
  if (!match) return null;
  const id = Buffer.from(match[1], 'base64url').toString('utf8');
  return id.length > 0 && outboundMessageId(id, 'x').startsWith(`<${PREFIX}${match[1]}@`) ? id : null;
}
