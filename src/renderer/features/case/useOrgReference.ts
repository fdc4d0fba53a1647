import { useMemo } from 'react';
import type { Queue, StoreLocation } from '../../../shared/domain';
import type { OutputOf } from '../../../shared/ipc/contract';
import { useChannel } from '../../lib/api/useChannel';

type Staff = OutputOf<'reference.org'>['staff'][number];

export interface OrgReference {
  queues: Queue[];
  staff: Staff[];
  stores: StoreLocation[];
  staffName(id: string | null | undefined): string | null;
  storeName(id: string | null | undefined): string | null;
}

/** Queues, staff and stores in scope, with name look-ups for the timeline and the case controls. */
export function useOrgReference(): OrgReference {
  const org = useChannel('reference.org', {}, {
    refreshOn: (c) => c.entities.queue !== undefined || c.entities.staff !== undefined || c.entities.storeLocation !== undefined,
  });
  return useMemo(() => {
    const queues = org.data?.queues ?? [];
    const staff = org.data?.staff ?? [];
    const stores = org.data?.stores ?? [];
    const staffById = new Map(staff.map((s) => [s.id, s.name]));
    const storeById = new Map(stores.map((s) => [s.id, `${s.name}, ${s.city}`]));
    return {
      queues,
      staff,
      stores,
      staffName: (id) => (id ? (staffById.get(id) ?? null) : null),
      storeName: (id) => (id ? (storeById.get(id) ?? null) : null),
    };
  }, [org.data]);
}
