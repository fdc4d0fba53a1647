// @vitest-environment jsdom
import '../../test/setup';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { NOW, aMessage } from '../../test/builders';
import { renderCase } from '../../test/renderCase';
import { LIST_GAP_PX } from './listPlacement';
import { TONE_DEBOUNCE_MS } from './useToneCheck';

/** How tall jsdom's boxes say they are (it lays nothing out): a timeline far taller than its region. */
const CONTENT_PX = 5_000;
const REGION_PX = 600;

const ANGRY = 'This is UNACCEPTABLE!!! Third time I write and nobody answers. Terrible service.';
const messages = (count: number) => Array.from({ length: count }, (_, n) => aMessage({ id: `m${n}`, text: `Message ${n}`, createdAt: NOW - (count - n) * 60_000 }));

const region = () => screen.getByRole('region', { name: 'Conversation: brief and timeline' });
const settle = () => act(() => new Promise((resolve) => setTimeout(resolve, TONE_DEBOUNCE_MS * 3)));

beforeEach(() => {
  vi.spyOn(HTMLElement.prototype, 'scrollHeight', 'get').mockReturnValue(CONTENT_PX);
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(REGION_PX);
});
afterEach(() => vi.restoreAllMocks());

describe('the case pane', () => {
  it('scrolls the brief and timeline in a region of their own; the composer, tone hint and next steps are outside it', async () => {
    renderCase({ timeline: messages(3) });
    const scroll = await waitFor(region);
    expect(scroll.style.overflowY).toBe('auto');
    expect(scroll.tabIndex).toBe(0);
    expect(within(scroll).getByRole('heading', { name: 'Timeline' })).toBeTruthy();
    // The brief is in the region, so the recap step's scrollIntoView moves the region to it.
    expect(within(scroll).getByRole('heading', { name: 'Case brief' })).toBeTruthy();
    for (const outside of ['Write a reply or a note', 'Tone hint', 'Suggested next steps']) {
      const part = screen.getByRole('region', { name: outside });
      expect(scroll.contains(part), `${outside} is outside the scrolling region`).toBe(false);
    }
    expect(scroll.contains(screen.getByLabelText('Reply by Chat'))).toBe(false);
  });

  it('opens at the newest entry', async () => {
    renderCase({ timeline: messages(60) });
    await screen.findByText('Message 59');
    expect(region().scrollTop).toBe(CONTENT_PX);
  });

  it('follows new entries while the agent is at the bottom', async () => {
    const timeline = messages(10);
    const { fake } = renderCase({ timeline });
    await screen.findByText('Message 9');
    const scroll = region();
    // Near the bottom (within a few pixels): still following.
    scroll.scrollTop = CONTENT_PX - REGION_PX - 10;
    fireEvent.scroll(scroll);
    timeline.push(aMessage({ id: 'new', text: 'One more thing', createdAt: NOW }));
    act(() => fake.emit('data.changed', { entities: { case: ['c1'] }, outbox: false }));
    await screen.findByText('One more thing');
    expect(scroll.scrollTop).toBe(CONTENT_PX);
    expect(screen.queryByRole('button', { name: 'New messages' })).toBeNull();
  });

  it('keeps an agent who scrolled up where they are and offers a "New messages" button instead', async () => {
    const timeline = messages(10);
    const { fake } = renderCase({ timeline });
    await screen.findByText('Message 9');
    const scroll = region();
    scroll.scrollTop = 200;
    fireEvent.scroll(scroll);
    timeline.push(aMessage({ id: 'new', text: 'Thanks, I will wait.', createdAt: NOW }));
    act(() => fake.emit('data.changed', { entities: { case: ['c1'] }, outbox: false }));
    await screen.findByText('Thanks, I will wait.');
    expect(scroll.scrollTop).toBe(200);
    await userEvent.click(await screen.findByRole('button', { name: 'New messages' }));
    expect(scroll.scrollTop).toBe(CONTENT_PX);
    expect(screen.queryByRole('button', { name: 'New messages' })).toBeNull();
  });

  it('opens the canned-response list upward from the composer, within the window', async () => {
    vi.spyOn(HTMLTextAreaElement.prototype, 'getBoundingClientRect').mockReturnValue(DOMRect.fromRect({ x: 300, y: 640, width: 500, height: 110 }));
    renderCase({ timeline: messages(2) });
    await userEvent.type(await screen.findByLabelText('Reply by Chat'), 'Hello /sor');
    const list = (await screen.findByRole('listbox', { name: 'Canned responses' })).parentElement as HTMLElement;
    expect(list.dataset.side).toBe('above');
    expect(list.style.position).toBe('fixed');
    // Its bottom edge just above the textarea's top, its height no more than the room above.
    expect(list.style.bottom).toBe(`${window.innerHeight - 640 + LIST_GAP_PX}px`);
    expect(parseFloat(list.style.maxHeight)).toBeLessThanOrEqual(640 - 2 * LIST_GAP_PX);
    expect(list.style.left).toBe('300px');
  });

  it('does not tone-check a /command being typed, and checks the rest of the draft', async () => {
    renderCase({ timeline: [aMessage({ text: ANGRY })] });
    const box = (await screen.findByLabelText('Reply by Chat')) as HTMLTextAreaElement;
    const humour = () => document.querySelector('[data-hint="humour-when-upset"]');

    // The same word is flagged when it is written to the customer...
    await userEvent.type(box, 'haha');
    await waitFor(() => expect(humour()).toBeTruthy(), { timeout: TONE_DEBOUNCE_MS * 10 });

    // ...but not while it is a search of canned responses: a draft of only a command shows nothing at all.
    await userEvent.clear(box);
    await userEvent.type(box, '/haha');
    await settle();
    expect(humour()).toBeNull();
    expect(screen.queryByTestId('tone-ok')).toBeNull();
    expect(screen.queryByRole('list', { name: 'What does not fit' })).toBeNull();

    // A command after other words: those are checked, the command is not.
    await userEvent.clear(box);
    await userEvent.type(box, 'it is your fault /haha');
    await waitFor(() => expect(document.querySelector('[data-hint="blaming"]')).toBeTruthy(), { timeout: TONE_DEBOUNCE_MS * 10 });
    expect(humour()).toBeNull();
    const marked = [...screen.getByTestId('draft-marked').querySelectorAll('mark')].map((m) => m.textContent ?? '');
    expect(marked.some((text) => text.includes('fault'))).toBe(true);
    expect(marked.some((text) => text.includes('haha'))).toBe(false);
  });
});
