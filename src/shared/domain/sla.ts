/**
 * THE rule of when a case's reply is due, for the hub (its breach watch and `due_at` column), the workstation's
 * cache (its `sla_due_at` column and the inbox's "nearest deadline" order), the console's countdown and the case
 * brief's next steps. The hub sets the deadlines themselves (on inbound messages and replies); this reads them.
 */
import type { Case } from './case';
import type { CaseStatus } from './enums';

/** The statuses in which the customer waits for a reply: only these have a reply due. */
export const AWAITING_REPLY: readonly CaseStatus[] = ['new', 'open'];

/**
 * When the reply the customer waits for falls due, or null when none is awaited (pending, resolved or closed):
 * the first reply until one is sent, then the next one after each inbound message.
 */
export function replyDueAt(c: Pick<Case, 'status' | 'firstResponseDueAt' | 'nextResponseDueAt'>): number | null {
  return AWAITING_REPLY.includes(c.status) ? (c.firstResponseDueAt ?? c.nextResponseDueAt) : null;
}

/** When the hub must look at the case for a missed reply: its reply due, until that breach has been flagged. */
export function breachCheckAt(c: Pick<Case, 'status' | 'firstResponseDueAt' | 'nextResponseDueAt' | 'slaBreachedAt'>): number | null {
  return c.slaBreachedAt !== null ? null : replyDueAt(c);
}
