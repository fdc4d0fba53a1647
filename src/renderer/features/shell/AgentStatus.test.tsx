// @vitest-environment jsdom
import '../../test/setup';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { StaffStatus } from '../../../shared/domain';
import type { OwnStatus } from '../../../shared/domain/preferences';
import { aStaff } from '../../test/builders';
import { fakeApi } from '../../test/fakeApi';
import { renderWithProviders } from '../../test/renderWithProviders';
import { AgentStatusPicker } from './AgentStatusPicker';
import { StatusAtSignIn } from './StatusAtSignIn';

/** The header's status and the sign-in prompt over an engine that answers `status.atSignIn` as given. */
function setup(atSignIn: { status: StaffStatus; restored: OwnStatus | null }, lng: 'en' | 'pl' | 'el' = 'en') {
  let status: StaffStatus = atSignIn.status;
  const fake = fakeApi({
    'status.atSignIn': () => atSignIn,
    'reference.org': () => ({ queues: [], stores: [], staff: [{ ...aStaff({ id: 's1', status }), local: [] }] }),
    'staff.setOwnStatus': (input) => {
      status = input.status;
      return { mutationId: 'm1', state: 'pending' };
    },
  });
  renderWithProviders(
    <>
      <AgentStatusPicker staffId="s1" initial="offline" />
      <StatusAtSignIn />
    </>,
    { fake, lng },
  );
  return fake;
}

describe('status at sign-in', () => {
  it('shows the status put back by the engine, labelled as the person’s own, and asks nothing', async () => {
    const fake = setup({ status: 'busy', restored: 'busy' });
    await waitFor(() => expect((screen.getByLabelText('Your status') as HTMLSelectElement).value).toBe('busy'));
    expect(fake.calls('status.atSignIn')).toEqual([{}]);
    expect(screen.queryByRole('region', { name: 'Your status at sign-in' })).toBeNull();
  });

  it('asks, without blocking, when the person would start offline, and goes available when told', async () => {
    const fake = setup({ status: 'offline', restored: null });
    const prompt = await screen.findByRole('region', { name: 'Your status at sign-in' });
    expect(prompt.textContent).toContain('You are Offline, so no work is routed to you: go Available?');
    // Not modal: the rest of the screen stays usable.
    expect(screen.queryByRole('dialog')).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Go Available' }));
    expect(fake.calls('staff.setOwnStatus')).toEqual([{ status: 'available' }]);
    expect(screen.queryByRole('region', { name: 'Your status at sign-in' })).toBeNull();
  });

  it('leaves the status as it is on “Not now”, in Greek too', async () => {
    const fake = setup({ status: 'offline', restored: null }, 'el');
    await userEvent.click(await screen.findByRole('button', { name: 'Όχι τώρα' }));
    expect(fake.calls('staff.setOwnStatus')).toEqual([]);
    expect((screen.getByLabelText('Η κατάστασή σας') as HTMLSelectElement).value).toBe('offline');
  });

  it('sets a status chosen in the header', async () => {
    const fake = setup({ status: 'available', restored: 'available' }, 'pl');
    await userEvent.selectOptions(screen.getByLabelText('Twój status'), 'away');
    expect(fake.calls('staff.setOwnStatus')).toEqual([{ status: 'away' }]);
  });
});
