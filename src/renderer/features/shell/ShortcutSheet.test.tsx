// @vitest-environment jsdom
import '../../test/setup';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useCallback, useState } from 'react';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '../../test/renderWithProviders';
import { ShortcutSheet, useShortcutSheetKey } from './ShortcutSheet';
import { SHORTCUT_GROUPS } from './shortcuts';

/** The sheet as the workstation wires it: `?` anywhere but in a text field. */
function Wired() {
  const [opened, setOpened] = useState(false);
  useShortcutSheetKey(useCallback(() => setOpened(true), []));
  return (
    <>
      <textarea aria-label="Reply" />
      <button type="button">Inbox row</button>
      <ShortcutSheet opened={opened} onClose={() => setOpened(false)} />
    </>
  );
}

describe('ShortcutSheet', () => {
  it('opens on ? outside text fields, lists every shortcut by where it works, and closes with Esc', async () => {
    renderWithProviders(<Wired />);
    await userEvent.type(screen.getByLabelText('Reply'), 'Why?');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect((screen.getByLabelText('Reply') as HTMLTextAreaElement).value).toBe('Why?');

    screen.getByRole('button', { name: 'Inbox row' }).focus();
    await userEvent.keyboard('?');
    const sheet = screen.getByRole('dialog', { name: 'Keyboard shortcuts' });
    const sections = within(sheet).getAllByRole('heading', { level: 3 }).map((h) => h.textContent);
    expect(sections).toEqual(['Anywhere', 'Inbox (outside text fields)', 'Case and reply', 'Calls (anywhere, while a call rings or runs)', 'Search', 'Store mode']);
    expect(within(sheet).getAllByRole('row')).toHaveLength(SHORTCUT_GROUPS.reduce((n, g) => n + g.shortcuts.length, 0));
    const search = within(sheet).getByText('Search customers and cases').closest('tr') as HTMLElement;
    expect([...search.querySelectorAll('kbd')].map((k) => k.textContent)).toEqual(['Ctrl', 'K']);
    const next = within(sheet).getByText('Next case').closest('tr') as HTMLElement;
    expect(next.textContent).toContain('or');
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('speaks Polish', async () => {
    renderWithProviders(<ShortcutSheet opened onClose={() => {}} />, { lng: 'pl' });
    const sheet = screen.getByRole('dialog', { name: 'Skróty klawiszowe' });
    expect(within(sheet).getByText('Wyślij odpowiedź lub notatkę')).toBeTruthy();
    expect(within(sheet).getByRole('button', { name: 'Zamknij' })).toBeTruthy();
  });
});
