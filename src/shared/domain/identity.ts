/**
 * THE definition of a customer's identities (email, phone, social handle, loyalty number) and of a person's
 * name: one set of rules for the hub's ingestion, workstation mutations, stored rows and the workstation's
 * parsing of synced rows. Input schemas normalise what can be normalised (case, spacing, phone formats) and
 * refuse the rest, naming the field; stored values always parse.
 */
import { z } from 'zod';
import { cleanText, isCleanText } from '../text/clean';
import { callingCode, type Country } from './country';

/** Lower-case address with a dotted domain whose last label has two letters or more (`a@b.c` is refused). */
export const EmailSchema = z.string().trim().toLowerCase().email().max(254);

const E164 = /^\+[1-9]\d{6,14}$/;
/** Phones are stored in E.164 form (`+48601234567`); see `normalizePhone` for what people type. */
export const PhoneSchema = z.string().regex(E164, 'phone must be E.164, e.g. +48601234567');

/** Why a written phone number could not be read: not a number at all, or a national number with no country to read it in. */
export type PhoneProblem = 'invalid' | 'no-country-code';

/**
 * Reads a phone number typed by a person or sent by a connector as E.164. A number with its country code
 * ("+30 210 1234567", "0030 210...") reads alone; one without ("210 123 4567", "601 234 567") is a number of
 * `country` (the store's or queue's it was written for; a leading trunk 0 dropped), and with no country it is
 * refused as 'no-country-code': no country is ever assumed.
 */
export function parsePhone(raw: string, country: Country | null): { ok: true; e164: string } | { ok: false; problem: PhoneProblem } {
  const trimmed = raw.trim();
  const digits = trimmed.replace(/[^\d]/g, '');
  if (!/^[+\d\s().\-/]+$/.test(trimmed) || digits.length < 7 || digits.length > 15) return { ok: false, problem: 'invalid' };
  const international = trimmed.startsWith('+') ? digits : trimmed.startsWith('00') ? digits.slice(2) : null;
  if (international === null && country === null) return { ok: false, problem: 'no-country-code' };
  const e164 = `+${international ?? `${callingCode(country as Country)}${digits.replace(/^0+/, '')}`}`;
  return E164.test(e164) ? { ok: true, e164 } : { ok: false, problem: 'invalid' };
}

/** The E.164 form of a written phone number (see parsePhone), or null when it cannot be read. */
export function normalizePhone(raw: string, country: Country | null): string | null {
  const read = parsePhone(raw, country);
  return read.ok ? read.e164 : null;
}

/**
 * A phone as written for `country` (an import row's store's; null: none, and the number must carry its code),
 * given back in E.164.
 */
export const phoneInputSchema = (country: Country | null) => z
  .string()
  .max(32)
  .transform((raw, ctx) => {
    const read = parsePhone(raw, country);
    if (!read.ok) {
      ctx.addIssue({
        code: 'custom',
        message: read.problem === 'no-country-code'
          ? 'a phone needs its country code (+30 210 1234567 or 0030 210 1234567): no country is assumed'
          : 'not a phone number (digits, spaces, dashes, brackets; 7 to 15 digits)',
      });
      return z.NEVER;
    }
    return read.e164;
  });

/** A phone as a web chat visitor or a connector's contact sends it: they name no country, so it needs its code. */
export const PhoneInputSchema = phoneInputSchema(null);

/**
 * A phone as a connector writes it, kept as written: with its country code, or without it for the hub to read in
 * the country of the store or queue the message comes to (see parsePhone); anything else is refused.
 */
export const WrittenPhoneSchema = z
  .string()
  .max(32)
  .transform((raw) => raw.trim())
  .refine((raw) => {
    const read = parsePhone(raw, null);
    return read.ok || read.problem === 'no-country-code';
  }, 'not a phone number (digits, spaces, dashes, brackets; 7 to 15 digits)');

/** A social-network handle, e.g. `@jan_kowalski` or `fb:1234`: letters, digits and `@ . _ - : /`, no spaces. */
export const HandleSchema = z
  .string()
  .trim()
  .min(2)
  .max(100)
  .regex(/^[\p{L}\p{M}\p{N}@._:\-/]+$/u, 'a handle is letters, digits and @ . _ - : / only');

/** A loyalty-card number, upper case: letters, digits and dashes, 4 to 32 of them (`LC-12345678`). */
export const LoyaltyNumberSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9-]{4,32}$/, 'a loyalty number is 4 to 32 letters, digits or dashes');

/** A person's name as stored: clean text (see cleanText), not blank, at most 200 characters. */
export const PersonNameSchema = z
  .string()
  .min(1)
  .max(200)
  .refine((s) => s.trim() !== '' && isCleanText(s), 'a name must be visible text without control or direction-override characters');

/** A name as people or connectors send it: cleaned, trimmed and cut to length, refused only when nothing is left. */
export const PersonNameInputSchema = z
  .string()
  .max(1_000)
  .transform((s) => cleanText(s).trim().slice(0, 200))
  .pipe(z.string().min(1, 'a name cannot be blank'));

/** Kinds of identity that resolve an inbound message to a customer. */
export type IdentityKind = 'email' | 'phone' | 'handle' | 'loyalty';

/** How an identity is keyed for matching: emails and handles in lower case, loyalty numbers in upper case. */
export function identityKey(kind: IdentityKind, value: string): string {
  const v = value.trim();
  return kind === 'loyalty' ? v.toUpperCase() : kind === 'phone' ? v : v.toLowerCase();
}

/** One identity as one string (`kind:key`, the value keyed as identityKey does): how maps of identities are keyed. */
export const identityMapKey = (kind: IdentityKind, value: string): string => `${kind}:${identityKey(kind, value)}`;

/** Every identity of a customer, keyed for matching. */
export function identitiesOf(c: { emails: string[]; phones: string[]; handles: string[]; loyaltyNumber: string | null }): Array<[IdentityKind, string]> {
  const out: Array<[IdentityKind, string]> = [];
  for (const e of c.emails) out.push(['email', identityKey('email', e)]);
  for (const p of c.phones) out.push(['phone', identityKey('phone', p)]);
  for (const h of c.handles) out.push(['handle', identityKey('handle', h)]);
  if (c.loyaltyNumber) out.push(['loyalty', identityKey('loyalty', c.loyaltyNumber)]);
  // The same identity written twice (two spellings of one address) is one identity.
  return out.filter(([kind, value], i) => out.findIndex(([k, v]) => k === kind && v === value) === i);
}
