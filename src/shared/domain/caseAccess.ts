import type { Case } from './case';
import { isSupervising } from './enums';
import type { Staff } from './org';

/**
 * THE rule of who may see (and so act on, or be told about) a case: supervisors and admins all; others the cases
 * assigned to them, their store's cases and the cases of queues they belong to. The hub enforces it; the
 * workstation uses it to offer only people who may see a case (colleagues to mention in its notes).
 */
export function maySeeCase(
  staff: Pick<Staff, 'id' | 'role' | 'storeId'>,
  kase: Pick<Case, 'assigneeId' | 'storeId'>,
  queueMemberIds: readonly string[] | undefined,
): boolean {
  if (isSupervising(staff.role) || kase.assigneeId === staff.id) return true;
  if (staff.storeId !== null && kase.storeId === staff.storeId) return true;
  return queueMemberIds?.includes(staff.id) ?? false;
}
