import type { OutputOf } from '../../../shared/ipc/contract';
import type { Dashboard } from './supervisorTypes';

export type DashboardChanges = OutputOf<'supervisor.dashboardChanges'>;

/**
 * The dashboard with a live update applied: changed cases replace theirs (new ones join at the end), gone
 * ones leave, and new survey answers join in time order.
 */
export function patchDashboard(data: Dashboard, changes: DashboardChanges): Dashboard {
  const cases = new Map(data.cases.map((c) => [c.case.id, c]));
  for (const id of changes.gone) cases.delete(id);
  for (const c of changes.cases) cases.set(c.case.id, c);
  if (changes.csat.length === 0) return { cases: [...cases.values()], csat: data.csat };
  const csat = new Map(data.csat.map((r) => [r.id, r]));
  for (const r of changes.csat) csat.set(r.id, r);
  return { cases: [...cases.values()], csat: [...csat.values()].sort((a, b) => a.createdAt - b.createdAt) };
}
