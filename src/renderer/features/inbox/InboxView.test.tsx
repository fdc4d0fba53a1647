// @vitest-environment jsdom
import '../../test/setup';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { InteractionMeta } from '../../../shared/domain';
import { InboxViewFiltersSchema, type InboxPreferences, type InputOf, type IpcResult } from '../../../shared/ipc/contract';
import { fakeApi } from '../../test/fakeApi';
import { NOW, aCase, aMessage, aSession } from '../../test/builders';
import { withLayout } from '../../test/layout';
import { renderWithProviders } from '../../test/renderWithProviders';
import { InboxView } from './InboxView';
import type { InboxItem } from './useInboxPages';

/** The inbox list's height in these tests: about what a 900 px tall window leaves it. */
const LIST_HEIGHT = 600;
withLayout({ height: LIST_HEIGHT });
afterEach(() => vi.useRealTimers());

const HOSTILE = '<script>alert(1)</script><img src=x onerror=alert(2)>';
type Case = ReturnType<typeof aCase>;

/**
 * Settings as the engine keeps them (the engine's own rules are tested in src/main/engine/inboxPreferences.test.ts):
 * a name taken answers `conflict` on `name`.
 */
function preferenceChannels(initial: InboxPreferences) {
  let prefs = initial;
  let made = 0;
  const taken = (name: string, except?: string) => prefs.views.some((v) => v.id !== except && v.name.toLowerCase() === name.trim().toLowerCase());
  const conflict: IpcResult<InboxPreferences> = { ok: false, error: { code: 'conflict', message: 'taken', field: 'name' } };
  return {
    'inbox.preferences': () => prefs,
    'inbox.setDensity': ({ density }: InputOf<'inbox.setDensity'>) => (prefs = { ...prefs, density }),
    'inbox.saveView': ({ name, filters }: InputOf<'inbox.saveView'>) =>
      taken(name) ? conflict : (prefs = { ...prefs, views: [...prefs.views, { id: `v${++made}`, name: name.trim(), filters: InboxViewFiltersSchema.parse(filters) }] }),
    'inbox.renameView': ({ viewId, name }: InputOf<'inbox.renameView'>) =>
      taken(name, viewId) ? conflict : (prefs = { ...prefs, views: prefs.views.map((v) => (v.id === viewId ? { ...v, name: name.trim() } : v)) }),
    'inbox.deleteView': ({ viewId }: InputOf<'inbox.deleteView'>) => (prefs = { ...prefs, views: prefs.views.filter((v) => v.id !== viewId) }),
  };
}

function setup({
  items = [aCase({ id: 'c1' }), aCase({ id: 'c2', assigneeId: null }), aCase({ id: 'c3' })],
  metaOf = {},
  prefs = { density: 'compact', views: [] },
  openCaseId = null,
}: { items?: Case[]; metaOf?: Record<string, InteractionMeta>; prefs?: InboxPreferences; openCaseId?: string | null } = {}) {
  const state = { items: items.map((c): InboxItem => ({ case: c, customerName: `Customer ${c.id}` })) };
  const fake = fakeApi({
    // Keyset paging as the engine answers it: the page after `after`, and `next` when more rows follow.
    'inbox.list': ({ after, limit = 500 }) => {
      const start = after ? Number(after) : 0;
      const more = start + limit < state.items.length;
      return { items: state.items.slice(start, start + limit), more, ...(more ? { next: String(start + limit) } : {}) };
    },
    'reference.org': () => ({ queues: [], staff: [], stores: [] }),
    'case.view': ({ caseId }) => ({
      case: state.items.find((i) => i.case.id === caseId)!.case,
      customer: null,
      timeline: [aMessage({ caseId, text: caseId === 'c1' ? HOSTILE : `Message of ${caseId}`, meta: metaOf[caseId] ?? {} })],
      held: [],
      deliveries: [],
      history: 'whole',
    }),
    'case.assign': () => ({ mutationId: 'm', state: 'pending' }),
    ...preferenceChannels(prefs),
  });
  const onOpenCase = vi.fn();
  let openElsewhere: (caseId: string) => void = () => {};
  // The workstation around the inbox: a case pane with a reply field and a button, and cases opened from elsewhere (search, notifications).
  function Workspace() {
    const [open, setOpen] = useState<string | null>(openCaseId);
    openElsewhere = setOpen;
    return (
      <div>
        <InboxView
          session={aSession()}
          openCaseId={open}
          onOpenCase={(id) => {
            onOpenCase(id);
            setOpen(id);
          }}
        />
        <section data-testid="case-pane" tabIndex={-1}>
          <textarea aria-label="Reply" />
          <button type="button">Send</button>
        </section>
      </div>
    );
  }
  const view = renderWithProviders(<Workspace />, { fake });
  return { ...view, state, onOpenCase, openElsewhere: (id: string) => act(() => openElsewhere(id)) };
}

const many = (n: number) => Array.from({ length: n }, (_, i) => aCase({ id: `c${i}`, lastInboundAt: NOW - i }));
const rowOf = (id: string) => document.querySelector(`[data-case-id="${id}"]`) as HTMLElement;
const listbox = () => screen.getByRole('listbox', { name: 'Inbox' });

describe('InboxView', () => {
  it('lists every case with its customer and shows customer text literally, never as markup', async () => {
    setup();
    expect(await screen.findByText('Customer c1')).toBeTruthy();
    expect(screen.getByText('3 cases')).toBeTruthy();
    await waitFor(() => expect(within(rowOf('c1')).getByTestId('preview').textContent).toBe(HOSTILE));
    expect(document.querySelector('img[src="x"]')).toBeNull();
    expect(document.querySelectorAll('script').length).toBe(0);
  });

  it('shows compact rows by default, at least 18 in a 900 px window, and remembers comfortable when chosen', async () => {
    const { fake } = setup({ items: many(60) });
    const list = await screen.findByRole('listbox', { name: 'Inbox' });
    await screen.findByText('Customer c0');
    const onScreen = () => within(list).getAllByRole('option').filter((r) => Number(/translateY\((\d+)px\)/.exec(r.style.transform)?.[1]) + r.offsetTop < LIST_HEIGHT);
    expect(rowOf('c0').style.height).toBe('32px');
    expect(onScreen().length).toBeGreaterThanOrEqual(18);

    await userEvent.click(screen.getByRole('radio', { name: 'Comfortable' }));
    await waitFor(() => expect(rowOf('c0').style.height).toBe('84px'));
    expect(onScreen().length).toBeLessThan(9);
    expect(fake.calls('inbox.setDensity')).toEqual([{ density: 'comfortable' }]);
  });

  it('starts in the density the person chose before', async () => {
    setup({ prefs: { density: 'comfortable', views: [] } });
    await waitFor(() => expect(rowOf('c1').style.height).toBe('84px'));
    expect((screen.getByRole('radio', { name: 'Comfortable' }) as HTMLInputElement).checked).toBe(true);
  });

  it('asks for the cases waiting on us first by default (nearest reply due), and shows rows in the order answered', async () => {
    const { fake } = setup();
    await screen.findByText('Customer c3');
    expect(fake.calls('inbox.list')[0]).toEqual({ sort: 'sla', limit: 100 });
    expect((screen.getByRole('combobox', { name: 'Sort' }) as HTMLSelectElement).selectedOptions[0].textContent).toBe('Waiting on us first (reply due)');
    expect(within(listbox()).getAllByRole('option').map((r) => r.dataset.caseId)).toEqual(['c1', 'c2', 'c3']);
  });

  it('shows on every row how long the case waits and on whom, and its reply deadline', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(NOW);
    setup({
      items: [
        aCase({ id: 'due', lastInboundAt: NOW - 3 * 60_000, nextResponseDueAt: NOW + 12 * 60_000 }),
        aCase({ id: 'late', lastInboundAt: NOW - 50 * 60_000, firstResponseDueAt: NOW - 20 * 60_000 }),
        aCase({ id: 'theirs', status: 'pending', lastInboundAt: NOW - 3 * 3_600_000, lastOutboundAt: NOW - 2 * 3_600_000 }),
      ],
    });
    await screen.findByText('Customer theirs');
    const timing = (id: string) => [within(rowOf(id)).getByTestId('waiting').textContent, within(rowOf(id)).getByTestId('sla').textContent];
    expect(timing('due')).toEqual(['waiting 3 min', '12 min left']);
    expect(timing('late')).toEqual(['waiting 50 min', '20 min overdue']);
    expect(timing('theirs')).toEqual(['their turn · 2 hr', '—']);
    expect(within(rowOf('theirs')).getByRole('img', { name: 'No reply due: waiting on the customer' })).toBeTruthy();
  });

  it('moves with j/k and the arrow keys and opens the active case with Enter', async () => {
    const { onOpenCase } = setup();
    const list = await screen.findByRole('listbox', { name: 'Inbox' });
    await screen.findByText('Customer c3');
    list.focus();
    await userEvent.keyboard('j');
    await userEvent.keyboard('{ArrowDown}');
    await userEvent.keyboard('k');
    expect(list.getAttribute('aria-activedescendant')).toBe('inbox-row-c2');
    await userEvent.keyboard('{Enter}');
    expect(onOpenCase).toHaveBeenCalledWith('c2');
  });

  it('takes j/k and Enter from anywhere outside a text field, and leaves them to text fields and buttons', async () => {
    const { onOpenCase } = setup();
    await screen.findByText('Customer c3');
    screen.getByTestId('case-pane').focus();
    await userEvent.keyboard('jj');
    expect(listbox().getAttribute('aria-activedescendant')).toBe('inbox-row-c3');
    await userEvent.keyboard('k');
    expect(listbox().getAttribute('aria-activedescendant')).toBe('inbox-row-c2');
    await userEvent.keyboard('{Enter}');
    expect(onOpenCase).toHaveBeenCalledWith('c2');
    expect(rowOf('c2').getAttribute('aria-current')).toBe('true');

    await userEvent.type(screen.getByRole('textbox', { name: 'Reply' }), 'jk{Enter}');
    expect((screen.getByRole('textbox', { name: 'Reply' }) as HTMLTextAreaElement).value).toBe('jk\n');
    screen.getByRole('button', { name: 'Send' }).focus();
    await userEvent.keyboard('{Enter}');
    expect(listbox().getAttribute('aria-activedescendant')).toBe('inbox-row-c2');
    expect(onOpenCase).toHaveBeenCalledTimes(1);
  });

  it('highlights the case opened elsewhere and makes it the active row, loading pages down to it', async () => {
    const scrolled = vi.spyOn(Element.prototype, 'scrollTo');
    // jsdom lays nothing out: the list's content is as tall as its rows, or the virtual list cannot scroll at all.
    const tall = vi.spyOn(HTMLElement.prototype, 'scrollHeight', 'get').mockReturnValue(250 * 32);
    const { fake, openElsewhere } = setup({ items: many(250) });
    await screen.findByText('Customer c0');
    openElsewhere('c3');
    expect(rowOf('c3').getAttribute('aria-current')).toBe('true');
    expect(rowOf('c3').style.background).toContain('primary-color-light');
    expect(listbox().getAttribute('aria-activedescendant')).toBe('inbox-row-c3');

    // A case far below the rows loaded (say, found by search): pages load until it is in, then the list scrolls to it.
    openElsewhere('c180');
    await waitFor(() => expect(listbox().getAttribute('aria-activedescendant')).toBe('inbox-row-c180'));
    expect(fake.calls('inbox.list').at(-1)).toEqual({ sort: 'sla', after: '100', limit: 500 });
    const tops = scrolled.mock.calls.map(([options]) => (options as ScrollToOptions | undefined)?.top ?? 0);
    expect(Math.max(...tops)).toBeGreaterThan(150 * 32);
    scrolled.mockRestore();
    tall.mockRestore();
  });

  it('pages with the keyset cursor: the next page loads as the list nears its end, and only then', async () => {
    const { fake, onOpenCase } = setup({ items: many(250) });
    const list = await screen.findByRole('listbox', { name: 'Inbox' });
    expect(await screen.findByText('100+ cases')).toBeTruthy();
    expect(fake.calls('inbox.list')).toEqual([{ sort: 'sla', limit: 100 }]);
    expect(within(list).getAllByRole('option').length).toBeLessThan(40);
    list.focus();
    await userEvent.keyboard('{End}');
    expect(await screen.findByText('200+ cases')).toBeTruthy();
    expect(fake.calls('inbox.list').at(-1)).toEqual({ sort: 'sla', after: '100', limit: 100 });
    await userEvent.keyboard('{End}');
    expect(await screen.findByText('250 cases')).toBeTruthy();
    expect(fake.calls('inbox.list').at(-1)).toEqual({ sort: 'sla', after: '200', limit: 100 });
    expect(fake.calls('inbox.list')).toHaveLength(3);
    await userEvent.keyboard('{End}{Enter}');
    expect(onOpenCase).toHaveBeenCalledWith('c249');
  });

  it('reads the rows shown again in one request when cases change', async () => {
    const { state, fake } = setup({ items: many(150) });
    const list = await screen.findByRole('listbox', { name: 'Inbox' });
    list.focus();
    await userEvent.keyboard('{End}');
    expect(await screen.findByText('150 cases')).toBeTruthy();
    state.items = [{ case: aCase({ id: 'new', lastInboundAt: NOW }), customerName: 'Newcomer' }, ...state.items];
    act(() => fake.emit('data.changed', { entities: { case: ['new'] }, outbox: false }));
    expect(await screen.findByText('Newcomer')).toBeTruthy();
    expect(fake.calls('inbox.list').at(-1)).toEqual({ sort: 'sla', limit: 150 });
    expect(screen.getByText('150+ cases')).toBeTruthy();
  });

  it('keeps the active case when new cases arrive above it', async () => {
    const { state, fake } = setup();
    await screen.findByText('Customer c3');
    listbox().focus();
    await userEvent.keyboard('j');
    expect(listbox().getAttribute('aria-activedescendant')).toBe('inbox-row-c2');
    state.items = [{ case: aCase({ id: 'c0' }), customerName: 'Newcomer' }, ...state.items];
    act(() => fake.emit('data.changed', { entities: { case: ['c0'] }, outbox: false }));
    expect(await screen.findByText('Newcomer')).toBeTruthy();
    expect(listbox().getAttribute('aria-activedescendant')).toBe('inbox-row-c2');
  });

  it('asks the engine for the filters chosen', async () => {
    const { fake } = setup();
    await screen.findByText('Customer c1');
    await userEvent.click(screen.getByRole('radio', { name: 'Unassigned' }));
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Sort' }), 'updated');
    await waitFor(() => expect(fake.calls('inbox.list').at(-1)).toMatchObject({ unassigned: true, sort: 'updated' }));
  });

  it('saves the current filters as a named view, picks, renames and deletes it', async () => {
    const { fake } = setup();
    await screen.findByText('Customer c1');
    await userEvent.click(screen.getByRole('radio', { name: 'Mine' }));
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'pending');
    await userEvent.click(screen.getByRole('button', { name: 'Save view' }));
    await userEvent.type(screen.getByRole('textbox', { name: 'Name' }), 'My pending{Enter}');
    const mine = { channels: [], queueId: null, status: 'pending', scope: 'mine', sort: 'sla', tag: '' };
    expect(fake.calls('inbox.saveView')).toEqual([{ name: 'My pending', filters: mine }]);
    const picker = () => screen.getByRole('combobox', { name: 'Saved view' }) as HTMLSelectElement;
    await waitFor(() => expect(picker().selectedOptions[0].textContent).toBe('My pending'));

    // A name already taken is refused with a message in the dialog.
    await userEvent.click(screen.getByRole('radio', { name: 'All' }));
    expect(picker().value).toBe('');
    await userEvent.click(screen.getByRole('button', { name: 'Save view' }));
    await userEvent.type(screen.getByRole('textbox', { name: 'Name' }), 'my PENDING{Enter}');
    expect(await screen.findByText('You already have a view with this name.')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));

    // Picking the view applies its filters.
    await userEvent.selectOptions(picker(), 'My pending');
    await waitFor(() => expect(fake.calls('inbox.list').at(-1)).toEqual({ mine: true, statuses: ['pending'], sort: 'sla', limit: 100 }));

    await userEvent.click(screen.getByRole('button', { name: 'Rename view My pending' }));
    const name = screen.getByRole('textbox', { name: 'Name' });
    await userEvent.clear(name);
    await userEvent.type(name, 'Waiting for them{Enter}');
    await waitFor(() => expect(picker().selectedOptions[0].textContent).toBe('Waiting for them'));
    expect(fake.calls('inbox.renameView')).toEqual([{ viewId: 'v1', name: 'Waiting for them' }]);

    await userEvent.click(screen.getByRole('button', { name: 'Delete view Waiting for them' }));
    await waitFor(() => expect(within(picker()).getAllByRole('option').map((o) => o.textContent)).toEqual(['No saved view']));
    expect(fake.calls('inbox.deleteView')).toEqual([{ viewId: 'v1' }]);
  });

  it('takes the next unassigned case from the queue and opens it', async () => {
    const { fake, onOpenCase } = setup();
    await screen.findByText('Customer c2');
    await userEvent.click(screen.getByRole('button', { name: 'Take next from queue' }));
    await waitFor(() => expect(onOpenCase).toHaveBeenCalledWith('c2'));
    expect(fake.calls('case.assign')).toEqual([{ caseId: 'c2', to: 'me' }]);
  });

  it('marks a case whose customer wrote last through the web chat', async () => {
    setup({ metaOf: { c2: { handle: 'web:v-1' }, c3: { handle: 'jan.k' } } });
    await waitFor(() => expect(within(rowOf('c2')).getByRole('img', { name: 'Web chat' }).textContent).toBe('Web'));
    await waitFor(() => expect(within(rowOf('c3')).getByTestId('preview').textContent).toBe('Message of c3'));
    expect(within(rowOf('c1')).queryByTestId('webchat-marker')).toBeNull();
    expect(within(rowOf('c3')).queryByTestId('webchat-marker')).toBeNull();
  });

  it('marks a case unread until it is opened', async () => {
    setup();
    const row = (await screen.findByText('Customer c1')).closest('[role="option"]') as HTMLElement;
    expect(within(row).getByRole('img', { name: 'Unread' })).toBeTruthy();
    await userEvent.click(row);
    await waitFor(() => expect(within(row).queryByRole('img', { name: 'Unread' })).toBeNull());
  });
});
