// @vitest-environment jsdom
import '../../test/setup';
import { act, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { NOW } from '../../test/builders';
import { aDashboardCase, consoleState, freezeClock, renderConsole } from '../../test/renderConsole';

freezeClock();

/** One queue's row of the figures table: queue, waiting, longest wait, at risk, breached, agents, CSAT, negative. */
const figures = (queueId: string) =>
  [...(screen.getByTestId('queue-figures').querySelector(`tr[data-queue="${queueId}"]`)?.children ?? [])].map((cell) => cell.textContent);

function busyDay() {
  const state = consoleState();
  // c1 is due in 5 minutes (at risk), Tom's email is past its deadline (breached).
  state.cases[0] = aDashboardCase({ ...state.cases[0].case, firstResponseDueAt: NOW + 5 * 60_000 }, 'Jan Kowalski', 'positive');
  state.cases[1] = aDashboardCase({ ...state.cases[1].case, customerId: 'cu2' }, 'Greta Braun', 'negative');
  state.cases[3] = aDashboardCase({ ...state.cases[3].case, slaBreachedAt: NOW - 60_000 }, 'Tom Smith', 'neutral');
  state.csat = [
    { id: 'cs1', caseId: 'c7', customerId: 'cu7', queueId: 'q-chat', score: 9, comment: null, createdAt: NOW - 3_600_000 },
    { id: 'cs2', caseId: 'c8', customerId: 'cu8', queueId: 'q-chat', score: 6, comment: null, createdAt: NOW - 1_800_000 },
  ];
  return state;
}

describe('LiveQueues', () => {
  it("shows each queue's waiting cases, longest wait, deadlines, agents online / busy / away, CSAT and mood", async () => {
    renderConsole({ state: busyDay() });
    await waitFor(() => expect(figures('q-chat')[0]).toBe('Chat support'));
    await waitFor(() => expect(figures('q-chat')).toEqual(['Chat support', '2', '12 min', '1', '0', '1 / 1 / 1', '7.5 (2 answers)', '50%']));
    expect(figures('q-email')).toEqual(['Email desk', '0', '–', '0', '1', '0 / 1 / 0', '–', '0%']);
    expect(screen.getByRole('columnheader', { name: 'Agents online / busy / away' })).toBeTruthy();
  });

  it('updates in place when the engine says cases or staff changed, without a reload', async () => {
    const { state, fake } = renderConsole();
    await waitFor(() => expect(figures('q-chat')).toEqual(['Chat support', '2', '12 min', '0', '0', '1 / 1 / 1', '–', '100%']));
    const table = screen.getByTestId('queue-figures');

    // A new email waits in the Email desk; Eleni comes back from her break.
    state.cases = [...state.cases, aDashboardCase({ id: 'c9', queueId: 'q-email', assigneeId: null, lastInboundAt: NOW - 40 * 60_000 }, 'Newcomer')];
    state.staff = state.staff.map((s) => (s.id === 'a3' ? { ...s, status: 'available' as const } : s));
    act(() => fake.emit('data.changed', { entities: { case: ['c9'], staff: ['a3'] }, outbox: false }));

    await waitFor(() => expect(figures('q-email')).toEqual(['Email desk', '1', '40 min', '0', '0', '0 / 1 / 0', '–', '–']));
    await waitFor(() => expect(figures('q-chat')[5]).toBe('2 / 1 / 0'));
    // The same table, updated: nothing was unmounted or reloaded, and only the named case was read again.
    expect(screen.getByTestId('queue-figures')).toBe(table);
    expect(fake.calls('supervisor.dashboard')).toHaveLength(1);
    expect(fake.calls('supervisor.dashboardChanges')).toEqual([expect.objectContaining({ cases: ['c9'], interactions: [], csat: [] })]);
    expect(screen.getByRole('tab', { name: 'Live queues' }).getAttribute('aria-selected')).toBe('true');
  });

  it('reads the organisation again only when staff or queues changed, not on every message', async () => {
    const { state, fake } = renderConsole();
    await waitFor(() => expect(figures('q-chat')[5]).toBe('1 / 1 / 1'));
    const orgReads = fake.calls('reference.org').length;
    state.staff = state.staff.map((s) => (s.id === 'a3' ? { ...s, status: 'available' as const } : s));
    act(() => fake.emit('data.changed', { entities: { interaction: ['i9'] }, outbox: false }));
    act(() => fake.emit('data.changed', { entities: { staff: ['a3'] }, outbox: false }));
    await waitFor(() => expect(figures('q-chat')[5]).toBe('2 / 1 / 0'));
    // One read, for the staff change: a read for the message as well would have made it two.
    expect(fake.calls('reference.org').length).toBe(orgReads + 1);
  });
});
