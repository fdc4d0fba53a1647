import { describe, expect, it } from 'vitest';
import { validateContact } from './contactForm';

const values = { name: 'Jan Kowalski', emails: '', phones: '', loyaltyNumber: '', language: 'pl' as const };

describe('validateContact', () => {
  it('brings phones to E.164, lower-cases emails, drops duplicates and empty lines', () => {
    expect(validateContact({ ...values, emails: 'Jan@Example.PL\n\njan@example.pl', phones: '601 234 567, +30 691 234 5678', loyaltyNumber: 'ab-1234' })).toEqual({
      ok: true,
      patch: { name: 'Jan Kowalski', emails: ['jan@example.pl'], phones: ['+48601234567', '+306912345678'], loyaltyNumber: 'AB-1234', language: 'pl' },
    });
  });

  it('names every field that is wrong', () => {
    expect(validateContact({ ...values, name: ' ', emails: 'not an email', phones: '12', loyaltyNumber: '!' })).toEqual({
      ok: false,
      errors: { name: 'form.error.nameRequired', emails: 'form.error.email', phones: 'form.error.phone', loyaltyNumber: 'form.error.loyalty' },
    });
  });
});
