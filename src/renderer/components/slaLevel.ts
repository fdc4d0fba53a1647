import { replyDueAt, type Case } from '../../shared/domain';

/** How close a case is to missing its reply deadline, for colour: calm, soon, urgent, breached, or none due. */
export type SlaLevel = 'none' | 'ok' | 'soon' | 'urgent' | 'breached';

/** What a case's reply due is read from. */
export type SlaFields = Pick<Case, 'status' | 'firstResponseDueAt' | 'nextResponseDueAt' | 'slaBreachedAt'>;

// Fixed thresholds rather than a share of the policy: the inbox row does not carry its queue's SLA policy,
// and "five minutes left" means the same urgency to an agent whatever the policy was.
const URGENT_MS = 2 * 60_000;
const SOON_MS = 10 * 60_000;

/** The level of a case's reply due (shared/domain/sla), or breached once the hub flagged a missed one. */
export function slaLevel(c: SlaFields, now: number): SlaLevel {
  const due = replyDueAt(c);
  if (c.slaBreachedAt !== null || (due !== null && due <= now)) return 'breached';
  if (due === null) return 'none';
  const left = due - now;
  if (left <= URGENT_MS) return 'urgent';
  return left <= SOON_MS ? 'soon' : 'ok';
}

/** Mantine colour of each level, as a filled badge: shades whose text (black or white) keeps 4.5:1 contrast. */
export const SLA_COLORS: Record<SlaLevel, string> = { none: 'gray.7', ok: 'teal.6', soon: 'yellow.6', urgent: 'orange.6', breached: 'red.9' };
