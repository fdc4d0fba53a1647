import { CHANNELS, type Case, type Channel, type Customer } from '../../../shared/domain';

/** Channels a written reply can go out on; calls, video sessions and visits happen live, not through the composer. */
const WRITTEN: ReadonlySet<Channel> = new Set(['chat', 'email', 'sms', 'social']);

/**
 * The channels this customer can be answered on: the written ones the case already used, plus email and SMS when
 * the customer has an address or a phone. The case's newest channel comes first (that is where they wait).
 */
export function replyChannels(kase: Pick<Case, 'channels' | 'lastChannel'>, customer: Pick<Customer, 'emails' | 'phones'> | null): Channel[] {
  const usable = new Set(kase.channels.filter((c) => WRITTEN.has(c)));
  if (customer && customer.emails.length > 0) usable.add('email');
  if (customer && customer.phones.length > 0) usable.add('sms');
  const ordered = CHANNELS.filter((c) => usable.has(c));
  return usable.has(kase.lastChannel) ? [kase.lastChannel, ...ordered.filter((c) => c !== kase.lastChannel)] : ordered;
}
