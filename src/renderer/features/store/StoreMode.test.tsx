// @vitest-environment jsdom
import '../../test/setup';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { NOW, aCase, aCustomer, aMessage, aSession } from '../../test/builders';
import { fakeApi } from '../../test/fakeApi';
import { renderWithProviders } from '../../test/renderWithProviders';
import { StoreMode } from './StoreMode';

/** Store mode as the workstation shows it: a case opened from it shows in its place until closed. */
function WithOpenCase({ onOpenCase }: { onOpenCase(caseId: string): void }) {
  const [open, setOpen] = useState<string | null>(null);
  const opened = open ? (
    <section aria-label={`Case ${open}`}>
      <input aria-label="Reply" />
    </section>
  ) : null;
  return (
    <StoreMode
      onOpenCase={(id) => {
        onOpenCase(id);
        setOpen(id);
      }}
      opened={opened}
      onCloseDetail={() => setOpen(null)}
    />
  );
}

function setup({ wired = false } = {}) {
  const videoCase = aCase({ id: 'cv', subject: 'Cracked screen', originChannel: 'video', channels: ['video'], status: 'pending' });
  const fake = fakeApi({
    'store.lookup': () => ({ customers: [aCustomer()], source: 'hub' }),
    'customer.view': () => ({ customer: { ...aCustomer(), local: [] }, cases: [videoCase, aCase({ id: 'old', status: 'closed', subject: 'Old order' })] }),
    'case.view': () => ({
      case: videoCase,
      customer: { ...aCustomer(), local: [] },
      timeline: [
        aMessage({ id: 'v', caseId: 'cv', kind: 'video', text: '', meta: { summary: 'Promised an exchange at the Mokotów store.', notes: 'Bring the receipt.' }, createdAt: NOW }),
      ],
      held: [],
      deliveries: [],
      history: 'whole',
    }),
    'session.current': () => aSession({ role: 'store', storeId: 'st1' }),
    'reference.org': () => ({ queues: [], staff: [], stores: [{ id: 'st1', name: 'Mokotów', city: 'Warszawa' }] }),
    'case.continueInStore': () => ({ mutationId: 'm1', state: 'pending' }),
  });
  const onOpenCase = vi.fn();
  return { ...renderWithProviders(wired ? <WithOpenCase onOpenCase={onOpenCase} /> : <StoreMode onOpenCase={onOpenCase} />, { fake }), onOpenCase };
}

describe('StoreMode', () => {
  it('finds the customer by phone, shows the open video-chat case with its summary, and continues it in store', async () => {
    const { fake, onOpenCase } = setup();
    await userEvent.type(screen.getByLabelText('Find the customer'), '601 234 567{Enter}');
    expect(fake.calls('store.lookup')).toEqual([{ query: '601 234 567' }]);
    expect(await screen.findByText('1 customer found')).toBeTruthy();
    expect(await screen.findByText('Jan Kowalski: 1 open case')).toBeTruthy();
    expect(screen.queryByText('Old order')).toBeNull();
    expect(screen.getByText('Began on Video chat')).toBeTruthy();

    const panel = (await screen.findByRole('heading', { name: 'Cracked screen', level: 3 })).closest('section') as HTMLElement;
    expect(within(panel).getByText('Promised an exchange at the Mokotów store.')).toBeTruthy();
    expect(within(panel).getByText('Bring the receipt.')).toBeTruthy();

    const button = within(panel).getByRole('button', { name: 'Continue in store' });
    expect(button.hasAttribute('disabled')).toBe(true);
    await userEvent.type(within(panel).getByLabelText('What you are doing in store'), 'Exchanged the phone.');
    await userEvent.click(button);
    await waitFor(() => expect(onOpenCase).toHaveBeenCalledWith('cv'));
    expect(fake.calls('case.continueInStore')).toEqual([{ caseId: 'cv', text: 'Exchanged the phone.', storeId: 'st1' }]);
  });

  it('asks for one more detail when a name alone cannot be looked up beyond the cache, and sends it', async () => {
    const { fake } = setup();
    fake.handlers['store.lookup'] = (input) => {
      if (input.detail === undefined) return { ok: false, error: { code: 'needs-detail', message: 'a name needs one more detail' } };
      return { customers: [aCustomer()], source: 'hub' };
    };
    await userEvent.type(screen.getByLabelText('Find the customer'), 'Kowalski{Enter}');
    expect(await screen.findByText(/add one more detail/)).toBeTruthy();
    const detail = screen.getByLabelText('One more detail');
    await waitFor(() => expect(document.activeElement).toBe(detail));
    await userEvent.type(detail, '567{Enter}');
    expect(await screen.findByText('1 customer found')).toBeTruthy();
    expect(fake.calls('store.lookup')).toEqual([{ query: 'Kowalski' }, { query: 'Kowalski', detail: '567' }]);
  });

  it('says so when nobody matches', async () => {
    const { fake } = setup();
    fake.handlers['store.lookup'] = () => ({ customers: [], source: 'cache' });
    await userEvent.type(screen.getByLabelText('Find the customer'), 'nobody{Enter}');
    expect(await screen.findByText('Nobody matches. Check the number or try the name.')).toBeTruthy();
  });

  it('closes the case opened from it with Esc, back to the lookup as it was', async () => {
    setup({ wired: true });
    await userEvent.type(screen.getByLabelText('Find the customer'), '601 234 567{Enter}');
    const panel = (await screen.findByRole('heading', { name: 'Cracked screen', level: 3 })).closest('section') as HTMLElement;
    await userEvent.type(within(panel).getByLabelText('What you are doing in store'), 'Exchanged the phone.');
    await userEvent.click(within(panel).getByRole('button', { name: 'Continue in store' }));
    const kase = await screen.findByRole('region', { name: 'Case cv' });
    expect(screen.queryByRole('heading', { name: 'Store mode' })).toBeNull();
    // Esc typed in a field of the case closes it too, as in the agents' workspace.
    await userEvent.type(within(kase).getByLabelText('Reply'), '{Escape}');
    expect(screen.queryByRole('region', { name: 'Case cv' })).toBeNull();
    expect(screen.getByText('1 customer found')).toBeTruthy();
    expect((screen.getByLabelText('Find the customer') as HTMLInputElement).value).toBe('601 234 567');
  });
});
