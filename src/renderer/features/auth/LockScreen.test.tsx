// @vitest-environment jsdom
import '../../test/setup';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { aSession } from '../../test/builders';
import { fakeApi } from '../../test/fakeApi';
import { renderWithProviders } from '../../test/renderWithProviders';
import { LockScreen } from './LockScreen';

const info = { people: [{ name: 'Anna Nowak', username: 'anna' }, { name: 'Piotr Zając', username: 'pzajac' }], hubUrl: 'http://hub', connection: 'online' as const, session: 'locked' as const, locked: { name: 'Anna Nowak', reason: 'idle' as const }, readiness: null };

describe('LockScreen', () => {
  it('says whose session is locked and why, and unlocks only with the right password', async () => {
    const unlock = vi.fn().mockReturnValueOnce({ ok: false, error: { code: 'wrong-password', message: '' } }).mockReturnValueOnce(aSession());
    const fake = fakeApi({ 'workstation.info': () => info, 'auth.unlock': unlock });
    const onUnlocked = vi.fn();
    renderWithProviders(<LockScreen onUnlocked={onUnlocked} />, { fake });
    expect((await screen.findByTestId('locked-for')).textContent).toBe('Anna Nowak, your session locked after a period of inactivity.');
    await userEvent.type(screen.getByLabelText(/^Password/), 'wrong');
    await userEvent.click(screen.getByRole('button', { name: 'Unlock' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Wrong password.');
    expect(onUnlocked).not.toHaveBeenCalled();
    await userEvent.clear(screen.getByLabelText(/^Password/));
    await userEvent.type(screen.getByLabelText(/^Password/), 'right');
    await userEvent.click(screen.getByRole('button', { name: 'Unlock' }));
    expect(onUnlocked).toHaveBeenCalledWith(aSession());
    expect(fake.calls('auth.unlock')).toEqual([{ password: 'wrong' }, { password: 'right' }]);
  });

  it('lets a colleague sign in instead, saying the locked work stays safe, and goes back to the lock', async () => {
    const fake = fakeApi({ 'workstation.info': () => info, 'auth.signIn': () => aSession() });
    const onUnlocked = vi.fn();
    renderWithProviders(<LockScreen onUnlocked={onUnlocked} />, { fake });
    await userEvent.click(await screen.findByRole('button', { name: 'Not Anna Nowak? Sign in as someone else' }));
    expect(screen.getByRole('heading', { name: 'Sign in' })).toBeTruthy();
    expect(screen.getByTestId('kept-locked').textContent).toContain('Anna Nowak’s session stays locked');
    await userEvent.click(screen.getByRole('button', { name: 'Back to the lock screen' }));
    expect(screen.getByRole('heading', { name: 'Workstation locked' })).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByLabelText(/^Password/));

    await userEvent.click(screen.getByRole('button', { name: 'Not Anna Nowak? Sign in as someone else' }));
    await userEvent.click(screen.getByRole('button', { name: 'Piotr Zając' }));
    await userEvent.keyboard('his-password{Enter}');
    expect(fake.calls('auth.signIn')).toEqual([{ username: 'pzajac', password: 'his-password', mode: 'auto' }]);
    expect(fake.calls('auth.unlock')).toEqual([]);
    expect(onUnlocked).toHaveBeenCalledWith(aSession());
  });

  it('speaks Greek', async () => {
    const fake = fakeApi({ 'workstation.info': () => info });
    renderWithProviders(<LockScreen onUnlocked={vi.fn()} />, { fake, lng: 'el' });
    expect(await screen.findByRole('button', { name: 'Δεν είστε Anna Nowak; Συνδεθείτε ως άλλο άτομο' })).toBeTruthy();
  });
});
