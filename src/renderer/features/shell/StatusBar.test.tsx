// @vitest-environment jsdom
import '../../test/setup';
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '../../test/renderWithProviders';
import { StatusBar } from './StatusBar';

describe('StatusBar', () => {
  it('shows the link, unsent work with Polish plurals, and the first sync’s progress', () => {
    renderWithProviders(
      <StatusBar connection={{ state: 'reconnecting', lastSyncAt: null, unsent: 5 }} progress={{ phase: 'snapshot', done: 420, total: 1000, percent: 42 }} reconnects />,
      { lng: 'pl' },
    );
    expect(screen.getByText('Ponowne łączenie…')).toBeTruthy();
    expect(screen.getByText('5 niewysłanych zmian')).toBeTruthy();
    expect(screen.getByText('Jeszcze nie zsynchronizowano')).toBeTruthy();
    expect(screen.getByText('Pobieranie spraw')).toBeTruthy();
    expect(screen.getByText('42%')).toBeTruthy();
  });

  it('says when the link cannot come back by itself', () => {
    renderWithProviders(<StatusBar connection={{ state: 'offline', lastSyncAt: null, unsent: 1 }} progress={null} reconnects={false} />);
    expect(screen.getByText('1 unsent item')).toBeTruthy();
    expect(screen.getByText(/Offline until you sign out and sign in again/)).toBeTruthy();
    expect(screen.queryByRole('progressbar')).toBeNull();
  });
});
