import { isSupervising, type Staff } from '../../shared/domain';
import type { Report, ReportQuerySchema } from '../../shared/protocol';
import type { z } from 'zod';
import type { HubContext } from '../context';
import { Refused } from '../refused';
import { computeReport } from './computeReport';

/** `report:query`: a supervisor's or admin's report of a period (see src/shared/protocol/reports.ts). */
export async function reportFor(ctx: HubContext, staff: Staff, query: z.output<typeof ReportQuerySchema>): Promise<Report> {
  if (!isSupervising(staff.role)) throw new Refused('forbidden', 'only supervisors and admins read reports');
  const names = new Map(ctx.allStaff().map((s) => [s.id, s.name]));
  return computeReport(ctx.store, query, { now: ctx.now(), nameOf: (id) => names.get(id) ?? null });
}
