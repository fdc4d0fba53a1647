import { identityKey, type Channel, type Customer, type DeliveryAddress, type Interaction } from '../../shared/domain';

/**
 * Which of a customer's identities a message on each channel goes to. Channels absent here have no wire: a
 * store visit happens at the counter and a phone reply records what was said on the call (to text the customer,
 * the agent picks SMS), so neither is delivered.
 */
const ADDRESS_KIND: Partial<Record<Channel, DeliveryAddress['kind']>> = {
  email: 'email',
  sms: 'phone',
  chat: 'handle',
  social: 'handle',
  video: 'handle',
};

/** Whether a message on `channel` goes out through a transport (and so needs an address). */
export const isDelivered = (channel: Channel): boolean => ADDRESS_KIND[channel] !== undefined;

/** The address a customer wrote from in an inbound message, as ingestion recorded it (see ingest.ts metaOf). */
function addressWrittenFrom(i: Interaction): string | undefined {
  return i.meta.address ?? i.meta.handle;
}

/**
 * Where a message on `channel` goes: the address the customer last wrote from on this case over a channel of
 * the same kind, when it is still theirs; otherwise their first identity of that kind. Null when the channel is
 * delivered but the customer has no such identity (the reply is refused), or when it has no wire.
 */
export function deliveryAddress(customer: Customer, channel: Channel, timeline: readonly Interaction[]): DeliveryAddress | null {
  const kind = ADDRESS_KIND[channel];
  if (!kind) return null;
  const held = { email: customer.emails, phone: customer.phones, handle: customer.handles }[kind];
  if (held.length === 0) return null;
  const heldKeys = new Map(held.map((v) => [identityKey(kind, v), v]));
  for (let n = timeline.length - 1; n >= 0; n--) {
    const i = timeline[n];
    if (i.direction !== 'inbound' || ADDRESS_KIND[i.kind as Channel] !== kind) continue;
    const from = addressWrittenFrom(i);
    const mine = from === undefined ? undefined : heldKeys.get(identityKey(kind, from));
    if (mine !== undefined) return { kind, value: mine };
  }
  return { kind, value: held[0] };
}
