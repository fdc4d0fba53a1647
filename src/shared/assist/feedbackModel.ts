/**
 * What agents did with past suggestions, per kind, and the bounded weight it gives each kind's ranking.
 * Pure and serialisable: the workstation stores the model and passes it back in.
 */
import type { NextStepKind } from './types';

/** Accepted and dismissed counts per kind. */
export interface FeedbackModel {
  version: 1;
  kinds: Partial<Record<NextStepKind, { accepted: number; dismissed: number }>>;
}

export type FeedbackOutcome = 'accepted' | 'dismissed';

/**
 * Counts are rescaled to keep at most this many decisions per kind, so recent behaviour can still move the
 * ranking after months of use (older decisions fade instead of piling up).
 */
const MEMORY = 40;
/** The weight stays within [MIN_WEIGHT, MAX_WEIGHT]: feedback reorders suggestions, it never hides one. */
const MIN_WEIGHT = 0.5;
const MAX_WEIGHT = 1.5;

/** A model with no feedback: every kind has weight 1. */
export function createFeedbackModel(): FeedbackModel {
  return { version: 1, kinds: {} };
}

/** Record one decision. Returns a new model; the given one is not changed. */
export function recordFeedback(model: FeedbackModel, kind: NextStepKind, outcome: FeedbackOutcome): FeedbackModel {
  const previous = model.kinds[kind] ?? { accepted: 0, dismissed: 0 };
  let accepted = previous.accepted + (outcome === 'accepted' ? 1 : 0);
  let dismissed = previous.dismissed + (outcome === 'dismissed' ? 1 : 0);
  const total = accepted + dismissed;
  if (total > MEMORY) {
    accepted = (accepted * MEMORY) / total;
    dismissed = (dismissed * MEMORY) / total;
  }
  return { ...model, kinds: { ...model.kinds, [kind]: { accepted, dismissed } } };
}

/**
 * Ranking weight of a kind: 1 with no feedback, rising towards 1.5 as agents accept it and falling towards
 * 0.5 as they dismiss it (acceptance rate with one imaginary accept and one dismiss, so a single click
 * moves it only a little).
 */
export function kindWeight(model: FeedbackModel | undefined, kind: NextStepKind): number {
  const counts = model?.kinds[kind];
  if (counts === undefined) return 1;
  const rate = (counts.accepted + 1) / (counts.accepted + counts.dismissed + 2);
  return MIN_WEIGHT + (MAX_WEIGHT - MIN_WEIGHT) * rate;
}
