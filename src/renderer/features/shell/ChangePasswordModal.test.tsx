// @vitest-environment jsdom
import '../../test/setup';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { Lang } from '../../../shared/domain';
import { fakeApi } from '../../test/fakeApi';
import { renderWithProviders } from '../../test/renderWithProviders';
import { SessionMenu } from './SessionMenu';

const NEW = 'lantern-orchard-1987';

function setup(changePassword: () => unknown, lng?: Lang) {
  const fake = fakeApi({ 'auth.changePassword': changePassword as never });
  renderWithProviders(<SessionMenu staffId="s1" name="Anna Nowak" oldCache={null} onSignedOut={vi.fn()} onShowShortcuts={vi.fn()} />, { fake, lng });
  return fake;
}

/** Opens the menu and the change-password dialog with the keyboard only. */
async function openWithKeyboard(item: string) {
  await userEvent.tab();
  await userEvent.keyboard('{Enter}');
  const entry = await screen.findByRole('menuitem', { name: item });
  // Mantine's menu moves with the arrow keys; the item is the first.
  await userEvent.keyboard('{ArrowDown}');
  await waitFor(() => expect(document.activeElement).toBe(entry));
  await userEvent.keyboard('{Enter}');
  return screen.findByRole('dialog');
}

describe('ChangePasswordModal', () => {
  it('changes the password with the keyboard only, showing the rule, and says it is done', async () => {
    const fake = setup(() => ({ endedSessions: 2 }));
    const dialog = await openWithKeyboard('Change password');
    expect(dialog.textContent).toContain('At least 12 characters');
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText(/^Current password/)));
    await userEvent.keyboard('old-password-1');
    await userEvent.tab();
    await userEvent.keyboard(NEW);
    await userEvent.tab();
    await userEvent.keyboard(`${NEW}{Enter}`);
    expect((await screen.findByRole('status')).textContent).toContain('Your password is changed');
    expect(fake.calls('auth.changePassword')).toEqual([{ currentPassword: 'old-password-1', newPassword: NEW }]);
  });

  it('does not send two new passwords that differ', async () => {
    const fake = setup(() => ({ endedSessions: 0 }));
    await openWithKeyboard('Change password');
    await userEvent.type(screen.getByLabelText(/^Current password/), 'old-password-1');
    await userEvent.type(screen.getByLabelText(/^New password/), NEW);
    await userEvent.type(screen.getByLabelText(/^Repeat the new password/), `${NEW}x{Enter}`);
    expect(await screen.findByText('The two new passwords are not the same.')).toBeTruthy();
    expect(fake.calls('auth.changePassword')).toEqual([]);
  });

  it.each([
    ['password-common', 'This password is among the most common ones in breaches: choose another.'],
    ['password-too-short', 'The new password is too short: it needs at least 12 characters.'],
    ['bad-credentials', 'The current password is wrong.'],
    ['offline', 'This needs a connection to the server.'],
  ])('translates the refusal %s', async (code, text) => {
    setup(() => ({ ok: false, error: { code, message: 'english from the hub' } }));
    await openWithKeyboard('Change password');
    await userEvent.type(screen.getByLabelText(/^Current password/), 'old-password-1');
    await userEvent.type(screen.getByLabelText(/^New password/), NEW);
    await userEvent.type(screen.getByLabelText(/^Repeat the new password/), `${NEW}{Enter}`);
    expect((await screen.findByRole('alert')).textContent).toBe(text);
  });

  it('speaks Polish', async () => {
    setup(() => ({ ok: false, error: { code: 'password-same-as-username', message: '' } }), 'pl');
    await openWithKeyboard('Zmień hasło');
    await userEvent.type(screen.getByLabelText(/^Obecne hasło/), 'old-password-1');
    await userEvent.type(screen.getByLabelText(/^Nowe hasło/), NEW);
    await userEvent.type(screen.getByLabelText(/^Powtórz nowe hasło/), `${NEW}{Enter}`);
    expect((await screen.findByRole('alert')).textContent).toBe('Nowe hasło nie może zawierać Twojej nazwy użytkownika.');
  });
});
