import type { DataChanged } from './useChannel';

/**
 * Whether a `data.changed` may concern one case's rows (the case, its timeline, held replies, deliveries). The
 * engine names the cases it changed (`cases`), so an open case reads again only when it changed; an event without
 * them (my own changes) counts for any case whose kind of rows it names.
 */
export function caseChanged(changed: DataChanged, caseId: string): boolean {
  if (changed.cases !== undefined) return changed.cases.includes(caseId);
  const { entities } = changed;
  return entities.case?.includes(caseId) === true || entities.interaction !== undefined || entities.held !== undefined || entities.delivery !== undefined;
}
