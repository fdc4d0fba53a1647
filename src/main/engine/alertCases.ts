import type { Alert, Case } from '../../shared/domain';
import { customerNames } from './customerNames';
import { layOver } from '../services/outbox/overlay';
import type { Db } from '../services/cache/database';
import { parseRows } from '../services/cache/rows';

/** What a red alert's row shows of its case now: subject, who holds it, its queue, and the customer's name. */
export interface AlertCase {
  subject: string;
  assigneeId: string | null;
  queueId: string;
  customerName: string | null;
}

/**
 * Each alert with its case as it stands now (my pending moves laid over, as the rest of the console shows them),
 * or `case: null` when the case is not held here. The alert keeps the queue it was raised in; the case may have
 * moved since, and the supervisor follows up with whoever holds it now.
 */
export function withAlertCases<A extends Pick<Alert, 'caseId'>>(db: Db, alerts: readonly A[]): (A & { case: AlertCase | null })[] {
  if (alerts.length === 0) return [];
  const ids = JSON.stringify([...new Set(alerts.map((a) => a.caseId))]);
  const rows = parseRows<Case>(db.prepare('SELECT data FROM cases WHERE id IN (SELECT value FROM json_each(?))').all(ids) as { data: string }[]);
  const cases = layOver(db, 'case', rows);
  const names = customerNames(db, cases.map((c) => c.customerId));
  const byId = new Map(
    cases.map((c) => [c.id, { subject: c.subject, assigneeId: c.assigneeId, queueId: c.queueId, customerName: names.get(c.customerId) ?? null } satisfies AlertCase]),
  );
  return alerts.map((a) => ({ ...a, case: byId.get(a.caseId) ?? null }));
}
