// @vitest-environment jsdom
import '../../test/setup';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { aSession } from '../../test/builders';
import { fakeApi } from '../../test/fakeApi';
import { renderWithProviders } from '../../test/renderWithProviders';
import { SignInScreen } from './SignInScreen';

const info = { people: [{ name: 'Anna Nowak' }, { name: 'Piotr Zając' }], hubUrl: 'http://hub', connection: 'offline' as const, session: 'signed-out' as const, locked: null, readiness: null };

describe('SignInScreen', () => {
  it('lists the people with a cache here and signs in offline when asked', async () => {
    const fake = fakeApi({ 'workstation.info': () => info, 'auth.signIn': () => aSession() });
    const onSignedIn = vi.fn();
    renderWithProviders(<SignInScreen onSignedIn={onSignedIn} />, { fake });
    expect(await screen.findByText('Anna Nowak')).toBeTruthy();
    expect(screen.getByText('2 people have a cache on this workstation:')).toBeTruthy();
    await userEvent.type(screen.getByLabelText(/^Username/), 'anna');
    await userEvent.type(screen.getByLabelText(/^Password/), 'secret');
    await userEvent.click(screen.getByLabelText('Sign in offline'));
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(fake.calls('auth.signIn')).toEqual([{ username: 'anna', password: 'secret', mode: 'offline' }]);
    expect(onSignedIn).toHaveBeenCalledWith(aSession());
  });

  it('explains why offline sign-in is not allowed', async () => {
    const fake = fakeApi({
      'workstation.info': () => info,
      'auth.signIn': () => ({ ok: false, error: { code: 'offline-expired', message: 'last online sign-in 80 h ago' } }),
    });
    renderWithProviders(<SignInScreen onSignedIn={vi.fn()} />, { fake });
    await userEvent.type(screen.getByLabelText(/^Username/), 'anna');
    await userEvent.type(screen.getByLabelText(/^Password/), 'secret');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Offline sign-in is not allowed');
  });

  it('speaks Polish with Polish plural forms', async () => {
    const fake = fakeApi({ 'workstation.info': () => ({ ...info, people: ['A', 'B', 'C', 'D', 'E'].map((name) => ({ name })) }) });
    renderWithProviders(<SignInScreen onSignedIn={vi.fn()} />, { fake, lng: 'pl' });
    expect(await screen.findByText('Dane w pamięci tego stanowiska ma 5 osób:')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Zaloguj się' })).toBeTruthy();
  });
});
