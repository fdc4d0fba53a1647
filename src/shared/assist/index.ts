/**
 * The assist engine: customer state, tone check of a draft, and suggested next steps. Pure TypeScript,
 * offline and fast enough to run on every (debounced) keystroke in the renderer.
 *
 * - `classifyCustomer(messages)` -> language, sentiment, emotion, urgency, formality.
 * - `checkDraft(state, draft)` -> the tone that fits and hints about what does not.
 * - `suggestNextSteps({case, interactions, articles, state, now, feedback})` -> ranked steps with actions.
 * - `recordFeedback(model, kind, outcome)` -> a new feedback model that re-weights kinds over time.
 * - `isPromise`, `isOpenRequest`, `isPing` -> what one sentence of a case says (the case brief reads them).
 *
 * Hint messages and step reasons are i18n keys in the "assist" namespace (src/shared/i18n/locales/*\/assist.json).
 */
export { classifyCustomer, type ClassifyOptions } from './classifyCustomer';
export { checkDraft, fittingTone, type CheckOptions } from './checkDraft';
export { suggestNextSteps, type NextStepInput } from './suggestNextSteps';
export { createFeedbackModel, kindWeight, recordFeedback, type FeedbackModel, type FeedbackOutcome } from './feedbackModel';
export { searchArticles, type ArticleMatch } from './searchArticles';
export { isOpenRequest, isPing, isPromise, sentencesOf } from './caseStatements';
export type * from './types';
export { NEXT_STEP_KINDS } from './types';
