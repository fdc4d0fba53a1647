// @vitest-environment jsdom
import '../../test/setup';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { Role } from '../../../shared/domain';
import { aSession } from '../../test/builders';
import { fakeApi } from '../../test/fakeApi';
import { consoleState, freezeClock, openTab, renderConsole } from '../../test/renderConsole';
import { withLayout } from '../../test/layout';
import { renderWithProviders } from '../../test/renderWithProviders';
import { Workstation } from '../shell/Workstation';

freezeClock();
withLayout({ height: 2_000, elementHeight: 240 });

/** The signed-in shell for someone of `role`, with an engine that can answer the console. */
function renderShell(role: Role) {
  const state = consoleState();
  const fake = fakeApi({
    'workstation.info': () => ({ people: [{ name: 'Me Myself', username: 'me' }], hubUrl: 'http://127.0.0.1:4410', connection: 'online', session: 'signed-in', locked: null, readiness: null }),
    'inbox.list': () => ({ items: [], more: false }),
    'reference.org': () => ({ queues: state.queues, staff: state.staff, stores: [] }),
    'supervisor.dashboard': () => ({ cases: state.cases, csat: [] }),
    'alert.list': () => [],
    'outbox.list': () => [],
  });
  renderWithProviders(<Workstation session={aSession({ id: 'me', role, name: 'Me Myself' })} onSignedOut={vi.fn()} />, { fake });
  return { fake };
}

const CONSOLE_CHANNELS = ['supervisor.dashboard', 'alert.list', 'audit.query'] as const;

describe('SupervisorConsole', () => {
  it.each(['agent', 'store'] as const)('cannot be reached by the role %s: no Inbox | Supervisor switch, no console read', async (role) => {
    const { fake } = renderShell(role);
    await screen.findByRole('button', { name: 'Me Myself' });
    await waitFor(() => expect(fake.calls('workstation.info')).toHaveLength(1));
    expect(screen.queryByRole('radiogroup', { name: 'Work area' })).toBeNull();
    expect(screen.queryByRole('radio', { name: 'Supervisor' })).toBeNull();
    expect(screen.queryByRole('tablist', { name: 'Supervisor console' })).toBeNull();
    for (const channel of CONSOLE_CHANNELS) expect(fake.calls(channel)).toEqual([]);
  });

  it.each(['supervisor', 'admin'] as const)('is one switch away for the role %s, starting on the inbox', async (role) => {
    const { fake } = renderShell(role);
    const area = await screen.findByRole('radiogroup', { name: 'Work area' });
    expect(within(area).getByRole('radio', { name: 'Inbox' })).toHaveProperty('checked', true);
    expect(fake.calls('supervisor.dashboard')).toEqual([]);
    await userEvent.click(within(area).getByRole('radio', { name: 'Supervisor' }));
    // The console is a chunk of its own (Workstation.tsx): its first showing waits for it.
    expect(await screen.findByRole('tablist', { name: 'Supervisor console' }, { timeout: 10_000 })).toBeTruthy();
    await waitFor(() => expect(fake.calls('supervisor.dashboard').length).toBeGreaterThan(0));
  });

  it('moves between its tabs with the arrow keys', async () => {
    renderConsole();
    const queues = await screen.findByRole('tab', { name: 'Live queues' });
    expect(queues.getAttribute('aria-selected')).toBe('true');
    queues.focus();
    await userEvent.keyboard('{ArrowRight}');
    expect(screen.getByRole('tab', { name: 'Agents' }).getAttribute('aria-selected')).toBe('true');
    expect(await within(screen.getByRole('tabpanel')).findByRole('list', { name: 'Agents' })).toBeTruthy();
  });

  it('speaks Polish when the language is switched, without a reload', async () => {
    const { i18n, fake } = renderConsole();
    await waitFor(() => expect(screen.getByTestId('queue-figures').querySelector('tr[data-queue="q-chat"]')).toBeTruthy());
    expect(screen.getByRole('columnheader', { name: 'Waiting' })).toBeTruthy();
    const reads = fake.calls('supervisor.dashboard').length;

    await act(() => i18n.changeLanguage('pl'));
    expect(screen.getByRole('tablist', { name: 'Konsola nadzoru' })).toBeTruthy();
    expect(screen.getByRole('tab', { name: 'Kolejki na żywo' }).getAttribute('aria-selected')).toBe('true');
    for (const header of ['Kolejka', 'Oczekujące', 'Najdłuższe czekanie', 'Konsultanci dostępni / zajęci / nieobecni', 'CSAT dzisiaj']) {
      expect(screen.getByRole('columnheader', { name: header })).toBeTruthy();
    }
    expect(screen.getByText('Kolejki na żywo: oczekujące sprawy, terminy, konsultanci, dzisiejszy CSAT i nastroje')).toBeTruthy();
    expect(fake.calls('supervisor.dashboard')).toHaveLength(reads);

    // Polish plurals on the agents board: one, few and many open cases.
    await openTab('Konsultanci');
    expect(within(await screen.findByRole('listitem', { name: 'Anna Nowak' })).getByTestId('agent-open').textContent).toBe('1 otwarta sprawa');
    expect(within(screen.getByRole('listitem', { name: 'Anna Nowak' })).getByTestId('agent-status').textContent).toBe('Dostępny');
    expect(within(screen.getByRole('listitem', { name: 'Eleni Papadopoulou' })).getByTestId('agent-open').textContent).toBe('0 otwartych spraw');
  });

  it('renders in Polish from the start', async () => {
    renderConsole({ lng: 'pl' });
    const panel = await openTab('Przydzielanie');
    expect(await within(panel).findByRole('checkbox', { name: 'Zaznacz wszystkie 4 widoczne sprawy' })).toBeTruthy();
    expect(screen.getByTestId('reassign-count').textContent).toBe('Zaznaczono 0 z 4');
  });
});
