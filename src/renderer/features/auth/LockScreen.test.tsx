// @vitest-environment jsdom
import '../../test/setup';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { aSession } from '../../test/builders';
import { fakeApi } from '../../test/fakeApi';
import { renderWithProviders } from '../../test/renderWithProviders';
import { LockScreen } from './LockScreen';

const info = { people: [], hubUrl: 'http://hub', connection: 'online' as const, session: 'locked' as const, locked: { name: 'Anna Nowak', reason: 'idle' as const }, readiness: null };

describe('LockScreen', () => {
  it('says whose session is locked and why, and unlocks only with the right password', async () => {
    const unlock = vi.fn().mockReturnValueOnce({ ok: false, error: { code: 'bad-credentials', message: '' } }).mockReturnValueOnce(aSession());
    const fake = fakeApi({ 'workstation.info': () => info, 'auth.unlock': unlock });
    const onUnlocked = vi.fn();
    renderWithProviders(<LockScreen onUnlocked={onUnlocked} />, { fake });
    expect((await screen.findByTestId('locked-for')).textContent).toBe('Anna Nowak, your session locked after a period of inactivity.');
    await userEvent.type(screen.getByLabelText(/^Password/), 'wrong');
    await userEvent.click(screen.getByRole('button', { name: 'Unlock' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Wrong username or password.');
    expect(onUnlocked).not.toHaveBeenCalled();
    await userEvent.clear(screen.getByLabelText(/^Password/));
    await userEvent.type(screen.getByLabelText(/^Password/), 'right');
    await userEvent.click(screen.getByRole('button', { name: 'Unlock' }));
    expect(onUnlocked).toHaveBeenCalledWith(aSession());
    expect(fake.calls('auth.unlock')).toEqual([{ password: 'wrong' }, { password: 'right' }]);
  });
});
