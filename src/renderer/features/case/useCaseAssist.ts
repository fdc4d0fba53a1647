import { useMemo } from 'react';
import { classifyCustomer, suggestNextSteps, type CustomerState, type NextStep } from '../../../shared/assist';
import type { Case, Interaction, KbArticle, Lang } from '../../../shared/domain';
import { useChannel } from '../../lib/api/useChannel';

/** The customer's newest messages say how they feel now; older ones only blur it. */
const RECENT_MESSAGES = 6;
const MINUTE = 60_000;

export interface CaseAssist {
  state: CustomerState;
  steps: NextStep[];
  articles: KbArticle[];
}

/**
 * The assist engine on one case: the customer's state, and next steps ranked with my feedback. `minute` is the
 * current time in whole minutes, so steps are recomputed when a deadline moves, not on every clock tick.
 */
export function useCaseAssist(kase: Case, timeline: readonly Interaction[], customerLanguage: Lang, minute: number): CaseAssist {
  const state = useMemo(() => {
    const said = timeline.filter((i) => i.direction === 'inbound').slice(-RECENT_MESSAGES).map((i) => i.text);
    return classifyCustomer(said, { fallbackLanguage: customerLanguage });
  }, [timeline, customerLanguage]);
  // Articles in the customer's language: that is what can be shared with them.
  const knowledge = useChannel(
    'reference.knowledge',
    { language: state.language, queueId: kase.queueId },
    { refreshOn: (c) => c.entities.kb !== undefined },
  );
  const feedback = useChannel('assist.feedbackModel', {}, { refreshOn: () => false });
  // Store staff open a case for the customer standing at their counter: the recap of the earlier channel leads.
  const session = useChannel('session.current', {}, { refreshOn: () => false });
  const atCounter = session.data?.staff.role === 'store';
  const articles = useMemo(() => knowledge.data?.kb ?? [], [knowledge.data]);
  const steps = useMemo(
    () => suggestNextSteps({ case: kase, interactions: timeline, articles, state, now: minute * MINUTE, feedback: feedback.data, atCounter }),
    [kase, timeline, articles, state, minute, feedback.data, atCounter],
  );
  return { state, steps, articles };
}
