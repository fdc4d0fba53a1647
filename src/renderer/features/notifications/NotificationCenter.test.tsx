// @vitest-environment jsdom
import '../../test/setup';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_NOTIFICATION_SETTINGS, NotificationSettingsSchema, type NotificationSettings } from '../../../shared/domain/preferences';
import type { EventPayload } from '../../../shared/ipc/contract';
import { aCase } from '../../test/builders';
import { fakeApi } from '../../test/fakeApi';
import { renderWithProviders } from '../../test/renderWithProviders';
import { NotificationCenter } from './NotificationCenter';

const HOSTILE = '<img src=x onerror=alert(1)>';

function setup(lng: 'en' | 'pl' | 'el' = 'en', { openCaseId = null as string | null, settings = DEFAULT_NOTIFICATION_SETTINGS } = {}) {
  const onOpenCase = vi.fn();
  let kept: NotificationSettings = settings;
  const fake = fakeApi({
    'notifications.settings': () => kept,
    'notifications.saveSettings': (next) => (kept = NotificationSettingsSchema.parse(next)),
  });
  const view = renderWithProviders(<NotificationCenter onOpenCase={onOpenCase} openCaseId={openCaseId} />, { fake, lng });
  const failed = (payload: EventPayload<'delivery.failed'>) => act(() => view.fake.emit('delivery.failed', payload));
  const assigned = (id: string, customerName: string | null) =>
    act(() => view.fake.emit('assignment.new', { case: aCase({ id, subject: `Case ${id}` }), customerName }));
  return { ...view, onOpenCase, failed, assigned, kept: () => kept };
}

const bell = () => screen.getByTestId('bell');

/** Web Audio is missing from jsdom: a stand-in that records the tones started. */
function recordTones() {
  const started: number[] = [];
  class FakeAudioContext {
    currentTime = 0;
    destination = {};
    createOscillator() {
      const osc = { type: '', frequency: { value: 0 }, connect: (n: unknown) => n, start: () => started.push(osc.frequency.value), stop: () => {} };
      return osc;
    }
    createGain() {
      return { gain: { setValueAtTime: () => {}, exponentialRampToValueAtTime: () => {} }, connect: (n: unknown) => n };
    }
  }
  vi.stubGlobal('AudioContext', FakeAudioContext);
  return started;
}
afterEach(() => vi.unstubAllGlobals());

const refund: EventPayload<'delivery.failed'> = {
  failure: { deliveryId: 'de1', caseId: 'c7', interactionId: 'in9', channel: 'sms', error: 'the gateway refused the number (400)' },
  caseSubject: 'Refund for order 1182',
  customerName: 'Maria Wiśniewska',
};

describe('NotificationCenter: failed deliveries', () => {
  it('tells which case, what failed and why, and opens the case', async () => {
    const { failed, onOpenCase } = setup();
    failed(refund);
    const notice = screen.getByRole('alert');
    expect(within(notice).getByText('Message not delivered')).toBeTruthy();
    expect(within(notice).getByText('A message to Maria Wiśniewska by SMS could not be delivered: the gateway refused the number (400)')).toBeTruthy();
    expect(within(notice).getByText('Case: Refund for order 1182')).toBeTruthy();
    await userEvent.click(within(notice).getByRole('button', { name: 'Open case' }));
    expect(onOpenCase).toHaveBeenCalledWith('c7');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('takes each delivery once, groups two into one that stays until dismissed, and shows outside text literally', async () => {
    const { failed } = setup();
    failed(refund);
    failed(refund);
    expect(screen.getAllByRole('alert')).toHaveLength(1);
    failed({ failure: { ...refund.failure, deliveryId: 'de2', channel: 'chat', error: HOSTILE }, caseSubject: null, customerName: null });
    const group = screen.getByRole('alert');
    expect(within(group).getByText('2 messages not delivered')).toBeTruthy();
    expect(within(group).getByText('About Maria Wiśniewska and a customer.')).toBeTruthy();
    await userEvent.click(within(group).getByRole('button', { name: 'Show all' }));
    expect(screen.getByText(`A message to a customer by Chat could not be delivered: ${HOSTILE}`)).toBeTruthy();
    expect(document.querySelector('img')).toBeNull();
    await userEvent.click(within(group).getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('speaks Greek', () => {
    setup('el').failed(refund);
    expect(within(screen.getByRole('alert')).getByText('Το μήνυμα δεν παραδόθηκε')).toBeTruthy();
    expect(within(screen.getByRole('alert')).getByText('Υπόθεση: Refund for order 1182')).toBeTruthy();
  });
});

describe('NotificationCenter: the bell, grouping and what is left out', () => {
  it('counts unread notices in the bell’s name, lists this session’s newest first, and each opens its case', async () => {
    const { assigned, onOpenCase } = setup();
    expect(bell().getAttribute('aria-label')).toBe('Notifications');
    assigned('c1', 'Maria Wiśniewska');
    assigned('c2', 'Jan Kowalski');
    expect(bell().getAttribute('aria-label')).toBe('Notifications, 2 unread');
    await userEvent.click(bell());
    expect(bell().getAttribute('aria-label')).toBe('Notifications');
    const history = screen.getByRole('list', { name: 'Notifications of this session, newest first' });
    const items = within(history).getAllByRole('button');
    expect(items.map((b) => b.textContent)).toEqual([
      expect.stringContaining('A case of Jan Kowalski was assigned to you.'),
      expect.stringContaining('A case of Maria Wiśniewska was assigned to you.'),
    ]);
    await userEvent.click(items[1]!);
    expect(onOpenCase).toHaveBeenCalledWith('c1');
  });

  it('groups several notices of one kind into one, placed below the header and not at the bottom', async () => {
    const { assigned, failed } = setup('pl');
    assigned('c1', 'Maria Wiśniewska');
    assigned('c2', 'Jan Kowalski');
    assigned('c3', null);
    failed(refund);
    const toasts = screen.getByRole('region', { name: 'Powiadomienia' });
    expect(toasts.style.top).not.toBe('');
    expect(toasts.style.bottom).toBe('');
    const group = within(toasts).getByRole('status');
    expect(within(group).getByText('3 nowe sprawy dla Ciebie')).toBeTruthy();
    expect(within(group).getByText('Dotyczy: Maria Wiśniewska, Jan Kowalski i klient.')).toBeTruthy();
    expect(within(toasts).getAllByRole('alert')).toHaveLength(1);
    await userEvent.click(within(group).getByRole('button', { name: 'Pokaż wszystkie' }));
    expect(within(screen.getByRole('list', { name: 'Powiadomienia tej sesji, od najnowszych' })).getAllByRole('listitem')).toHaveLength(4);
  });

  it('raises nothing for the case already open: no notice on screen, no sound, not unread, but kept in the history', async () => {
    const tones = recordTones();
    const { assigned } = setup('en', { openCaseId: 'c1' });
    await waitFor(() => expect(screen.getByTestId('bell')).toBeTruthy());
    assigned('c1', 'Maria Wiśniewska');
    expect(screen.queryByRole('region', { name: 'Notifications' })).toBeNull();
    expect(tones).toEqual([]);
    expect(bell().getAttribute('aria-label')).toBe('Notifications');
    assigned('c2', 'Jan Kowalski');
    expect(screen.getByRole('status').textContent).toContain('Jan Kowalski');
    expect(tones).toHaveLength(1);
    await userEvent.click(bell());
    expect(within(screen.getByRole('list', { name: /newest first/ })).getAllByRole('listitem')).toHaveLength(2);
  });

  it('plays a tone per kind as set, and saves a changed setting', async () => {
    const tones = recordTones();
    const { assigned, failed, fake, kept } = setup('en', { settings: { ...DEFAULT_NOTIFICATION_SETTINGS, delivery: { sound: false, os: true } } });
    await waitFor(() => expect(fake.calls('notifications.settings')).toHaveLength(1));
    await act(async () => {});
    failed(refund);
    expect(tones).toEqual([]);
    assigned('c1', 'Maria Wiśniewska');
    expect(tones).toHaveLength(1);

    await userEvent.click(bell());
    await userEvent.click(screen.getByRole('button', { name: 'Settings' }));
    const dialog = screen.getByRole('dialog', { name: 'Notification settings' });
    const sound = within(dialog).getByRole('switch', { name: 'Sound for New cases for you' });
    expect((sound as HTMLInputElement).checked).toBe(true);
    await userEvent.click(sound);
    await userEvent.click(within(dialog).getByRole('switch', { name: 'System notification for Red alerts' }));
    await waitFor(() => expect(kept().assignment).toEqual({ sound: false, os: true }));
    expect(kept().alert).toEqual({ sound: true, os: false });
    assigned('c2', 'Jan Kowalski');
    expect(tones).toHaveLength(1);
  });
});
