import { describe, expect, it } from 'vitest';
import { EmailSchema, LANGS, PhoneSchema } from '../../shared/domain';
import { emailFor, phoneFor } from './identities';
import { randomPersonName, transliterate } from './names';
import { createRandom } from './random';

describe('names and identities', () => {
  it('transliterates Polish and Greek names to ASCII', () => {
    expect(transliterate('Łukasz Wójcik')).toBe('lukaszwojcik');
    expect(transliterate('Γιώργος Παπαδόπουλος')).toBe('giorgospapadopoulos');
    expect(transliterate('Ευαγγελία Μπαλτά')).toBe('evangeliampalta');
    expect(transliterate("O'Brien")).toBe('obrien');
  });

  it('makes valid, distinct e-mail addresses and E.164 phones for every origin', () => {
    const rng = createRandom(1);
    const seen = new Set<string>();
    for (let serial = 1; serial <= 300; serial++) {
      const origin = LANGS[serial % 3];
      const name = randomPersonName(rng, origin);
      const email = emailFor(name, serial);
      const phone = phoneFor(origin, serial, rng);
      expect(EmailSchema.parse(email)).toBe(email);
      expect(PhoneSchema.parse(phone)).toBe(phone);
      expect(seen.has(email) || seen.has(phone)).toBe(false);
      seen.add(email).add(phone);
    }
  });

  it('makes surnames agree with the first name in gender', () => {
    const rng = createRandom(5);
    for (let i = 0; i < 200; i++) {
      const name = randomPersonName(rng, 'pl');
      if (name.last.endsWith('ska')) expect(name.first).toMatch(/a$/);
    }
  });
});
