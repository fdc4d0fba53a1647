// @vitest-environment jsdom
import '../../test/setup';
import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { NOW, aCase, aCustomer } from '../../test/builders';
import { fakeApi } from '../../test/fakeApi';
import { renderWithProviders } from '../../test/renderWithProviders';
import { IncomingCall } from './IncomingCall';

function setup() {
  const fake = fakeApi({ 'customer.create': () => ({ mutationId: 'm1', state: 'pending' }), 'search.query': () => ({ customers: [], cases: [], messages: [], customerNames: {} }) });
  const onOpenCase = vi.fn();
  const onOpenCustomer = vi.fn();
  const view = renderWithProviders(<IncomingCall onOpenCase={onOpenCase} onOpenCustomer={onOpenCustomer} />, { fake });
  return { ...view, onOpenCase, onOpenCustomer };
}

describe('IncomingCall', () => {
  it('shows nothing until a call is offered, then the caller and their open cases', async () => {
    const { fake, onOpenCase } = setup();
    expect(screen.queryByRole('dialog')).toBeNull();
    const offer = { callId: 'k1', phone: '+48601234567', customer: { id: aCustomer().id, name: aCustomer().name, language: aCustomer().language }, openCases: [aCase({ id: 'c7', subject: 'Broken kettle' })], caseId: 'c7', at: NOW };
    act(() => fake.emit('call.offer', offer));
    expect(await screen.findByText('Incoming call from +48601234567')).toBeTruthy();
    expect(screen.getByText('Jan Kowalski')).toBeTruthy();
    expect(screen.getByText('1 open case')).toBeTruthy();
    await userEvent.click(screen.getByText('Broken kettle'));
    expect(onOpenCase).toHaveBeenCalledWith('c7');
    await waitFor(() => expect(screen.queryByText('Incoming call from +48601234567')).toBeNull());
  });

  it('offers a new customer with the number filled in for an unknown caller', async () => {
    const { fake } = setup();
    act(() => fake.emit('call.offer', { callId: 'k2', phone: '+48700100200', customer: null, openCases: [], caseId: null, at: NOW }));
    await userEvent.click(await screen.findByRole('button', { name: 'New customer with this number' }));
    expect((screen.getByLabelText('Phone numbers') as HTMLTextAreaElement).value).toBe('+48700100200');
    await userEvent.click(screen.getByRole('button', { name: 'Create customer' }));
    expect(await screen.findByText("Enter the customer's name.")).toBeTruthy();
    await userEvent.type(screen.getByLabelText(/^Name/), 'Olga Nowak');
    await userEvent.click(screen.getByRole('button', { name: 'Create customer' }));
    await waitFor(() => expect(fake.calls('customer.create')).toEqual([{ name: 'Olga Nowak', phones: ['+48700100200'], emails: [], language: 'en' }]));
  });
});
