import { isSupervising, type Staff } from '../../shared/domain';
import type { Report, ReportQuerySchema } from '../../shared/protocol';
import type { z } from 'zod';
import type { HubContext } from '../context';
import { Refused } from '../refused';

/** `report:query`: a supervisor's or admin's report of a period (see src/shared/protocol/reports.ts). */
export async function reportFor(_ctx: HubContext, staff: Staff, _query: z.output<typeof ReportQuerySchema>): Promise<Report> {
  if (!isSupervising(staff.role)) throw new Refused('forbidden', 'only supervisors and admins read reports');
  // Being built on the reports branch (issue 17): the store's report reads land with it.
  throw new Refused('unavailable', 'reports are not available on this hub yet');
}
