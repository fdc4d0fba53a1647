// @vitest-environment jsdom
import '../../test/setup';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { aCase, aCustomer, aMessage } from '../../test/builders';
import { fakeApi } from '../../test/fakeApi';
import { renderWithProviders } from '../../test/renderWithProviders';
import { SearchDialog } from './SearchDialog';

function Harness({ onOpenCase, onOpenCustomer }: { onOpenCase(id: string): void; onOpenCustomer(id: string): void }) {
  const [opened, setOpened] = useState(false);
  return <SearchDialog opened={opened} onOpen={() => setOpened(true)} onClose={() => setOpened(false)} onOpenCase={onOpenCase} onOpenCustomer={onOpenCustomer} />;
}

describe('SearchDialog', () => {
  it('opens with Ctrl+K, searches as you type, moves with arrows and opens with Enter', async () => {
    const fake = fakeApi({
      'search.query': () => ({
        customers: [aCustomer({ id: 'cu9', name: 'Jan Kowalski' })],
        cases: [aCase({ id: 'c7', subject: 'Broken kettle' })],
        messages: [aMessage({ id: 'm1', caseId: 'c8', text: 'The kettle leaks <b>badly</b>' })],
      }),
    });
    const onOpenCase = vi.fn();
    renderWithProviders(<Harness onOpenCase={onOpenCase} onOpenCustomer={vi.fn()} />, { fake });
    await userEvent.keyboard('{Control>}k{/Control}');
    const input = await screen.findByRole('combobox', { name: 'Search customers, cases and messages' });
    await userEvent.type(input, 'kettle');
    expect(await screen.findByText('The kettle leaks <b>badly</b>')).toBeTruthy();
    expect(fake.calls('search.query').at(-1)).toEqual({ query: 'kettle', limit: 20 });
    expect(screen.getByRole('group', { name: 'Customers' }).textContent).toContain('Jan Kowalski');
    await userEvent.keyboard('{ArrowDown}{ArrowDown}{Enter}');
    expect(onOpenCase).toHaveBeenCalledWith('c8');
    await waitFor(() => expect(screen.queryByRole('combobox')).toBeNull());
  });
});
