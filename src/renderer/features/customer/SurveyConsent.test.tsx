// @vitest-environment jsdom
import '../../test/setup';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Customer, Lang } from '../../../shared/domain';
import { aCustomer } from '../../test/builders';
import { fakeApi, type FakeHandlers } from '../../test/fakeApi';
import { renderWithProviders } from '../../test/renderWithProviders';
import { Customer360 } from './Customer360';

function renderProfile(customer: Customer, handlers: FakeHandlers = {}, lng: Lang = 'en') {
  const fake = fakeApi({ 'customer.view': () => ({ customer: { ...customer, local: [] }, cases: [] }), ...handlers });
  renderWithProviders(<Customer360 customerId={customer.id} onOpenCase={() => {}} onClose={() => {}} />, { fake, lng });
  return fake;
}

const agreedTo = () => screen.getByText('Agreed to').parentElement!.textContent;

describe('survey consent on the customer profile', () => {
  it('is on for a record that never said no, and switching it off asks the hub to send no surveys', async () => {
    const fake = renderProfile(aCustomer({ consent: { email: true, sms: false, marketing: false } }), { 'customer.update': () => ({ mutationId: 'm1', state: 'pending' }) });
    const toggle = (await screen.findByRole('switch', { name: 'Satisfaction surveys' })) as HTMLInputElement;
    expect(toggle.checked).toBe(true);
    expect(agreedTo()).toBe('Agreed toemailsurveys');
    await userEvent.click(toggle);
    await waitFor(() =>
      expect(fake.calls('customer.update')).toEqual([{ customerId: 'cu1', patch: { consent: { email: true, sms: false, marketing: false, surveys: false } } }]),
    );
  });

  it('is off for a customer who said no, and says so when the change is refused', async () => {
    renderProfile(aCustomer({ consent: { email: true, sms: true, marketing: false, surveys: false } }), {
      'customer.update': () => ({ ok: false, error: { code: 'forbidden', message: 'not yours' } }),
    });
    const toggle = (await screen.findByRole('switch', { name: 'Satisfaction surveys' })) as HTMLInputElement;
    expect(toggle.checked).toBe(false);
    expect(agreedTo()).toBe('Agreed toemailSMS');
    await userEvent.click(toggle);
    expect((await screen.findByRole('alert')).textContent).toContain('Could not change survey consent');
  });

  it('speaks Polish', async () => {
    renderProfile(aCustomer(), {}, 'pl');
    expect(await screen.findByRole('switch', { name: 'Ankiety satysfakcji' })).toBeTruthy();
    expect(screen.getByText('ankiety')).toBeTruthy();
  });

  it('speaks Greek', async () => {
    renderProfile(aCustomer(), {}, 'el');
    expect(await screen.findByRole('switch', { name: 'Έρευνες ικανοποίησης' })).toBeTruthy();
  });
});
