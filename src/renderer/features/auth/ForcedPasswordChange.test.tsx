// @vitest-environment jsdom
import '../../test/setup';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it } from 'vitest';
import { SessionScreen, loadWorkstation } from '../../App';
import { aSession } from '../../test/builders';
import { fakeApi } from '../../test/fakeApi';
import { renderWithProviders } from '../../test/renderWithProviders';

const NEW = 'lantern-orchard-1987';

// The workspace is a chunk of its own (App.tsx): loaded once here, so the tests time the screens, not the load.
beforeAll(() => loadWorkstation(), 120_000);

/** A person signed in with a password an admin set: the engine says so until they change it. */
function setup() {
  let mustChange = true;
  const fake = fakeApi({
    'workstation.info': () => ({ people: [{ name: 'Anna Nowak', username: 'anna' }], hubUrl: 'http://127.0.0.1:4410', connection: 'online', session: 'signed-in', locked: null, readiness: null }),
    'session.current': () => ({ ...aSession({ name: 'Anna Nowak' }), mustChangePassword: mustChange }),
    'auth.changePassword': () => {
      mustChange = false;
      return { endedSessions: 0 };
    },
    'auth.signOut': () => ({ done: true, unsent: 0 }),
    'inbox.list': () => ({ items: [], more: false }),
    'reference.org': () => ({ queues: [], staff: [], stores: [] }),
    'alert.list': () => [],
    'outbox.list': () => [],
  });
  renderWithProviders(<SessionScreen />, { fake });
  return fake;
}

describe('forced password change', () => {
  it('hides the workspace behind a dialog that cannot be dismissed until the password is changed', async () => {
    const fake = setup();
    const dialog = await screen.findByRole('dialog', { name: 'Choose your own password' });
    expect(dialog.textContent).toContain('set by an administrator');
    expect(screen.queryByRole('button', { name: /Search/ })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Close' })).toBeNull();
    await userEvent.keyboard('{Escape}');
    expect(screen.getByRole('dialog')).toBeTruthy();

    await userEvent.type(screen.getByLabelText(/^Password you were given/), 'one-time-pass-123');
    await userEvent.type(screen.getByLabelText(/^New password/), NEW);
    await userEvent.type(screen.getByLabelText(/^Repeat the new password/), `${NEW}{Enter}`);
    // The workspace's first showing after the change waits for React to reveal the lazy chunk (Suspense).
    expect(await screen.findByRole('button', { name: /Search/ }, { timeout: 10_000 })).toBeTruthy();
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(fake.calls('auth.changePassword')).toEqual([{ currentPassword: 'one-time-pass-123', newPassword: NEW }]);
  });

  it('lets the person sign out instead', async () => {
    const fake = setup();
    await screen.findByRole('dialog');
    await userEvent.click(screen.getByRole('button', { name: 'Sign out' }));
    expect(await screen.findByRole('button', { name: /Sign in/ })).toBeTruthy();
    expect(fake.calls('auth.signOut')).toEqual([{ force: true }]);
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });
});
