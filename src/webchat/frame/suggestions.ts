/**
 * Self-service first: while the visitor writes a new question, published articles that match it (in their
 * language) show under the box. "This answered my question" ends the question there (the hub counts it); asking
 * anyway sends it with the articles the visitor saw, so the agent knows what did not help.
 */
import type { SuggestedArticle } from '../../shared/protocol/webchat';
import { fill, h, uid } from './dom';
import type { I18n } from './i18n';

export interface SuggestionsView {
  readonly element: HTMLElement;
  show(articles: SuggestedArticle[]): void;
  /** Every article shown for the question being written (sent with it). */
  seen(): string[];
  /** The question was sent or answered: a new one starts from nothing. */
  reset(): void;
}

export function suggestionsView(i18n: I18n, actions: { answered(article: SuggestedArticle): void; askAnyway(): void }): SuggestionsView {
  const headingId = uid('wc-suggest');
  const heading = h('h2', { id: headingId, class: 'wc-small' });
  const list = h('ul', { class: 'wc-articles' });
  const ask = h('button', { type: 'button', class: 'secondary' });
  ask.addEventListener('click', () => actions.askAnyway());
  const element = h('section', { class: 'wc-suggest', 'aria-labelledby': headingId, hidden: true }, heading, list, ask);
  const seen = new Set<string>();
  let current: SuggestedArticle[] = [];

  function draw(): void {
    const t = i18n.t;
    fill(heading, t.suggestions);
    fill(ask, t.askAnyway);
    fill(
      list,
      ...current.map((a) => {
        const answered = h('button', { type: 'button', class: 'wc-answered', 'aria-label': t.answeredLabel(a.title) }, t.answered);
        answered.addEventListener('click', () => actions.answered(a));
        return h('li', {}, h('a', { href: a.url, target: '_blank', rel: 'noopener noreferrer' }, a.title), h('p', { class: 'wc-snippet' }, a.snippet), answered);
      }),
    );
    element.hidden = current.length === 0;
  }
  i18n.bind(draw);

  return {
    element,
    show(articles) {
      current = articles;
      for (const a of articles) seen.add(a.id);
      draw();
    },
    seen: () => [...seen].slice(0, 10),
    reset() {
      seen.clear();
      current = [];
      draw();
    },
  };
}
