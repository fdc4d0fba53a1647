// @vitest-environment jsdom
import '../../test/setup';
import { act, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { aMessage } from '../../test/builders';
import { renderCase } from '../../test/renderCase';
import { VISITOR_TYPING_LAPSE_MS } from './useVisitorTyping';

const fromVisitor = aMessage({ id: 'w1', text: 'Do you ship to Crete?', meta: { handle: 'web:v-1' } });
const indicator = () => screen.getByTestId('visitor-typing');

/** The case of a web chat, opened; then timeouts are faked so the lapse can be stepped through. */
async function openWebChat(timeline = [fromVisitor]) {
  const view = renderCase({ timeline });
  await waitFor(() => expect(screen.queryByTestId('visitor-typing')).not.toBeNull());
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  const say = (caseId: string, typing: boolean) => act(() => view.fake.emit('visitor.typing', { caseId, typing }));
  return { ...view, say };
}

afterEach(() => vi.useRealTimers());

describe('the web chat visitor typing', () => {
  it('shows while the hub says so, in a live region, and lapses without news', async () => {
    const { say } = await openWebChat();
    expect(indicator().getAttribute('role')).toBe('status');
    expect(indicator().textContent).toBe('');

    say('c1', true);
    expect(indicator().textContent).toBe('Jan Kowalski is typing…');
    // The visitor keeps typing: each word from the hub starts the lapse again.
    act(() => vi.advanceTimersByTime(VISITOR_TYPING_LAPSE_MS - 1_000));
    say('c1', true);
    act(() => vi.advanceTimersByTime(VISITOR_TYPING_LAPSE_MS - 1_000));
    expect(indicator().textContent).toBe('Jan Kowalski is typing…');
    act(() => vi.advanceTimersByTime(1_000));
    expect(indicator().textContent).toBe('');
  });

  it('stops at typing: false, and ignores other cases', async () => {
    const { say } = await openWebChat();
    say('c-other', true);
    expect(indicator().textContent).toBe('');
    say('c1', true);
    say('c-other', false);
    expect(indicator().textContent).toBe('Jan Kowalski is typing…');
    say('c1', false);
    expect(indicator().textContent).toBe('');
  });

  it('stops when what they typed arrives', async () => {
    const timeline = [fromVisitor];
    const { say, fake } = await openWebChat(timeline);
    say('c1', true);
    expect(indicator().textContent).toBe('Jan Kowalski is typing…');
    vi.useRealTimers();
    timeline.push(aMessage({ id: 'w2', text: 'And to Rhodes?', meta: { handle: 'web:v-1' }, createdAt: fromVisitor.createdAt + 1_000 }));
    act(() => fake.emit('data.changed', { entities: { interaction: ['w2'] }, outbox: false }));
    await waitFor(() => expect(indicator().textContent).toBe(''));
    expect(screen.getAllByText('And to Rhodes?').length).toBeGreaterThan(0);
  });

  it('is not shown on a case without web chat', async () => {
    renderCase({ timeline: [aMessage({ id: 'c2', text: 'From the chat platform', meta: { handle: 'jan.k' } })] });
    await waitFor(() => expect(screen.getAllByText('From the chat platform').length).toBeGreaterThan(0));
    expect(screen.queryByTestId('visitor-typing')).toBeNull();
  });

  it('speaks Polish and Greek', async () => {
    const { say, i18n } = await openWebChat();
    say('c1', true);
    await act(() => i18n.changeLanguage('pl'));
    expect(indicator().textContent).toBe('Jan Kowalski pisze…');
    await act(() => i18n.changeLanguage('el'));
    expect(indicator().textContent).toBe('Jan Kowalski πληκτρολογεί…');
  });
});
