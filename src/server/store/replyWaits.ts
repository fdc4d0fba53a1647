import type { Interaction } from '../../shared/domain';

/**
 * A reply's wait (the "next response time" of supervisor reports): how long the customer had waited for it, from
 * the oldest of their messages since the staff reply before it. A case's first reply has none (its wait is the
 * first response time, read from the case). Kept in the `wait_ms` column of every staff reply, so that a report
 * reads it rather than searching each reply's case: both engines write it with these statements after each
 * message they store, and their migrations (SQLite 0012, PostgreSQL 0010) filled it in for messages before.
 */

/** A staff reply: an outbound message someone wrote (an automatic message, such as a survey, has no author). */
export const STAFF_REPLY = `o.direction = 'outbound' AND o.author_id IS NOT NULL`;

/** The wait of the reply `o`, or null for a case's first reply, as SQL both engines run. */
export const REPLY_WAIT = `o.created_at - (
  SELECT min(q.created_at) FROM interactions q
  WHERE q.case_id = o.case_id AND q.direction = 'inbound' AND q.created_at < o.created_at
    AND q.created_at > (SELECT max(p.created_at) FROM interactions p
                        WHERE p.case_id = o.case_id AND p.direction = 'outbound' AND p.author_id IS NOT NULL AND p.created_at < o.created_at))`;

/**
 * Whether storing `i` can change a wait: a customer message or a staff reply changes those of the staff replies of
 * its case from its time on (messages may be stored out of order: an import, a late delivery report).
 */
export const changesWaits = (i: Pick<Interaction, 'direction' | 'authorId'>): boolean => i.direction === 'inbound' || (i.direction === 'outbound' && i.authorId !== null);

/** Every staff reply's wait, again: what the migrations and a store copied in bulk run. */
export const REFRESH_ALL_WAITS = `UPDATE interactions AS o SET wait_ms = ${REPLY_WAIT} WHERE ${STAFF_REPLY}`;

/** The waits of the staff replies of one case (`?`) from a time (`?`) on: what SQLite runs after storing a message. */
export const REFRESH_CASE_WAITS = `UPDATE interactions AS o SET wait_ms = ${REPLY_WAIT} WHERE o.case_id = ? AND o.created_at >= ? AND ${STAFF_REPLY}`;

/**
 * The cases whose waits storing `messages` can change, each with the earliest time from which they can: two
 * arrays (case ids, times), as PostgreSQL's refresh takes them; empty when none can.
 */
export function waitChanges(messages: ReadonlyArray<Pick<Interaction, 'caseId' | 'createdAt' | 'direction' | 'authorId'>>): [caseIds: string[], since: number[]] {
  const earliest = new Map<string, number>();
  for (const m of messages) if (changesWaits(m)) earliest.set(m.caseId, Math.min(earliest.get(m.caseId) ?? Infinity, m.createdAt));
  return [[...earliest.keys()], [...earliest.values()]];
}
