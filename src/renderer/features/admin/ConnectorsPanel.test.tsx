// @vitest-environment jsdom
import '../../test/setup';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { AdminConnector } from '../../../shared/protocol';
import { fakeApi, type FakeHandlers } from '../../test/fakeApi';
import { renderWithProviders } from '../../test/renderWithProviders';
import { ConnectorsPanel } from './ConnectorsPanel';

const sms: AdminConnector = {
  channel: 'sms',
  url: 'https://sms-gateway.example/deliver',
  secretFingerprint: '1a2b3c4d',
  secretGraceUntil: null,
  inboundSecretFingerprint: null,
  inboundGraceUntil: Date.UTC(2026, 11, 2, 18, 30),
  updatedAt: 1,
};

function setup(handlers: FakeHandlers = {}, items: AdminConnector[] = [sms]) {
  const fake = fakeApi({ 'admin.connectors': () => ({ items }), ...handlers });
  renderWithProviders(<ConnectorsPanel />, { fake });
  return fake;
}

describe('ConnectorsPanel', () => {
  it('lists every connector channel, set up or not, with fingerprints and the grace of a replaced secret', async () => {
    setup();
    const row = (await screen.findByText('https://sms-gateway.example/deliver')).closest('tr')!;
    expect(within(row).getByText('1a2b3c4d')).toBeTruthy();
    expect(within(row).getByText("The hub's secret")).toBeTruthy();
    expect(within(row).getByText(/The replaced secret works until/)).toBeTruthy();
    for (const channel of ['Chat', 'Phone', 'Video chat', 'Social media']) expect(screen.getByRole('button', { name: `Set up the ${channel} connector` })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Set up the Email connector' })).toBeNull();
  });

  it('sets up a connector with generated secrets, which the hub then shows only as fingerprints', async () => {
    const fake = setup({ 'admin.setConnector': ({ channel, url }) => ({ ...sms, channel, url, inboundGraceUntil: null }) });
    await userEvent.click(await screen.findByRole('button', { name: 'Set up the Chat connector' }));
    const form = await screen.findByRole('dialog', { name: 'Set up the Chat connector' });
    await userEvent.type(within(form).getByLabelText(/^Connector address/), 'https://chat.example/hub');
    await userEvent.click(within(form).getByRole('button', { name: 'Generate a new Secret' }));
    await userEvent.click(within(form).getByRole('button', { name: 'Generate a new Inbound secret' }));
    const secret = (within(form).getByLabelText(/^Secret/) as HTMLInputElement).value;
    expect(secret).toMatch(/^[\w-]{43}$/);
    expect((within(form).getByLabelText(/^Inbound secret/) as HTMLInputElement).value).not.toBe(secret);
    await userEvent.click(within(form).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(fake.calls('admin.setConnector')).toEqual([expect.objectContaining({ channel: 'chat', url: 'https://chat.example/hub', secret, graceMinutes: 60 })]);
    expect(fake.calls('admin.connectors').length).toBeGreaterThan(1);
  });

  it('changes a connector keeping its secrets when left blank, and shows a refusal at its field', async () => {
    const fake = setup({ 'admin.setConnector': () => ({ ok: false, error: { code: 'invalid-input', message: 'url: bad', field: 'url' } }) });
    await userEvent.click(await screen.findByRole('button', { name: 'Change the SMS connector' }));
    const form = await screen.findByRole('dialog', { name: 'Change the SMS connector' });
    expect(within(form).getByText(/Now 1a2b3c4d/)).toBeTruthy();
    const url = within(form).getByLabelText(/^Connector address/);
    await userEvent.clear(url);
    await userEvent.type(url, 'ftp://nowhere');
    await userEvent.click(within(form).getByRole('button', { name: 'Save' }));
    expect(await within(form).findByText('Enter an http or https address without a user name or password.')).toBeTruthy();
    expect(fake.calls('admin.setConnector')[0]).toEqual({ channel: 'sms', url: 'ftp://nowhere', graceMinutes: 60 });
  });

  it('removes a connector after a warning', async () => {
    const fake = setup({ 'admin.removeConnector': () => sms });
    await userEvent.click(await screen.findByRole('button', { name: 'Remove the SMS connector' }));
    const confirm = await screen.findByRole('dialog', { name: 'Remove the SMS connector' });
    expect(within(confirm).getByText(/stop working at once/)).toBeTruthy();
    await userEvent.click(within(confirm).getByRole('button', { name: 'Remove' }));
    await waitFor(() => expect(fake.calls('admin.removeConnector')).toEqual([{ channel: 'sms' }]));
  });
});
