import { describe, expect, it } from 'vitest';
import { customer, interaction } from '../../shared/testing/rows';
import { deliveryAddress, isDelivered, neededAddress } from './addresses';

describe('where a message to a customer goes', () => {
  const anna = customer({ emails: ['anna@example.com', 'anna.work@example.com'], phones: ['+48601000001', '+48601000002'], handles: [] });
  const from = (kind: 'email' | 'chat' | 'social' | 'sms', meta: { address?: string; handle?: string }, n = 1) =>
    interaction({ id: `in${n}`, kind, direction: 'inbound', meta });

  it('uses the identity of the channel, the first one held when the customer never wrote from another', () => {
    expect(deliveryAddress(anna, 'email', [])).toEqual({ kind: 'email', value: 'anna@example.com' });
    expect(deliveryAddress(anna, 'sms', [])).toEqual({ kind: 'phone', value: '+48601000001' });
    // No handle: the chat connector knows the visitor by the email they gave the chat window.
    expect(deliveryAddress(anna, 'chat', [])).toEqual({ kind: 'email', value: 'anna@example.com' });
    expect(deliveryAddress({ ...anna, handles: ['@anna'] }, 'chat', [])).toEqual({ kind: 'handle', value: '@anna' });
  });

  it('prefers the address the customer last wrote from on the case, while it is still theirs', () => {
    const timeline = [from('email', { address: 'ANNA.WORK@example.com' }, 1), from('email', { address: 'gone@example.com' }, 2)];
    expect(deliveryAddress(anna, 'email', timeline)).toEqual({ kind: 'email', value: 'anna.work@example.com' });
    // What was written on another channel says nothing about this one.
    expect(deliveryAddress(anna, 'chat', timeline)).toEqual({ kind: 'email', value: 'anna@example.com' });
    const social = { ...anna, handles: ['@anna', '@anna_shop'] };
    expect(deliveryAddress(social, 'social', [from('social', { handle: '@Anna_Shop' })])).toEqual({ kind: 'handle', value: '@anna_shop' });
  });

  it('has none when the customer holds no identity the channel can use, and none is needed where there is no wire', () => {
    expect(deliveryAddress({ ...anna, phones: [] }, 'sms', [])).toBeNull();
    expect(deliveryAddress(anna, 'social', [])).toBeNull();
    expect(deliveryAddress({ ...anna, emails: [], phones: [] }, 'chat', [])).toBeNull();
    expect(deliveryAddress(anna, 'store', [])).toBeNull();
    expect(deliveryAddress(anna, 'phone', [])).toBeNull();
    expect([isDelivered('store'), isDelivered('phone'), isDelivered('sms'), isDelivered('chat')]).toEqual([false, false, true, true]);
    expect(neededAddress('chat')).toBe('their chat account or an email address or a phone number');
  });
});
