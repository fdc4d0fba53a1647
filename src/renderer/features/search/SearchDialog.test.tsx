// @vitest-environment jsdom
import '../../test/setup';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { NOW, aCase, aCustomer, aMessage } from '../../test/builders';
import { fakeApi } from '../../test/fakeApi';
import { renderWithProviders } from '../../test/renderWithProviders';
import { SearchDialog } from './SearchDialog';

afterEach(() => vi.useRealTimers());

function Harness({ onOpenCase, onOpenCustomer }: { onOpenCase(id: string): void; onOpenCustomer(id: string): void }) {
  const [opened, setOpened] = useState(false);
  return <SearchDialog opened={opened} onOpen={() => setOpened(true)} onClose={() => setOpened(false)} onOpenCase={onOpenCase} onOpenCustomer={onOpenCustomer} />;
}

function setup() {
  const fake = fakeApi({
    'search.query': () => ({
      customers: [aCustomer({ id: 'cu9', name: 'Jan Kowalski' })],
      cases: [
        aCase({ id: 'c7', customerId: 'cu9', subject: 'Broken kettle', lastChannel: 'email', status: 'pending', createdAt: NOW - 3 * 86_400_000 }),
        aCase({ id: 'c6', customerId: 'cu5', subject: 'Broken kettle', lastChannel: 'phone', status: 'open', createdAt: NOW - 2 * 3_600_000 }),
      ],
      messages: [aMessage({ id: 'm1', caseId: 'c8', text: 'The kettle leaks <b>badly</b>' })],
      customerNames: { cu9: 'Jan Kowalski', cu5: 'Ewa Nowak' },
    }),
  });
  const onOpenCase = vi.fn();
  renderWithProviders(<Harness onOpenCase={onOpenCase} onOpenCustomer={vi.fn()} />, { fake });
  return { fake, onOpenCase };
}

async function search(text: string) {
  await userEvent.keyboard('{Control>}k{/Control}');
  const input = await screen.findByRole('combobox', { name: 'Search customers, cases and messages' });
  await userEvent.type(input, text);
  return input;
}

describe('SearchDialog', () => {
  it('opens with Ctrl+K, searches as you type, moves with arrows and opens with Enter', async () => {
    const { fake, onOpenCase } = setup();
    await search('kettle');
    expect(await screen.findByText('The kettle leaks <b>badly</b>')).toBeTruthy();
    expect(fake.calls('search.query').at(-1)).toEqual({ query: 'kettle', limit: 20 });
    expect(screen.getByRole('group', { name: 'Customers' }).textContent).toContain('Jan Kowalski');
    await userEvent.keyboard('{ArrowDown}{ArrowDown}{ArrowDown}{Enter}');
    expect(onOpenCase).toHaveBeenCalledWith('c8');
    await waitFor(() => expect(screen.queryByRole('combobox')).toBeNull());
  });

  it('shows for each case found its customer, channel, status and age, not only the subject', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(NOW);
    setup();
    await search('kettle');
    const cases = await screen.findByRole('group', { name: 'Cases' });
    await waitFor(() => expect(within(cases).getAllByRole('option')).toHaveLength(2));
    const [first, second] = within(cases).getAllByRole('option');
    expect(within(first).getByTestId('case-customer').textContent).toBe('Jan Kowalski');
    expect(within(first).getByTestId('case-detail').textContent).toBe('Broken kettle · Email · opened 3 days ago');
    expect(within(first).getByRole('img', { name: 'Email' })).toBeTruthy();
    expect(within(first).getByText('Pending')).toBeTruthy();
    expect(within(second).getByTestId('case-customer').textContent).toBe('Ewa Nowak');
    expect(within(second).getByTestId('case-detail').textContent).toBe('Broken kettle · Phone · opened 2 hr ago');
    expect(within(second).getByText('Open')).toBeTruthy();
  });

  it('has a named close button and a results list reachable with Tab, moved with arrows and opened with Enter', async () => {
    const { onOpenCase } = setup();
    await search('kettle');
    await screen.findByText('The kettle leaks <b>badly</b>');
    expect(screen.getByRole('button', { name: 'Close search' })).toBeTruthy();

    const results = screen.getByRole('listbox', { name: 'Results' });
    await userEvent.tab();
    expect(document.activeElement).toBe(results);
    await userEvent.keyboard('{End}');
    expect(results.getAttribute('aria-activedescendant')).toBe('search-message-m1');
    await userEvent.keyboard('{ArrowUp}{ArrowUp}');
    expect(results.getAttribute('aria-activedescendant')).toBe('search-case-c7');
    expect(document.getElementById('search-case-c7')?.getAttribute('aria-selected')).toBe('true');
    await userEvent.keyboard('{Enter}');
    expect(onOpenCase).toHaveBeenCalledWith('c7');
    await waitFor(() => expect(screen.queryByRole('listbox', { name: 'Results' })).toBeNull());
  });

  it('closes with its close button', async () => {
    setup();
    await search('kettle');
    await userEvent.click(screen.getByRole('button', { name: 'Close search' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });
});
