import { classifyCustomer, type Sentiment } from '../../../shared/assist';
import { isSupervising } from '../../../shared/domain';
import { latestInboundTexts, listCsatSince, listSupervisedCases } from '../../services/cache/queries/supervisorDashboard';
import { customerNames } from '../customerNames';
import { EngineError } from '../engineError';
import type { Handlers, HandlerContext } from './handlerTypes';

/** Classifications kept between refreshes; the console asks again on every change, most cases unchanged. */
const MAX_REMEMBERED = 50_000;

/** The supervisor console's read of the cache (figures are computed in the renderer). */
export function supervisorHandlers({ sessions }: HandlerContext) {
  // Keyed by case and its newest customer message: a new message is the only thing that changes the mood.
  const moods = new Map<string, Sentiment | null>();
  const moodOf = (db: Parameters<typeof latestInboundTexts>[0], c: { id: string; lastInboundAt: number | null }): Sentiment | null => {
    const key = `${c.id}:${c.lastInboundAt ?? ''}`;
    if (moods.has(key)) return moods.get(key)!;
    const texts = latestInboundTexts(db, c.id);
    const mood = texts.length ? classifyCustomer(texts).sentiment : null;
    if (moods.size >= MAX_REMEMBERED) moods.clear();
    moods.set(key, mood);
    return mood;
  };

  return {
    'supervisor.dashboard': ({ since }) => {
      const live = sessions.live();
      if (!isSupervising(live.view().staff.role)) throw new EngineError('forbidden', 'the supervisor console is for supervisors and admins');
      const db = live.vault.db;
      const cases = listSupervisedCases(db, since);
      const names = customerNames(db, cases.map((c) => c.customerId));
      return {
        cases: cases.map((c) => ({ case: c, customerName: names.get(c.customerId) ?? null, sentiment: moodOf(db, c) })),
        csat: listCsatSince(db, since),
      };
    },
  } satisfies Partial<Handlers>;
}
