import { isOpenCase, type CsatResponse, type Queue, type Staff } from '../../../shared/domain';
import { slaLevel } from '../../components/slaLevel';
import type { DashboardCase } from './supervisorTypes';

/** One queue's live figures, as the "Live queues" table shows them. */
export interface QueueFigures {
  queueId: string;
  name: string;
  /** Open cases nobody holds yet. */
  waiting: number;
  /** How long the longest-waiting of them has waited since the customer last wrote; null when none waits. */
  longestWaitMs: number | null;
  /** Open cases whose reply is due soon, and those past due. */
  atRisk: number;
  breached: number;
  online: number;
  busy: number;
  away: number;
  /** Today's average survey score and how many answered; null when nobody has. */
  csatAverage: number | null;
  csatCount: number;
  /** Share (0-1) of this queue's customers with open cases whose latest messages read negative; null when none wrote. */
  negativeShare: number | null;
}

export function queueFigures(
  queues: readonly Queue[],
  staff: readonly Pick<Staff, 'id' | 'status'>[],
  cases: readonly DashboardCase[],
  csat: readonly Pick<CsatResponse, 'queueId' | 'score'>[],
  now: number,
): QueueFigures[] {
  const statusOf = new Map(staff.map((s) => [s.id, s.status]));
  return queues.map((q) => {
    const open = cases.filter((c) => c.case.queueId === q.id && isOpenCase(c.case));
    const waiting = open.filter((c) => c.case.assigneeId === null);
    const levels = open.map((c) => slaLevel(c.case, now));
    const members = q.memberIds.map((id) => statusOf.get(id));
    const scores = csat.filter((s) => s.queueId === q.id).map((s) => s.score);
    // One customer may have several open cases: they count once, as negative if any case reads negative.
    const moods = new Map<string, boolean>();
    for (const c of open) if (c.sentiment !== null) moods.set(c.case.customerId, (moods.get(c.case.customerId) ?? false) || c.sentiment === 'negative');
    const negatives = [...moods.values()].filter(Boolean).length;
    return {
      queueId: q.id,
      name: q.name,
      waiting: waiting.length,
      longestWaitMs: waiting.length ? Math.max(...waiting.map((c) => now - (c.case.lastInboundAt ?? c.case.createdAt))) : null,
      atRisk: levels.filter((l) => l === 'soon' || l === 'urgent').length,
      breached: levels.filter((l) => l === 'breached').length,
      online: members.filter((s) => s === 'available').length,
      busy: members.filter((s) => s === 'busy').length,
      away: members.filter((s) => s === 'away').length,
      csatAverage: scores.length ? scores.reduce((a, b) => a + b, 0) / scores.length : null,
      csatCount: scores.length,
      negativeShare: moods.size ? negatives / moods.size : null,
    };
  });
}
