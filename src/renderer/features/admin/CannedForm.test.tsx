// @vitest-environment jsdom
import '../../test/setup';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { CannedResponse } from '../../../shared/domain';
import { fakeApi } from '../../test/fakeApi';
import { renderWithProviders } from '../../test/renderWithProviders';
import { CannedForm } from './CannedForm';

const org = { queues: [], staff: [], stores: [] };
const macro: CannedResponse = { id: 'cr1', queueId: null, language: 'en', shortcut: 'refund', title: 'Refund sent', body: 'On its way.', sets: { status: 'resolved', tags: ['refund', 'vip'] } };

describe('a canned response as a macro', () => {
  it('shows what it sets and sends the status, priority and tags as edited', async () => {
    const fake = fakeApi({ 'admin.updateCanned': ({ cannedId, ...rest }) => ({ ...macro, id: cannedId, ...rest, sets: rest.sets ?? undefined }) });
    renderWithProviders(<CannedForm org={org} canned={macro} onClose={() => {}} />, { fake });
    const status = (await screen.findByRole('combobox', { name: 'Set the status' })) as HTMLSelectElement;
    expect(status.value).toBe('resolved');
    const tags = screen.getByRole('textbox', { name: 'Add tags' }) as HTMLInputElement;
    expect(tags.value).toBe('refund, vip');
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Set the priority' }), 'high');
    await userEvent.clear(tags);
    await userEvent.type(tags, 'refund, , urgent ');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(fake.calls('admin.updateCanned')[0]).toMatchObject({ cannedId: 'cr1', sets: { status: 'resolved', priority: 'high', tags: ['refund', 'urgent'] } }));
  });

  it('saves a plain canned response when it sets nothing, in Polish too', async () => {
    const fake = fakeApi({ 'admin.updateCanned': ({ cannedId, ...rest }) => ({ ...macro, id: cannedId, ...rest, sets: undefined }) });
    renderWithProviders(<CannedForm org={org} canned={macro} onClose={() => {}} />, { fake, lng: 'pl' });
    await userEvent.selectOptions(await screen.findByRole('combobox', { name: 'Ustaw status' }), '');
    await userEvent.clear(screen.getByRole('textbox', { name: 'Dodaj tagi' }));
    await userEvent.click(screen.getByRole('button', { name: 'Zapisz' }));
    await waitFor(() => expect(fake.calls('admin.updateCanned')[0]).toMatchObject({ cannedId: 'cr1', sets: null }));
  });
});
