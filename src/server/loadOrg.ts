import type { Case, CannedResponse, CsatResponse, Customer, Interaction, KbArticle, Queue, Staff, StoreLocation } from '../shared/domain';
import { caseKeys, keys } from './audience';
import { hashPassword } from './auth/passwords';
import type { HubStore } from './store/hubStore';

/** An organisation to load: reference data, staff with their passwords, and customers with their histories. */
export interface OrgData {
  storeLocations: StoreLocation[];
  queues: Queue[];
  /** `password: null` loads a person who cannot sign in with a password (load tests open sessions in-process). */
  staff: Array<{ staff: Staff; password: string | null }>;
  kb: KbArticle[];
  canned: CannedResponse[];
  batches?: Iterable<{ customers: Customer[]; cases: Case[]; interactions: Interaction[]; csat: CsatResponse[] }>;
}

/**
 * Loads an organisation into an empty hub store, logging every row in the change feed like any other write.
 * Batches go in one transaction each, with audiences computed from the batch itself (no read-backs), so a
 * million interactions load in well under a minute.
 */
export async function loadOrg(store: HubStore, org: OrgData, onProgress?: (rows: number) => void): Promise<void> {
  const hashes = await Promise.all(org.staff.map((s) => (s.password === null ? '' : hashPassword(s.password))));
  store.transaction(() => {
    const everyone = [keys.everyone];
    for (const s of org.storeLocations) store.put('storeLocation', s, everyone);
    for (const q of org.queues) store.put('queue', q, everyone);
    org.staff.forEach(({ staff }, i) => {
      store.put('staff', staff, everyone);
      store.setPasswordHash(staff.id, hashes[i]);
    });
    for (const a of org.kb) store.put('kb', a, everyone);
    for (const c of org.canned) store.put('canned', c, everyone);
  });
  let rows = 0;
  for (const batch of org.batches ?? []) {
    store.transaction(() => {
      const audiences = new Map<string, string[]>();
      const byCustomer = new Map<string, Set<string>>();
      for (const c of batch.cases) {
        const aud = caseKeys(c);
        audiences.set(c.id, [...aud]);
        const set = byCustomer.get(c.customerId) ?? byCustomer.set(c.customerId, new Set()).get(c.customerId)!;
        for (const k of aud) set.add(k);
      }
      for (const c of batch.customers) store.put('customer', c, [...(byCustomer.get(c.id) ?? [])]);
      for (const c of batch.cases) store.put('case', c, audiences.get(c.id)!);
      for (const i of batch.interactions) store.put('interaction', i, audiences.get(i.caseId) ?? []);
      for (const r of batch.csat) store.put('csat', r, audiences.get(r.caseId) ?? []);
    });
    rows += batch.customers.length + batch.cases.length + batch.interactions.length + batch.csat.length;
    onProgress?.(rows);
  }
}
