import type { z } from 'zod';
import type { ImportCustomersSchema, ImportKind, ImportProgress, ImportStaffSchema, ImportSummary } from '../../shared/protocol';
import { keys } from '../audience';
import { CsvFileProblem } from '../import/csvRows';
import { importCustomers, previewCustomerImport } from '../import/customers';
import { importStaff, previewStaffImport } from '../import/staff';
import { FieldRefused, type AdminCall } from './adminWrite';

/** How often an import tells its admin how far it has come. */
const PROGRESS_EVERY_MS = 250;

/**
 * Tells the admin who runs an import how far it has come (`import:progress` to their own connections, on any
 * node), at most every PROGRESS_EVERY_MS and always at the end. Live only: a lost one is made up by the next.
 */
function progressTo({ ctx, actor }: AdminCall, kind: ImportKind): (done: number, total: number) => void {
  let last = 0;
  return (done, total) => {
    const now = Date.now();
    if (done < total && now - last < PROGRESS_EVERY_MS) return;
    last = now;
    ctx.emit([keys.staff(actor.id)], 'import:progress', { kind, done, total } satisfies ImportProgress);
  };
}

/** A file the importer cannot read as a table is a refusal of the `csv` field, saying where. */
async function readingCsv<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof CsvFileProblem) throw new FieldRefused('invalid', 'csv', err.message);
    throw err;
  }
}

/**
 * `POST /api/v1/admin/import/customers`: the CLI's import, answered as counts. Applying refuses (`invalid`) while
 * any row is bad unless `skipBadRows`, and is all or nothing.
 */
export function importCustomersCsv(call: AdminCall, body: z.output<typeof ImportCustomersSchema>): Promise<ImportSummary> {
  const { ctx } = call;
  const csv = Buffer.from(body.csv, 'utf8');
  return readingCsv(async () => {
    const p = body.dryRun ? await previewCustomerImport(ctx, csv, body) : await importCustomers(ctx, csv, { ...body, onProgress: progressTo(call, 'customers') });
    return { dryRun: body.dryRun, create: p.create.length, update: p.update.length, skip: p.skipped, bad: p.bad, people: [] };
  });
}

/**
 * `POST /api/v1/admin/import/staff`: the people created, audited as created by the admin, each with a one-time
 * password returned in this answer only.
 */
export function importStaffCsv(call: AdminCall, body: z.output<typeof ImportStaffSchema>): Promise<ImportSummary> {
  const { ctx, actor } = call;
  const csv = Buffer.from(body.csv, 'utf8');
  return readingCsv(async () => {
    const summary = { dryRun: body.dryRun, update: 0, skip: 0 };
    if (body.dryRun) {
      const p = await previewStaffImport(ctx, csv);
      return { ...summary, create: p.create.length, bad: p.bad, people: [] };
    }
    const done = await importStaff(ctx, csv, { actorId: actor.id, skipBadRows: body.skipBadRows, onProgress: progressTo(call, 'staff') });
    return {
      ...summary,
      create: done.people.length,
      bad: done.plan.bad,
      people: done.people.map(({ staff, password }) => ({ id: staff.id, username: staff.username, name: staff.name, oneTimePassword: password })),
    };
  });
}
