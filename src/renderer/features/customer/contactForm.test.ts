import { describe, expect, it } from 'vitest';
import { validateContact } from './contactForm';

const values = { name: 'Jan Kowalski', emails: '', phones: '', loyaltyNumber: '', language: 'pl' as const };

describe('validateContact', () => {
  it('brings phones to E.164, lower-cases emails, drops duplicates and empty lines', () => {
    expect(validateContact({ ...values, emails: 'Jan@Example.PL\n\njan@example.pl', phones: '601 234 567, +30 691 234 5678', loyaltyNumber: 'ab-1234' }, 'PL')).toEqual({
      ok: true,
      patch: { name: 'Jan Kowalski', emails: ['jan@example.pl'], phones: ['+48601234567', '+306912345678'], loyaltyNumber: 'AB-1234', language: 'pl' },
    });
  });

  it('names every field that is wrong', () => {
    expect(validateContact({ ...values, name: ' ', emails: 'not an email', phones: '12', loyaltyNumber: '!' }, 'PL')).toEqual({
      ok: false,
      errors: { name: 'form.error.nameRequired', emails: 'form.error.email', phones: 'form.error.phone', loyaltyNumber: 'form.error.loyalty' },
    });
  });

  it("reads a number without its code as the person's country's, and asks for the code when there is none", () => {
    const typed = { ...values, phones: '210 123 4567' };
    expect(validateContact(typed, 'GR')).toMatchObject({ ok: true, patch: { phones: ['+302101234567'] } });
    expect(validateContact(typed, 'PL')).toMatchObject({ ok: true, patch: { phones: ['+482101234567'] } });
    expect(validateContact(typed, null)).toEqual({ ok: false, errors: { phones: 'form.error.phoneCountryCode' } });
    expect(validateContact({ ...values, phones: '+30 210 123 4567' }, null)).toMatchObject({ ok: true, patch: { phones: ['+302101234567'] } });
  });
});
