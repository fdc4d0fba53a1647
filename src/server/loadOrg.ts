import type { Case, CannedResponse, CsatResponse, Customer, Interaction, KbArticle, Queue, Staff, StoreLocation } from '../shared/domain';
import { caseKeys, keys } from './audience';
import { hashPassword, SCRYPT_PARAMS, type ScryptCost } from './auth/passwords';
import type { HubStore, StoreWrites } from './store/hubStore';

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

/** Writes people (visible to everyone) with their password hashes (`''`: no password sign-in). */
export async function putStaff(
  tx: Pick<StoreWrites, 'putMany' | 'setPasswordHash'>,
  people: ReadonlyArray<{ staff: Staff; passwordHash: string; mustChange?: boolean }>,
): Promise<void> {
  await tx.putMany('staff', people.map(({ staff }) => ({ row: staff, audience: [keys.everyone] })));
  for (const { staff, passwordHash, mustChange } of people) await tx.setPasswordHash(staff.id, passwordHash, mustChange);
}

/**
 * Loads an organisation into an empty hub store, logging every row in the change feed like any other write.
 * Batches go in one transaction each, with audiences computed from the batch itself (no read-backs), so a
 * million interactions load in well under a minute.
 */
export async function loadOrg(store: HubStore, org: OrgData, onProgress?: (rows: number) => void, hashing: ScryptCost = SCRYPT_PARAMS): Promise<void> {
  const hashes = await Promise.all(org.staff.map((s) => (s.password === null ? '' : hashPassword(s.password, hashing))));
  await store.write(async (tx) => {
    const everyone = [keys.everyone];
    const all = <T>(rows: T[]) => rows.map((row) => ({ row, audience: everyone }));
    await tx.putMany('storeLocation', all(org.storeLocations));
    await tx.putMany('queue', all(org.queues));
    await putStaff(tx, org.staff.map(({ staff }, i) => ({ staff, passwordHash: hashes[i] })));
    await tx.putMany('kb', all(org.kb));
    await tx.putMany('canned', all(org.canned));
  });
  let rows = 0;
  for (const batch of org.batches ?? []) {
    await store.write(async (tx) => {
      const audiences = new Map<string, string[]>();
      const byCustomer = new Map<string, Set<string>>();
      for (const c of batch.cases) {
        const aud = caseKeys(c);
        audiences.set(c.id, [...aud]);
        const set = byCustomer.get(c.customerId) ?? byCustomer.set(c.customerId, new Set()).get(c.customerId)!;
        for (const k of aud) set.add(k);
      }
      await tx.putMany('customer', batch.customers.map((row) => ({ row, audience: [...(byCustomer.get(row.id) ?? [])] })));
      await tx.putMany('case', batch.cases.map((row) => ({ row, audience: audiences.get(row.id)! })));
      await tx.putMany('interaction', batch.interactions.map((row) => ({ row, audience: audiences.get(row.caseId) ?? [] })));
      await tx.putMany('csat', batch.csat.map((row) => ({ row, audience: audiences.get(row.caseId) ?? [] })));
    });
    rows += batch.customers.length + batch.cases.length + batch.interactions.length + batch.csat.length;
    onProgress?.(rows);
  }
}
