/**
 * The contact-details form: what the agent typed (lists one per line) checked against the domain's schemas and
 * turned into a customer patch, or into error keys (in the "customer" namespace) per field.
 */
import { EmailSchema, LoyaltyNumberSchema, parsePhone, type Country, type Customer, type CustomerPatch, type Lang } from '../../../shared/domain';

export interface ContactValues {
  name: string;
  /** One per line (commas work too). */
  emails: string;
  phones: string;
  loyaltyNumber: string;
  language: Lang;
}

export type ContactErrors = Partial<Record<keyof ContactValues, string>>;

export const contactValuesOf = (c: Pick<Customer, 'name' | 'emails' | 'phones' | 'loyaltyNumber' | 'language'>): ContactValues => ({
  name: c.name,
  emails: c.emails.join('\n'),
  phones: c.phones.join('\n'),
  loyaltyNumber: c.loyaltyNumber ?? '',
  language: c.language,
});

const items = (text: string): string[] =>
  text
    .split(/[\n,;]+/)
    .map((s) => s.trim())
    .filter((s) => s !== '');

/**
 * Checks the form; phones typed in any format are brought to E.164 (read in `country`, the person's store's or
 * queues', when typed without a country code; with none, the code is required), emails to lower case.
 */
export function validateContact(values: ContactValues, country: Country | null): { ok: true; patch: Required<Pick<CustomerPatch, 'name' | 'emails' | 'phones' | 'loyaltyNumber' | 'language'>> } | { ok: false; errors: ContactErrors } {
  const errors: ContactErrors = {};
  const name = values.name.trim();
  if (name === '') errors.name = 'form.error.nameRequired';
  else if (name.length > 200) errors.name = 'form.error.nameTooLong';

  const emails: string[] = [];
  for (const raw of items(values.emails)) {
    const parsed = EmailSchema.safeParse(raw);
    if (parsed.success) emails.push(parsed.data);
    else errors.emails ??= 'form.error.email';
  }
  const phones: string[] = [];
  for (const raw of items(values.phones)) {
    const read = parsePhone(raw, country);
    if (read.ok) phones.push(read.e164);
    else errors.phones ??= read.problem === 'no-country-code' ? 'form.error.phoneCountryCode' : 'form.error.phone';
  }
  const loyalty = values.loyaltyNumber.trim();
  if (loyalty !== '' && !LoyaltyNumberSchema.safeParse(loyalty).success) errors.loyaltyNumber = 'form.error.loyalty';

  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    patch: { name, emails: [...new Set(emails)], phones: [...new Set(phones)], loyaltyNumber: loyalty === '' ? null : loyalty.toUpperCase(), language: values.language },
  };
}
