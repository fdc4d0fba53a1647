// @vitest-environment jsdom
import '../../test/setup';
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '../../test/renderWithProviders';
import { StatusBar } from './StatusBar';

describe('StatusBar', () => {
  it('shows the link, unsent work with Polish plurals, and the first sync’s progress', () => {
    renderWithProviders(
      <StatusBar connection={{ state: 'reconnecting', lastSyncAt: null, unsent: 5 }} progress={{ phase: 'snapshot', done: 420, total: 1000, percent: 42 }} readiness={null} reconnects />,
      { lng: 'pl' },
    );
    expect(screen.getByText('Ponowne łączenie…')).toBeTruthy();
    expect(screen.getByText('5 niewysłanych zmian')).toBeTruthy();
    expect(screen.getByText('Jeszcze nie zsynchronizowano')).toBeTruthy();
    expect(screen.getByText('Pobieranie spraw')).toBeTruthy();
    expect(screen.getByText('42%')).toBeTruthy();
  });

  it('says when the link cannot come back by itself', () => {
    renderWithProviders(<StatusBar connection={{ state: 'offline', lastSyncAt: null, unsent: 1 }} progress={null} readiness={null} reconnects={false} />);
    expect(screen.getByText('1 unsent item')).toBeTruthy();
    expect(screen.getByText(/Offline until you sign out and sign in again/)).toBeTruthy();
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(screen.queryByTestId('offline-readiness')).toBeNull();
  });

  it('says whether the person’s cases are ready for offline work, and how far along they are', () => {
    const bar = (readiness: { ready: boolean; percent: number }) => (
      <StatusBar connection={{ state: 'online', lastSyncAt: null, unsent: 0 }} progress={{ phase: 'history', done: 10, total: 100, percent: 10 }} readiness={readiness} reconnects />
    );
    const { unmount } = renderWithProviders(bar({ ready: false, percent: 37 }), { lng: 'el' });
    expect(screen.getByText('Λήψη ιστορικού ανοιχτών υποθέσεων')).toBeTruthy();
    expect(screen.getByTestId('offline-readiness').textContent).toBe('Προετοιμασία των υποθέσεών σας για εργασία εκτός σύνδεσης (37%)');
    unmount();
    renderWithProviders(bar({ ready: true, percent: 100 }));
    expect(screen.getByTestId('offline-readiness').textContent).toBe('Ready for offline');
  });
});
