import { isSupervising, maySeeCase, type Case, type Staff } from '../shared/domain';
import type { Scope } from '../shared/protocol';
import type { HubContext } from './context';

/** A person's scope as the protocol describes it (queues from current memberships). */
export function scopeOf(ctx: HubContext, staff: Staff): Scope {
  return {
    all: isSupervising(staff.role),
    queueIds: ctx.queues().filter((q) => q.memberIds.includes(staff.id)).map((q) => q.id),
    storeId: staff.storeId,
    staffId: staff.id,
  };
}

/** Whether a person may see (and so act on) a case: supervisors all, others their queues, store and own cases. */
export function canSeeCase(ctx: HubContext, staff: Staff, kase: Case): boolean {
  return maySeeCase(staff, kase, ctx.queue(kase.queueId)?.memberIds);
}
