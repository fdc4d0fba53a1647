// @vitest-environment jsdom
import '../../test/setup';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { Lang } from '../../../shared/domain';
import type { SessionView } from '../../../shared/ipc/contract';
import { fakeApi, type FakeHandlers } from '../../test/fakeApi';
import { renderWithProviders } from '../../test/renderWithProviders';
import { SessionMenu } from './SessionMenu';

function setup(oldCache: SessionView['oldCache'], handlers: FakeHandlers = {}, lng?: Lang) {
  const fake = fakeApi(handlers);
  renderWithProviders(<SessionMenu staffId="s1" name="Anna Nowak" oldCache={oldCache} onSignedOut={vi.fn()} onShowShortcuts={vi.fn()} />, { fake, lng });
  return fake;
}

describe('old data set aside after a password reset', () => {
  it('shows no notice when there is none', async () => {
    setup(null);
    await userEvent.click(screen.getByRole('button', { name: 'Anna Nowak' }));
    await screen.findByRole('menuitem', { name: 'Change password' });
    expect(screen.queryByRole('button', { name: 'Old data waiting' })).toBeNull();
    expect(screen.queryByRole('menuitem', { name: /Old data/ })).toBeNull();
  });

  it('recovers the unsent changes with the previous password, keyboard only, and the notice goes', async () => {
    let tries = 0;
    const fake = setup(
      { caches: 1, unsent: 3 },
      {
        'session.recoverOldCache': () =>
          ++tries === 1 ? { ok: false, error: { code: 'bad-credentials', message: '' } } : { recovered: 3, oldCache: null },
      },
    );
    await userEvent.tab();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Old data waiting' }));
    await userEvent.keyboard('{Enter}');
    const dialog = await screen.findByRole('dialog');
    expect(dialog.textContent).toContain('It holds 3 changes that have not reached the server.');
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText(/^Previous password/)));
    await userEvent.keyboard('wrong-one{Enter}');
    expect((await screen.findByRole('alert')).textContent).toBe('This password does not open the old data.');
    await userEvent.type(screen.getByLabelText(/^Previous password/), 'old-password-1{Enter}');
    expect((await screen.findByRole('status')).textContent).toBe('3 changes recovered: they are being sent.');
    expect(fake.calls('session.recoverOldCache')).toEqual([{ password: 'wrong-one' }, { password: 'old-password-1' }]);
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Old data waiting' })).toBeNull());
  });

  it('discards only after a confirmation, from the menu too', async () => {
    const fake = setup({ caches: 2, unsent: null }, { 'session.discardOldCache': () => ({}) });
    await userEvent.click(screen.getByRole('button', { name: 'Anna Nowak' }));
    await userEvent.click(await screen.findByRole('menuitem', { name: 'Old data on this workstation…' }));
    expect((await screen.findByRole('dialog')).textContent).toContain('It may hold changes that have not reached the server.');
    await userEvent.click(screen.getByRole('button', { name: 'Discard' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Discard the old data for good?');
    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(fake.calls('session.discardOldCache')).toEqual([]);
    await userEvent.click(screen.getByRole('button', { name: 'Discard' }));
    await userEvent.click(screen.getByRole('button', { name: 'Discard for good' }));
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Old data waiting' })).toBeNull());
    expect(fake.calls('session.discardOldCache')).toEqual([{}]);
  });

  it.each<[Lang, string, string]>([
    ['pl', 'Czekają stare dane', 'Zawiera 5 zmian, które nie dotarły do serwera.'],
    ['el', 'Παλιά δεδομένα σε αναμονή', 'Περιέχει 5 αλλαγές που δεν έφτασαν στον διακομιστή.'],
  ])('speaks %s', async (lng, notice, unsent) => {
    setup({ caches: 1, unsent: 5 }, {}, lng);
    await userEvent.click(screen.getByRole('button', { name: notice }));
    expect((await screen.findByRole('dialog')).textContent).toContain(unsent);
  });
});
