import { describe, expect, it } from 'vitest';
import type { LocalChange } from '../../../shared/ipc/contract';
import { delivery } from '../../../shared/testing/rows';
import { deliveriesByMessage, deliveryStage, otherChannels, refusedRetry, type ShownDelivery } from './deliveryStage';

const shown = (over: Parameters<typeof delivery>[0] = {}, local: LocalChange[] = []): ShownDelivery => ({ ...delivery(over), local });
const retry = (state: LocalChange['state']): LocalChange => ({
  mutationId: 'm1',
  type: 'delivery.retry',
  state,
  reason: state === 'rejected' ? 'conflict' : null,
  message: null,
});

describe('delivery stage', () => {
  it('is the delivery’s status, or waiting while my retry is in the outbox', () => {
    for (const status of ['queued', 'sent', 'delivered', 'read', 'failed'] as const) expect(deliveryStage(shown({ status }))).toBe(status);
    expect(deliveryStage(shown({ status: 'queued' }, [retry('pending')]))).toBe('waiting');
    expect(deliveryStage(shown({ status: 'queued' }, [retry('sending')]))).toBe('waiting');
    // Applied by the hub: its effect holds until the feed brings the row.
    expect(deliveryStage(shown({ status: 'queued' }, [retry('acked')]))).toBe('queued');
    expect(deliveryStage(shown({ status: 'failed' }, [retry('rejected')]))).toBe('failed');
  });

  it('finds my refused retry, and only the newest change counts', () => {
    expect(refusedRetry(shown({ status: 'failed' }, [retry('rejected')]))).toMatchObject({ reason: 'conflict' });
    expect(refusedRetry(shown({ status: 'failed' }, [retry('rejected'), retry('pending')]))).toBeNull();
    expect(refusedRetry(shown({ status: 'failed' }))).toBeNull();
  });

  it('gives each message its newest delivery', () => {
    const first = shown({ id: 'd1', interactionId: 'i1', createdAt: 1, status: 'failed' });
    const again = shown({ id: 'd2', interactionId: 'i1', createdAt: 2, status: 'sent' });
    const other = shown({ id: 'd3', interactionId: 'i2', createdAt: 0 });
    expect([...deliveriesByMessage([again, first, other])].map(([i, d]) => [i, d.id])).toEqual([
      ['i1', 'd2'],
      ['i2', 'd3'],
    ]);
  });

  it('offers every reply channel but the one that failed', () => {
    expect(otherChannels({ channel: 'chat' }, ['chat', 'email', 'sms'])).toEqual(['email', 'sms']);
    expect(otherChannels({ channel: 'email' }, ['email'])).toEqual([]);
  });
});
