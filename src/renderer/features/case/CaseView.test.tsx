// @vitest-environment jsdom
import '../../test/setup';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { HeldReply } from '../../../shared/domain';
import type { LocalChange } from '../../../shared/ipc/contract';
import { NOW, aMessage } from '../../test/builders';
import { renderCase } from '../../test/renderCase';
import { TONE_DEBOUNCE_MS } from './useToneCheck';
import { VIEWING_SETTLE_MS } from '../presence/usePresence';

const HOSTILE = '<script>alert(1)</script>';
const pending = (mutationId: string): LocalChange => ({ mutationId, type: 'reply', state: 'pending', reason: null, message: null });

function timeline() {
  return [
    aMessage({ id: 'chat', kind: 'chat', text: `My phone screen is cracked ${HOSTILE}`, createdAt: NOW - 50 * 60_000 }),
    aMessage({ id: 'email', kind: 'email', subject: 'Receipt attached', text: 'Here is the receipt.', meta: { address: 'jan@example.pl' }, createdAt: NOW - 40 * 60_000 }),
    aMessage({
      id: 'phone',
      kind: 'phone',
      text: '',
      meta: { durationSec: 320, outcome: 'follow-up', notes: 'Customer wants an exchange.' },
      createdAt: NOW - 30 * 60_000,
    }),
    aMessage({
      id: 'video',
      kind: 'video',
      text: '',
      meta: { sessionLengthSec: 900, summary: 'We will reserve a replacement at the Mokotów store.', notes: 'Bring the receipt.' },
      createdAt: NOW - 20 * 60_000,
    }),
    aMessage({ id: 'store', kind: 'store', direction: 'outbound', authorId: 's2', text: 'Customer came in.', meta: { storeId: 'st1', staffId: 's2' }, createdAt: NOW - 10 * 60_000 }),
    aMessage({ id: 'note', kind: 'note', direction: 'internal', authorId: 's1', text: 'VIP customer.', createdAt: NOW - 5 * 60_000 }),
  ];
}

function setup(over: { timeline?: ReturnType<typeof timeline>; held?: HeldReply[]; angry?: boolean } = {}) {
  return renderCase({ timeline: over.timeline ?? timeline(), held: over.held });
}

const entry = (kind: string) => document.querySelector(`article[data-kind="${kind}"]`) as HTMLElement;

describe('CaseView', () => {
  it('renders each interaction for its kind, customer text literally', async () => {
    setup();
    await screen.findByRole('heading', { name: 'Cracked screen' });
    await waitFor(() => expect(within(entry('store')).getByText('Visit at Mokotów, Warszawa, served by Piotr Zieliński')).toBeTruthy());
    expect(within(entry('chat')).getByText(`My phone screen is cracked ${HOSTILE}`)).toBeTruthy();
    expect(document.querySelectorAll('script').length).toBe(0);
    expect(within(entry('email')).getByText('Receipt attached')).toBeTruthy();
    expect(within(entry('phone')).getByText('Call, 5 min · needs follow-up')).toBeTruthy();
    expect(within(entry('phone')).getByText('Customer wants an exchange.')).toBeTruthy();
    expect(within(entry('video')).getByText('Video session, 15 min')).toBeTruthy();
    expect(within(entry('video')).getByText('We will reserve a replacement at the Mokotów store.')).toBeTruthy();
    expect(within(entry('note')).getByText('Internal note by Anna Nowak')).toBeTruthy();
  });

  it('puts a brief on top: what was asked, promised and is still open', async () => {
    setup();
    const brief = (await screen.findByRole('heading', { name: 'Case brief' })).closest('section') as HTMLElement;
    expect(within(brief).getByText(`My phone screen is cracked ${HOSTILE}`)).toBeTruthy();
    expect(within(brief).getByText('We will reserve a replacement at the Mokotów store.')).toBeTruthy();
    expect(within(brief).getByText('We promised (1)')).toBeTruthy();
  });

  it('sends a reply on the chosen channel with Ctrl+Enter, and a note in note mode', async () => {
    const { fake } = setup();
    const box = await screen.findByLabelText('Reply by Chat');
    await userEvent.type(box, 'We are on it.');
    await userEvent.keyboard('{Control>}{Enter}{/Control}');
    await waitFor(() => expect(fake.calls('case.reply')).toEqual([{ caseId: 'c1', channel: 'chat', text: 'We are on it.' }]));
    expect((box as HTMLTextAreaElement).value).toBe('');

    await userEvent.click(screen.getByText('Internal note'));
    const note = await screen.findByLabelText('Internal note (only staff see it)');
    await userEvent.type(note, 'Checked stock.');
    await userEvent.click(screen.getByRole('button', { name: 'Add note' }));
    await waitFor(() => expect(fake.calls('case.note')).toEqual([{ caseId: 'c1', text: 'Checked stock.' }]));
  });

  it('searches canned responses with / and inserts the chosen one', async () => {
    setup();
    const box = (await screen.findByLabelText('Reply by Chat')) as HTMLTextAreaElement;
    await userEvent.type(box, 'Hello /del');
    const list = await screen.findByRole('listbox', { name: 'Canned responses' });
    expect(within(list).getByRole('option', { selected: true }).textContent).toContain('Apology for the delay');
    await userEvent.keyboard('{Enter}');
    expect(box.value).toBe('Hello I am sorry for the delay.');
    expect(screen.queryByRole('listbox')).toBeNull();
  });

  it('shows tone hints for the draft, translated, with the words highlighted', async () => {
    setup({ timeline: [aMessage({ text: 'This is UNACCEPTABLE!!! Third time I write and nobody answers. Terrible service.' })] });
    const box = await screen.findByLabelText('Reply by Chat');
    await userEvent.type(box, 'haha calm down, it is your fault');
    await waitFor(() => expect(document.querySelector('[data-hint="humour-when-upset"]')).toBeTruthy(), { timeout: TONE_DEBOUNCE_MS * 10 });
    expect(screen.getByText(/"haha" can read as not taking them seriously/)).toBeTruthy();
    expect(within(screen.getByTestId('draft-marked')).getByText('haha').tagName).toBe('MARK');
    expect(document.querySelector('[data-tone]')?.getAttribute('data-tone')).toBe('serious');
  });

  it('shows pending, held and rejected states with what can be done', async () => {
    const rejected: LocalChange = { mutationId: '0190a0b0-0000-7000-8000-000000000001', type: 'reply', state: 'rejected', reason: 'forbidden', message: 'not yours' };
    const heldChange: LocalChange = { mutationId: '0190a0b0-0000-7000-8000-000000000002', type: 'reply', state: 'held', reason: null, message: null };
    const held: HeldReply = { id: 'h1', caseId: 'c1', authorId: 's1', channel: 'chat', text: 'Held text', subject: null, reason: 'newer-message', status: 'held', createdAt: NOW, resolvedAt: null };
    const { fake } = setup({
      timeline: [
        aMessage({ id: 'p', direction: 'outbound', authorId: 's1', text: 'Pending text', local: [pending('m-p')] } as never),
        aMessage({ id: 'r', direction: 'outbound', authorId: 's1', text: 'Rejected text', local: [rejected] } as never),
        aMessage({ id: 'h', direction: 'outbound', authorId: 's1', text: 'Held text', local: [heldChange] } as never),
        aMessage({ id: 's', direction: 'outbound', authorId: 's1', text: 'Sent text' }),
      ],
      held: [held],
    });
    await screen.findByText('Pending text');
    expect(within(entry('chat').closest('ol')!).getByText('Waiting to send (it goes out when the connection is back)')).toBeTruthy();
    const rejectedBox = screen.getByText('Rejected text').closest('article') as HTMLElement;
    expect(within(rejectedBox).getByText('You may not do this on this case. Keep it as a note or discard it.')).toBeTruthy();
    await userEvent.click(within(rejectedBox).getByRole('button', { name: 'Keep as internal note' }));
    await waitFor(() => expect(fake.calls('outbox.discard')).toEqual([{ mutationId: rejected.mutationId }]));
    expect(fake.calls('case.note')).toEqual([{ caseId: 'c1', text: 'Rejected text' }]);

    const heldBox = screen.getByText('Held text').closest('article') as HTMLElement;
    expect(within(heldBox).getByText(/The customer got a newer message/)).toBeTruthy();
    await userEvent.click(within(heldBox).getByRole('button', { name: 'Send anyway' }));
    await waitFor(() => expect(fake.calls('held.resolve')).toEqual([{ heldId: 'h1', action: 'resend' }]));
    expect(within(screen.getByText('Sent text').closest('article') as HTMLElement).getByText('Sent')).toBeTruthy();
  });

  it('tells colleagues I am viewing and typing, shows who else is there, and leaves on close', async () => {
    const { fake, unmount } = setup();
    await waitFor(() => expect(fake.calls('presence.set')).toEqual([{ caseId: 'c1', state: 'viewing' }]));
    act(() => fake.emit('presence.update', { caseId: 'c1', present: [{ caseId: 'c1', staffId: 's9', name: 'Ola', state: 'typing', at: NOW }] }));
    expect(await screen.findByText('Ola is typing a reply')).toBeTruthy();
    await userEvent.type(await screen.findByLabelText('Reply by Chat'), 'Hi');
    expect(fake.calls('presence.set')).toContainEqual({ caseId: 'c1', state: 'typing' });
    unmount();
    expect(fake.calls('presence.set').at(-1)).toEqual({ caseId: 'c1', state: 'none' });
  });

  it('typing at once after opening is not taken back by a late viewing (the customer chat keeps showing it)', async () => {
    const { fake } = setup();
    await userEvent.type(await screen.findByLabelText('Reply by Chat'), 'Hi');
    await new Promise((r) => setTimeout(r, VIEWING_SETTLE_MS + 100));
    expect(fake.calls('presence.set')).toEqual([{ caseId: 'c1', state: 'typing' }]);
  });

  it('says nothing about a case passed over quickly (j/k through the inbox costs the hub no requests)', async () => {
    const { fake, unmount } = setup();
    await screen.findByLabelText('Reply by Chat');
    unmount();
    await new Promise((r) => setTimeout(r, VIEWING_SETTLE_MS + 100));
    expect(fake.calls('presence.set')).toEqual([]);
  });

  it('closes with Esc, but Esc in the canned list only closes the list', async () => {
    const { onClose } = setup();
    const box = await screen.findByLabelText('Reply by Chat');
    await userEvent.type(box, '/');
    await screen.findByRole('listbox');
    fireEvent.keyDown(box, { key: 'Escape' });
    expect(screen.queryByRole('listbox')).toBeNull();
    expect(onClose).not.toHaveBeenCalled();
    fireEvent.keyDown(box, { key: 'Escape' });
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('shows what is cached of a case whose older history is still loading, and says so', async () => {
    renderCase({ timeline: [aMessage({ id: 'late', text: 'Is my refund through?', createdAt: NOW - 60_000 })], history: 'loading' });
    expect(await screen.findByText('Loading older history…')).toBeTruthy();
    expect(screen.getAllByText('Is my refund through?').length).toBeGreaterThan(0);
  });

  it('says when older history cannot load now (offline)', async () => {
    renderCase({ timeline: [aMessage({ id: 'late', text: 'Is my refund through?' })], history: 'missing' });
    expect(await screen.findByText(/Older history is not on this computer/)).toBeTruthy();
  });
});
