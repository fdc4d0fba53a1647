import { LangSchema, PersonNameInputSchema, RoleSchema, StaffSchema, type Queue, type Staff } from '../../shared/domain';
import { hashPassword } from '../auth/passwords';
import type { HubContext, UnitOfWork } from '../context';
import { Refused } from '../refused';
import { oneTimePassword } from '../admin/adminWrite';
import { createStaff, newStaff, UsernameSchema, type NewPerson } from '../setup/staffAccounts';
import type { StoreReads } from '../store/hubStore';
import { findByIdOrName, listCell, readCsv, type BadRow, type CsvColumn, type CsvRow } from './csvRows';

const COLUMNS = [
  { key: 'username', required: true },
  { key: 'name', required: true },
  { key: 'role', required: true },
  { key: 'languages', aliases: ['language'] },
  { key: 'queues', aliases: ['queue'] },
  { key: 'skills', aliases: ['skill'] },
  { key: 'store' },
] as const satisfies ReadonlyArray<CsvColumn<string>>;
type Column = (typeof COLUMNS)[number]['key'];

/** A person to create: their record's fields and the queues they join. */
export interface StaffImportRow {
  line: number;
  person: NewPerson;
  queueIds: string[];
}

export interface StaffImportPlan {
  create: StaffImportRow[];
  bad: BadRow[];
}

/** A person created by an import with the one-time password to hand them (shown once, stored only hashed). */
export interface ImportedPerson {
  staff: Staff;
  password: string;
}

function rowPerson(row: CsvRow<Column>, queues: readonly Queue[], stores: ReadonlyArray<{ id: string; name: string }>, bad: BadRow[]): StaffImportRow | null {
  const { line, cells: c } = row;
  const before = bad.length;
  const check = <T>(field: string, r: { success: true; data: T } | { success: false; error: { issues: Array<{ message: string }> } }, value: string) => {
    if (r.success) return r.data;
    bad.push({ line, field, reason: `${r.error.issues[0]?.message ?? 'invalid'} (${JSON.stringify(value.slice(0, 60))})` });
    return undefined;
  };
  const username = check('username', UsernameSchema.safeParse(c.username), c.username);
  const name = check('name', PersonNameInputSchema.safeParse(c.name), c.name);
  const role = check('role', RoleSchema.safeParse(c.role.toLowerCase()), c.role);
  const languages = c.languages === '' ? ['en' as const] : listCell(c.languages.toLowerCase()).map((l) => check('languages', LangSchema.safeParse(l), l));
  const skills = listCell(c.skills).map((s) => check('skills', StaffSchema.shape.skills.element.safeParse(s), s));
  const queueIds = listCell(c.queues).map((q) => {
    const queue = findByIdOrName(queues, q);
    if (!queue) bad.push({ line, field: 'queues', reason: `no queue has the id or name ${JSON.stringify(q.slice(0, 60))}` });
    return queue?.id;
  });
  const store = c.store === '' ? null : findByIdOrName(stores, c.store);
  if (store === undefined) bad.push({ line, field: 'store', reason: `no store has the id or name ${JSON.stringify(c.store.slice(0, 60))}` });
  // Store staff serve the customers of their store: without one they would see nothing.
  if (role === 'store' && store === null) bad.push({ line, field: 'store', reason: 'store staff need their store' });
  if (bad.length > before) return null;
  return {
    line,
    person: { username: username!, name: name!, role: role!, languages: [...new Set(languages as Staff['languages'])], skills: [...new Set(skills as string[])], storeId: store?.id ?? null },
    queueIds: [...new Set(queueIds as string[])],
  };
}

async function plan(reads: StoreReads, rows: readonly CsvRow<Column>[], csvBad: readonly BadRow[]): Promise<StaffImportPlan> {
  const [queues, stores] = await Promise.all([reads.all('queue'), reads.all('storeLocation')]);
  const out: StaffImportPlan = { create: [], bad: [...csvBad] };
  const lineOf = new Map<string, number>();
  for (const row of rows) {
    const r = rowPerson(row, queues, stores, out.bad);
    if (!r) continue;
    const earlier = lineOf.get(r.person.username);
    if (earlier !== undefined) out.bad.push({ line: r.line, field: 'username', reason: `${r.person.username} is also on line ${earlier}` });
    else if (await reads.staffCredentials(r.person.username)) out.bad.push({ line: r.line, field: 'username', reason: `${r.person.username} is taken` });
    else {
      lineOf.set(r.person.username, r.line);
      out.create.push(r);
    }
  }
  out.bad.sort((a, b) => a.line - b.line);
  return out;
}

/** Reads a staff CSV and says whom importing it would create, changing nothing. Throws CsvFileProblem. */
export async function previewStaffImport(ctx: HubContext, csv: Buffer): Promise<StaffImportPlan> {
  const { rows, bad } = readCsv(csv, COLUMNS);
  return plan(ctx.store, rows, bad);
}

/** scrypt takes 128 MiB and a fraction of a second per hash: a few at a time, as many as libuv has threads. */
const HASHING_AT_ONCE = 4;

/**
 * Creates the people of a staff CSV, each with a one-time password, in one unit of work (all or nothing), each
 * joining their queues and audited as created by `actorId`. Refuses (`invalid`) while any row is bad, unless
 * `skipBadRows`.
 */
export async function importStaff(
  ctx: HubContext,
  csv: Buffer,
  o: { actorId: string; skipBadRows?: boolean; onProgress?(hashed: number, total: number): void },
): Promise<{ plan: StaffImportPlan; people: ImportedPerson[] }> {
  const { rows, bad } = readCsv(csv, COLUMNS);
  const first = await plan(ctx.store, rows, bad);
  refuseBad(first, o.skipBadRows);
  // Hashing takes long: done before the transaction, which then checks the plan again against what is committed.
  const passwords = first.create.map(() => oneTimePassword());
  const hashes: string[] = [];
  for (let i = 0; i < passwords.length; i += HASHING_AT_ONCE) {
    hashes.push(...(await Promise.all(passwords.slice(i, i + HASHING_AT_ONCE).map((p) => hashPassword(p)))));
    o.onProgress?.(hashes.length, passwords.length);
  }
  return ctx.write(async (w) => {
    const again = await plan(w, rows, bad);
    refuseBad(again, o.skipBadRows);
    if (again.create.length !== first.create.length) throw new Refused('conflict', 'staff changed while the passwords were made: import again');
    const people = again.create.map((r, i) => ({ row: r, staff: newStaff(w, r.person), password: passwords[i], passwordHash: hashes[i], mustChange: true }));
    await createStaff(w, people, o.actorId);
    await joinQueues(w, people.map(({ row, staff }) => ({ staffId: staff.id, queueIds: row.queueIds })));
    return { plan: again, people: people.map(({ staff, password }) => ({ staff, password })) };
  });
}

function refuseBad(p: StaffImportPlan, skipBadRows?: boolean): void {
  if (p.bad.length > 0 && !skipBadRows) {
    throw new Refused('invalid', `${p.bad.length} bad row${p.bad.length === 1 ? '' : 's'} (the first on line ${p.bad[0].line}, ${p.bad[0].field}: ${p.bad[0].reason}): nothing imported`);
  }
}

async function joinQueues(w: UnitOfWork, memberships: ReadonlyArray<{ staffId: string; queueIds: string[] }>): Promise<void> {
  const joining = new Map<string, string[]>();
  for (const { staffId, queueIds } of memberships) for (const q of queueIds) joining.set(q, [...(joining.get(q) ?? []), staffId]);
  for (const [queueId, staffIds] of joining) {
    const queue = await w.get('queue', queueId);
    if (!queue) throw new Refused('not-found', `the queue ${queueId} is gone`);
    await w.save('queue', { ...queue, memberIds: [...queue.memberIds, ...staffIds], version: queue.version + 1 });
    for (const id of staffIds) w.scopeChanged(id);
  }
}
