// @vitest-environment jsdom
import '../../test/setup';
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { EventPayload } from '../../../shared/ipc/contract';
import { NOW, aCase, aCustomer } from '../../test/builders';
import { fakeApi, type FakeHandlers } from '../../test/fakeApi';
import { renderWithProviders } from '../../test/renderWithProviders';
import { IncomingCall } from './IncomingCall';

const customer = aCustomer();
const knownOffer: EventPayload<'call.offer'> = {
  callId: 'k1',
  phone: '+48601234567',
  customer: { id: customer.id, name: customer.name, language: customer.language },
  openCases: [aCase({ id: 'c7', subject: 'Broken kettle' })],
  caseId: 'c7',
  at: NOW,
};
const unknownOffer: EventPayload<'call.offer'> = { callId: 'k2', phone: '+48700100200', customer: null, openCases: [], caseId: null, at: NOW };

/** The banner beside a reply being typed, as in the workspace. */
function setup(handlers: FakeHandlers = {}) {
  const fake = fakeApi({
    'call.respond': ({ action }) => ({ state: action === 'answer' ? 'answered' : action === 'hangup' ? 'ended' : 'ringing' }),
    'case.note': () => ({ mutationId: 'm1', state: 'pending' }),
    'customer.create': () => ({ mutationId: 'm2', state: 'pending' }),
    ...handlers,
  });
  const onOpenCase = vi.fn();
  const onOpenCustomer = vi.fn();
  const view = renderWithProviders(
    <>
      <textarea aria-label="Reply" />
      <IncomingCall onOpenCase={onOpenCase} onOpenCustomer={onOpenCustomer} />
    </>,
    { fake },
  );
  const composer = screen.getByLabelText('Reply') as HTMLTextAreaElement;
  return { ...view, onOpenCase, onOpenCustomer, composer };
}

const alt = (target: Element, code: string) => fireEvent.keyDown(target, { key: code.slice(3).toLowerCase(), code, altKey: true });

afterEach(() => {
  vi.useRealTimers();
});

describe('IncomingCall', () => {
  it('rings as a banner that leaves focus where the agent is typing, with the caller and their open cases one click away', async () => {
    const { fake, composer, onOpenCase, onOpenCustomer } = setup();
    expect(screen.queryByTestId('call-banner')).toBeNull();
    await userEvent.type(composer, 'Dear Jan');
    act(() => fake.emit('call.offer', knownOffer));
    expect((await screen.findByRole('status')).textContent).toBe('Incoming call: Jan Kowalski');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(composer);
    await userEvent.keyboard(', your kettle');
    expect(composer.value).toBe('Dear Jan, your kettle');

    expect(screen.getByRole('button', { name: /Answer/ }).getAttribute('aria-keyshortcuts')).toBe('Alt+A');
    expect(screen.getByRole('button', { name: /Decline/ }).textContent).toContain('Alt+D');
    await userEvent.click(screen.getByRole('button', { name: "Open Jan Kowalski's record" }));
    expect(onOpenCustomer).toHaveBeenCalledWith(customer.id);
    await userEvent.click(screen.getByText('Broken kettle'));
    expect(onOpenCase).toHaveBeenCalledWith('c7');
    expect(screen.getByTestId('call-banner')).toBeTruthy();
  });

  it('is answered with Alt+A from the composer, keeps the focus there, and times the call', async () => {
    vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'] });
    const { fake, composer } = setup();
    composer.focus();
    act(() => fake.emit('call.offer', knownOffer));
    await screen.findByRole('status');
    alt(composer, 'KeyA');
    expect(await screen.findByText('On a call with Jan Kowalski')).toBeTruthy();
    expect(fake.calls('call.respond')).toEqual([{ callId: 'k1', action: 'answer' }]);
    expect(document.activeElement).toBe(composer);
    expect(screen.getByRole('timer').textContent).toBe('0:00');
    act(() => vi.advanceTimersByTime(65_000));
    expect(screen.getByRole('timer').textContent).toBe('1:05');
    expect(screen.queryByRole('button', { name: /Answer/ })).toBeNull();
    expect(screen.getByRole('button', { name: /Hang up/ }).getAttribute('aria-keyshortcuts')).toBe('Alt+H');
  });

  it('goes when declined, and when the hub hands the call on to someone else', async () => {
    const { fake } = setup();
    act(() => fake.emit('call.offer', knownOffer));
    await userEvent.click(await screen.findByRole('button', { name: /Decline/ }));
    await waitFor(() => expect(screen.queryByTestId('call-banner')).toBeNull());
    expect(fake.calls('call.respond')).toEqual([{ callId: 'k1', action: 'decline' }]);

    act(() => fake.emit('call.offer', { ...knownOffer, callId: 'k3' }));
    await screen.findByRole('status');
    act(() => fake.emit('call.update', { callId: 'k3', state: 'ringing', staffId: 'a2' }));
    expect(screen.queryByTestId('call-banner')).toBeNull();
  });

  it('says why when the hub refuses an answer, and stays', async () => {
    const { fake } = setup({ 'call.respond': () => ({ ok: false, error: { code: 'forbidden', message: 'call k1 is not ringing for you' } }) });
    act(() => fake.emit('call.offer', knownOffer));
    await userEvent.click(await screen.findByRole('button', { name: /Answer/ }));
    expect((await screen.findByRole('alert')).textContent).toBeTruthy();
    expect(screen.getByText('Incoming call: Jan Kowalski')).toBeTruthy();
  });

  it('after hanging up, saves the outcome and notes as a note on the call’s case', async () => {
    vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'] });
    const { fake, composer } = setup();
    act(() => fake.emit('call.offer', knownOffer));
    await userEvent.click(await screen.findByRole('button', { name: /Answer/ }));
    await screen.findByRole('timer');
    act(() => vi.advanceTimersByTime(125_000));
    alt(composer, 'KeyH');
    const form = await screen.findByRole('form', { name: 'Wrap-up: call with Jan Kowalski' });
    expect(form.textContent).toContain('Lasted 2:05');
    await userEvent.selectOptions(screen.getByLabelText('Outcome'), 'needs follow-up');
    await userEvent.type(screen.getByLabelText('Notes'), 'Promised a refund by Friday');
    await userEvent.click(screen.getByRole('button', { name: 'Save wrap-up' }));
    await waitFor(() => expect(fake.calls('case.note')).toEqual([{ caseId: 'c7', text: 'Phone call (2:05): needs follow-up. Promised a refund by Friday' }]));
    await waitFor(() => expect(screen.queryByTestId('call-banner')).toBeNull());
  });

  it('waits for the case of a caller who had none before the wrap-up can be saved', async () => {
    const { fake } = setup();
    act(() => fake.emit('call.offer', unknownOffer));
    await userEvent.click(await screen.findByRole('button', { name: /Answer/ }));
    await screen.findByRole('timer');
    act(() => fake.emit('call.update', { callId: 'k2', state: 'ended', staffId: 'a1', caseId: null }));
    const save = await screen.findByRole('button', { name: 'Save wrap-up' });
    expect((save as HTMLButtonElement).disabled).toBe(true);
    act(() => fake.emit('call.update', { callId: 'k2', state: 'ended', staffId: 'a1', caseId: 'c9' }));
    await waitFor(() => expect((screen.getByRole('button', { name: 'Save wrap-up' }) as HTMLButtonElement).disabled).toBe(false));
    await userEvent.click(screen.getByRole('button', { name: 'Save wrap-up' }));
    await waitFor(() => expect(fake.calls('case.note')).toEqual([{ caseId: 'c9', text: expect.stringMatching(/^Phone call \(\d+:\d\d\): resolved\.$/) }]));
  });

  it('offers to find or add an unknown caller, with the number filled in', async () => {
    const { fake } = setup();
    act(() => fake.emit('call.offer', unknownOffer));
    expect((await screen.findByRole('status')).textContent).toBe('Incoming call: +48700100200');
    await userEvent.click(screen.getByRole('button', { name: 'Find or add the caller' }));
    await userEvent.click(await screen.findByRole('button', { name: 'New customer with this number' }));
    expect((screen.getByLabelText('Phone numbers') as HTMLTextAreaElement).value).toBe('+48700100200');
    await userEvent.type(screen.getByLabelText(/^Name/), 'Olga Nowak');
    await userEvent.click(screen.getByRole('button', { name: 'Create customer' }));
    await waitFor(() => expect(fake.calls('customer.create')).toEqual([{ name: 'Olga Nowak', phones: ['+48700100200'], emails: [], language: 'en' }]));
  });
});
