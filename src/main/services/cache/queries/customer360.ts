import type { Case, Customer } from '../../../../shared/domain';
import { layOver, type Overlaid } from '../../outbox/overlay';
import type { Db } from '../database';
import { getRow, parseRows } from '../rows';

/** SQL of the customer's cases, exported for query-plan tests. */
export const CUSTOMER_CASES_SQL = 'SELECT data FROM cases WHERE customer_id = ? ORDER BY updated_at DESC';

/** One customer and everything we hold about them: what store staff need so the customer never repeats themselves. */
export interface Customer360 {
  customer: Overlaid<Customer>;
  /** All their cases, most recently updated first. */
  cases: Overlaid<Case>[];
}

/** A customer and all their cases; null when the customer is not cached. */
export function getCustomer360(db: Db, customerId: string): Customer360 | null {
  const customer = getRow(db, 'customer', customerId);
  if (customer === null) return null;
  const cases = parseRows<Case>(db.prepare(CUSTOMER_CASES_SQL).all(customerId) as { data: string }[]);
  return { customer: layOver(db, 'customer', [customer])[0], cases: layOver(db, 'case', cases) };
}
