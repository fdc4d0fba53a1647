import { replyableChannels, type Case, type Channel, type Customer } from '../../../shared/domain';

/**
 * The channels the composer and "send another way" offer for a reply to this customer: the hub's own rule
 * (replyableChannels), so none is one the hub would refuse for want of an address. The case's newest channel
 * comes first (that is where they wait).
 */
export function replyChannels(kase: Pick<Case, 'channels' | 'lastChannel'>, customer: Pick<Customer, 'emails' | 'phones' | 'handles'> | null): Channel[] {
  const usable = replyableChannels(customer, kase.channels);
  return usable.includes(kase.lastChannel) ? [kase.lastChannel, ...usable.filter((c) => c !== kase.lastChannel)] : usable;
}
