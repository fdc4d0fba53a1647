/**
 * THE rule for where a message to a customer can go: which of their identities each channel uses, and so which
 * channels a reply can go out on. The hub refuses a reply it has no address for (`no-address`) by this rule, and
 * the workstation offers only the channels it allows, so an agent is never offered a channel the hub refuses.
 */
import { CHANNELS, type Channel } from './enums';
import type { Customer } from './customer';
import type { DeliveryAddress } from './delivery';
import type { Interaction } from './interaction';
import { identityKey } from './identity';

export type AddressKind = DeliveryAddress['kind'];

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

/** The kinds of identity a message on `channel` can go to, the likeliest first; empty when it has no wire. */
export const addressKinds = (channel: Channel): readonly AddressKind[] => ADDRESS_KINDS[channel] ?? [];

/** Whether a message on `channel` goes out through a transport (and so needs an address). */
export const isDelivered = (channel: Channel): boolean => ADDRESS_KINDS[channel] !== undefined;

type Reachable = Pick<Customer, 'emails' | 'phones' | 'handles'>;

const heldOf = (customer: Reachable, kind: AddressKind): string[] => ({ email: customer.emails, phone: customer.phones, handle: customer.handles })[kind];

/** The addresses an inbound message was written from, as the hub's ingestion records them in its meta. */
const writtenFrom = (i: Interaction): Array<[AddressKind, string]> => [
  ...(i.meta.address !== undefined ? [['email', i.meta.address] as [AddressKind, string]] : []),
  ...(i.meta.handle !== undefined ? [['handle', i.meta.handle] as [AddressKind, string]] : []),
];

/**
 * Where a message on `channel` goes: the address the customer last wrote from on this case over that channel,
 * while it is still theirs; otherwise their first identity of the channel's likeliest kind they have. Null when
 * the channel is delivered but the customer has no identity it can use (the reply is refused), or has no wire.
 */
export function deliveryAddress(customer: Reachable, channel: Channel, timeline: readonly Interaction[]): DeliveryAddress | null {
  const kinds = addressKinds(channel);
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

/**
 * Conversation channels: a reply there continues a conversation the customer started (the connector finds it by
 * the customer's identity), so one is offered only on a case that already has it. Email and SMS can start one.
 */
const CONVERSATIONS: ReadonlySet<Channel> = new Set(['chat', 'social', 'video']);

/**
 * The channels a reply to `customer` on a case that used `caseChannels` can go out on, in the order of
 * CHANNELS: delivered channels the customer holds an address for, conversation channels only where the case
 * already has that conversation. None without a customer: the hub has nowhere to send it.
 */
export function replyableChannels(customer: Reachable | null, caseChannels: readonly Channel[]): Channel[] {
  if (customer === null) return [];
  return CHANNELS.filter(
    (c) => deliveryAddress(customer, c, []) !== null && (!CONVERSATIONS.has(c) || caseChannels.includes(c)),
  );
}
