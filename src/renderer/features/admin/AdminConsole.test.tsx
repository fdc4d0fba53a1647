// @vitest-environment jsdom
import '../../test/setup';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Queue } from '../../../shared/domain';
import { aSession, aStaff } from '../../test/builders';
import { fakeApi, type FakeHandlers } from '../../test/fakeApi';
import { renderWithProviders } from '../../test/renderWithProviders';
import { AdminConsole } from './AdminConsole';

const queue = { id: 'q1', name: 'Chat', channels: ['chat'], languages: ['en'], skills: [], memberIds: ['a1'], archived: false } as unknown as Queue;
const agent = aStaff({ id: 'a1', username: 'anna', name: 'Anna Nowak', role: 'agent' });
const other = aStaff({ id: 'a2', username: 'bob', name: 'Bob Brown', role: 'agent' });

function setup(handlers: FakeHandlers) {
  const fake = fakeApi({
    'reference.org': () => ({ queues: [queue], staff: [{ ...agent, local: [] }, { ...other, local: [] }], stores: [] }),
    'admin.policy': () => ({ maxOfflineHours: 72, idleLockMinutes: 15 }),
    ...handlers,
  });
  renderWithProviders(<AdminConsole session={aSession({ id: 'adm', role: 'admin' })} />, { fake });
  return fake;
}

async function fillNewPerson(username: string) {
  await userEvent.click(await screen.findByRole('button', { name: 'Add person' }));
  const form = await screen.findByRole('dialog', { name: 'Add person' });
  await userEvent.type(within(form).getByLabelText(/^Username/), username);
  await userEvent.type(within(form).getByLabelText(/^Display name/), 'Ewa Nowak');
  return form;
}

describe('AdminConsole', () => {
  it('adds a person and shows their one-time password once', async () => {
    const fake = setup({ 'admin.createStaff': (input) => ({ ...aStaff({ id: 'n1', username: input.username, name: input.name }), oneTimePassword: 'Xy7-one-time-pass_20' }) });
    const form = await fillNewPerson('ewa');
    await userEvent.click(within(form).getByRole('button', { name: 'Save' }));
    const shown = await screen.findByRole('dialog', { name: 'One-time password for Ewa Nowak' });
    expect(within(shown).getByLabelText('One-time password').textContent).toBe('Xy7-one-time-pass_20');
    expect(fake.calls('admin.createStaff')).toEqual([expect.objectContaining({ username: 'ewa', name: 'Ewa Nowak', role: 'agent' })]);
    expect(fake.calls('admin.createStaff')[0]).not.toHaveProperty('password');
    await userEvent.click(within(shown).getByRole('button', { name: 'Done' }));
    await waitFor(() => expect(screen.queryByText('Xy7-one-time-pass_20')).toBeNull());
  });

  it('shows a refusal of the hub translated at the field it names', async () => {
    setup({ 'admin.createStaff': () => ({ ok: false, error: { code: 'conflict', message: 'username: anna is taken', field: 'username' } }) });
    const form = await fillNewPerson('anna');
    await userEvent.click(within(form).getByRole('button', { name: 'Save' }));
    const input = within(form).getByLabelText(/^Username/);
    await waitFor(() => expect(input.getAttribute('aria-invalid')).toBe('true'));
    expect(within(form).getByText('This username is taken.')).toBeTruthy();
    expect(within(form).queryByRole('alert')).toBeNull();
  });

  it('asks where open cases go before deactivating someone who holds them', async () => {
    const fake = setup({
      'admin.openCases': () => ({ count: 3 }),
      'admin.deactivateStaff': () => ({ ...agent, active: false, version: 2 }),
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Actions for Anna Nowak' }));
    await userEvent.click(await screen.findByRole('menuitem', { name: 'Deactivate' }));
    const dialog = await screen.findByRole('dialog', { name: 'Deactivate Anna Nowak' });
    expect(await within(dialog).findByText('They hold 3 open cases. Choose who takes them.')).toBeTruthy();
    const confirm = within(dialog).getByRole('button', { name: 'Deactivate' });
    expect(confirm.hasAttribute('disabled')).toBe(true);
    await userEvent.click(within(dialog).getByRole('combobox', { name: 'Move to' }));
    await userEvent.click(within(await screen.findByRole('listbox', { name: 'Move to' })).getByRole('option', { name: 'Chat' }));
    await userEvent.click(confirm);
    await waitFor(() => expect(fake.calls('admin.deactivateStaff')).toEqual([{ staffId: 'a1', moveCasesTo: { queueId: 'q1' } }]));
  });
});
