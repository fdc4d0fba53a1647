/**
 * The rule for what a person serving a customer right now may see of that customer's cases outside their own
 * scope (agents: their queues and own cases; store staff: their store's cases and own cases).
 *
 * Serving right now means: a call from the customer was offered to them, or they are store staff who looked the
 * customer up by an exact identifier (or a name plus one more detail) to help them at the counter. It lasts
 * `SERVING_MS` and is recorded on the hub, so it holds on every hub node and after a restart.
 *
 * While serving, a person may see, of the customer's open cases they could not otherwise see:
 * - on a ringing call, a glimpse of each (subject, status, priority, channels, last change): enough to greet
 *   the caller knowing why they call;
 * - from a store lookup, a continuation view of each: the case row, the customer, and the timeline's hand-over
 *   entries only (the customer's first and latest messages, and the phone and video sessions with the
 *   advisor's summary and notes), from which the workstation builds the case brief. Never internal notes,
 *   replies or the rest of the history.
 * and may continue such a case in their own store (`case.continueInStore`), which assigns it to them, after
 * which the whole case is theirs to see like any other.
 */
import { isOpenCase, type Case } from '../shared/domain';
import type { CaseGlimpse, Change } from '../shared/protocol';
import type { UnitOfWork } from './context';
import type { StoreReads } from './store/hubStore';

/** How long serving lasts after the call was offered or the customer was looked up. */
export const SERVING_MS = 2 * 3_600_000;

export const startServing = (w: UnitOfWork, staffId: string, customerId: string): Promise<void> =>
  w.startServing(staffId, customerId, w.ctx.now() + SERVING_MS);

export const isServing = (w: UnitOfWork, staffId: string, customerId: string): Promise<boolean> => w.isServing(staffId, customerId, w.ctx.now());

export const caseGlimpse = (c: Case): CaseGlimpse => ({
  id: c.id,
  subject: c.subject,
  status: c.status,
  priority: c.priority,
  originChannel: c.originChannel,
  lastChannel: c.lastChannel,
  updatedAt: c.updatedAt,
});

/** Sessions (recorded with a summary or notes) that carry the hand-over from one advisor to the next. */
const HANDOVER_KINDS = new Set(['phone', 'video']);

/** The continuation view of an open case (see above), or nothing for a closed one. */
export async function continuationRows(store: StoreReads, caseId: string): Promise<Change[]> {
  const rows = await store.caseRows(caseId);
  const kase = rows.find((r) => r.entity === 'case')?.data as Case | undefined;
  if (!kase || !isOpenCase(kase)) return [];
  const interactions = rows.filter((r) => r.entity === 'interaction');
  const inbound = interactions.filter((r) => r.data?.direction === 'inbound');
  const keep = new Set([inbound[0]?.id, inbound[inbound.length - 1]?.id]);
  for (const r of interactions) {
    const i = r.data;
    if (i && HANDOVER_KINDS.has(i.kind) && (i.meta.summary !== undefined || i.meta.notes !== undefined)) keep.add(r.id);
  }
  return rows.filter((r) => r.entity === 'case' || r.entity === 'customer' || (r.entity === 'interaction' && keep.has(r.id)));
}
