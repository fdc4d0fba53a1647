import { describe, expect, it } from 'vitest';
import { connectorFailureReason } from './connectorTransport';

describe('the reason people read when a connector does not take a delivery', () => {
  it('is the message of the contract’s error body', () => {
    const body = JSON.stringify({ ok: false, error: 'rejected', message: 'the number is not reachable' });
    expect(connectorFailureReason('sms', 400, false, body)).toBe('the sms connector refused it (400): the number is not reachable');
    expect(connectorFailureReason('chat', 503, true, JSON.stringify({ ok: false, error: 'unavailable', message: 'gateway\n down' }))).toBe(
      'the chat connector answered 503: gateway down',
    );
  });

  it('is the start of the answer as plain text when it is not that body', () => {
    expect(connectorFailureReason('chat', 502, true, '  Bad\n\tgateway ')).toBe('the chat connector answered 502: Bad gateway');
    // JSON whose message is not a string is shown as it came.
    expect(connectorFailureReason('sms', 422, false, '{"message":42}')).toBe('the sms connector refused it (422): {"message":42}');
    expect(connectorFailureReason('sms', 404, false, '')).toBe('the sms connector refused it (404)');
    const long = connectorFailureReason('social', 400, false, 'x'.repeat(5_000));
    expect(long).toBe(`the social connector refused it (400): ${'x'.repeat(199)}…`);
    expect(connectorFailureReason('social', 400, false, JSON.stringify({ message: 'y'.repeat(5_000) })).endsWith(`${'y'.repeat(199)}…`)).toBe(true);
  });
});
