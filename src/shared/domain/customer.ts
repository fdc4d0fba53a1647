import { z } from 'zod';
import { IdSchema, LangSchema, TimeSchema } from './enums';

export const EmailSchema = z.string().trim().toLowerCase().email().max(254);
/** Phones are kept in E.164 form (`+48601234567`); see `normalizePhone`. */
export const PhoneSchema = z.string().regex(/^\+[1-9]\d{6,14}$/, 'phone must be E.164, e.g. +48601234567');
export const HandleSchema = z.string().trim().min(2).max(100);
export const LoyaltyNumberSchema = z.string().trim().regex(/^[A-Z0-9-]{4,32}$/i);

export const ConsentSchema = z.object({
  email: z.boolean(),
  sms: z.boolean(),
  marketing: z.boolean(),
});
export type Consent = z.infer<typeof ConsentSchema>;

/** A customer record. Identities (emails, phones, handles, loyalty number) resolve inbound messages to it. */
export const CustomerSchema = z.object({
  id: IdSchema,
  name: z.string().min(1).max(200),
  emails: z.array(EmailSchema).max(20),
  phones: z.array(PhoneSchema).max(20),
  handles: z.array(HandleSchema).max(20),
  loyaltyNumber: LoyaltyNumberSchema.nullable(),
  language: LangSchema,
  storeId: IdSchema.nullable(),
  tags: z.array(z.string().min(1).max(40)).max(50),
  consent: ConsentSchema,
  /** Set when a supervisor merged this record into another; history then lives on the survivor. */
  mergedInto: IdSchema.nullable(),
  createdAt: TimeSchema,
  updatedAt: TimeSchema,
  version: z.number().int().positive(),
});
export type Customer = z.infer<typeof CustomerSchema>;

/** Fields a member of staff may edit on a customer (contact edits). */
export const CustomerPatchSchema = CustomerSchema.pick({
  name: true,
  emails: true,
  phones: true,
  handles: true,
  loyaltyNumber: true,
  language: true,
  storeId: true,
  tags: true,
  consent: true,
}).partial();
export type CustomerPatch = z.infer<typeof CustomerPatchSchema>;

/**
 * Brings a phone number typed by a person or sent by a connector to E.164.
 * Numbers without a country code are taken as Polish (the demo organisation's home), which a deployment
 * changes with `defaultCountryCode`. Returns null when what is left cannot be a phone number.
 */
export function normalizePhone(raw: string, defaultCountryCode = '48'): string | null {
  const trimmed = raw.trim();
  const digits = trimmed.replace(/[^\d]/g, '');
  if (digits.length < 7 || digits.length > 15) return null;
  if (trimmed.startsWith('+')) return `+${digits}`;
  if (trimmed.startsWith('00')) return `+${digits.slice(2)}`;
  const e164 = `+${defaultCountryCode}${digits.replace(/^0+/, '')}`;
  return /^\+[1-9]\d{6,14}$/.test(e164) ? e164 : null;
}
