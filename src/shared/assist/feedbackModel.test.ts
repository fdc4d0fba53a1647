import { describe, expect, it } from 'vitest';
import { createFeedbackModel, kindWeight, recordFeedback, type FeedbackModel } from './feedbackModel';

const repeat = (model: FeedbackModel, times: number, outcome: 'accepted' | 'dismissed'): FeedbackModel =>
  Array.from({ length: times }).reduce<FeedbackModel>((m) => recordFeedback(m, 'share-article', outcome), model);

describe('feedback model', () => {
  it('starts every kind at weight 1', () => {
    expect(kindWeight(createFeedbackModel(), 'escalate')).toBe(1);
    expect(kindWeight(undefined, 'escalate')).toBe(1);
  });

  it('raises a kind agents accept and lowers one they dismiss, within [0.5, 1.5]', () => {
    const base = createFeedbackModel();
    const liked = repeat(base, 200, 'accepted');
    const disliked = repeat(base, 200, 'dismissed');
    expect(kindWeight(recordFeedback(base, 'share-article', 'accepted'), 'share-article')).toBeGreaterThan(1);
    expect(kindWeight(recordFeedback(base, 'share-article', 'dismissed'), 'share-article')).toBeLessThan(1);
    expect(kindWeight(liked, 'share-article')).toBeLessThanOrEqual(1.5);
    expect(kindWeight(liked, 'share-article')).toBeGreaterThan(1.4);
    expect(kindWeight(disliked, 'share-article')).toBeGreaterThanOrEqual(0.5);
    expect(kindWeight(disliked, 'share-article')).toBeLessThan(0.6);
    expect(kindWeight(liked, 'escalate')).toBe(1);
  });

  it('lets recent behaviour win back a kind after long dismissal', () => {
    const recovered = repeat(repeat(createFeedbackModel(), 500, 'dismissed'), 40, 'accepted');
    expect(kindWeight(recovered, 'share-article')).toBeGreaterThan(1);
  });

  it('is pure and serialisable', () => {
    const model = createFeedbackModel();
    const next = recordFeedback(model, 'reply-now', 'accepted');
    expect(model.kinds).toEqual({});
    expect(JSON.parse(JSON.stringify(next))).toEqual(next);
  });
});
