import type { Lang } from '../../shared/domain';
import { transliterate, type PersonName } from './names';
import type { Random } from './random';

/**
 * Contact identities derived from a person's serial number. Multiplying by a number coprime to 10, plus an
 * offset, modulo 10^8 is a bijection there, so every serial below 10^8 gets its own phone digits and loyalty
 * number: identity resolution in the hub never merges two generated people by accident. The simulator draws its new people from serials far above
 * the seed's, so they do not collide with seeded customers either.
 */
const SPACE = 100_000_000;
// Large multipliers spread consecutive serials over the whole range (they stay exact: serial * multiplier < 2^53).
const scramble = (serial: number, multiplier: number): string =>
  String((serial * multiplier + 31_415_926) % SPACE).padStart(8, '0');

const EMAIL_DOMAIN: Readonly<Record<Lang, string>> = { pl: 'example.pl', el: 'example.gr', en: 'example.com' };

/** Lower-case ASCII address, e.g. `lukasz.wojcik37@example.pl` (reserved example domains: nothing is ever sent). */
export function emailFor(name: PersonName, serial: number): string {
  return `${transliterate(name.first)}.${transliterate(name.last)}${serial}@${EMAIL_DOMAIN[name.origin]}`;
}

/** A mobile number in E.164 with the country code of the name's origin: +48 Poland, +30 Greece, +44 UK. */
export function phoneFor(origin: Lang, serial: number, rng: Random): string {
  const digits = scramble(serial, 48_271_211);
  if (origin === 'pl') return `+48${rng.pick(['5', '6', '7', '8'])}${digits}`;
  if (origin === 'el') return `+3069${digits}`;
  return `+447${rng.pick(['4', '5', '7', '8', '9'])}${digits}`;
}

/** A social-network handle, e.g. `@lukaszwojcik37`. */
export function handleFor(name: PersonName, serial: number): string {
  return `@${transliterate(name.first)}${transliterate(name.last)}${serial}`;
}

/** A loyalty-card number, `LC-` and eight digits. */
export function loyaltyNumberFor(serial: number): string {
  return `LC-${scramble(serial, 73_939_133)}`;
}
