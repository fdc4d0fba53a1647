import { replyDueAt, type Case, type Priority } from '../../../shared/domain';

const PRIORITY_RANK: Record<Priority, number> = { urgent: 0, high: 1, normal: 2, low: 3 };

type UrgencyFields = Pick<Case, 'status' | 'firstResponseDueAt' | 'nextResponseDueAt' | 'priority'>;

/**
 * Most urgent first: by the reply deadline (`replyDueAt`, the one SLA rule), nearest first, so the overdue come
 * before all others and the cases awaiting no reply come last; then by priority, urgent first.
 */
export function byUrgency(a: UrgencyFields, b: UrgencyFields): number {
  const dueA = replyDueAt(a) ?? Infinity;
  const dueB = replyDueAt(b) ?? Infinity;
  if (dueA !== dueB) return dueA < dueB ? -1 : 1;
  return PRIORITY_RANK[a.priority] - PRIORITY_RANK[b.priority];
}
