// @vitest-environment jsdom
import '../../test/setup';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { NOW } from '../../test/builders';
import { aDashboardCase, anOrgStaff, consoleState, freezeClock, openTab, renderConsole } from '../../test/renderConsole';
import { withLayout } from '../../test/layout';

freezeClock();
withLayout({ height: 2_000, elementHeight: 240 });

async function openBoard(state = consoleState()) {
  const view = renderConsole({ state });
  const panel = await openTab('Agents');
  await within(panel).findByRole('listitem', { name: 'Anna Nowak' });
  return { ...view, panel };
}

const card = (name: string) => screen.getByRole('listitem', { name });

async function chooseFromMenu(agent: string, item: string) {
  await userEvent.click(screen.getByRole('button', { name: `Actions for ${agent}` }));
  await userEvent.click(await screen.findByRole('menuitem', { name: item }));
}

/** A drag-and-drop data store, as a browser hands it to the drag events. */
function dataTransfer() {
  const data = new Map<string, string>();
  return {
    get types() {
      return [...data.keys()];
    },
    setData: (type: string, value: string) => void data.set(type, value),
    getData: (type: string) => data.get(type) ?? '',
    effectAllowed: 'none',
    dropEffect: 'none',
  };
}

describe('AgentBoard', () => {
  it('renders only the cards in view of a thousand agents, and brings others into view on scroll', async () => {
    const state = consoleState();
    state.staff.push(...Array.from({ length: 1_000 }, (_, i) => anOrgStaff({ id: `x${i}`, username: `x${i}`, name: `Extra Agent ${i}` })));
    const { panel } = await openBoard(state);
    const board = within(panel).getByRole('list', { name: 'Agents' });
    const rendered = () => within(board).getAllByRole('listitem').filter((item) => item.dataset.testid?.startsWith('agent-'));
    expect(rendered().length).toBeGreaterThan(3);
    expect(rendered().length).toBeLessThan(30);
    expect(within(board).queryByRole('listitem', { name: 'Extra Agent 999' })).toBeNull();
    board.scrollTop = 240 * 1_000;
    fireEvent.scroll(board);
    expect(await within(board).findByRole('listitem', { name: 'Extra Agent 999' })).toBeTruthy();
  });

  it("shows every agent's status, time in it, queues, load against capacity and open cases", async () => {
    const { panel, onOpenCase } = await openBoard();
    const board = within(panel).getByRole('list', { name: 'Agents' });
    // The cards, not the lists of cases inside them.
    const cards = within(board).getAllByRole('listitem').filter((item) => item.dataset.testid?.startsWith('agent-'));
    // Agents only: the supervisor and the store clerk are not on the board.
    expect(cards.map((c) => c.getAttribute('aria-label'))).toEqual(['Anna Nowak', 'Eleni Papadopoulou', 'Piotr Zieliński']);

    const anna = card('Anna Nowak');
    expect(within(anna).getByTestId('agent-status').textContent).toBe('Available');
    expect(within(anna).getByText('for 20 min')).toBeTruthy();
    expect(within(anna).getByText('Queues: Chat support')).toBeTruthy();
    // Her resolved case does not count.
    expect(within(anna).getByTestId('agent-open').textContent).toBe('1 open case');
    const load = within(anna).getByRole('group', { name: 'Load against capacity' });
    expect(within(load).getByText('Chat').parentElement?.textContent).toBe('Chat1/3');
    expect(within(load).getByText('Email').parentElement?.textContent).toBe('Email0/3');
    expect(within(anna).getByRole('progressbar', { name: 'Chat load' }).getAttribute('aria-valuenow')).toBe(String((100 * 1) / 3));

    const piotr = card('Piotr Zieliński');
    expect(within(piotr).getByTestId('agent-status').textContent).toBe('Busy');
    expect(within(piotr).getByText('Queues: Chat support, Email desk')).toBeTruthy();
    expect(within(within(piotr).getByRole('group', { name: 'Load against capacity' })).getByText('Email').parentElement?.textContent).toBe('Email1/3');

    const eleni = card('Eleni Papadopoulou');
    expect(within(eleni).getByTestId('agent-status').textContent).toBe('Away');
    expect(within(eleni).getByTestId('agent-open').textContent).toBe('0 open cases');

    await userEvent.click(within(anna).getByRole('button', { name: 'Maria Wiśniewska' }));
    expect(onOpenCase).toHaveBeenCalledWith('c3');
  });

  it('changes an agent\'s status from the menu (the current one is not offered)', async () => {
    const { fake } = await openBoard();
    await userEvent.click(screen.getByRole('button', { name: 'Actions for Piotr Zieliński' }));
    const busy = await screen.findByRole('menuitem', { name: 'Set status: Busy' });
    expect(busy).toHaveProperty('disabled', true);
    await userEvent.click(screen.getByRole('menuitem', { name: 'Set status: Away' }));
    await waitFor(() => expect(fake.calls('supervisor.updateStaff')).toEqual([{ staffId: 'a2', patch: { status: 'away' } }]));
  });

  it('works the menu from the keyboard', async () => {
    const { fake } = await openBoard();
    const button = screen.getByRole('button', { name: 'Actions for Eleni Papadopoulou' });
    button.focus();
    await userEvent.keyboard('{Enter}');
    const available = await screen.findByRole('menuitem', { name: 'Set status: Available' });
    for (let i = 0; i < 10 && document.activeElement !== available; i++) await userEvent.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(available);
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(fake.calls('supervisor.updateStaff')).toEqual([{ staffId: 'a3', patch: { status: 'available' } }]));
  });

  it('sends only the capacities that changed, and nothing when none did', async () => {
    const { fake } = await openBoard();
    await chooseFromMenu('Anna Nowak', 'Capacity…');
    let dialog = await screen.findByRole('dialog', { name: 'Capacity of Anna Nowak' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(fake.calls('supervisor.updateStaff')).toEqual([]);

    await chooseFromMenu('Anna Nowak', 'Capacity…');
    dialog = await screen.findByRole('dialog', { name: 'Capacity of Anna Nowak' });
    const chat = within(dialog).getByRole('textbox', { name: 'Chat' });
    expect(chat).toHaveProperty('value', '3');
    await userEvent.clear(chat);
    await userEvent.type(chat, '5');
    const phone = within(dialog).getByRole('textbox', { name: 'Phone' });
    await userEvent.clear(phone);
    await userEvent.type(phone, '0');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(fake.calls('supervisor.updateStaff')).toEqual([{ staffId: 'a1', patch: { capacity: { chat: 5, phone: 0 } } }]));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it("sets an agent's queues from the menu, as checkboxes", async () => {
    const { fake } = await openBoard();
    await chooseFromMenu('Anna Nowak', 'Queues…');
    const dialog = await screen.findByRole('dialog', { name: 'Queues of Anna Nowak' });
    const chat = within(dialog).getByRole('checkbox', { name: 'Chat support' });
    const email = within(dialog).getByRole('checkbox', { name: 'Email desk' });
    expect([(chat as HTMLInputElement).checked, (email as HTMLInputElement).checked]).toEqual([true, false]);
    await userEvent.click(email);
    await userEvent.click(chat);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(fake.calls('supervisor.updateStaff')).toEqual([{ staffId: 'a1', patch: { queueIds: ['q-email'] } }]));
  });

  it('adds an agent to a queue dropped on, and not twice to one they are in', async () => {
    const { fake, panel } = await openBoard();
    const transfer = dataTransfer();
    fireEvent.dragStart(card('Eleni Papadopoulou'), { dataTransfer: transfer });
    const chat = within(panel).getByRole('listitem', { name: 'Queue Chat support: drop an agent here' });
    fireEvent.dragOver(chat, { dataTransfer: transfer });
    fireEvent.drop(chat, { dataTransfer: transfer });
    const email = within(panel).getByRole('listitem', { name: 'Queue Email desk: drop an agent here' });
    fireEvent.dragOver(email, { dataTransfer: transfer });
    fireEvent.drop(email, { dataTransfer: transfer });
    await waitFor(() => expect(fake.calls('supervisor.updateStaff')).toEqual([{ staffId: 'a3', patch: { queueIds: ['q-chat', 'q-email'] } }]));
  });

  it('moves all open cases of an agent to a queue and marks them away (end of shift)', async () => {
    const { fake } = await openBoard();
    await chooseFromMenu('Anna Nowak', 'Move all open cases…');
    const dialog = await screen.findByRole('dialog', { name: 'Move all open cases of Anna Nowak' });
    expect(within(dialog).getByText('1 open case will move.')).toBeTruthy();
    expect(within(dialog).getByRole('list', { name: 'Cases to move, most urgent first' }).textContent).toBe('Maria Wiśniewska: Refund');
    const confirm = within(dialog).getByRole('button', { name: 'Move cases' });
    expect(confirm).toHaveProperty('disabled', true);

    await userEvent.click(within(dialog).getByRole('combobox', { name: 'Move to' }));
    const options = within(await screen.findByRole('listbox', { name: 'Move to' }));
    // Her cases cannot move to herself.
    expect(options.queryByRole('option', { name: /Anna Nowak/ })).toBeNull();
    await userEvent.click(options.getByRole('option', { name: 'Chat support' }));
    expect((within(dialog).getByRole('checkbox', { name: 'Mark them as away (end of shift)' }) as HTMLInputElement).checked).toBe(true);
    await userEvent.click(confirm);
    await waitFor(() => expect(fake.calls('supervisor.reassignAll')).toEqual([{ fromStaffId: 'a1', to: { queueId: 'q-chat' }, setStatus: 'away' }]));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(fake.calls('supervisor.reassign')).toEqual([]);
  });

  it('moves all open cases to another agent without changing the status when asked not to', async () => {
    const { fake } = await openBoard();
    await chooseFromMenu('Piotr Zieliński', 'Move all open cases…');
    const dialog = await screen.findByRole('dialog', { name: 'Move all open cases of Piotr Zieliński' });
    await userEvent.click(within(dialog).getByRole('combobox', { name: 'Move to' }));
    await userEvent.click(within(await screen.findByRole('listbox', { name: 'Move to' })).getByRole('option', { name: 'Eleni Papadopoulou (Away), 0 open cases, load 0%' }));
    // Eleni is away: a warning, not a refusal, and the button says so.
    expect(within(dialog).getByTestId('move-warning').textContent).toBe('Check before movingEleni Papadopoulou is away: the cases will wait until they come back.');
    await userEvent.click(within(dialog).getByRole('checkbox', { name: 'Mark them as away (end of shift)' }));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Move cases anyway' }));
    await waitFor(() => expect(fake.calls('supervisor.reassignAll')).toEqual([{ fromStaffId: 'a2', to: { staffId: 'a3' } }]));
  });

  it('cancelling a dialog sends nothing', async () => {
    const { fake } = await openBoard();
    await chooseFromMenu('Anna Nowak', 'Move all open cases…');
    const dialog = await screen.findByRole('dialog', { name: 'Move all open cases of Anna Nowak' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    // The console's reads (the dashboard, failed deliveries) go on; no change is asked for.
    const reads = new Set(['supervisor.dashboard', 'supervisor.failedDeliveries']);
    expect(fake.invoke.mock.calls.map(([channel]) => channel).filter((c) => c.startsWith('supervisor.') && !reads.has(c))).toEqual([]);
  });

  it("marks an agent whose change waits for the server as pending", async () => {
    const state = consoleState();
    state.staff[2] = { ...state.staff[2], local: [{ mutationId: 'm-eleni', type: 'supervisor.updateStaff', state: 'pending', reason: null, message: null }] };
    await openBoard(state);
    expect(within(card('Eleni Papadopoulou')).getByText('Pending')).toBeTruthy();
    expect(within(card('Anna Nowak')).queryByText('Pending')).toBeNull();
  });

  describe('sorting and filtering', () => {
    const MIN = 60_000;
    /**
     * Anna (available, Chat up to 10): four chats, one due in 20 minutes. Piotr (busy, Email up to 1): two emails,
     * one overdue, and a chat: over capacity. Eleni (away): two chats waiting on the customer (no reply due).
     */
    function busyBoard() {
      const state = consoleState();
      const anna = state.staff[0];
      state.staff[0] = { ...anna, capacity: { ...anna.capacity, chat: 10 } };
      state.staff[1] = { ...state.staff[1], capacity: { ...state.staff[1].capacity, email: 1 } };
      const chat = (id: string, assigneeId: string, over: Parameters<typeof aDashboardCase>[0] = {}) =>
        aDashboardCase({ id, queueId: 'q-chat', assigneeId, subject: `Chat ${id}`, ...over }, `Customer ${id}`);
      state.cases = [
        ...state.cases.map((c) => (c.case.id === 'c3' ? { ...c, case: { ...c.case, firstResponseDueAt: NOW + 20 * MIN } } : c)),
        chat('c10', 'a1'),
        chat('c11', 'a1'),
        chat('c12', 'a1'),
        aDashboardCase({ id: 'c6', queueId: 'q-email', assigneeId: 'a2', lastChannel: 'email', firstResponseDueAt: NOW - 5 * MIN, subject: 'Late' }, 'Late Customer'),
        chat('c9', 'a2'),
        chat('c7', 'a3', { status: 'pending' }),
        chat('c8', 'a3', { status: 'pending' }),
      ];
      return state;
    }
    const order = (panel: HTMLElement) =>
      within(within(panel).getByRole('list', { name: 'Agents' }))
        .queryAllByRole('listitem')
        .filter((item) => item.dataset.testid?.startsWith('agent-'))
        .map((c) => c.getAttribute('aria-label'));

    it('sorts by name, status, load, open cases and the most urgent reply', async () => {
      const { panel } = await openBoard(busyBoard());
      const sortBy = within(panel).getByRole('combobox', { name: 'Sort by' });
      expect(order(panel)).toEqual(['Anna Nowak', 'Eleni Papadopoulou', 'Piotr Zieliński']);
      await userEvent.selectOptions(sortBy, 'Status');
      await waitFor(() => expect(order(panel)).toEqual(['Anna Nowak', 'Piotr Zieliński', 'Eleni Papadopoulou']));
      // Fullest channel first: Piotr's email 2 of 1, Eleni's chat 2 of 3, Anna's chat 4 of 10.
      await userEvent.selectOptions(sortBy, 'Load (fullest channel)');
      await waitFor(() => expect(order(panel)).toEqual(['Piotr Zieliński', 'Eleni Papadopoulou', 'Anna Nowak']));
      await userEvent.selectOptions(sortBy, 'Open cases');
      await waitFor(() => expect(order(panel)).toEqual(['Anna Nowak', 'Piotr Zieliński', 'Eleni Papadopoulou']));
      // Overdue first, then the nearest deadline, and nobody waiting for a reply last.
      await userEvent.selectOptions(sortBy, 'Most urgent reply');
      await waitFor(() => expect(order(panel)).toEqual(['Piotr Zieliński', 'Anna Nowak', 'Eleni Papadopoulou']));
      expect(within(card('Piotr Zieliński')).getByTestId('agent-next-reply').textContent).toBe('Most urgent reply:5 min overdue');
      expect(within(card('Piotr Zieliński')).getByTestId('agent-over').textContent).toBe('Over capacity');
      expect(within(card('Anna Nowak')).queryByTestId('agent-over')).toBeNull();
    });

    it('filters by over capacity, away with open cases and queue, counting each, and says when nobody is left', async () => {
      const { panel } = await openBoard(busyBoard());
      const over = within(panel).getByRole('checkbox', { name: 'Over capacity (1)' });
      const away = within(panel).getByRole('checkbox', { name: 'Away or offline with open cases (1)' });
      expect(screen.getByTestId('board-count').textContent).toBe('3 agents shown of 3');
      await userEvent.click(over);
      await waitFor(() => expect(order(panel)).toEqual(['Piotr Zieliński']));
      expect(screen.getByTestId('board-count').textContent).toBe('1 agent shown of 3');
      await userEvent.click(over);
      await userEvent.click(away);
      await waitFor(() => expect(order(panel)).toEqual(['Eleni Papadopoulou']));

      // The Email desk has only Piotr: nobody there is away with cases.
      const queue = within(panel).getByRole('combobox', { name: 'Queue' });
      expect([...(queue as HTMLSelectElement).options].map((o) => o.textContent)).toEqual(['All queues (3)', 'Chat support (3)', 'Email desk (1)']);
      await userEvent.selectOptions(queue, 'Email desk (1)');
      await waitFor(() => expect(screen.getByTestId('board-empty').textContent).toContain('No agent matches these filters.'));
      expect(within(panel).getByRole('checkbox', { name: 'Away or offline with open cases (0)' })).toBeTruthy();
      expect(within(panel).getByRole('checkbox', { name: 'Over capacity (1)' })).toBeTruthy();
      expect(order(panel)).toEqual([]);
      expect(screen.getByTestId('board-count').textContent).toBe('0 agents shown of 1');
      await userEvent.click(within(panel).getByRole('button', { name: 'Clear the filters' }));
      await waitFor(() => expect(order(panel)).toEqual(['Anna Nowak', 'Eleni Papadopoulou', 'Piotr Zieliński']));
    });

    it('keeps the sort and filters while the console is open, and works them from the keyboard', async () => {
      const { panel } = await openBoard(busyBoard());
      const over = within(panel).getByRole('checkbox', { name: 'Over capacity (1)' });
      over.focus();
      await userEvent.keyboard(' ');
      await waitFor(() => expect(order(panel)).toEqual(['Piotr Zieliński']));
      await userEvent.click(within(panel).getByRole('checkbox', { name: 'Over capacity (1)' }));
      const sortBy = within(panel).getByRole('combobox', { name: 'Sort by' });
      sortBy.focus();
      await userEvent.selectOptions(sortBy, 'Open cases');
      await userEvent.click(within(panel).getByRole('checkbox', { name: 'Away or offline with open cases (1)' }));
      await waitFor(() => expect(order(panel)).toEqual(['Eleni Papadopoulou']));

      await openTab('Reassign');
      const back = await openTab('Agents');
      await within(back).findByRole('listitem', { name: 'Eleni Papadopoulou' });
      expect(order(back)).toEqual(['Eleni Papadopoulou']);
      expect((within(back).getByRole('combobox', { name: 'Sort by' }) as HTMLSelectElement).value).toBe('open');
      expect((within(back).getByRole('checkbox', { name: 'Away or offline with open cases (1)' }) as HTMLInputElement).checked).toBe(true);
    });
  });
});
