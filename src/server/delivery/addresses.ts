import { identityKey, type Channel, type Customer, type DeliveryAddress, type Interaction } from '../../shared/domain';

type AddressKind = DeliveryAddress['kind'];

/**
 * Which of a customer's identities a message on each channel can go to, the likeliest first. Chat and video
 * connectors know a person by whatever identity they reported when the person wrote (an account handle, the
 * email or phone given to the chat window), and find the conversation by it.
 * Channels absent here have no wire: a store visit happens at the counter and a phone reply records what was
 * said on the call (to text the customer, the agent picks SMS), so neither is delivered.
 */
const ADDRESS_KINDS: Partial<Record<Channel, readonly AddressKind[]>> = {
  email: ['email'],
  sms: ['phone'],
  chat: ['handle', 'email', 'phone'],
  social: ['handle'],
  video: ['handle', 'email', 'phone'],
};

/** Whether a message on `channel` goes out through a transport (and so needs an address). */
export const isDelivered = (channel: Channel): boolean => ADDRESS_KINDS[channel] !== undefined;

/** What a customer needs on their record to be reached on `channel`, for people ("an email address or ..."). */
export function neededAddress(channel: Channel): string {
  const names: Record<AddressKind, string> = { email: 'an email address', phone: 'a phone number', handle: `their ${channel} account` };
  return (ADDRESS_KINDS[channel] ?? []).map((k) => names[k]).join(' or ');
}

const heldOf = (customer: Customer, kind: AddressKind): string[] => ({ email: customer.emails, phone: customer.phones, handle: customer.handles })[kind];

/** The addresses an inbound message was written from, as ingestion recorded them (see ingest.ts metaOf). */
const writtenFrom = (i: Interaction): Array<[AddressKind, string]> => [
  ...(i.meta.address !== undefined ? [['email', i.meta.address] as [AddressKind, string]] : []),
  ...(i.meta.handle !== undefined ? [['handle', i.meta.handle] as [AddressKind, string]] : []),
];

/**
 * Where a message on `channel` goes: the address the customer last wrote from on this case over that channel,
 * while it is still theirs; otherwise their first identity of the channel's likeliest kind they have. Null when
 * the channel is delivered but the customer has no identity it can use (the reply is refused), or has no wire.
 */
export function deliveryAddress(customer: Customer, channel: Channel, timeline: readonly Interaction[]): DeliveryAddress | null {
  const kinds = ADDRESS_KINDS[channel];
  if (!kinds) return null;
  for (let n = timeline.length - 1; n >= 0; n--) {
    const i = timeline[n];
    if (i.direction !== 'inbound' || i.kind !== channel) continue;
    for (const [kind, value] of writtenFrom(i)) {
      if (!kinds.includes(kind)) continue;
      const mine = heldOf(customer, kind).find((v) => identityKey(kind, v) === identityKey(kind, value));
      if (mine !== undefined) return { kind, value: mine };
    }
  }
  for (const kind of kinds) {
    const held = heldOf(customer, kind);
    if (held.length > 0) return { kind, value: held[0] };
  }
  return null;
}
