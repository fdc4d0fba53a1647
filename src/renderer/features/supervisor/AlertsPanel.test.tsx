// @vitest-environment jsdom
import '../../test/setup';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { OutboxItem } from '../../../shared/ipc/contract';
import { NOW } from '../../test/builders';
import { HOSTILE, anAlert, consoleState, freezeClock, openTab, renderConsole } from '../../test/renderConsole';

freezeClock();

const ACK_ID = '0190a3c2-7b1e-7c3d-8e4f-5a6b7c8d9e01';
const CLOSE_ID = '0190a3c2-7b1e-7c3d-8e4f-5a6b7c8d9e02';

/**
 * al1: Maria's 2/10 survey with a comment, raised 7 minutes ago, not acknowledged; her refund is Anna's, in Chat.
 * al2: Tom's very negative message, acknowledged after 4 minutes, escalated, followed up by Anna; his invoice is
 * Piotr's, in the Email desk. al3 was closed two days ago (not listed), al4 just now (Greta's parcel, waiting).
 */
function alertDay() {
  const state = consoleState();
  state.alerts = [
    anAlert({ id: 'al1', caseId: 'c3', score: 2, comment: 'Waited a week for nothing' }),
    anAlert({
      id: 'al2',
      caseId: 'c4',
      customerId: 'cu4',
      queueId: 'q-email',
      reason: 'negative-message',
      score: null,
      comment: 'Third time I write and nobody answers!',
      status: 'follow-up',
      raisedAt: NOW - 30 * 60_000,
      acknowledgedAt: NOW - 26 * 60_000,
      acknowledgedBy: 'sup',
      escalatedAt: NOW - 28 * 60_000,
      followUpStaffId: 'a1',
      case: { subject: 'Invoice', assigneeId: 'a2', queueId: 'q-email', customerName: 'Tom Smith' },
    }),
    anAlert({ id: 'al3', caseId: 'c1', status: 'closed', raisedAt: NOW - 50 * 3_600_000, closedAt: NOW - 48 * 3_600_000, outcome: 'Long ago' }),
    anAlert({
      id: 'al4',
      caseId: 'c2',
      status: 'closed',
      raisedAt: NOW - 3_600_000,
      acknowledgedAt: NOW - 3_000_000,
      closedAt: NOW,
      outcome: 'Refund sent, customer thanked us',
      case: { subject: 'Parcel late', assigneeId: null, queueId: 'q-chat', customerName: 'Greta Braun' },
    }),
  ];
  return state;
}

async function openAlerts(state = alertDay()) {
  const view = renderConsole({ state });
  const panel = await openTab(/^Red alerts/);
  await within(panel).findByText('Maria Wiśniewska');
  return { ...view, panel };
}

const row = (alertId: string) => document.querySelector(`tr[data-alert="${alertId}"]`) as HTMLElement;
/** A row's cells: customer, score or message, case, assignee, queue, raised, time to acknowledge, status, actions. */
const cells = (alertId: string) => [...row(alertId).children].map((cell) => cell.textContent);

function outboxEntry(over: Partial<OutboxItem> & Pick<OutboxItem, 'mutation'>): OutboxItem {
  return { mutationId: over.mutation.mutationId, state: 'pending', attempts: 0, reason: null, message: null, current: null, createdAt: NOW, updatedAt: NOW, ...over };
}

describe('AlertsPanel', () => {
  it('lists open alerts and those closed today: customer, score and comment or message, case by subject, assignee, queue, times, status', async () => {
    const { panel, onOpenCase } = await openAlerts();
    expect([...panel.querySelectorAll('tr[data-alert]')].map((r) => r.getAttribute('data-alert'))).toEqual(['al1', 'al2', 'al4']);
    // The tab counts the alerts still open.
    expect(screen.getByRole('tab', { name: /Red alerts/ }).textContent).toBe('Red alerts2');
    expect(screen.getByLabelText('2 open alerts')).toBeTruthy();

    const [customer, what, subject, assignee, queue, raised, toAck, status] = cells('al1');
    expect([customer, what, subject, assignee, queue, toAck, status]).toEqual([
      'Maria Wiśniewska',
      '2 / 10Waited a week for nothingSurvey comment',
      'Refund',
      'Anna Nowak',
      'Chat support',
      'waiting 7 min',
      'Raised',
    ]);
    // Relative and absolute, in the UI language.
    expect(raised).toBe(`7 min ago${new Intl.DateTimeFormat('en', { timeStyle: 'short' }).format(NOW - 7 * 60_000)}`);
    expect(row('al1').querySelector('time')?.getAttribute('dateTime')).toBe(new Date(NOW - 7 * 60_000).toISOString());
    expect(within(row('al1')).getByRole('button', { name: 'Acknowledge' })).toBeTruthy();

    // A very negative message: the customer's own words, and the case as it is now (Piotr's, in the Email desk).
    expect(cells('al2').slice(0, 5)).toEqual(['Tom Smith', "Very negative messageThird time I write and nobody answers!Customer's message", 'Invoice', 'Piotr Zieliński', 'Email desk']);
    expect(cells('al2')[6]).toBe('4 min');
    expect(within(row('al2')).getByTestId('alert-status').textContent).toBe('Follow-up');
    expect(within(row('al2')).getByText('Escalated')).toBeTruthy();
    expect(within(row('al2')).getByText('Followed up by Anna Nowak')).toBeTruthy();
    expect(within(row('al2')).queryByRole('button', { name: 'Acknowledge' })).toBeNull();

    // Closed today: the outcome, and nothing left to do but open the case; nobody holds it.
    expect(cells('al4')[3]).toBe('Nobody (waiting)');
    expect(within(row('al4')).getByTestId('alert-status').textContent).toBe('Closed');
    expect(within(row('al4')).getByText('Refund sent, customer thanked us')).toBeTruthy();
    expect(within(row('al4')).queryAllByRole('button').map((b) => b.textContent)).toEqual(['Parcel late']);

    await userEvent.click(within(row('al1')).getByRole('button', { name: 'Refund' }));
    expect(onOpenCase).toHaveBeenCalledWith('c3');
  });

  it('never shows a raw id: not for the case, the alert, the customer, a person or a queue it cannot name', async () => {
    const ids = ['alert-7f3a91', 'case-5d20c4', 'cust-88e1b0', 'staff-gone-1', 'staff-gone-2', 'queue-gone-9', 'case-not-held'];
    const state = consoleState();
    state.alerts = [
      anAlert({
        id: ids[0],
        caseId: ids[1],
        customerId: ids[2],
        followUpStaffId: ids[3],
        status: 'follow-up',
        case: { subject: 'Broken kettle', assigneeId: ids[4], queueId: ids[5], customerName: null },
      }),
      anAlert({ id: 'alert-2b', caseId: ids[6], queueId: ids[5], reason: 'negative-message', score: null, comment: 'Awful', case: null }),
    ];
    renderConsole({ state });
    const panel = await openTab(/^Red alerts/);
    await within(panel).findByText('Broken kettle');
    expect(cells(ids[0]).slice(0, 5)).toEqual(['Unknown customer', '2 / 10', 'Broken kettle', 'Unknown person', 'Unknown queue']);
    expect(within(row(ids[0])).getByText('Followed up by Unknown person')).toBeTruthy();
    expect(cells('alert-2b').slice(0, 5)).toEqual(['Unknown customer', 'Very negative messageAwfulCustomer\'s message', 'Case not on this workstation', 'Not known here', 'Unknown queue']);
    // Everything a person can read or hear: the text, and the names and titles of controls.
    const heard = [panel.textContent ?? '', ...[...panel.querySelectorAll('[aria-label], [title]')].flatMap((e) => [e.getAttribute('aria-label') ?? '', e.getAttribute('title') ?? ''])].join('\n');
    for (const id of [...ids, 'alert-2b']) expect(heard).not.toContain(id);
  });

  it('shows times relative and absolute in Greek, and alerts from another day with their date', async () => {
    const state = alertDay();
    state.alerts = [anAlert({ id: 'al1', raisedAt: NOW - 26 * 3_600_000 })];
    renderConsole({ state, lng: 'el' });
    const panel = await openTab(/^Κόκκινες ειδοποιήσεις/);
    await within(panel).findByText('Maria Wiśniewska');
    const absolute = new Intl.DateTimeFormat('el', { dateStyle: 'medium', timeStyle: 'short' }).format(NOW - 26 * 3_600_000);
    expect(cells('al1')[5]).toBe(`πριν από ${new Intl.NumberFormat('el', { style: 'unit', unit: 'day', unitDisplay: 'short' }).format(1)} ${new Intl.NumberFormat('el', { style: 'unit', unit: 'hour', unitDisplay: 'short' }).format(2)}${absolute}`);
  });

  it("follows its case: a move of the alert's case shows at once, other cases' changes cost no read", async () => {
    const { state, fake } = await openAlerts();
    const reads = fake.calls('alert.list').length;
    act(() => fake.emit('data.changed', { entities: { case: ['c5'] }, outbox: false }));
    state.alerts = state.alerts.map((a) => (a.id === 'al1' ? { ...a, case: { subject: 'Refund', assigneeId: 'a3', queueId: 'q-email', customerName: 'Maria Wiśniewska' } } : a));
    act(() => fake.emit('data.changed', { entities: { case: ['c3'] }, outbox: false }));
    await waitFor(() => expect(cells('al1').slice(3, 5)).toEqual(['Eleni Papadopoulou', 'Email desk']));
    expect(fake.calls('alert.list').length).toBe(reads + 1);
  });

  it('acknowledges an alert, shows it pending while the server has not answered, then acknowledged', async () => {
    const { state, fake } = await openAlerts();
    await userEvent.click(within(row('al1')).getByRole('button', { name: 'Acknowledge' }));
    await waitFor(() => expect(fake.calls('alert.acknowledge')).toEqual([{ alertId: 'al1' }]));

    // The engine queued it: the alert carries the local change and the outbox holds it.
    state.alerts = state.alerts.map((a) =>
      a.id === 'al1' ? { ...a, status: 'acknowledged' as const, acknowledgedAt: NOW, local: [{ mutationId: ACK_ID, type: 'alert.acknowledge' as const, state: 'pending' as const, reason: null, message: null }] } : a,
    );
    state.outbox = [outboxEntry({ mutation: { mutationId: ACK_ID, type: 'alert.acknowledge', alertId: 'al1', basedOn: { version: 1 } } })];
    act(() => fake.emit('data.changed', { entities: { alert: ['al1'] }, outbox: true }));
    expect(await screen.findByRole('status')).toHaveProperty('textContent', 'Waiting for the server1 action is queued and will apply when the server accepts it.');
    await waitFor(() => expect(within(row('al1')).getByText('Pending')).toBeTruthy());
    expect(cells('al1')[6]).toBe('7 min');

    // The hub accepted it.
    state.alerts = state.alerts.map((a) => (a.id === 'al1' ? { ...a, local: [], version: 2 } : a));
    state.outbox = [];
    act(() => fake.emit('data.changed', { entities: { alert: ['al1'] }, outbox: true }));
    await waitFor(() => expect(screen.queryByRole('status')).toBeNull());
    expect(within(row('al1')).queryByText('Pending')).toBeNull();
    expect(within(row('al1')).getByTestId('alert-status').textContent).toBe('Acknowledged');
    expect(within(row('al1')).queryByRole('button', { name: 'Acknowledge' })).toBeNull();
  });

  it('assigns the follow-up to someone who takes cases (not store staff)', async () => {
    const { fake } = await openAlerts();
    await userEvent.click(within(row('al1')).getByRole('button', { name: 'Assign the follow-up of Maria Wiśniewska' }));
    const menu = await screen.findByRole('menu');
    expect(within(menu).getAllByRole('menuitem').map((i) => i.textContent)).toEqual(['Anna Nowak', 'Piotr Zieliński', 'Eleni Papadopoulou', 'Sofia Supervisor']);
    await userEvent.click(within(menu).getByRole('menuitem', { name: 'Piotr Zieliński' }));
    await waitFor(() => expect(fake.calls('alert.assign')).toEqual([{ alertId: 'al1', staffId: 'a2' }]));
  });

  it('closes an alert only with an outcome, and sends it trimmed', async () => {
    const { fake } = await openAlerts();
    await userEvent.click(within(row('al2')).getByRole('button', { name: 'Close' }));
    const dialog = await screen.findByRole('dialog', { name: 'Close the alert' });
    const confirm = within(dialog).getByRole('button', { name: 'Close' });
    expect(confirm).toHaveProperty('disabled', true);
    const outcome = within(dialog).getByRole('textbox', { name: 'What was done' });
    await userEvent.type(outcome, '   ');
    expect(confirm).toHaveProperty('disabled', true);
    await userEvent.click(confirm);
    expect(fake.calls('alert.close')).toEqual([]);

    await userEvent.type(outcome, 'Called back, refund issued  ');
    await userEvent.click(within(dialog).getByRole('radio', { name: 'Recovered' }));
    expect(confirm).toHaveProperty('disabled', false);
    await userEvent.click(confirm);
    await waitFor(() => expect(fake.calls('alert.close')).toEqual([{ alertId: 'al2', result: 'recovered', outcome: 'Called back, refund issued' }]));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('cancelling the close sends nothing', async () => {
    const { fake } = await openAlerts();
    await userEvent.click(within(row('al1')).getByRole('button', { name: 'Close' }));
    const dialog = await screen.findByRole('dialog', { name: 'Close the alert' });
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'What was done' }), 'Not yet');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(fake.calls('alert.close')).toEqual([]);
  });

  it('shows a refused action with its reason, and retries or discards it', async () => {
    const state = alertDay();
    state.outbox = [
      outboxEntry({
        state: 'rejected',
        reason: 'stale',
        message: 'version 3 is current',
        mutation: { mutationId: CLOSE_ID, type: 'alert.close', alertId: 'al2', result: 'recovered', outcome: 'Done', basedOn: { version: 1 } },
      }),
    ];
    const { fake } = await openAlerts(state);
    const refused = await screen.findByRole('alert');
    expect(within(refused).getByText('Refused: closing an alert')).toBeTruthy();
    expect(within(refused).getByText('someone changed it meanwhile; look again and retry')).toBeTruthy();
    await userEvent.click(within(refused).getByRole('button', { name: 'Retry' }));
    await userEvent.click(within(refused).getByRole('button', { name: 'Discard' }));
    await waitFor(() => expect(fake.calls('outbox.discard')).toEqual([{ mutationId: CLOSE_ID }]));
    expect(fake.calls('outbox.retry')).toEqual([{ mutationId: CLOSE_ID }]);
  });

  it('says when there is no alert today', async () => {
    const state = consoleState();
    renderConsole({ state });
    const panel = await openTab('Red alerts');
    expect(await within(panel).findByText('No red alerts today.')).toBeTruthy();
    expect(screen.queryByLabelText(/open alert/)).toBeNull();
  });

  it('shows customer text literally, never as markup', async () => {
    const state = alertDay();
    state.alerts[0] = { ...state.alerts[0], comment: HOSTILE, case: { subject: HOSTILE, assigneeId: 'a1', queueId: 'q-chat', customerName: HOSTILE } };
    renderConsole({ state });
    const panel = await openTab(/^Red alerts/);
    await waitFor(() => expect(within(panel).getByRole('rowheader', { name: HOSTILE }).textContent).toBe(HOSTILE));
    expect(within(row('al1')).getByRole('button', { name: `Assign the follow-up of ${HOSTILE}` })).toBeTruthy();
    expect(within(row('al1')).getByRole('button', { name: HOSTILE }).textContent).toBe(HOSTILE);
    expect(within(row('al1')).getByTitle(HOSTILE).textContent).toBe(HOSTILE);
    expect(document.querySelector('img[src="x"]')).toBeNull();
    expect(document.querySelectorAll('script').length).toBe(0);
  });
});
