/**
 * Suggested next steps for a case: every rule's proposals, weighted by what agents accepted or dismissed
 * before, ranked, and cut to a short list.
 */
import type { Case, Interaction, KbArticle } from '../domain';
import { kindWeight, type FeedbackModel } from './feedbackModel';
import { NEXT_STEP_RULES, type RuleContext } from './nextStepRules';
import type { CustomerState, NextStep } from './types';

/** The list stays short: a few things worth doing, not a checklist. */
const MAX_STEPS = 5;
/** The customer's newest messages that say what they are asking about now. */
const QUESTION_MESSAGES = 3;
/** A store visit recorded this recently means the customer is still at the counter. */
const AT_COUNTER_MS = 30 * 60_000;

/** Input of `suggestNextSteps`. */
export interface NextStepInput {
  case: Case;
  interactions: readonly Interaction[];
  /** Knowledge-base articles to match (any language; only the customer's is offered). */
  articles: readonly KbArticle[];
  /** The customer's state, from `classifyCustomer` on their recent messages. */
  state: CustomerState;
  /** Current time, epoch milliseconds. */
  now: number;
  /** Agents' past decisions; omitted, every kind has weight 1. */
  feedback?: FeedbackModel;
  /** Store staff are serving this customer in person (store mode). A store visit recorded in the last half hour says so too. */
  atCounter?: boolean;
}

/** The customer is at the store counter: the caller says so, or the newest contact is a store visit just recorded. */
function isAtCounter(input: NextStepInput, interactions: readonly Interaction[]): boolean {
  if (input.atCounter === true) return true;
  const newest = interactions.findLast((i) => i.kind !== 'note' && i.direction !== 'internal');
  return newest?.kind === 'store' && input.now - newest.createdAt <= AT_COUNTER_MS;
}

/**
 * Ranked next steps (highest score first), at most five, at most one of each kind and action. With the customer
 * at the counter the recap of the earlier channel comes first whatever the feedback weights: the clerk needs it
 * before saying anything.
 */
export function suggestNextSteps(input: NextStepInput): NextStep[] {
  const interactions = [...input.interactions]
    .filter((i) => i.caseId === input.case.id)
    .sort((a, b) => a.createdAt - b.createdAt);
  const inbound = interactions.filter((i) => i.direction === 'inbound');
  const question = [input.case.subject, ...inbound.slice(-QUESTION_MESSAGES).map((i) => i.text)].join('\n');
  const atCounter = isAtCounter(input, interactions);
  const ctx: RuleContext = { ...input, interactions, inbound, question, atCounter };
  const steps = NEXT_STEP_RULES.flatMap((rule) => rule(ctx)).map((s) => ({
    ...s,
    score: Math.round(s.score * kindWeight(input.feedback, s.kind) * 1000) / 1000,
  }));
  const pinned = (s: NextStep): number => (atCounter && s.kind === 'recap-previous-channel' ? 1 : 0);
  steps.sort((a, b) => pinned(b) - pinned(a) || b.score - a.score);
  const seen = new Set<string>();
  return steps
    .filter((s) => {
      const key = `${s.kind}|${s.action.type === 'share-article' ? s.action.articleId : ''}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .slice(0, MAX_STEPS);
}
