import type { Delivery } from '../../../../shared/domain';
import { layOver, type Overlaid } from '../../outbox/overlay';
import type { Db } from '../database';
import { statementCache } from '../statementCache';

/** A failed delivery as the supervisor console lists it: with its case's subject and its customer's name. */
export interface FailedDelivery {
  delivery: Overlaid<Delivery>;
  caseSubject: string | null;
  customerName: string | null;
}

/** SQL of the failed deliveries, newest first, exported for query-plan tests. */
export const FAILED_DELIVERIES_SQL = `
  SELECT d.data, json_extract(c.data, '$.subject') AS subject, json_extract(u.data, '$.name') AS name
  FROM deliveries d
  LEFT JOIN cases c ON c.id = d.case_id
  LEFT JOIN customers u ON u.id = c.customer_id
  WHERE d.status = 'failed'
  ORDER BY d.updated_at DESC
  LIMIT ?`;

const statements = statementCache((db) => ({ failed: db.prepare(FAILED_DELIVERIES_SQL) }));

/**
 * The newest `limit` deliveries that failed, whatever case they belong to (the supervisor's cache holds every
 * case). My retries are laid over them: a retry waiting to be sent still lists its delivery, marked.
 */
export function listFailedDeliveries(db: Db, limit: number): FailedDelivery[] {
  const rows = statements(db).failed.all(limit) as { data: string; subject: string | null; name: string | null }[];
  const deliveries = layOver(
    db,
    'delivery',
    rows.map((r) => JSON.parse(r.data) as Delivery),
  );
  return deliveries.map((delivery, i) => ({ delivery, caseSubject: rows[i].subject, customerName: rows[i].name }));
}
