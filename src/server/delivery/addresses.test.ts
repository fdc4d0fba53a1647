import { describe, expect, it } from 'vitest';
import { neededAddress } from './addresses';

describe('what the hub tells an agent a customer needs', () => {
  it('names every identity the channel can use, the likeliest first', () => {
    expect(neededAddress('chat')).toBe('their chat account or an email address or a phone number');
    expect(neededAddress('email')).toBe('an email address');
    expect(neededAddress('sms')).toBe('a phone number');
    expect(neededAddress('social')).toBe('their social account');
  });
});
