// @vitest-environment jsdom
import axe from 'axe-core';
import { describe, expect, it } from 'vitest';
import type { Lang } from '../../shared/domain';
import type { RouteAnswer } from '../http/httpApi';
import { surveyPage, type SurveyView } from './surveyView';

const TOKEN = 'AbCdEfGhIjKlMnOpQrStUvWxYz012-_9';
const AT = Date.UTC(2026, 10, 30, 9, 0, 0);
const base = (lang: Lang): SurveyView => ({ lang, token: TOKEN, picked: null, reference: '#K3F9Z2A', state: { score: null, comment: null, changeableUntil: null, locked: false }, values: { score: '', comment: '' } });

/** Every state the page can be in. */
const STATES: Record<string, (lang: Lang) => SurveyView> = {
  unanswered: base,
  answered: (lang) => ({ ...base(lang), state: { score: 7, comment: 'Fine <b>really</b>', changeableUntil: AT, locked: false }, values: { score: '7', comment: 'Fine <b>really</b>' } }),
  refused: (lang) => ({ ...base(lang), values: { score: '11', comment: 'x'.repeat(2_001) }, errors: { score: 'missing', commentTooLong: 2_001 }, status: 422 }),
  tooMany: (lang) => ({ ...base(lang), reference: null, state: null, values: { score: '3', comment: 'again' }, errors: { tooMany: true }, status: 429 }),
  locked: (lang) => ({ ...base(lang), state: { score: 3, comment: 'Slow', changeableUntil: AT, locked: true }, values: { score: '10', comment: 'Changed my mind' }, refusedLocked: true, status: 409 }),
};

const html = (answer: RouteAnswer) => (answer as { bytes: Buffer }).bytes.toString('utf8');

describe('the survey page markup', () => {
  for (const [name, view] of Object.entries(STATES)) {
    for (const lang of ['en', 'pl', 'el'] as const) {
      it(`has no accessibility violations axe can find: ${name}, ${lang}`, async () => {
        document.documentElement.innerHTML = html(surveyPage(view(lang))).replace(/^<!doctype html>\s*<html[^>]*>/i, '').replace(/<\/html>\s*$/, '');
        document.documentElement.lang = lang;
        const result = await axe.run(document, { resultTypes: ['violations'] });
        expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`)).toEqual([]);
        expect(document.querySelectorAll('h1')).toHaveLength(1);
        expect(document.querySelector('b, script')).toBeNull();
      });
    }
  }

  it('announces refusals, names each field with the error it has, and keeps what was typed', () => {
    document.documentElement.innerHTML = html(surveyPage(STATES.refused('en')));
    expect(document.querySelector('[role=alert]')!.textContent).toContain('Choose a score from 1 to 10.');
    expect(document.querySelector('fieldset')!.getAttribute('aria-describedby')).toBe('score-error');
    const comment = document.querySelector('textarea')!;
    expect(comment.getAttribute('aria-describedby')).toBe('comment-hint comment-error');
    expect(comment.getAttribute('aria-invalid')).toBe('true');
    expect(comment.value).toBe('x'.repeat(2_001));
    expect(document.title).toBe('Error: How did we do?');
  });
});
