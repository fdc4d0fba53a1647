import type { Case, Customer } from '../shared/domain';
import type { EntityName, EntityRow } from '../shared/protocol';
import type { StoreReads } from './store/hubStore';

/**
 * Audience keys: who may receive a change. Agents listen on their queues and themselves, store staff on their
 * store and themselves, everyone on '*'. Supervisors and admins receive everything and need no key.
 */
export const keys = {
  everyone: '*',
  queue: (id: string) => `q:${id}`,
  staff: (id: string) => `s:${id}`,
  store: (id: string) => `st:${id}`,
};

const STAFF_KEY_PREFIX = keys.staff('');
/** Whether an audience key names one person (rather than a queue, a store or everyone). */
export const isStaffKey = (key: string) => key.startsWith(STAFF_KEY_PREFIX);

/** Who may see a case and what hangs off it (its customer, timeline, survey answers, deliveries). */
export function caseKeys(c: Case, into: Set<string> = new Set()): Set<string> {
  into.add(keys.queue(c.queueId));
  if (c.assigneeId) into.add(keys.staff(c.assigneeId));
  if (c.storeId) into.add(keys.store(c.storeId));
  return into;
}

/**
 * Who receives a change to `row`. For a case, both the people who could see it before (`prev`) and after the
 * change: those who lose it must hear of it to drop it.
 */
export async function audienceOf<E extends EntityName>(store: StoreReads, entity: E, row: EntityRow<E>, prev: EntityRow<E> | null): Promise<string[]> {
  const out = new Set<string>();
  switch (entity) {
    case 'queue':
    case 'staff':
    case 'storeLocation':
    case 'canned':
      out.add(keys.everyone);
      break;
    case 'kb':
      // Drafts are for supervisors and admins (who receive everything); everyone hears of an article published
      // or taken back to draft, so that they can show or drop it.
      if ((row as EntityRow<'kb'>).status !== 'draft' || (prev as EntityRow<'kb'> | null)?.status === 'published') out.add(keys.everyone);
      break;
    case 'case':
      caseKeys(row as Case, out);
      if (prev) caseKeys(prev as Case, out);
      break;
    case 'customer':
      for (const c of await store.casesOfCustomer((row as Customer).id)) caseKeys(c, out);
      break;
    case 'interaction':
    case 'csat':
    case 'delivery': {
      const c = await store.get('case', (row as EntityRow<'interaction'>).caseId);
      if (c) caseKeys(c, out);
      break;
    }
    case 'alert': {
      const a = row as EntityRow<'alert'>;
      for (const id of a.notifiedStaffIds) out.add(keys.staff(id));
      if (a.followUpStaffId) out.add(keys.staff(a.followUpStaffId));
      const p = prev as EntityRow<'alert'> | null;
      if (p?.followUpStaffId) out.add(keys.staff(p.followUpStaffId));
      break;
    }
    case 'held': {
      const h = row as EntityRow<'held'>;
      out.add(keys.staff(h.authorId));
      const c = await store.get('case', h.caseId);
      if (c?.assigneeId) out.add(keys.staff(c.assigneeId));
      break;
    }
  }
  return [...out];
}
