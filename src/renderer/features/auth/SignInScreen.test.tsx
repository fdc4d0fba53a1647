// @vitest-environment jsdom
import '../../test/setup';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { aSession } from '../../test/builders';
import { fakeApi } from '../../test/fakeApi';
import { renderWithProviders } from '../../test/renderWithProviders';
import { SignInScreen } from './SignInScreen';

const info = { people: [{ name: 'Anna Nowak', username: 'anna' }, { name: 'Piotr Zając', username: 'pzajac' }], hubUrl: 'http://hub', connection: 'offline' as const, session: 'signed-out' as const, locked: null, readiness: null };

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

  it('fills in the username of a name picked from the list and moves to the password', async () => {
    const fake = fakeApi({ 'workstation.info': () => info, 'auth.signIn': () => aSession() });
    renderWithProviders(<SignInScreen onSignedIn={vi.fn()} />, { fake });
    await userEvent.click(await screen.findByRole('button', { name: 'Piotr Zając' }));
    expect((screen.getByLabelText(/^Username/) as HTMLInputElement).value).toBe('pzajac');
    expect(document.activeElement).toBe(screen.getByLabelText(/^Password/));
    await userEvent.keyboard('secret{Enter}');
    expect(fake.calls('auth.signIn')).toEqual([{ username: 'pzajac', password: 'secret', mode: 'auto' }]);
  });

  it.each([
    ['never-online-here', 'You have never signed in online on this workstation, so your password cannot be checked here without the server.'],
    ['wrong-password', 'Wrong password.'],
    ['bad-credentials', 'Wrong username or password.'],
  ])('tells the engine’s refusal %s in words', async (code, text) => {
    const fake = fakeApi({ 'workstation.info': () => info, 'auth.signIn': () => ({ ok: false, error: { code, message: 'engine words' } }) });
    renderWithProviders(<SignInScreen onSignedIn={vi.fn()} />, { fake });
    await userEvent.type(screen.getByLabelText(/^Username/), 'anna');
    await userEvent.type(screen.getByLabelText(/^Password/), 'secret{Enter}');
    expect((await screen.findByRole('alert')).textContent).toContain(text);
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
    const fake = fakeApi({ 'workstation.info': () => ({ ...info, people: ['A', 'B', 'C', 'D', 'E'].map((name) => ({ name, username: name.toLowerCase() })) }) });
    renderWithProviders(<SignInScreen onSignedIn={vi.fn()} />, { fake, lng: 'pl' });
    expect(await screen.findByText('Dane w pamięci tego stanowiska ma 5 osób:')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Zaloguj się' })).toBeTruthy();
  });
});
