// @vitest-environment jsdom
import '../../test/setup';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { AdminMailbox } from '../../../shared/protocol';
import { fakeApi, type FakeHandlers } from '../../test/fakeApi';
import { renderWithProviders } from '../../test/renderWithProviders';
import { MailboxesPanel } from './MailboxesPanel';

const help: AdminMailbox = {
  address: 'help@shop.example',
  name: 'Shop support',
  smtp: { host: 'smtp.shop.example', port: 587, secure: false, user: 'hub', passwordSet: true },
  inbound: { kind: 'imap', host: 'imap.shop.example', port: 993, secure: true, user: 'support', passwordSet: true, folder: 'INBOX', pollSeconds: 60 },
  updatedAt: 1,
};

function setup(handlers: FakeHandlers = {}, items: AdminMailbox[] = [help]) {
  const fake = fakeApi({ 'admin.mailboxes': () => ({ items }), ...handlers });
  renderWithProviders(<MailboxesPanel />, { fake });
  return fake;
}

describe('MailboxesPanel', () => {
  it('lists mailboxes with where mail goes out and how it comes in', async () => {
    setup();
    const row = (await screen.findByText('help@shop.example')).closest('tr')!;
    expect(within(row).getByText('smtp.shop.example:587')).toBeTruthy();
    expect(within(row).getByText('Polls INBOX at imap.shop.example:993 every 60 s')).toBeTruthy();
  });

  it('adds a mailbox on the hub listener', async () => {
    const fake = setup({ 'admin.setMailbox': ({ address }) => ({ ...help, address }) }, []);
    expect(await screen.findByText(/No mailbox yet/)).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Add mailbox' }));
    const form = await screen.findByRole('dialog', { name: 'Add mailbox' });
    await userEvent.type(within(form).getByLabelText(/^Address/), 'orders@shop.example');
    await userEvent.type(within(form).getByLabelText(/^Sender name/), 'Orders');
    const [smtpHost] = within(form).getAllByLabelText(/^Host/);
    await userEvent.type(smtpHost, 'smtp.shop.example');
    await userEvent.click(within(form).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(fake.calls('admin.setMailbox')).toEqual([
      { address: 'orders@shop.example', name: 'Orders', smtp: { host: 'smtp.shop.example', port: 587, secure: false, user: undefined, password: undefined }, inbound: { kind: 'smtp', host: '0.0.0.0', port: 2525 } },
    ]);
  });

  it('changes a mailbox keeping its passwords when left blank, and shows a refusal at its field', async () => {
    const fake = setup({ 'admin.setMailbox': () => ({ ok: false, error: { code: 'invalid-input', message: 'inbound.pollSeconds: too small', field: 'inbound.pollSeconds' } }) });
    await userEvent.click(await screen.findByRole('button', { name: 'Edit help@shop.example' }));
    const form = await screen.findByRole('dialog', { name: 'Edit help@shop.example' });
    expect(within(form).getAllByText('A password is set. Leave blank to keep it.')).toHaveLength(2);
    await userEvent.click(within(form).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(within(form).getByLabelText(/^Check every/).getAttribute('aria-invalid')).toBe('true'));
    const sent = fake.calls('admin.setMailbox')[0] as { smtp: { password?: string }; inbound: { password?: string; user: string } };
    expect(sent.smtp.password).toBeUndefined();
    expect(sent.inbound).toMatchObject({ user: 'support', password: undefined });
  });

  it('removes a mailbox after a warning', async () => {
    const fake = setup({ 'admin.removeMailbox': () => help });
    await userEvent.click(await screen.findByRole('button', { name: 'Remove help@shop.example' }));
    const confirm = await screen.findByRole('dialog', { name: 'Remove help@shop.example' });
    expect(within(confirm).getByText(/stops receiving and sending/)).toBeTruthy();
    await userEvent.click(within(confirm).getByRole('button', { name: 'Remove' }));
    await waitFor(() => expect(fake.calls('admin.removeMailbox')).toEqual([{ address: 'help@shop.example' }]));
  });
});
