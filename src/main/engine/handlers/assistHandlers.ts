import { createFeedbackModel, recordFeedback } from '../../../shared/assist/feedbackModel';
import { FeedbackModelSchema } from '../../../shared/ipc/contract';
import { readSetting, writeSetting } from '../cacheSettings';
import type { Handlers, HandlerContext } from './handlerTypes';

const KEY = 'assist-feedback';

/** The assist feedback model, kept per person in their cache so suggestions follow how they work. */
export function assistHandlers({ sessions }: HandlerContext) {
  const db = () => sessions.live().vault.db;
  const model = () => readSetting(db(), KEY, FeedbackModelSchema) ?? createFeedbackModel();
  return {
    'assist.feedbackModel': model,
    'assist.recordFeedback': ({ kind, outcome }) => {
      const next = recordFeedback(model(), kind, outcome);
      writeSetting(db(), KEY, next);
      return next;
    },
  } satisfies Partial<Handlers>;
}
