// @vitest-environment jsdom
import '../test/setup';
import { screen } from '@testing-library/react';
import { lazy } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../test/renderWithProviders';
import { LoadBoundary } from './LoadBoundary';

afterEach(() => vi.restoreAllMocks());

describe('LoadBoundary', () => {
  it('shows the part once its code has arrived', async () => {
    let arrive!: () => void;
    const arrived = new Promise<void>((resolve) => (arrive = resolve));
    const Part = lazy(() => arrived.then(() => ({ default: () => <p>the console</p> })));
    renderWithProviders(
      <LoadBoundary>
        <Part />
      </LoadBoundary>,
    );
    expect(screen.queryByText('the console')).toBeNull();
    arrive();
    expect(await screen.findByText('the console', {}, { timeout: 5_000 })).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it.each([
    ['en', 'Part of the workstation could not be shown.', 'Reload'],
    ['pl', 'Nie udało się wyświetlić części stanowiska.', 'Wczytaj ponownie'],
    ['el', 'Δεν ήταν δυνατή η εμφάνιση μέρους του σταθμού εργασίας.', 'Επαναφόρτωση'],
  ] as const)('says so in %s, with a reload, when the code cannot be fetched', async (lng, text, reload) => {
    // React reports the caught error on the console; expected here.
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const Part = lazy(() => Promise.reject(new TypeError('Failed to fetch dynamically imported module')));
    renderWithProviders(
      <LoadBoundary fullScreen>
        <Part />
      </LoadBoundary>,
      { lng },
    );
    expect((await screen.findByRole('alert', {}, { timeout: 5_000 })).textContent).toBe(text);
    expect(screen.getByRole('button', { name: reload })).toBeTruthy();
  });
});
