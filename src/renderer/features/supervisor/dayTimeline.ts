import type { Case, CsatResponse } from '../../../shared/domain';

const HOUR = 3_600_000;

/** One hour of the day in a queue: cases waiting at its end (or now), and the average score given in it. */
export interface HourPoint {
  at: number;
  waiting: number;
  csat: number | null;
}

/**
 * When a case stopped waiting for an agent: its first assignment after it was opened, else its resolution;
 * still waiting (Infinity) while it is open and unassigned. The cache keeps assignments, not hand-backs to a
 * queue, so a case handed back later counts as waiting from its last assignment.
 */
function waitingSpan(c: Case): [number, number] {
  const assigned = c.assigneeHistory.map((a) => a.at).filter((at) => at >= c.createdAt);
  if (c.assigneeId === null && c.resolvedAt === null) return [assigned.length ? Math.max(...assigned) : c.createdAt, Infinity];
  return [c.createdAt, assigned.length ? Math.min(...assigned) : (c.resolvedAt ?? c.updatedAt)];
}

/** The day of one queue (or all when `queueId` is null), hour by hour from `since` to `now`. */
export function dayTimeline(
  cases: readonly Case[],
  csat: readonly Pick<CsatResponse, 'queueId' | 'score' | 'createdAt'>[],
  queueId: string | null,
  since: number,
  now: number,
): HourPoint[] {
  const inQueue = <T extends { queueId: string }>(x: T) => queueId === null || x.queueId === queueId;
  const spans = cases.filter(inQueue).map(waitingSpan);
  const scores = csat.filter(inQueue);
  const points: HourPoint[] = [];
  for (let start = since; start < now; start += HOUR) {
    const end = Math.min(start + HOUR, now);
    const given = scores.filter((s) => s.createdAt >= start && s.createdAt < end).map((s) => s.score);
    points.push({
      at: start,
      waiting: spans.filter(([from, to]) => from <= end && to > end).length,
      csat: given.length ? given.reduce((a, b) => a + b, 0) / given.length : null,
    });
  }
  return points;
}
