// @vitest-environment jsdom
import '../../test/setup';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Customer, Lang, Role } from '../../../shared/domain';
import type { OutboxItem } from '../../../shared/ipc/contract';
import { aCase, aCustomer, aSession, aStaff } from '../../test/builders';
import { fakeApi, type FakeHandlers } from '../../test/fakeApi';
import { renderWithProviders } from '../../test/renderWithProviders';
import { Customer360 } from './Customer360';

const queued = () => ({ mutationId: '0190a8e0-0000-7000-8000-000000000001', state: 'pending' as const });
const org = { queues: [], staff: [{ ...aStaff({ id: 's2', name: 'Łukasz Wiśniewski' }), local: [] }], stores: [] };
const duplicate = aCustomer({ id: 'cu2', name: 'Jan Kowalski (old)', emails: ['jan.old@example.pl'] });

function render360(customer: Customer, role: Role = 'agent', handlers: FakeHandlers = {}, lng: Lang = 'en', local: Customer & { local: never[] } = { ...customer, local: [] }) {
  const fake = fakeApi({
    'customer.view': () => ({ customer: local, cases: [{ ...aCase({ id: 'c1', status: 'open' }), local: [] }] }),
    'session.current': () => aSession({ id: 's1', role }),
    'reference.org': () => org,
    'survey.answers': () => [],
    ...handlers,
  });
  renderWithProviders(<Customer360 customerId={customer.id} onOpenCase={() => {}} onClose={() => {}} />, { fake, lng });
  return fake;
}

describe('notes on the customer in Customer 360', () => {
  it('lists the notes newest first with their author, and adds one', async () => {
    const customer = aCustomer({
      notes: [
        { id: 'n1', authorId: 's2', text: 'Prefers email', createdAt: 1_000 },
        { id: 'n2', authorId: 's2', text: 'Allergic to phone calls', createdAt: 2_000 },
      ],
    });
    const fake = render360(customer, 'agent', { 'customer.note': queued });
    const list = await screen.findByRole('list', { name: 'Notes, newest first' });
    expect(within(list).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      expect.stringMatching(/^Łukasz Wiśniewski, .*Allergic to phone calls$/),
      expect.stringMatching(/^Łukasz Wiśniewski, .*Prefers email$/),
    ]);
    await userEvent.type(screen.getByRole('textbox', { name: 'New note (shared with colleagues)' }), 'Wants a call back on Monday');
    await userEvent.click(screen.getByRole('button', { name: 'Add the note' }));
    await waitFor(() => expect(fake.calls('customer.note')).toEqual([{ customerId: customer.id, text: 'Wants a call back on Monday' }]));
  });

  it('marks a note written here that the hub does not have yet', async () => {
    const customer = aCustomer({ notes: [{ id: 'm-local', authorId: 's2', text: 'Written offline', createdAt: 1_000 }] });
    render360(customer, 'agent', {}, 'en', {
      ...customer,
      local: [{ mutationId: 'm-local', type: 'customer.note', state: 'pending', reason: null, message: null }] as never[],
    });
    expect(await screen.findByText(/not sent yet/)).toBeTruthy();
  });
});

describe('merging customers from Customer 360', () => {
  it('is not offered to an agent', async () => {
    render360(aCustomer());
    await screen.findByRole('heading', { name: 'Notes on the customer' });
    expect(screen.queryByRole('button', { name: 'Merge a duplicate…' })).toBeNull();
  });

  it('lets a supervisor find the duplicate, confirm with both names, and says why the hub refused', async () => {
    const customer = aCustomer({ id: 'cu1', name: 'Jan Kowalski' });
    let outbox: OutboxItem[] = [];
    const fake = render360(customer, 'supervisor', {
      'search.query': () => ({ customers: [customer, duplicate], cases: [], messages: [], customerNames: {} }),
      'supervisor.mergeCustomers': queued,
      'outbox.list': () => outbox,
      'outbox.discard': () => ({}),
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Merge a duplicate…' }));
    await userEvent.type(await screen.findByRole('textbox', { name: 'Find the duplicate record' }), 'Jan');
    // The customer open here is not offered as its own duplicate.
    const candidates = await screen.findByRole('list', { name: 'Customers found' });
    expect(within(candidates).getAllByRole('button').map((b) => b.getAttribute('aria-label'))).toEqual(['Choose Jan Kowalski (old)']);
    await userEvent.click(within(candidates).getByRole('button'));
    const dialog = await screen.findByRole('dialog', { name: 'Merge these customers?' });
    expect(dialog.textContent).toContain('Jan Kowalski (old) will be merged into Jan Kowalski');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Merge Jan Kowalski (old) into Jan Kowalski' }));
    await waitFor(() => expect(fake.calls('supervisor.mergeCustomers')).toEqual([{ survivorId: 'cu1', mergedId: 'cu2' }]));
    expect((await screen.findByRole('status')).textContent).toContain('Merging Jan Kowalski (old)');
    outbox = [
      {
        mutationId: queued().mutationId,
        mutation: { mutationId: queued().mutationId, type: 'supervisor.mergeCustomers', survivorId: 'cu1', mergedId: 'cu2' },
        state: 'rejected',
        attempts: 1,
        reason: 'conflict',
        message: 'one of these customers was already merged',
        current: null,
        createdAt: 1,
        updatedAt: 2,
      },
    ];
    fake.emit('data.changed', { entities: {}, outbox: true });
    const refusal = await screen.findByRole('alert');
    expect(refusal.textContent).toContain('One of these customers was already merged into another record.');
    await userEvent.click(within(refusal).getByRole('button', { name: 'Dismiss' }));
    expect(fake.calls('outbox.discard')).toEqual([{ mutationId: queued().mutationId }]);
  });
});

describe('the status badge in Customer 360', () => {
  it('is never narrower than its word, so "Open" is not cut', async () => {
    render360(aCustomer());
    const badge = (await screen.findByText('Open')).closest('.mantine-Badge-root') as HTMLElement;
    expect(badge.style.minWidth).toBe('max-content');
  });
});
