import type { EntityName } from '../../../shared/protocol';

/** Rows written or removed, per entity, and the cases they belong to: what a `changed` event carries. */
export interface ChangedRows {
  byEntity: Partial<Record<EntityName, string[]>>;
  cases: string[];
}

/**
 * Gathers the changes of a bootstrap so that the UI hears of them once per settled batch rather than once per
 * page: every page would make each open view read again, dozens of times a second, while the pages apply.
 * `add` collects; `due` says whether `everyMs` passed since the last announcement; `take` hands over what was
 * gathered (null when nothing) and starts a new batch. Ids are kept unique.
 */
export function createChangeBatch(everyMs: number, now: () => number = Date.now) {
  let byEntity = new Map<EntityName, Set<string>>();
  let cases = new Set<string>();
  let since = now();
  return {
    add(changed: ChangedRows): void {
      for (const [entity, ids] of Object.entries(changed.byEntity) as [EntityName, string[]][]) {
        const set = byEntity.get(entity) ?? byEntity.set(entity, new Set()).get(entity)!;
        for (const id of ids) set.add(id);
      }
      for (const id of changed.cases) cases.add(id);
    },
    due: (): boolean => now() - since >= everyMs,
    take(): ChangedRows | null {
      const taken = byEntity.size === 0 ? null : { byEntity: Object.fromEntries([...byEntity].map(([e, ids]) => [e, [...ids]])), cases: [...cases] };
      byEntity = new Map();
      cases = new Set();
      since = now();
      return taken;
    },
  };
}
