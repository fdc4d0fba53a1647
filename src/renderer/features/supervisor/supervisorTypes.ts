import type { OutputOf } from '../../../shared/ipc/contract';

/** What the console reads: the dashboard's cases and survey answers, and the organisation. */
export type Dashboard = OutputOf<'supervisor.dashboard'>;
export type DashboardCase = Dashboard['cases'][number];
export type Org = OutputOf<'reference.org'>;
export type OrgStaff = Org['staff'][number];
export type ConsoleAlert = OutputOf<'alert.list'>[number];
export type FailedDelivery = OutputOf<'supervisor.failedDeliveries'>[number];
