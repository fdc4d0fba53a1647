// @vitest-environment jsdom
import '../../test/setup';
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { EventPayload } from '../../../shared/ipc/contract';
import { fakeApi } from '../../test/fakeApi';
import { renderWithProviders } from '../../test/renderWithProviders';
import { NotificationCenter } from './NotificationCenter';

const HOSTILE = '<img src=x onerror=alert(1)>';

function setup(lng: 'en' | 'pl' | 'el' = 'en') {
  const onOpenCase = vi.fn();
  const view = renderWithProviders(<NotificationCenter onOpenCase={onOpenCase} />, { fake: fakeApi(), lng });
  const failed = (payload: EventPayload<'delivery.failed'>) => act(() => view.fake.emit('delivery.failed', payload));
  return { ...view, onOpenCase, failed };
}

const refund: EventPayload<'delivery.failed'> = {
  failure: { deliveryId: 'de1', caseId: 'c7', interactionId: 'in9', channel: 'sms', error: 'the gateway refused the number (400)' },
  caseSubject: 'Refund for order 1182',
  customerName: 'Maria Wiśniewska',
};

describe('NotificationCenter: failed deliveries', () => {
  it('tells which case, what failed and why, and opens the case', async () => {
    const { failed, onOpenCase } = setup();
    failed(refund);
    const notice = screen.getByRole('alert');
    expect(within(notice).getByText('Message not delivered')).toBeTruthy();
    expect(within(notice).getByText('A message to Maria Wiśniewska by SMS could not be delivered: the gateway refused the number (400)')).toBeTruthy();
    expect(within(notice).getByText('Case: Refund for order 1182')).toBeTruthy();
    await userEvent.click(within(notice).getByRole('button', { name: 'Open case' }));
    expect(onOpenCase).toHaveBeenCalledWith('c7');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows one notice per delivery, stays until dismissed, and shows outside text literally', async () => {
    const { failed } = setup();
    failed(refund);
    failed(refund);
    failed({ failure: { ...refund.failure, deliveryId: 'de2', channel: 'chat', error: HOSTILE }, caseSubject: null, customerName: null });
    expect(screen.getAllByRole('alert')).toHaveLength(2);
    const second = screen.getAllByRole('alert')[1];
    expect(within(second).getByText(`A message to a customer by Chat could not be delivered: ${HOSTILE}`)).toBeTruthy();
    expect(within(second).queryByText(/^Case:/)).toBeNull();
    expect(document.querySelector('img')).toBeNull();
    await userEvent.click(within(second).getByRole('button', { name: 'Dismiss' }));
    expect(screen.getAllByRole('alert')).toHaveLength(1);
  });

  it('speaks Greek', () => {
    setup('el').failed(refund);
    expect(within(screen.getByRole('alert')).getByText('Το μήνυμα δεν παραδόθηκε')).toBeTruthy();
    expect(within(screen.getByRole('alert')).getByText('Υπόθεση: Refund for order 1182')).toBeTruthy();
  });
});
