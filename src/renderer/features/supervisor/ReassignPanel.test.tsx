// @vitest-environment jsdom
import '../../test/setup';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { NOW } from '../../test/builders';
import { HOSTILE, aDashboardCase, consoleState, freezeClock, openTab, renderConsole } from '../../test/renderConsole';

freezeClock();

async function openReassign(state = consoleState()) {
  const view = renderConsole({ state });
  const panel = await openTab('Reassign');
  // The target picker appears with the organisation, the rows with the dashboard.
  await within(panel).findByRole('combobox', { name: 'Move to' });
  await within(panel).findByRole('checkbox', { name: /^Select the case of .* \(c1\)$/ });
  return { ...view, panel };
}

/** Case ids of the rows listed, in order. */
const listed = (panel: HTMLElement) => [...panel.querySelectorAll('tbody tr[data-case]')].map((r) => r.getAttribute('data-case'));
const count = () => screen.getByTestId('reassign-count').textContent;
const select = (name: string, id: string) => userEvent.click(screen.getByRole('checkbox', { name: `Select the case of ${name} (${id})` }));

/** The options of the "Move to" picker (the filters' native selects have options too). */
const targets = async () => within(await screen.findByRole('listbox', { name: 'Move to' }));

async function pickTarget(option: string) {
  await userEvent.click(screen.getByRole('combobox', { name: 'Move to' }));
  await userEvent.click((await targets()).getByRole('option', { name: option }));
}

/** Presses Tab until `target` has the focus: fails if the keyboard never reaches it. */
async function tabTo(target: HTMLElement) {
  for (let i = 0; i < 60 && document.activeElement !== target; i++) await userEvent.tab();
  expect(document.activeElement).toBe(target);
}

describe('ReassignPanel', () => {
  it('lists the open cases only and narrows them by queue, assignee and text (accents folded)', async () => {
    const { panel } = await openReassign();
    expect(listed(panel)).toEqual(['c1', 'c2', 'c3', 'c4']);
    expect(count()).toBe('0 of 4 selected');

    await userEvent.selectOptions(within(panel).getByRole('combobox', { name: 'Queue' }), 'Email desk');
    await waitFor(() => expect(listed(panel)).toEqual(['c4']));
    await userEvent.selectOptions(within(panel).getByRole('combobox', { name: 'Queue' }), 'Any queue');
    await userEvent.selectOptions(within(panel).getByRole('combobox', { name: 'Assigned to' }), 'Nobody (waiting)');
    await waitFor(() => expect(listed(panel)).toEqual(['c1', 'c2']));
    await userEvent.selectOptions(within(panel).getByRole('combobox', { name: 'Assigned to' }), 'Anna Nowak');
    await waitFor(() => expect(listed(panel)).toEqual(['c3']));
    await userEvent.selectOptions(within(panel).getByRole('combobox', { name: 'Assigned to' }), 'Anyone');

    const search = within(panel).getByRole('textbox', { name: 'Customer, subject or case' });
    await userEvent.type(search, 'kettle');
    await waitFor(() => expect(listed(panel)).toEqual(['c1']));
    await userEvent.clear(search);
    await userEvent.type(search, 'wisniewska');
    await waitFor(() => expect(listed(panel)).toEqual(['c3']));
    expect(count()).toBe('0 of 1 selected');
  });

  it('counts the cases picked and moves exactly those to the agent chosen', async () => {
    const { panel, fake } = await openReassign();
    const move = () => within(panel).getByRole('button', { name: /^Move \d+ cases?$/ });
    expect(move()).toHaveProperty('disabled', true);

    await select('Jan Kowalski', 'c1');
    expect(count()).toBe('1 of 4 selected');
    await select('Tom Smith', 'c4');
    expect(count()).toBe('2 of 4 selected');
    const all = within(panel).getByRole('checkbox', { name: 'Select all 4 cases listed' }) as HTMLInputElement;
    expect(all.checked).toBe(false);
    expect(all.getAttribute('data-indeterminate')).toBe('true');
    // A selection without a destination moves nothing.
    expect(move().textContent).toBe('Move 2 cases');
    expect(move()).toHaveProperty('disabled', true);

    // Store staff do not take cases: they are not offered as a destination.
    await userEvent.click(screen.getByRole('combobox', { name: 'Move to' }));
    const options = await targets();
    // Each person with their status, open cases and load, so the supervisor sees who has room.
    expect(options.getAllByRole('option').map((o) => o.textContent)).toEqual([
      'Anna Nowak (Available), 1 open case, load 33%',
      'Piotr Zieliński (Busy), 1 open case, load 33%',
      'Eleni Papadopoulou (Away), 0 open cases, load 0%',
      'Sofia Supervisor (Available), 0 open cases, load 0%',
      'Chat support',
      'Email desk',
    ]);
    await userEvent.click(options.getByRole('option', { name: 'Piotr Zieliński (Busy), 1 open case, load 33%' }));
    // Present, with room: no warning.
    expect(screen.queryByTestId('move-warning')).toBeNull();

    await userEvent.click(move());
    await waitFor(() => expect(fake.calls('supervisor.reassign')).toEqual([{ caseIds: ['c1', 'c4'], to: { staffId: 'a2' } }]));
    // Sent cases leave the selection, so a second click cannot send them twice.
    await waitFor(() => expect(count()).toBe('0 of 4 selected'));
    expect(move()).toHaveProperty('disabled', true);
  });

  it('"select all" takes only the cases the filter lets through, and they move to a queue', async () => {
    const { panel, fake } = await openReassign();
    await select('Tom Smith', 'c4');
    await userEvent.selectOptions(within(panel).getByRole('combobox', { name: 'Queue' }), 'Chat support');
    await waitFor(() => expect(listed(panel)).toEqual(['c1', 'c2', 'c3']));
    // Tom's case left the list, and with it the selection.
    expect(count()).toBe('0 of 3 selected');

    const all = within(panel).getByRole('checkbox', { name: 'Select all 3 cases listed' }) as HTMLInputElement;
    await userEvent.click(all);
    expect(count()).toBe('3 of 3 selected');
    expect(all.checked).toBe(true);
    await userEvent.click(all);
    expect(count()).toBe('0 of 3 selected');
    await userEvent.click(all);

    await pickTarget('Email desk');
    await userEvent.click(within(panel).getByRole('button', { name: 'Move 3 cases' }));
    await waitFor(() => expect(fake.calls('supervisor.reassign')).toEqual([{ caseIds: ['c1', 'c2', 'c3'], to: { queueId: 'q-email' } }]));
  });

  it('works from the keyboard: Tab reaches the checkboxes and the button, Space selects, arrows and Enter pick the target, Enter moves', async () => {
    const { panel, fake } = await openReassign();
    within(panel).getByRole('textbox', { name: 'Customer, subject or case' }).focus();
    const jan = within(panel).getByRole('checkbox', { name: 'Select the case of Jan Kowalski (c1)' });
    await tabTo(jan);
    await userEvent.keyboard(' ');
    expect(count()).toBe('1 of 4 selected');
    await tabTo(within(panel).getByRole('checkbox', { name: 'Select the case of Greta Braun (c2)' }));
    await userEvent.keyboard(' ');
    expect(count()).toBe('2 of 4 selected');
    await tabTo(jan);
    await userEvent.keyboard(' ');
    expect(count()).toBe('1 of 4 selected');

    await tabTo(within(panel).getByRole('combobox', { name: 'Move to' }));
    await userEvent.keyboard('Email');
    await waitFor(async () => expect((await targets()).getAllByRole('option').map((o) => o.textContent)).toEqual(['Email desk']));
    await userEvent.keyboard('{ArrowDown}{Enter}');
    await waitFor(() => expect(within(panel).getByRole('combobox', { name: 'Move to' })).toHaveProperty('value', 'Email desk'));

    const move = within(panel).getByRole('button', { name: 'Move 1 case' });
    await tabTo(move);
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(fake.calls('supervisor.reassign')).toEqual([{ caseIds: ['c2'], to: { queueId: 'q-email' } }]));
  });

  it('opens a case from its customer name', async () => {
    const { panel, onOpenCase } = await openReassign();
    await userEvent.click(within(panel).getByRole('button', { name: 'Maria Wiśniewska' }));
    expect(onOpenCase).toHaveBeenCalledWith('c3');
  });

  it('shows customer text literally, never as markup', async () => {
    const state = consoleState();
    state.cases = [aDashboardCase({ id: 'c1', assigneeId: null, subject: HOSTILE }, HOSTILE)];
    const { panel } = await openReassign(state);
    const row = panel.querySelector('tr[data-case="c1"]') as HTMLElement;
    expect(within(row).getByRole('button', { name: HOSTILE }).textContent).toBe(HOSTILE);
    expect(within(row).getByText(HOSTILE, { selector: 'td' })).toBeTruthy();
    expect(within(panel).getByRole('checkbox', { name: `Select the case of ${HOSTILE} (c1)` })).toBeTruthy();
    expect(document.querySelector('img[src="x"]')).toBeNull();
    expect(document.querySelectorAll('script').length).toBe(0);
  });

  it('lists the cases most urgent first: overdue, then the nearest reply due, then by priority; no reply due last', async () => {
    const MIN = 60_000;
    const state = consoleState();
    const at = (id: string) => state.cases.find((c) => c.case.id === id)!;
    const set = (id: string, over: Partial<(typeof state.cases)[number]['case']>) => ({ ...at(id), case: { ...at(id).case, ...over } });
    state.cases = [
      set('c1', { firstResponseDueAt: NOW + 30 * MIN, priority: 'normal' }),
      set('c2', { firstResponseDueAt: NOW - 10 * MIN, priority: 'low' }),
      set('c3', { status: 'pending', firstResponseDueAt: NOW - 60 * MIN, priority: 'urgent' }),
      set('c4', { nextResponseDueAt: NOW + 30 * MIN, priority: 'urgent' }),
      aDashboardCase({ id: 'c13', queueId: 'q-chat', assigneeId: null, firstResponseDueAt: NOW + 5 * MIN, priority: 'high' }, 'Ola Nowicka'),
      state.cases[4],
    ];
    const { panel } = await openReassign(state);
    expect(listed(panel)).toEqual(['c2', 'c13', 'c4', 'c1', 'c3']);
    const row = panel.querySelector('tr[data-case="c4"]') as HTMLElement;
    expect(within(row).getByText('Urgent')).toBeTruthy();
    expect(within(row).getByText('30 min left')).toBeTruthy();
  });

  describe('warnings before a move', () => {
    function withRoomFor(chats: number) {
      const state = consoleState();
      const anna = state.staff[0];
      state.staff[0] = { ...anna, capacity: { ...anna.capacity, chat: chats } };
      state.staff[3] = { ...state.staff[3], status: 'offline' };
      return state;
    }

    it('warns when the person is away, and still moves when the supervisor confirms', async () => {
      const { panel, fake } = await openReassign(withRoomFor(3));
      await select('Jan Kowalski', 'c1');
      await pickTarget('Eleni Papadopoulou (Away), 0 open cases, load 0%');
      const warning = await within(panel).findByTestId('move-warning');
      expect(warning.getAttribute('role')).toBe('alert');
      expect(warning.textContent).toBe('Check before movingEleni Papadopoulou is away: the cases will wait until they come back.');
      const move = within(panel).getByRole('button', { name: 'Move 1 case anyway' });
      expect(move).toHaveProperty('disabled', false);
      await userEvent.click(move);
      await waitFor(() => expect(fake.calls('supervisor.reassign')).toEqual([{ caseIds: ['c1'], to: { staffId: 'a3' } }]));
      // Nothing selected any more: nothing to warn about.
      await waitFor(() => expect(within(panel).queryByTestId('move-warning')).toBeNull());
    });

    it('warns when the person is offline', async () => {
      const { panel } = await openReassign(withRoomFor(3));
      await select('Jan Kowalski', 'c1');
      await pickTarget('Sofia Supervisor (Offline), 0 open cases, load 0%');
      expect((await within(panel).findByTestId('move-warning')).textContent).toBe('Check before movingSofia Supervisor is offline: the cases will wait until they sign in.');
      expect(within(panel).getByRole('button', { name: 'Move 1 case anyway' })).toBeTruthy();
    });

    it('warns when the cases moved would put the person over capacity on their channel, not when they just fill it', async () => {
      // Anna takes 2 chats and holds 1: one more fills her, two more are one too many.
      const { panel } = await openReassign(withRoomFor(2));
      await select('Jan Kowalski', 'c1');
      await pickTarget('Anna Nowak (Available), 1 open case, load 50%');
      expect(within(panel).queryByTestId('move-warning')).toBeNull();
      expect(within(panel).getByRole('button', { name: 'Move 1 case' })).toBeTruthy();
      // Her own case selected as well does not count twice.
      await select('Maria Wiśniewska', 'c3');
      expect(within(panel).queryByTestId('move-warning')).toBeNull();
      await select('Greta Braun', 'c2');
      expect((await within(panel).findByTestId('move-warning')).textContent).toBe('Check before movingAnna Nowak would be over capacity after the move: Chat 3 of 2.');
      expect(within(panel).getByRole('button', { name: 'Move 3 cases anyway' })).toBeTruthy();
      // A queue has no capacity to exceed.
      await pickTarget('Chat support');
      await waitFor(() => expect(within(panel).queryByTestId('move-warning')).toBeNull());
      expect(within(panel).getByRole('button', { name: 'Move 3 cases' })).toBeTruthy();
    });
  });
});
