import { addressKinds, type AddressKind, type Channel } from '../../shared/domain';

/**
 * What a customer needs on their record to be reached on `channel`, for people ("an email address or ..."): the
 * hub's reason when it refuses a reply with `no-address`. Which identities a channel uses is the shared rule in
 * shared/domain/deliveryAddress.ts, the one the workstation offers reply channels by.
 */
export function neededAddress(channel: Channel): string {
  const names: Record<AddressKind, string> = { email: 'an email address', phone: 'a phone number', handle: `their ${channel} account` };
  return addressKinds(channel).map((k) => names[k]).join(' or ');
}
