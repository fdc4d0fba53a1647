// @vitest-environment jsdom
import '../../test/setup';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { fakeApi } from '../../test/fakeApi';
import { renderWithProviders } from '../../test/renderWithProviders';
import { SessionMenu } from './SessionMenu';

function setup(unsent: number) {
  const guard = ({ force }: { force?: boolean }) => ({ done: force === true || unsent === 0, unsent });
  const fake = fakeApi({ 'auth.signOut': guard, 'auth.forget': guard, 'auth.lock': () => ({}) });
  const onSignedOut = vi.fn();
  const onShowShortcuts = vi.fn();
  renderWithProviders(<SessionMenu staffId="s1" name="Anna Nowak" oldCache={null} onSignedOut={onSignedOut} onShowShortcuts={onShowShortcuts} />, { fake });
  return { fake, onSignedOut, onShowShortcuts };
}

const choose = async (item: string) => {
  await userEvent.click(screen.getByRole('button', { name: 'Anna Nowak' }));
  await userEvent.click(await screen.findByRole('menuitem', { name: item }));
};

describe('SessionMenu', () => {
  it('opens the sheet of keyboard shortcuts', async () => {
    const { onShowShortcuts } = setup(0);
    await choose('Keyboard shortcuts');
    expect(onShowShortcuts).toHaveBeenCalled();
  });

  it('signs out at once when nothing is unsent', async () => {
    const { fake, onSignedOut } = setup(0);
    await choose('Sign out');
    await waitFor(() => expect(onSignedOut).toHaveBeenCalled());
    expect(fake.calls('auth.signOut')).toEqual([{ force: false }]);
  });

  it('warns about unsent work and signs out only when confirmed', async () => {
    const { fake, onSignedOut } = setup(3);
    await choose('Sign out');
    expect((await screen.findByRole('dialog')).textContent).toContain('3 changes have not reached the server yet');
    expect(onSignedOut).not.toHaveBeenCalled();
    await userEvent.click(screen.getByRole('button', { name: 'Sign out anyway' }));
    await waitFor(() => expect(onSignedOut).toHaveBeenCalled());
    expect(fake.calls('auth.signOut')).toEqual([{ force: false }, { force: true }]);
  });

  it('asks before forgetting, then warns again that unsent work would be deleted', async () => {
    const { fake, onSignedOut } = setup(1);
    await choose('Forget me on this workstation');
    expect(fake.calls('auth.forget')).toEqual([]);
    await userEvent.click(await screen.findByRole('button', { name: 'Forget me' }));
    expect((await screen.findByText(/One change has not reached the server yet. Forgetting you now deletes it/)).textContent).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Forget me' }));
    await waitFor(() => expect(onSignedOut).toHaveBeenCalled());
    expect(fake.calls('auth.forget')).toEqual([{ force: false }, { force: true }]);
  });

  it('locks on request', async () => {
    const { fake } = setup(0);
    await choose('Lock now');
    expect(fake.calls('auth.lock')).toEqual([{}]);
  });
});
