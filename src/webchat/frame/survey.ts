/**
 * The 1-10 question, inline once the case is resolved: ten choices in a fieldset (arrow keys move between them),
 * an optional comment, and the answer; it may be changed until the hub locks it.
 */
import type { InlineSurvey } from '../../shared/protocol/webchat';
import { fill, h, uid } from './dom';
import { field } from './forms';
import type { I18n } from './i18n';

export function surveyView(i18n: I18n, answer: (req: { caseId: string; score: number; comment?: string }) => Promise<InlineSurvey | 'locked' | null>) {
  const name = uid('wc-score');
  const legend = h('legend', {});
  const choices = Array.from({ length: 10 }, (_, i) => h('input', { type: 'radio', name, value: String(i + 1) }));
  const low = h('span', {});
  const high = h('span', {});
  const options = h('div', { class: 'scale-options' }, ...choices.map((c, i) => h('label', {}, c, h('span', { 'aria-hidden': 'true' }, String(i + 1)))));
  const comment = field('textarea');
  const button = h('button', { type: 'submit' });
  const thanks = h('p', { class: 'wc-survey-thanks', role: 'status' });
  const form = h('form', {}, h('fieldset', { class: 'scale' }, legend, options, h('div', { class: 'scale-ends', 'aria-hidden': 'true' }, low, high)), comment.element, button);
  const element = h('section', { class: 'wc-survey', hidden: true }, form, thanks);
  let survey: InlineSurvey | null = null;
  let locked = false;

  const until = (s: InlineSurvey) =>
    s.changeableUntil ? new Intl.DateTimeFormat(i18n.lang, { dateStyle: 'medium', timeStyle: 'short' }).format(s.changeableUntil) : null;

  function draw(): void {
    if (!survey) return;
    const t = i18n.t;
    element.hidden = false;
    fill(legend, survey.question);
    choices.forEach((c, i) => {
      c.setAttribute('aria-label', t.surveyScore(i + 1));
      c.checked = survey!.score === i + 1;
      c.disabled = locked;
    });
    fill(low, t.surveyEnds[0]);
    fill(high, t.surveyEnds[1]);
    fill(comment.label, t.surveyComment);
    comment.input.disabled = locked;
    fill(button, survey.score === null ? t.surveySend : t.surveyChange);
    button.hidden = locked;
    fill(thanks, locked ? t.surveyLocked : survey.score !== null ? t.surveyThanks(survey.score, until(survey)) : '');
  }
  i18n.bind(draw);

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const picked = choices.findIndex((c) => c.checked);
    if (!survey || picked < 0) {
      choices[0].focus();
      return;
    }
    const text = comment.input.value.trim();
    void answer({ caseId: survey.caseId, score: picked + 1, ...(text ? { comment: text } : {}) }).then((result) => {
      if (result === 'locked') locked = true;
      else if (result) survey = result;
      draw();
    });
  });

  return {
    element,
    show(s: InlineSurvey) {
      survey = s;
      locked = s.changeableUntil !== null && s.changeableUntil < Date.now();
      if (s.comment !== null && comment.input.value === '') comment.input.value = s.comment;
      draw();
    },
    get showing() {
      return survey !== null;
    },
  };
}
