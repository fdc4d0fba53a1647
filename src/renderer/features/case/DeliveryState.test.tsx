// @vitest-environment jsdom
import '../../test/setup';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Delivery } from '../../../shared/domain';
import type { LocalChange } from '../../../shared/ipc/contract';
import { delivery } from '../../../shared/testing/rows';
import { NOW, aCase, aCustomer, aMessage } from '../../test/builders';
import { renderCase } from '../../test/renderCase';

const RETRY_ID = '0190a0b0-0000-7000-8000-00000000000a';
const mine = { direction: 'outbound', authorId: 's1' } as const;
const onCase = (over: Partial<Delivery> & Pick<Delivery, 'id' | 'interactionId'>, local: LocalChange[] = []) => ({
  ...delivery({ caseId: 'c1', customerId: 'cu1', createdAt: NOW - 60_000, updatedAt: NOW - 30_000, ...over }),
  local,
});
const retryOf = (state: LocalChange['state'], reason: LocalChange['reason'] = null): LocalChange => ({
  mutationId: RETRY_ID,
  type: 'delivery.retry',
  state,
  reason,
  message: reason === null ? null : 'the hub said no',
});

/** One reply per stage, oldest first: still in my outbox, then the hub's statuses, then one that failed. */
function everyStage() {
  const timeline = [
    aMessage({ id: 'i-out', ...mine, text: 'Written offline', local: [{ mutationId: 'm-o', type: 'reply', state: 'pending', reason: null, message: null }] } as never),
    aMessage({ id: 'i-queued', ...mine, text: 'Accepted one' }),
    aMessage({ id: 'i-retrying', ...mine, text: 'Being tried again' }),
    aMessage({ id: 'i-sent', ...mine, text: 'Sent one' }),
    aMessage({ id: 'i-delivered', ...mine, text: 'Delivered one' }),
    aMessage({ id: 'i-read', ...mine, text: 'Read one' }),
    aMessage({ id: 'i-failed', ...mine, text: 'Your refund is on its way.' }),
  ];
  const deliveries = [
    onCase({ id: 'd-queued', interactionId: 'i-queued', status: 'queued' }),
    onCase({ id: 'd-retrying', interactionId: 'i-retrying', status: 'queued', attempts: 2, lastError: 'connector answered 503' }),
    onCase({ id: 'd-sent', interactionId: 'i-sent', status: 'sent', attempts: 1 }),
    // Delivered twice (resent after it was held): the newer delivery counts.
    onCase({ id: 'd-delivered-old', interactionId: 'i-delivered', status: 'failed', createdAt: NOW - 90_000, lastError: 'old' }),
    onCase({ id: 'd-delivered', interactionId: 'i-delivered', status: 'delivered', attempts: 1 }),
    onCase({ id: 'd-read', interactionId: 'i-read', status: 'read', attempts: 1 }),
    onCase({ id: 'd-failed', interactionId: 'i-failed', status: 'failed', attempts: 5, lastError: 'the gateway refused the number (400)' }),
  ];
  return { timeline, deliveries };
}

const bubble = (text: string) => screen.getByText(text).closest('article') as HTMLElement;
const stateOf = (text: string) => bubble(text).querySelector('[data-delivery-state]');

describe('delivery state in the timeline', () => {
  it('shows where each reply stands, in words with an icon, from the outbox to read or failed', async () => {
    renderCase(everyStage());
    await screen.findByText('Read one');
    expect(within(bubble('Written offline')).getByText('Waiting to send (it goes out when the connection is back)')).toBeTruthy();
    const shown = (text: string) => [stateOf(text)?.getAttribute('data-delivery-state'), stateOf(text)?.textContent];
    expect(shown('Accepted one')).toEqual(['queued', 'Accepted by the server']);
    expect(shown('Being tried again')).toEqual(['queued', 'Accepted by the server · tried 2 times, trying again']);
    expect(shown('Sent one')).toEqual(['sent', "Sent to the customer's channel"]);
    expect(shown('Delivered one')).toEqual(['delivered', 'Delivered']);
    expect(shown('Read one')).toEqual(['read', 'Read']);
    // The icon is decoration: the words carry the state.
    expect(stateOf('Read one')?.querySelector('svg')?.getAttribute('aria-hidden')).toBe('true');

    const failed = bubble('Your refund is on its way.');
    expect(within(failed).getByRole('alert').textContent).toContain('Not delivered');
    expect(within(failed).getByText('the gateway refused the number (400)')).toBeTruthy();
    expect(within(failed).getByRole('button', { name: 'Retry' })).toBeTruthy();
  });

  it('retries a failed reply from the keyboard', async () => {
    const { fake } = renderCase(everyStage());
    await screen.findByText('Read one');
    const retry = within(bubble('Your refund is on its way.')).getByRole('button', { name: 'Retry' });
    retry.focus();
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(fake.calls('delivery.retry')).toEqual([{ deliveryId: 'd-failed' }]));
  });

  it('sends another way: the composer opens on the chosen channel with the text, keeping what was drafted', async () => {
    renderCase(everyStage());
    const box = (await screen.findByLabelText('Reply by Chat')) as HTMLTextAreaElement;
    await userEvent.type(box, 'Hello Jan,');
    const failed = bubble('Your refund is on its way.');
    await userEvent.click(within(failed).getByRole('button', { name: 'Send another way' }));
    // Chat failed: the other channels this customer can be answered on (an email address and a phone are known;
    // the video platform reaches them by their email).
    const choices = await screen.findAllByRole('menuitem');
    expect(choices.map((c) => c.textContent)).toEqual(['Email', 'Video chat', 'SMS']);
    await userEvent.click(screen.getByRole('menuitem', { name: 'SMS' }));
    const sms = (await screen.findByLabelText('Reply by SMS')) as HTMLTextAreaElement;
    expect(sms.value).toBe('Hello Jan,\n\nYour refund is on its way.');
    expect((screen.getByLabelText('Send by') as HTMLSelectElement).value).toBe('sms');
  });

  it('offers another way for a reply the hub refused for want of an address on its channel', async () => {
    const refused: LocalChange = { mutationId: '0190a0b0-0000-7000-8000-00000000000b', type: 'reply', state: 'rejected', reason: 'no-address', message: 'no chat handle' };
    renderCase({ timeline: [aMessage({ id: 'r', ...mine, text: 'Your parcel left today.', local: [refused] } as never)] });
    const box = (await screen.findByText('Your parcel left today.')).closest('article') as HTMLElement;
    expect(within(box).getByText('The customer has no address on this channel (no email, phone number or account there). Add one to their record, or reply on another channel.')).toBeTruthy();
    await userEvent.click(within(box).getByRole('button', { name: 'Send another way' }));
    await userEvent.click(await screen.findByRole('menuitem', { name: 'Email' }));
    expect(((await screen.findByLabelText('Reply by Email')) as HTMLTextAreaElement).value).toBe('Your parcel left today.');
  });

  it('never offers a channel the hub would refuse for want of an address', async () => {
    // The case also came in on social, but the customer's record holds no social handle.
    const kase = aCase({ channels: ['chat', 'social'], lastChannel: 'chat' });
    renderCase({ ...everyStage(), kase, customer: aCustomer({ phones: [] }) });
    await screen.findByText('Read one');
    await userEvent.click(within(bubble('Your refund is on its way.')).getByRole('button', { name: 'Send another way' }));
    expect((await screen.findAllByRole('menuitem')).map((c) => c.textContent)).toEqual(['Email']);
  });

  it('offers only Retry for a survey that failed', async () => {
    const { timeline, deliveries } = everyStage();
    renderCase({ timeline, deliveries: deliveries.map((d) => (d.id === 'd-failed' ? { ...d, purpose: 'survey' as const, authorId: null } : d)) });
    await screen.findByText('Read one');
    const failed = bubble('Your refund is on its way.');
    expect(within(failed).getByRole('button', { name: 'Retry' })).toBeTruthy();
    expect(within(failed).queryByRole('button', { name: 'Send another way' })).toBeNull();
  });

  it('offers no other way when the customer can be answered on no other channel', async () => {
    renderCase({ ...everyStage(), kase: aCase({ channels: ['chat'], lastChannel: 'chat' }), customer: aCustomer({ emails: [], phones: [] }) });
    await screen.findByText('Read one');
    const failed = bubble('Your refund is on its way.');
    expect(within(failed).getByRole('button', { name: 'Retry' })).toBeTruthy();
    expect(within(failed).queryByRole('button', { name: 'Send another way' })).toBeNull();
  });

  it('shows a retry waiting in the outbox, and a refused one with the hub’s reason and a way to dismiss it', async () => {
    const { timeline } = everyStage();
    const { fake } = renderCase({
      timeline,
      deliveries: [
        onCase({ id: 'd-queued', interactionId: 'i-queued', status: 'queued', lastError: null }, [retryOf('pending')]),
        onCase({ id: 'd-failed', interactionId: 'i-failed', status: 'failed', lastError: 'no such number' }, [retryOf('rejected', 'no-address')]),
      ],
    });
    await screen.findByText('Accepted one');
    expect(stateOf('Accepted one')?.textContent).toBe('Retry waiting to send (it goes out when the connection is back)');
    const failed = bubble('Your refund is on its way.');
    expect(within(failed).getByText('Your retry was not accepted: The customer has no address on this channel (no email, phone number or account there). Add one to their record, or reply on another channel.')).toBeTruthy();
    await userEvent.click(within(failed).getByRole('button', { name: 'Dismiss' }));
    await waitFor(() => expect(fake.calls('outbox.discard')).toEqual([{ mutationId: RETRY_ID }]));
  });

  it('follows the feed live: a receipt turns the bubble to Delivered', async () => {
    const stage = everyStage();
    const { fake } = renderCase(stage);
    await screen.findByText('Sent one');
    stage.deliveries[2] = onCase({ id: 'd-sent', interactionId: 'i-sent', status: 'delivered', attempts: 1, version: 2 });
    act(() => fake.emit('data.changed', { entities: { delivery: ['d-sent'] }, outbox: false }));
    await waitFor(() => expect(stateOf('Sent one')?.textContent).toBe('Delivered'));
  });

  it('speaks Polish and Greek', async () => {
    const { i18n } = renderCase(everyStage());
    await screen.findByText('Read one');
    await act(() => i18n.changeLanguage('pl'));
    expect(stateOf('Being tried again')?.textContent).toBe('Przyjęte przez serwer · 2 próby, ponawiamy');
    expect(within(bubble('Your refund is on its way.')).getByRole('button', { name: 'Wyślij inną drogą' })).toBeTruthy();
    await act(() => i18n.changeLanguage('el'));
    expect(stateOf('Read one')?.textContent).toBe('Διαβάστηκε');
  });
});
