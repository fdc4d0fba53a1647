// @vitest-environment jsdom
import '../../test/setup';
import { act, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { KbArticle } from '../../../shared/domain';
import { NOW, aMessage } from '../../test/builders';
import { renderCase } from '../../test/renderCase';
import { timelineAnchor } from './TimelineEntry';

const HOSTILE = '<img src=x onerror=alert(1)>';
const article = (id: string, title: string, language: KbArticle['language'] = 'en'): KbArticle => ({
  id,
  queueId: null,
  language,
  title,
  body: 'Body',
  tags: [],
  status: 'published',
  updatedAt: NOW,
});
const webMessage = aMessage({
  id: 'w1',
  text: 'Where is my parcel?',
  meta: {
    handle: 'web:v-1',
    pages: [
      { url: 'https://shop.example/', title: 'Shop' },
      { url: 'javascript:alert(1)', title: HOSTILE },
      { url: 'https://shop.example/delivery', title: '' },
    ],
    articlesSeen: ['kb-delivery', 'kb-gone'],
  },
});
const entry = (id: string) => document.getElementById(timelineAnchor(id)) as HTMLElement;
/** Waits for the case to show the message (its text is in the brief as well as in the timeline). */
const shown = (id: string) => waitFor(() => expect(entry(id)).not.toBeNull());
const articles = { 'reference.articles': ({ articleIds }: { articleIds: string[] }) => [article('kb-delivery', 'Delivery times'), article('kb-other', 'Other')].filter((a) => articleIds.includes(a.id)) };

describe('a web chat message in the timeline', () => {
  it('says it came through the web chat, unlike another chat message', async () => {
    renderCase({ timeline: [webMessage, aMessage({ id: 'c2', text: 'From the chat platform', meta: { handle: 'jan.k' } })], handlers: articles });
    await shown('w1');
    expect(entry('w1').getAttribute('aria-label')).toBe('Web chat message');
    expect(within(entry('w1')).getByTestId('webchat-label').textContent).toBe('Web chat');
    expect(entry('c2').getAttribute('aria-label')).toBe('Chat message');
    expect(within(entry('c2')).queryByTestId('webchat-label')).toBeNull();
  });

  it('folds the pages and articles behind a button reached from the keyboard; pages are text, never links', async () => {
    const { fake } = renderCase({ timeline: [webMessage], handlers: articles });
    await shown('w1');
    const message = entry('w1');
    expect(within(message).queryByText('Came through')).toBeNull();
    const toggle = within(message).getByRole('button', { name: 'Show the visit' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');

    toggle.focus();
    await userEvent.keyboard('{Enter}');
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const details = document.getElementById(toggle.getAttribute('aria-controls')!)!;
    expect(details.hidden).toBe(false);
    expect(within(details).getByText('Came through')).toBeTruthy();
    // Oldest first; a title as the visitor's browser gave it (markup shown as text), its address beside it.
    const pages = within(within(details).getByRole('list', { name: 'Came through' })).getAllByRole('listitem');
    expect(pages.map((p) => p.textContent)).toEqual(['Shophttps://shop.example/', `${HOSTILE}javascript:alert(1)`, 'https://shop.example/delivery']);
    expect(within(details).getByText(HOSTILE).getAttribute('title')).toBe('javascript:alert(1)');
    expect(details.querySelector('a, img, script')).toBeNull();

    // Articles by their title where held here, else by id.
    const seen = within(details).getByRole('list', { name: 'Was shown' });
    await waitFor(() => expect(within(seen).getAllByRole('listitem').map((a) => a.textContent)).toEqual(['Delivery times', 'kb-gone']));
    expect(fake.calls('reference.articles')).toEqual([{ articleIds: ['kb-delivery', 'kb-gone'] }]);

    await userEvent.keyboard(' ');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(within(message).queryByText('Came through')).toBeNull();
  });

  it('offers nothing to unfold when the visitor came with no pages and saw no article', async () => {
    const { fake } = renderCase({ timeline: [aMessage({ id: 'w2', text: 'Hi', meta: { handle: 'web:v-2' } })], handlers: articles });
    await shown('w2');
    expect(within(entry('w2')).getByTestId('webchat-label')).toBeTruthy();
    expect(within(entry('w2')).queryByRole('button', { name: 'Show the visit' })).toBeNull();
    expect(fake.calls('reference.articles')).toEqual([]);
  });

  it('speaks Polish and Greek', async () => {
    const { i18n } = renderCase({ timeline: [webMessage], handlers: articles });
    await shown('w1');
    await act(() => i18n.changeLanguage('pl'));
    await userEvent.click(within(entry('w1')).getByRole('button', { name: 'Pokaż wizytę' }));
    expect(within(entry('w1')).getByText('Odwiedzone strony')).toBeTruthy();
    expect(within(entry('w1')).getByText('Pokazane artykuły')).toBeTruthy();
    expect(within(entry('w1')).getByTestId('webchat-label').textContent).toBe('Czat na stronie');
    await act(() => i18n.changeLanguage('el'));
    expect(within(entry('w1')).getByRole('button', { name: 'Απόκρυψη της επίσκεψης' })).toBeTruthy();
    expect(within(entry('w1')).getByText('Σελίδες που επισκέφθηκε')).toBeTruthy();
  });
});
