import { describe, expect, it } from 'vitest';
import { customer, interaction } from '../testing/rows';
import { deliveryAddress, isDelivered, replyableChannels } from './deliveryAddress';

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
  });

  it('offers a reply only on channels the customer can be reached on, conversations only where the case has one', () => {
    // Email and SMS start a conversation; chat continues one the case has, reaching the visitor by their email.
    expect(replyableChannels(anna, ['chat'])).toEqual(['chat', 'email', 'sms']);
    expect(replyableChannels(anna, [])).toEqual(['email', 'sms']);
    // Social needs a handle: a case that came in on social is not answered there once the handle is gone.
    expect(replyableChannels(anna, ['social', 'video'])).toEqual(['email', 'video', 'sms']);
    expect(replyableChannels({ ...anna, handles: ['@anna'] }, ['social'])).toEqual(['email', 'social', 'sms']);
    // Phone calls and store visits have no wire; a customer with no identity at all has no channel.
    expect(replyableChannels(anna, ['phone', 'store'])).toEqual(['email', 'sms']);
    expect(replyableChannels({ ...anna, emails: [], phones: [] }, ['chat', 'email', 'sms'])).toEqual([]);
    expect(replyableChannels(null, ['chat'])).toEqual([]);
  });

  it('offers exactly the channels the hub finds an address for', () => {
    const people = [anna, { ...anna, emails: [] }, { ...anna, phones: [], handles: ['@anna'] }, { ...anna, emails: [], phones: [] }];
    for (const person of people) {
      const offered = replyableChannels(person, ['chat', 'email', 'phone', 'video', 'social', 'sms', 'store']);
      for (const c of offered) expect(deliveryAddress(person, c, [])).not.toBeNull();
      for (const c of (['chat', 'email', 'video', 'social', 'sms'] as const).filter((c) => !offered.includes(c))) {
        expect(deliveryAddress(person, c, [])).toBeNull();
      }
    }
  });
});
