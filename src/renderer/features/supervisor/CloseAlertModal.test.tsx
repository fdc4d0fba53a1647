// @vitest-environment jsdom
import '../../test/setup';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { fakeApi } from '../../test/fakeApi';
import { renderWithProviders } from '../../test/renderWithProviders';
import { CloseAlertModal } from './CloseAlertModal';

const queued = () => ({ mutationId: 'm-1', state: 'pending' as const });

// jsdom has no CSS.escape, which user-event uses to find a radio's group when arrow keys walk it.
(globalThis as { CSS?: Partial<typeof CSS> }).CSS ??= {};
CSS.escape ??= (value: string) => value.replace(/[^\w-]/g, (ch) => `\\${ch}`);

function open(lng: 'en' | 'pl' | 'el' = 'en') {
  const fake = fakeApi({ 'alert.close': queued });
  const onClose = vi.fn();
  renderWithProviders(<CloseAlertModal alertId="al1" onClose={onClose} />, { fake, lng });
  return { fake, onClose, dialog: screen.getByRole('dialog') };
}

describe('closing a red alert', () => {
  it('requires a result and a note, and sends both', async () => {
    const { fake, onClose, dialog } = open();
    const confirm = within(dialog).getByRole('button', { name: 'Close' });
    const group = within(dialog).getByRole('radiogroup', { name: /Result/ });
    expect(within(group).getAllByRole('radio').map((r) => r.getAttribute('value'))).toEqual(['recovered', 'lost', 'no-answer']);
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'What was done' }), 'Called twice, voicemail');
    expect(confirm).toHaveProperty('disabled', true);
    await userEvent.click(within(group).getByRole('radio', { name: 'No answer' }));
    expect(confirm).toHaveProperty('disabled', false);
    await userEvent.click(confirm);
    await waitFor(() => expect(fake.calls('alert.close')).toEqual([{ alertId: 'al1', result: 'no-answer', outcome: 'Called twice, voicemail' }]));
    expect(onClose).toHaveBeenCalled();
  });

  it('moves the choice with the arrow keys', async () => {
    const { dialog } = open();
    const recovered = within(dialog).getByRole('radio', { name: 'Recovered' });
    await waitFor(() => expect(document.activeElement).toBe(recovered));
    await userEvent.keyboard(' ');
    expect(recovered).toHaveProperty('checked', true);
    await userEvent.keyboard('{ArrowRight}');
    expect(within(dialog).getByRole('radio', { name: 'Lost' })).toHaveProperty('checked', true);
  });

  it('sends nothing without a result (in Polish)', async () => {
    const { fake, dialog } = open('pl');
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Co zrobiono' }), 'Zwrot pieniędzy');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Zamknij' }));
    expect(fake.calls('alert.close')).toEqual([]);
    expect(within(dialog).getByRole('radio', { name: 'Klient odzyskany' })).toBeTruthy();
  });

  it('names the results in Greek', () => {
    const { dialog } = open('el');
    expect(within(dialog).getAllByRole('radio').map((r) => r.closest('label, .mantine-Radio-root')?.textContent)).toEqual([
      'Ο πελάτης ανακτήθηκε',
      'Ο πελάτης χάθηκε',
      'Χωρίς απάντηση',
    ]);
  });
});
