/**
 * The survey page's markup: the 1-10 question as a radio group with an optional comment, the answer given so
 * far and until when it may change, or the answer locked. Everything a customer wrote is escaped.
 */
import { MAX_SURVEY_COMMENT, type Lang } from '../../shared/domain';
import type { RouteAnswer } from '../http/httpApi';
import { escapeHtml, htmlPage, languageSwitch } from '../public/html';
import type { SurveyAnswerState } from '../voice';
import type { SurveyFormErrors, SurveyFormValues } from './surveyForm';
import { SURVEY_TEXTS, type SurveyTexts } from './surveyTexts';

export interface SurveyView {
  lang: Lang;
  token: string;
  /** The language the customer picked (`?lang=`): kept on the form's address. */
  picked: Lang | null;
  /** The case's reference; null when the page is answered without reading the survey (too many attempts). */
  reference: string | null;
  /** The answer so far; null as for `reference`. */
  state: SurveyAnswerState | null;
  /** What the form shows: the answer so far, or what was just sent and refused. */
  values: SurveyFormValues;
  errors?: SurveyFormErrors & { tooMany?: boolean };
  /** Sent to a locked survey: what was sent is shown as not saved. */
  refusedLocked?: boolean;
  status?: number;
  headers?: Record<string, string>;
}

/** The page's own address (the form posts to it), in the picked language if one was picked. */
export const surveyPath = (token: string, picked: Lang | null): string => `/survey/${token}${picked ? `?lang=${picked}` : ''}`;

/** When an answer locks, in the customer's language; the hub does not know their time zone, so UTC, said. */
function formatWhen(lang: Lang, at: number): string {
  return `${new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' }).format(at)} UTC`;
}

function errorList(tx: SurveyTexts, errors: NonNullable<SurveyView['errors']>): string[] {
  return [
    ...(errors.tooMany ? [escapeHtml(tx.tooMany)] : []),
    ...(errors.score ? [`<a href="#score-1">${escapeHtml(tx.scoreMissing)}</a>`] : []),
    ...(errors.commentTooLong !== undefined ? [`<a href="#comment">${escapeHtml(tx.commentTooLong(errors.commentTooLong, MAX_SURVEY_COMMENT))}</a>`] : []),
  ];
}

function answerShown(tx: SurveyTexts, state: SurveyAnswerState): string {
  if (state.score === null) return '';
  const comment = state.comment ? `<p>${escapeHtml(tx.yourComment)}</p><blockquote class="answer">${escapeHtml(state.comment)}</blockquote>` : '';
  return `<p><strong>${escapeHtml(tx.yourScore(state.score))}</strong></p>${comment}`;
}

function form(view: SurveyView, tx: SurveyTexts, answered: boolean): string {
  const errors = view.errors ?? {};
  const scoreError = errors.score ? `<p class="error" id="score-error">${escapeHtml(tx.scoreMissing)}</p>` : '';
  const commentError =
    errors.commentTooLong !== undefined ? `<p class="error" id="comment-error">${escapeHtml(tx.commentTooLong(errors.commentTooLong, MAX_SURVEY_COMMENT))}</p>` : '';
  const options = Array.from({ length: 10 }, (_, i) => {
    const n = String(i + 1);
    const checked = view.values.score.trim() === n ? ' checked' : '';
    return `<label><input type="radio" name="score" value="${n}" id="score-${n}"${i === 0 ? ' required' : ''}${checked}><span>${n}</span></label>`;
  }).join('');
  const commentDescribed = ['comment-hint', ...(commentError ? ['comment-error'] : [])].join(' ');
  // The newline after <textarea> is the one HTML drops, so that a comment starting with one keeps it.
  return `<form class="survey" method="post" action="${escapeHtml(surveyPath(view.token, view.picked))}">
<fieldset class="scale"${scoreError ? ' aria-describedby="score-error"' : ''}>
<legend>${escapeHtml(tx.legend)}</legend>
<div class="scale-options">${options}</div>
<div class="scale-ends"><span>${escapeHtml(tx.low)}</span><span>${escapeHtml(tx.high)}</span></div>
${scoreError}</fieldset>
<label for="comment">${escapeHtml(tx.commentLabel)}</label>
<textarea id="comment" name="comment" rows="5" maxlength="${MAX_SURVEY_COMMENT}" aria-describedby="${commentDescribed}"${commentError ? ' aria-invalid="true"' : ''}>\n${escapeHtml(view.values.comment)}</textarea>
<p class="muted" id="comment-hint">${escapeHtml(tx.commentHint(MAX_SURVEY_COMMENT))}</p>
${commentError}<button type="submit">${escapeHtml(answered ? tx.change : tx.send)}</button>
</form>`;
}

/** The survey page in one of its states: the question, the answer with the question again to change it, or the answer locked. */
export function surveyPage(view: SurveyView): RouteAnswer {
  const tx = SURVEY_TEXTS[view.lang];
  const { state } = view;
  const errors = errorList(tx, view.errors ?? {});
  const parts: string[] = [`<h1>${escapeHtml(tx.title)}</h1>`];
  if (view.reference !== null) parts.push(`<p class="muted">${escapeHtml(tx.caseLine(view.reference))}</p>`);
  if (errors.length > 0) {
    parts.push(`<div class="notice" role="alert"><p class="error">${escapeHtml(tx.notSaved)}</p><ul>${errors.map((e) => `<li>${e}</li>`).join('')}</ul></div>`);
  }
  if (state?.locked) {
    if (view.refusedLocked) {
      const typed = view.values.comment.trim();
      parts.push(`<div class="notice" role="alert"><p class="error">${escapeHtml(tx.notSaved)} ${escapeHtml(tx.locked)}</p>${typed ? `<p>${escapeHtml(tx.yourText)}</p><blockquote class="answer">${escapeHtml(typed)}</blockquote>` : ''}</div>`);
    } else {
      parts.push(`<p class="notice">${escapeHtml(tx.locked)}</p>`);
    }
    parts.push(answerShown(tx, state));
  } else {
    const answered = state !== null && state.score !== null;
    if (answered && errors.length === 0) {
      parts.push(
        `<div class="notice" role="status"><p>${escapeHtml(tx.thanks)}</p>${answerShown(tx, state)}${
          state.changeableUntil !== null ? `<p>${escapeHtml(tx.changeUntil(formatWhen(view.lang, state.changeableUntil)))}</p>` : ''
        }</div>`,
      );
    }
    parts.push(form(view, tx, answered));
  }
  const title = errors.length > 0 || view.refusedLocked ? `${tx.errorTitle}: ${tx.title}` : tx.title;
  const page = htmlPage({
    lang: view.lang,
    title,
    status: view.status ?? 200,
    body: `${languageSwitch(view.lang, (l) => surveyPath(view.token, l), tx.languages)}\n<main class="narrow">\n${parts.join('\n')}\n</main>`,
  });
  return view.headers ? { ...(page as Extract<RouteAnswer, { bytes: Buffer }>), headers: { ...(page as Extract<RouteAnswer, { bytes: Buffer }>).headers, ...view.headers } } : page;
}
