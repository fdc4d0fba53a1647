import type { Customer, Lang } from '../../shared/domain';
import { emailFor, handleFor, loyaltyNumberFor, phoneFor } from './identities';
import { randomPersonName, type PersonName } from './names';
import type { Random } from './random';

/** Where generated customers' names come from: the demo organisation serves Poland and Greece, and expats. */
const ORIGIN_WEIGHTS: Readonly<Record<Lang, number>> = { pl: 45, el: 30, en: 25 };
const TAGS = ['vip', 'business', 'newsletter', 'student', 'senior', 'prefers-phone'] as const;

/** A customer whose dates are not known yet: they follow from the case history generated for them. */
export interface CustomerProfile {
  customer: Omit<Customer, 'createdAt' | 'updatedAt'>;
  name: PersonName;
}

/** `cus-000001` for index 0. */
export const customerId = (index: number): string => `cus-${String(index + 1).padStart(6, '0')}`;

/** The home store a customer of this language most likely visits. */
export function storeForLanguage(rng: Random, lang: Lang): string {
  if (lang === 'pl') return 'store-warsaw';
  if (lang === 'el') return 'store-athens';
  return rng.pick(['store-warsaw', 'store-athens']);
}

/**
 * Generates customer number `index`. Most speak the language of their name; some prefer English. Every customer
 * can be found by e-mail or phone; `needsPhone` guarantees a phone (the store journey is demoed by phone lookup).
 */
export function generateCustomerProfile(rng: Random, index: number, needsPhone: boolean): CustomerProfile {
  const origin = rng.weighted(ORIGIN_WEIGHTS);
  const name = randomPersonName(rng, origin);
  const language: Lang = origin !== 'en' && rng.chance(0.1) ? 'en' : origin;
  const hasPhone = needsPhone || rng.chance(0.85);
  const hasEmail = !hasPhone || rng.chance(0.9);
  const tags = rng.sample(TAGS, rng.chance(0.55) ? 0 : rng.int(1, 2));
  return {
    name,
    customer: {
      id: customerId(index),
      name: name.full,
      emails: hasEmail ? [emailFor(name, index + 1)] : [],
      phones: hasPhone ? [phoneFor(origin, index + 1, rng)] : [],
      handles: rng.chance(0.25) ? [handleFor(name, index + 1)] : [],
      loyaltyNumber: rng.chance(0.35) ? loyaltyNumberFor(index + 1) : null,
      language,
      storeId: rng.chance(0.3) ? storeForLanguage(rng, language) : null,
      tags,
      consent: { email: hasEmail && rng.chance(0.7), sms: hasPhone && rng.chance(0.5), marketing: rng.chance(0.3) },
      mergedInto: null,
      version: 1,
    },
  };
}
