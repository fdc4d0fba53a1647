import { describe, expect, it } from 'vitest';
import { callingCode, CountrySchema, homeCountry } from './country';
import { normalizePhone, parsePhone, PhoneInputSchema } from './identity';

describe('CountrySchema', () => {
  it('takes known ISO 3166 two-letter codes in capitals only', () => {
    expect(CountrySchema.parse('GR')).toBe('GR');
    expect(callingCode('GR')).toBe('30');
    expect(callingCode('PL')).toBe('48');
    for (const bad of ['gr', 'GRC', 'ZZ', '30', '']) expect(CountrySchema.safeParse(bad).success, bad).toBe(false);
  });
});

describe('parsePhone', () => {
  it('reads a number without its code as a number of the given country (Athens is not Warsaw)', () => {
    expect(normalizePhone('210 123 4567', 'GR')).toBe('+302101234567');
    expect(normalizePhone('601 234 567', 'PL')).toBe('+48601234567');
    expect(normalizePhone('0601 234 567', 'PL')).toBe('+48601234567');
  });

  it('reads a number with its code alone, whatever the country', () => {
    for (const country of ['PL', 'GR', null] as const) {
      expect(normalizePhone('+30 210 123 4567', country)).toBe('+302101234567');
      expect(normalizePhone('0030 (210) 123-4567', country)).toBe('+302101234567');
    }
  });

  it('assumes no country: a number without its code and no country is refused as such', () => {
    expect(parsePhone('210 123 4567', null)).toEqual({ ok: false, problem: 'no-country-code' });
    expect(parsePhone('12', 'GR')).toEqual({ ok: false, problem: 'invalid' });
    expect(parsePhone('call me', null)).toEqual({ ok: false, problem: 'invalid' });
  });

  it('the input schema (connectors, web chat, imports) needs the code', () => {
    expect(PhoneInputSchema.parse('+30 210 123 4567')).toBe('+302101234567');
    expect(PhoneInputSchema.safeParse('210 123 4567').error?.issues[0]?.message).toMatch(/country code/);
  });
});

describe('homeCountry', () => {
  const stores = [{ id: 's-ath', country: 'GR' }, { id: 's-waw', country: 'PL' }, { id: 's-none' }];
  const queues = [
    { memberIds: ['a', 'b'], country: 'GR' },
    { memberIds: ['b'], country: 'PL' },
    { memberIds: ['a', 'c'], country: null },
  ];
  it("is the store's country for store staff, even where their queues say otherwise", () => {
    expect(homeCountry({ id: 'b', storeId: 's-ath' }, stores, queues)).toBe('GR');
    expect(homeCountry({ id: 'a', storeId: 's-none' }, stores, queues)).toBeNull();
  });
  it('is the one country their queues agree on, else none', () => {
    expect(homeCountry({ id: 'a', storeId: null }, stores, queues)).toBe('GR');
    expect(homeCountry({ id: 'b', storeId: null }, stores, queues)).toBeNull();
    expect(homeCountry({ id: 'c', storeId: null }, stores, queues)).toBeNull();
  });
});
