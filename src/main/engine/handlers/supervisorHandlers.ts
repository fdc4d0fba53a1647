import { classifyCustomer, type Sentiment } from '../../../shared/assist';
import { isSupervising, type Case } from '../../../shared/domain';
import type { Db } from '../../services/cache/database';
import { listFailedDeliveries } from '../../services/cache/queries/failedDeliveries';
import { csatSinceAmong, latestInboundTexts, listCsatSince, listSupervisedCases, supervisedCasesAmong } from '../../services/cache/queries/supervisorDashboard';
import type { Overlaid } from '../../services/outbox/overlay';
import { customerNames } from '../customerNames';
import { EngineError } from '../engineError';
import type { Handlers, HandlerContext } from './handlerTypes';

/** Classifications kept between refreshes; the console asks again on every change, most cases unchanged. */
const MAX_REMEMBERED = 50_000;

/** The supervisor console's read of the cache (figures are computed in the renderer). */
export function supervisorHandlers({ sessions }: HandlerContext) {
  // Keyed by case and its newest customer message: a new message is the only thing that changes the mood.
  const moods = new Map<string, Sentiment | null>();
  const moodOf = (db: Db, c: { id: string; lastInboundAt: number | null }): Sentiment | null => {
    const key = `${c.id}:${c.lastInboundAt ?? ''}`;
    if (moods.has(key)) return moods.get(key)!;
    const texts = latestInboundTexts(db, c.id);
    const mood = texts.length ? classifyCustomer(texts).sentiment : null;
    if (moods.size >= MAX_REMEMBERED) moods.clear();
    moods.set(key, mood);
    return mood;
  };

  /** The cache of a supervisor's session (`forbidden` for everyone else). */
  const supervisorDb = () => {
    const live = sessions.live();
    if (!isSupervising(live.view().staff.role)) throw new EngineError('forbidden', 'the supervisor console is for supervisors and admins');
    return live.vault.db;
  };
  /** Cases as the console shows them: with the customer's name and mood. */
  const withNamesAndMoods = (db: Db, cases: readonly Overlaid<Case>[]) => {
    const names = customerNames(db, cases.map((c) => c.customerId));
    return cases.map((c) => ({ case: c, customerName: names.get(c.customerId) ?? null, sentiment: moodOf(db, c) }));
  };

  return {
    'supervisor.dashboard': ({ since }) => {
      const db = supervisorDb();
      return { cases: withNamesAndMoods(db, listSupervisedCases(db, since)), csat: listCsatSince(db, since) };
    },
    'supervisor.dashboardChanges': ({ since, cases: caseIds, interactions, csat }) => {
      const db = supervisorDb();
      const { cases, gone } = supervisedCasesAmong(db, since, caseIds, interactions);
      return { cases: withNamesAndMoods(db, cases), gone, csat: csatSinceAmong(db, since, csat) };
    },
    'supervisor.failedDeliveries': ({ limit }) => listFailedDeliveries(supervisorDb(), limit),
  } satisfies Partial<Handlers>;
}
