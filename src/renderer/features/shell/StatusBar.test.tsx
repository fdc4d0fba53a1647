// @vitest-environment jsdom
import '../../test/setup';
import { act, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeApi } from '../../test/fakeApi';
import { renderWithProviders } from '../../test/renderWithProviders';
import { formatTime } from '../../lib/format';
import { StatusBar } from './StatusBar';
import { useConnection, type ConnectionInfo } from './useConnection';

const UP = Date.UTC(2026, 10, 23, 14, 32);
const link = () => screen.getByTestId('link');

/** The status bar as the workstation wires it: fed by the engine's answers and events. */
function Wired() {
  const { connection, progress, readiness } = useConnection();
  return <StatusBar connection={connection} progress={progress} readiness={readiness} reconnects />;
}

describe('StatusBar', () => {
  it('labels the link as the connection, with unsent work in Polish plurals and the first sync’s progress', () => {
    renderWithProviders(
      <StatusBar connection={{ state: 'online', lastSyncAt: null, unsent: 5, since: UP }} progress={{ phase: 'snapshot', done: 420, total: 1000, percent: 42 }} readiness={null} reconnects />,
      { lng: 'pl' },
    );
    expect(link().textContent).toBe('Połączenie: nadrabianie zmian (42%)');
    expect(link().dataset.link).toBe('catching-up');
    expect(screen.getByText('5 niewysłanych zmian')).toBeTruthy();
    expect(screen.getByText('Pobieranie spraw')).toBeTruthy();
  });

  it('says Live once caught up since the link came up, and stays Live while changes arrive', () => {
    const { unmount } = renderWithProviders(<StatusBar connection={{ state: 'online', lastSyncAt: UP - 60_000, unsent: 0, since: UP }} progress={null} readiness={null} reconnects />);
    // Synced before the link last came up: what happened meanwhile is still coming.
    expect(link().textContent).toBe('Connection: catching up');
    unmount();
    renderWithProviders(<StatusBar connection={{ state: 'online', lastSyncAt: UP + 500, unsent: 0, since: UP }} progress={{ phase: 'index', done: 1, total: 9, percent: 11 }} readiness={null} reconnects />);
    expect(link().textContent).toBe('Connection: Live');
    expect(screen.queryByText(/Not synced yet|Last sync/)).toBeNull();
  });

  it('says since when it is offline, and that it is trying again', () => {
    const { unmount } = renderWithProviders(<StatusBar connection={{ state: 'reconnecting', lastSyncAt: UP, unsent: 1, since: UP }} progress={null} readiness={null} reconnects />, { lng: 'el' });
    expect(link().textContent).toBe(`Σύνδεση: εκτός σύνδεσης από τις ${formatTime('el', UP)}, επανασύνδεση…`);
    unmount();
    renderWithProviders(<StatusBar connection={{ state: 'offline', lastSyncAt: UP, unsent: 1, since: UP }} progress={null} readiness={null} reconnects={false} />, { lng: 'el' });
    expect(link().textContent).toBe(`Σύνδεση: εκτός σύνδεσης από τις ${formatTime('el', UP)}`);
    expect(link().dataset.link).toBe('offline');
  });

  it('says when the link cannot come back by itself', () => {
    renderWithProviders(<StatusBar connection={{ state: 'offline', lastSyncAt: null, unsent: 1, since: UP }} progress={null} readiness={null} reconnects={false} />);
    expect(screen.getByText('1 unsent item')).toBeTruthy();
    expect(screen.getByText(/Offline until you sign out and sign in again/)).toBeTruthy();
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(screen.queryByTestId('offline-readiness')).toBeNull();
  });

  it('shows Live straight after a load while live (asked of the engine), then follows its events', async () => {
    const fake = fakeApi({
      'connection.current': () => ({ state: 'online', lastSyncAt: UP + 1000, unsent: 0, since: UP }),
      'workstation.info': () => ({ people: [], hubUrl: 'http://hub', connection: 'online', session: 'signed-in', locked: null, readiness: { ready: true, percent: 100 } }),
    });
    renderWithProviders(<Wired />, { fake });
    expect((await screen.findByTestId('link')).textContent).toBe('Connection: Live');
    expect(screen.getByTestId('offline-readiness').textContent).toBe('Ready for offline');
    const down: ConnectionInfo = { state: 'reconnecting', lastSyncAt: UP + 1000, unsent: 2, since: UP + 60_000 };
    act(() => fake.emit('connection.changed', down));
    expect(link().textContent).toBe(`Connection: offline since ${formatTime('en', UP + 60_000)}, reconnecting…`);
    act(() => fake.emit('connection.changed', { ...down, state: 'online', since: UP + 120_000 }));
    act(() => fake.emit('sync.progress', { phase: 'pull', done: 30, total: 40, percent: 75 }));
    expect(link().textContent).toBe('Connection: catching up (75%)');
    act(() => fake.emit('connection.changed', { ...down, state: 'online', since: UP + 120_000, lastSyncAt: UP + 121_000 }));
    act(() => fake.emit('sync.progress', { phase: 'pull', done: 40, total: 40, percent: 100 }));
    expect(link().textContent).toBe('Connection: Live');
  });

  it('says whether the person’s cases are ready for offline work, and how far along they are', () => {
    const bar = (readiness: { ready: boolean; percent: number }) => (
      <StatusBar connection={{ state: 'online', lastSyncAt: null, unsent: 0, since: UP }} progress={{ phase: 'history', done: 10, total: 100, percent: 10 }} readiness={readiness} reconnects />
    );
    const { unmount } = renderWithProviders(bar({ ready: false, percent: 37 }), { lng: 'el' });
    expect(screen.getByText('Λήψη ιστορικού ανοιχτών υποθέσεων')).toBeTruthy();
    expect(screen.getByTestId('offline-readiness').textContent).toBe('Προετοιμασία των υποθέσεών σας για εργασία εκτός σύνδεσης (37%)');
    unmount();
    renderWithProviders(bar({ ready: true, percent: 100 }));
    expect(screen.getByTestId('offline-readiness').textContent).toBe('Ready for offline');
  });
});
