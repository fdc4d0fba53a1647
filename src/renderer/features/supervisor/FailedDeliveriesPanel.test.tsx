// @vitest-environment jsdom
import '../../test/setup';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Delivery } from '../../../shared/domain';
import type { LocalChange, OutputOf } from '../../../shared/ipc/contract';
import { delivery } from '../../../shared/testing/rows';
import { formatWhen } from '../../lib/format';
import { NOW } from '../../test/builders';
import { HOSTILE, consoleState, freezeClock, openTab, renderConsole } from '../../test/renderConsole';

freezeClock();

type FailedDelivery = OutputOf<'supervisor.failedDeliveries'>[number];

const failed = (over: Partial<Delivery> & Pick<Delivery, 'id'>, caseSubject: string | null, customerName: string | null, local: LocalChange[] = []): FailedDelivery => ({
  delivery: { ...delivery({ status: 'failed', attempts: 5, ...over }), local },
  caseSubject,
  customerName,
});

/**
 * de1: Anna's chat reply on c3 (Refund), failed 3 minutes ago; de2: the system's survey on c4, failed an hour
 * ago, no reason given; de3: Piotr's SMS on c1 whose retry waits in the outbox; de4: a reply by someone no longer
 * on staff, with a hostile reason and subject.
 */
function failures() {
  const state = consoleState();
  state.failedDeliveries = [
    failed({ id: 'de1', caseId: 'c3', channel: 'chat', authorId: 'a1', lastError: 'connector answered 400: unknown chat session', updatedAt: NOW - 3 * 60_000 }, 'Refund', 'Maria Wiśniewska'),
    failed({ id: 'de2', caseId: 'c4', channel: 'email', purpose: 'survey', authorId: null, lastError: null, updatedAt: NOW - 60 * 60_000 }, 'Invoice', 'Tom Smith'),
    failed({ id: 'de3', caseId: 'c1', channel: 'sms', authorId: 'a2', lastError: 'gateway timeout', updatedAt: NOW - 2 * 3_600_000 }, 'Broken kettle', 'Jan Kowalski', [
      { mutationId: '0190a3c2-7b1e-7c3d-8e4f-5a6b7c8d9e11', type: 'delivery.retry', state: 'pending', reason: null, message: null },
    ]),
    failed({ id: 'de4', caseId: 'c9', channel: 'social', authorId: 'gone', lastError: HOSTILE, updatedAt: NOW - 3 * 3_600_000 }, HOSTILE, null),
  ];
  return state;
}

const row = (id: string) => document.querySelector(`tr[data-delivery="${id}"]`) as HTMLElement;
/** A row's cells: case, customer, channel, reason, when, author, actions. */
const cells = (id: string) => [...row(id).children].map((cell) => cell.textContent);

describe('FailedDeliveriesPanel', () => {
  it('lists failed deliveries newest first: case, customer, channel, reason, when and who wrote it; the tab counts them', async () => {
    renderConsole({ state: failures() });
    expect(await screen.findByLabelText('4 failed deliveries')).toBeTruthy();
    const panel = await openTab(/^Failed deliveries/);
    expect([...panel.querySelectorAll('tr[data-delivery]')].map((r) => r.getAttribute('data-delivery'))).toEqual(['de1', 'de2', 'de3', 'de4']);
    expect(cells('de1')).toEqual(['Refund', 'Maria Wiśniewska', 'Chat · Reply', 'connector answered 400: unknown chat session', formatWhen('en', NOW - 3 * 60_000, NOW), 'Anna Nowak', 'Retry']);
    expect(cells('de2').slice(2, 6)).toEqual(['Email · Survey', 'No reason given', formatWhen('en', NOW - 60 * 60_000, NOW), 'The system']);
    // Text from outside is shown as text; an author not on staff by their id.
    expect(cells('de4').slice(0, 4)).toEqual([HOSTILE, 'Unknown customer', 'Social media · Reply', HOSTILE]);
    expect(cells('de4')[5]).toBe('gone');
    expect(document.querySelectorAll('script').length).toBe(0);
  });

  it('retries from the list, says when a retry waits to be sent, and opens the case', async () => {
    const { fake, onOpenCase } = renderConsole({ state: failures() });
    const panel = await openTab(/^Failed deliveries/);
    await within(panel).findByText('Refund');
    await userEvent.click(within(row('de1')).getByRole('button', { name: 'Retry the message to Maria Wiśniewska' }));
    await waitFor(() => expect(fake.calls('delivery.retry')).toEqual([{ deliveryId: 'de1' }]));
    expect(within(row('de3')).queryByRole('button', { name: /Retry/ })).toBeNull();
    expect(within(row('de3')).getByText('Retry waiting to send')).toBeTruthy();
    await userEvent.click(within(row('de2')).getByRole('button', { name: 'Invoice' }));
    expect(onOpenCase).toHaveBeenCalledWith('c4');
  });

  it('shows a refused retry with the hub’s reason', async () => {
    const state = failures();
    state.failedDeliveries[0].delivery.local = [
      { mutationId: '0190a3c2-7b1e-7c3d-8e4f-5a6b7c8d9e12', type: 'delivery.retry', state: 'rejected', reason: 'no-address', message: 'no chat handle' },
    ];
    renderConsole({ state });
    await openTab(/^Failed deliveries/);
    expect(await within(row('de1')).findByText('Retry not accepted: the customer has no address on that channel')).toBeTruthy();
    expect(within(row('de1')).getByRole('button', { name: /^Retry/ })).toBeTruthy();
  });

  it('follows the feed: a new failure appears and a delivery retried elsewhere leaves the list', async () => {
    const { state, fake } = renderConsole({ state: failures() });
    const panel = await openTab(/^Failed deliveries/);
    await within(panel).findByText('Refund');
    state.failedDeliveries = [failed({ id: 'de5', caseId: 'c2', channel: 'chat', authorId: 'a3', lastError: 'blocked by the customer', updatedAt: NOW }, 'Parcel late', 'Greta Braun'), ...state.failedDeliveries.slice(1)];
    act(() => fake.emit('data.changed', { entities: { delivery: ['de1', 'de5'] }, outbox: false }));
    await waitFor(() => expect([...panel.querySelectorAll('tr[data-delivery]')].map((r) => r.getAttribute('data-delivery'))).toEqual(['de5', 'de2', 'de3', 'de4']));
    expect(cells('de5')[5]).toBe('Eleni Papadopoulou');
  });

  it('speaks Polish, plural forms included', async () => {
    renderConsole({ lng: 'pl', state: failures() });
    expect(await screen.findByLabelText('4 nieudane doręczenia')).toBeTruthy();
    const panel = await openTab(/^Nieudane doręczenia/);
    expect(cells('de1').slice(2, 3)).toEqual(['Czat · Odpowiedź']);
    expect(within(panel).getByRole('button', { name: 'Ponów wiadomość do klienta Maria Wiśniewska' })).toBeTruthy();
  });

  it('shows an empty list plainly, with no count on the tab', async () => {
    renderConsole();
    const panel = await openTab(/^Failed deliveries/);
    expect(within(panel).getByText('No failed deliveries.')).toBeTruthy();
    expect(screen.queryByLabelText(/failed deliver/)).toBeNull();
  });
});
