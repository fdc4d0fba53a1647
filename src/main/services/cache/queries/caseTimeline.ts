import type { Case, Customer, Delivery, HeldReply, Interaction } from '../../../../shared/domain';
import { layOver, localRowsOfCase, type Overlaid } from '../../outbox/overlay';
import type { Db } from '../database';
import { getRow, parseRows } from '../rows';
import { statementCache } from '../statementCache';

/** A case as its conversation screen shows it. */
export interface CaseWithTimeline {
  case: Overlaid<Case>;
  customer: Overlaid<Customer> | null;
  /** Every interaction, oldest first, including my replies and notes still in the outbox (marked `local`). */
  timeline: Overlaid<Interaction>[];
  /** Replies the hub kept back on this case. */
  held: HeldReply[];
  /** Deliveries of the case's outbound messages, oldest first, with my retries laid over. */
  deliveries: Overlaid<Delivery>[];
}

/** SQL of the timeline read, exported for query-plan tests. */
export const TIMELINE_SQL = 'SELECT data FROM interactions WHERE case_id = ? ORDER BY created_at, id';
/** SQL of the case's deliveries, exported for query-plan tests. */
export const CASE_DELIVERIES_SQL = 'SELECT data FROM deliveries WHERE case_id = ?';

const statements = statementCache((db) => ({
  timeline: db.prepare(TIMELINE_SQL),
  held: db.prepare(`SELECT data FROM held_replies WHERE case_id = ? AND status = 'held' ORDER BY created_at`),
  deliveries: db.prepare(CASE_DELIVERIES_SQL),
}));

/** A case with its customer and whole timeline; null when the case is not cached. */
export function getCaseWithTimeline(db: Db, caseId: string): CaseWithTimeline | null {
  const confirmed = getRow(db, 'case', caseId);
  if (confirmed === null) return null;
  const s = statements(db);
  const customer = getRow(db, 'customer', confirmed.customerId);
  // Rows fresh from JSON.parse are ours to extend in place: no copy of a long timeline.
  const timeline = parseRows<Overlaid<Interaction>>(s.timeline.all(caseId) as { data: string }[]);
  for (const i of timeline) i.local = [];
  const pending = localRowsOfCase(db, 'interaction', caseId);
  if (pending.length > 0) {
    // Stable sort: a local entry stamped in the same millisecond as a confirmed one goes after it.
    timeline.push(...pending);
    timeline.sort((a, b) => a.createdAt - b.createdAt);
  }
  return {
    case: layOver(db, 'case', [confirmed])[0],
    customer: customer === null ? null : layOver(db, 'customer', [customer])[0],
    timeline,
    held: parseRows<HeldReply>(s.held.all(caseId) as { data: string }[]),
    deliveries: layOver(db, 'delivery', parseRows<Delivery>(s.deliveries.all(caseId) as { data: string }[]).sort((a, b) => a.createdAt - b.createdAt)),
  };
}
