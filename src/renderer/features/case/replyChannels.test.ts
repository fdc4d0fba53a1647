import { describe, expect, it } from 'vitest';
import { customer, kase } from '../../../shared/testing/rows';
import { replyChannels } from './replyChannels';

describe('the channels a reply is offered on', () => {
  const anna = customer({ emails: ['anna@example.com'], phones: ['+48601000001'], handles: [] });

  it('puts the channel the customer last wrote on first', () => {
    expect(replyChannels(kase({ channels: ['chat', 'sms'], lastChannel: 'sms' }), anna)).toEqual(['sms', 'chat', 'email']);
    expect(replyChannels(kase({ channels: ['chat'], lastChannel: 'chat' }), anna)).toEqual(['chat', 'email', 'sms']);
  });

  it('never offers a channel the hub has no address for', () => {
    // A social case whose customer holds no handle: the hub would refuse it, so email and SMS are offered.
    expect(replyChannels(kase({ channels: ['social'], lastChannel: 'social' }), anna)).toEqual(['email', 'sms']);
    // No phone: no SMS, even when the case came in by SMS.
    expect(replyChannels(kase({ channels: ['sms'], lastChannel: 'sms' }), { ...anna, phones: [] })).toEqual(['email']);
    expect(replyChannels(kase({ channels: ['chat'], lastChannel: 'chat' }), null)).toEqual([]);
  });
});
