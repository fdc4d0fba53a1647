import { normalizePhone } from '../../../shared/domain';

// Country codes are 1 to 3 digits: indexing the number without each possible code lets a national number
// ("601 234 567") find the stored E.164 one ("+48601234567") whatever the country.
const MAX_COUNTRY_CODE = 3;
const MIN_NATIONAL = 6;

/** Index tokens of a stored E.164 phone: all its digits, and its possible national numbers. */
export function phoneTokens(e164: string): string[] {
  const digits = e164.replace(/\D/g, '');
  const tokens = [digits];
  for (let cut = 1; cut <= MAX_COUNTRY_CODE && digits.length - cut >= MIN_NATIONAL; cut++) tokens.push(digits.slice(cut));
  return tokens;
}

/** True when a query is a phone or loyalty number typed as digits (with spaces, +, dashes, brackets). */
export const looksLikeNumber = (query: string): boolean => /^[+\d\s().\-/]+$/.test(query.trim()) && /\d{3}/.test(query.replace(/\D/g, ''));

/**
 * Digit strings to look a typed number up by: as typed (a prefix of a national or international number), and
 * in E.164 when it carries its country code (so "0048 601..." and "+48 601..." meet). A number typed without
 * its code needs no country here: it is found by the national numbers indexed beside each phone (phoneTokens),
 * whatever country the customer's number is in, so no country is assumed.
 */
export function phoneQueryDigits(query: string): string[] {
  const typed = query.replace(/\D/g, '').replace(/^0+/, '');
  const e164 = normalizePhone(query, null)?.slice(1);
  return [...new Set([typed, e164].filter((d): d is string => !!d))];
}
