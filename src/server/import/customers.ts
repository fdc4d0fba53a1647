import type { z } from 'zod';
import {
  CustomerSchema,
  EmailSchema,
  identitiesOf,
  identityMapKey,
  LangSchema,
  LoyaltyNumberSchema,
  PersonNameInputSchema,
  phoneInputSchema,
  type Consent,
  type Customer,
  type IdentityKind,
  type StoreLocation,
} from '../../shared/domain';
import { audienceOf } from '../audience';
import type { HubContext, UnitOfWork } from '../context';
import { Refused } from '../refused';
import type { StoreReads } from '../store/hubStore';
import { findByIdOrName, listCell, readCsv, type BadRow, type CsvColumn, type CsvRow } from './csvRows';

const COLUMNS = [
  { key: 'name', required: true },
  { key: 'emails', aliases: ['email'] },
  { key: 'phones', aliases: ['phone'] },
  { key: 'loyaltyNumber', aliases: ['loyalty', 'loyalty card'] },
  { key: 'language', aliases: ['lang'] },
  { key: 'store' },
  { key: 'tags', aliases: ['tag'] },
  { key: 'consent' },
  { key: 'consentSurveys', aliases: ['surveys', 'survey consent'] },
] as const satisfies ReadonlyArray<CsvColumn<string>>;
type Column = (typeof COLUMNS)[number]['key'];

/** What a customer row says, validated; absent optional cells are null (an update leaves those fields alone). */
interface CustomerFields {
  name: string;
  emails: string[];
  phones: string[];
  loyaltyNumber: string | null;
  language: Customer['language'] | null;
  storeId: string | null;
  tags: string[] | null;
  consent: Consent | null;
  /** Whether surveys may go to the customer; null keeps what the record says (new records: yes). */
  surveys: boolean | null;
}

/** New customers speak English unless the row says otherwise. */
const DEFAULT_LANGUAGE = 'en';
/** Service messages allowed, marketing not until asked: as for a customer created any other way. */
const DEFAULT_CONSENT: Consent = { email: true, sms: true, marketing: false };
const CONSENTS = ['email', 'sms', 'marketing'] as const;

export type OnMatch = 'update' | 'skip';

/** What an import would do (or did): the rows it creates and updates, and every row it cannot take. */
export interface CustomerImportPlan {
  create: Customer[];
  update: Array<{ before: Customer; after: Customer }>;
  /** Rows matching a customer when `onMatch` is `skip`. */
  skipped: number;
  bad: BadRow[];
}

const firstIssue = (error: z.ZodError) => error.issues[0]?.message ?? 'invalid';

/** Validates one cell with `schema`: its value, or the reason recorded as a bad row of `field`. */
function cell<T>(schema: z.ZodType<T>, value: string, line: number, field: string, bad: BadRow[]): T | undefined {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  bad.push({ line, field, reason: `${firstIssue(r.error)} (${JSON.stringify(value.slice(0, 60))})` });
  return undefined;
}

/** A `;`-separated list: each value through `item`, then the list as the stored record's `list` allows (how many). */
function cells<T>(item: z.ZodType<T>, list: z.ZodType<unknown[]>, value: string, line: number, field: string, bad: BadRow[]): T[] | undefined {
  const out = listCell(value).map((p) => cell(item, p, line, field, bad));
  if (!out.every((v) => v !== undefined)) return undefined;
  const distinct = [...new Set(out as T[])];
  const counted = list.safeParse(distinct);
  if (counted.success) return distinct;
  bad.push({ line, field, reason: `${distinct.length} values: ${firstIssue(counted.error)}` });
  return undefined;
}

/** `email;sms` gives those consents and not the others, `none` none; an empty cell keeps the default. */
function consentCell(value: string, line: number, bad: BadRow[]): Consent | null | undefined {
  if (value === '') return null;
  const given = listCell(value.toLowerCase());
  if (given.length === 1 && given[0] === 'none') return { email: false, sms: false, marketing: false };
  const unknown = given.find((g) => !(CONSENTS as readonly string[]).includes(g));
  if (unknown !== undefined) {
    bad.push({ line, field: 'consent', reason: `"${unknown.slice(0, 40)}" is not a consent: list email, sms, marketing (or none), separated by ;` });
    return undefined;
  }
  return { email: given.includes('email'), sms: given.includes('sms'), marketing: given.includes('marketing') };
}

const YES = ['yes', 'y', 'true', '1'];
const NO = ['no', 'n', 'false', '0'];

/** `yes` or `no` (also y/n, true/false, 1/0) for survey consent; an empty cell keeps what the record says. */
function surveysCell(value: string, line: number, bad: BadRow[]): boolean | null | undefined {
  const v = value.trim().toLowerCase();
  if (v === '') return null;
  if (YES.includes(v)) return true;
  if (NO.includes(v)) return false;
  bad.push({ line, field: 'consentSurveys', reason: `"${value.slice(0, 40)}" is not yes or no` });
  return undefined;
}

/** A record's consent after a row: its list of consents if it has one, survey consent kept unless the row says. */
function consentAfter(f: CustomerFields, before: Consent): Consent {
  const { email, sms, marketing } = f.consent ?? before;
  const surveys = f.surveys ?? before.surveys;
  return surveys === undefined ? { email, sms, marketing } : { email, sms, marketing, surveys };
}

const { emails: EmailsSchema, phones: PhonesSchema, tags: TagsSchema } = CustomerSchema.shape;

function rowFields(row: CsvRow<Column>, stores: readonly StoreLocation[], bad: BadRow[]): CustomerFields | null {
  const { line, cells: c } = row;
  const before = bad.length;
  const name = cell(PersonNameInputSchema, c.name, line, 'name', bad);
  const emails = cells(EmailSchema, EmailsSchema, c.emails, line, 'emails', bad);
  const store = c.store === '' ? null : findByIdOrName(stores, c.store);
  if (store === undefined) bad.push({ line, field: 'store', reason: `no store has the id or name ${JSON.stringify(c.store.slice(0, 60))}` });
  // A number without its country code is the row's store's country's; with no store or country, it needs its code.
  const phones = cells(phoneInputSchema(store?.country ?? null), PhonesSchema, c.phones, line, 'phones', bad);
  const loyaltyNumber = c.loyaltyNumber === '' ? null : cell(LoyaltyNumberSchema, c.loyaltyNumber, line, 'loyaltyNumber', bad);
  const language = c.language === '' ? null : cell(LangSchema, c.language.toLowerCase(), line, 'language', bad);
  const tags = c.tags === '' ? null : cells(TagsSchema.element, TagsSchema, c.tags, line, 'tags', bad);
  const consent = consentCell(c.consent, line, bad);
  const surveys = surveysCell(c.consentSurveys, line, bad);
  if (bad.length > before) return null;
  return { name: name!, emails: emails!, phones: phones!, loyaltyNumber: loyaltyNumber!, language: language!, storeId: store?.id ?? null, tags: tags!, consent: consent!, surveys: surveys! };
}

/** A row whose cells are good: what it says, and the identities it names (keyed for matching). */
interface GoodRow {
  line: number;
  fields: CustomerFields;
  identities: Array<[IdentityKind, string]>;
}

/** What earlier rows of the file took, with the line that took it: identities, and customers they update. */
interface Taken {
  identities: Map<string, number>;
  customers: Map<string, number>;
}

/** Every row's cells checked (what is wrong goes to `bad`), and the good rows with their identities. */
function goodRows(rows: readonly CsvRow<Column>[], stores: readonly StoreLocation[], bad: BadRow[]): GoodRow[] {
  return rows.flatMap((row) => {
    const fields = rowFields(row, stores, bad);
    if (!fields) return [];
    const identities = identitiesOf({ emails: fields.emails, phones: fields.phones, handles: [], loyaltyNumber: fields.loyaltyNumber });
    return [{ line: row.line, fields, identities }];
  });
}

/** The distinct customers holding the row's identities, in the order of its identities. */
function ownersOf(row: GoodRow, holders: ReadonlyMap<string, Customer>): Customer[] {
  const owners = new Map<string, Customer>();
  for (const [kind, value] of row.identities) {
    const owner = holders.get(identityMapKey(kind, value));
    if (owner) owners.set(owner.id, owner);
  }
  return [...owners.values()];
}

/** Why the row cannot be imported, given who holds its identities and what earlier rows took; null when it can. */
function conflict(row: GoodRow, owners: readonly Customer[], taken: Taken): BadRow | null {
  const { line, fields } = row;
  const clash = row.identities.find(([kind, value]) => taken.identities.has(identityMapKey(kind, value)));
  if (clash) return { line, field: fieldOf(clash[0]), reason: `${clash[1]} is also on line ${taken.identities.get(identityMapKey(...clash))}` };
  if (owners.length > 1) return { line, field: 'row', reason: `its identities belong to ${owners.length} different customers: a supervisor merges them first` };
  const [match] = owners;
  if (match && taken.customers.has(match.id)) return { line, field: 'row', reason: `matches the same customer as line ${taken.customers.get(match.id)}` };
  if (match && match.loyaltyNumber && fields.loyaltyNumber && match.loyaltyNumber !== fields.loyaltyNumber) {
    return { line, field: 'loyaltyNumber', reason: `the matching customer has the loyalty number ${match.loyaltyNumber}` };
  }
  return null;
}

/** The customer the row creates, or `match` as the row updates it, into `out`; a record the row spoils is a bad row. */
function record(ctx: HubContext, row: GoodRow, match: Customer | undefined, now: number, out: CustomerImportPlan): void {
  const r = CustomerSchema.safeParse(match ? updated(match, row.fields, now) : created(ctx, row.fields, now));
  if (!r.success) {
    const issue = r.error.issues[0];
    out.bad.push({ line: row.line, field: String(issue?.path[0] ?? 'row'), reason: `${issue?.message ?? 'invalid'}${match ? ' (with what the customer has already)' : ''}` });
  } else if (match) out.update.push({ before: match, after: r.data });
  else out.create.push(r.data);
}

/**
 * Works out what importing `rows` does, against what `reads` sees: a row whose identities (emails, phones,
 * loyalty number) are all new creates a customer; one whose identities belong to one customer updates it
 * (`onMatch`), adding its new identities and replacing the fields its cells give; identities of two customers,
 * or ones another row of the file has, make a bad row (an identity belongs to one customer; joining two is a
 * supervisor's merge). Every row's cells are checked first, so that the store is asked for all their identities
 * at once (in a few statements, not one per identity), then the rows are decided in file order.
 */
async function plan(ctx: HubContext, reads: StoreReads, rows: readonly CsvRow<Column>[], csvBad: readonly BadRow[], onMatch: OnMatch): Promise<CustomerImportPlan> {
  const out: CustomerImportPlan = { create: [], update: [], skipped: 0, bad: [...csvBad] };
  const good = goodRows(rows, await reads.all('storeLocation'), out.bad);
  const holders = await reads.customersByIdentities(good.flatMap((row) => row.identities));
  const taken: Taken = { identities: new Map(), customers: new Map() };
  const now = ctx.now();
  for (const row of good) {
    const owners = ownersOf(row, holders);
    const problem = conflict(row, owners, taken);
    if (problem) {
      out.bad.push(problem);
      continue;
    }
    const [match] = owners;
    for (const [kind, value] of row.identities) taken.identities.set(identityMapKey(kind, value), row.line);
    if (match) taken.customers.set(match.id, row.line);
    if (match && onMatch === 'skip') out.skipped++;
    else record(ctx, row, match, now, out);
  }
  out.bad.sort((a, b) => a.line - b.line);
  return out;
}

const fieldOf = (kind: IdentityKind) => (kind === 'email' ? 'emails' : kind === 'phone' ? 'phones' : 'loyaltyNumber');

function created(ctx: HubContext, f: CustomerFields, now: number): Customer {
  return {
    id: ctx.newId('cus'),
    name: f.name,
    emails: f.emails,
    phones: f.phones,
    handles: [],
    loyaltyNumber: f.loyaltyNumber,
    language: f.language ?? DEFAULT_LANGUAGE,
    storeId: f.storeId,
    tags: f.tags ?? [],
    consent: consentAfter(f, DEFAULT_CONSENT),
    mergedInto: null,
    createdAt: now,
    updatedAt: now,
    version: 1,
  };
}

function updated(c: Customer, f: CustomerFields, now: number): Customer {
  // An import adds identities and never takes one away: a customer keeps being found by what they wrote from.
  const union = (a: string[], b: string[]) => [...new Set([...a, ...b])];
  return {
    ...c,
    name: f.name,
    emails: union(c.emails, f.emails),
    phones: union(c.phones, f.phones),
    loyaltyNumber: c.loyaltyNumber ?? f.loyaltyNumber,
    language: f.language ?? c.language,
    storeId: f.storeId ?? c.storeId,
    tags: f.tags ?? c.tags,
    consent: consentAfter(f, c.consent),
    updatedAt: now,
    version: c.version + 1,
  };
}

export interface CustomerImportOptions {
  onMatch: OnMatch;
  /** Import the good rows even when some are bad (otherwise nothing is imported while any row is bad). */
  skipBadRows?: boolean;
  /** Told of rows written so far during `importCustomers`. */
  onProgress?(done: number, total: number): void;
}

/** Reads a customers CSV and says what importing it would do, changing nothing. Throws CsvFileProblem. */
export async function previewCustomerImport(ctx: HubContext, csv: Buffer, o: Pick<CustomerImportOptions, 'onMatch'>): Promise<CustomerImportPlan> {
  const { rows, bad } = readCsv(csv, COLUMNS);
  return plan(ctx, ctx.store, rows, bad, o.onMatch);
}

/** Rows per store call: one statement per few thousand rows, progress between them. */
const WRITE_BATCH = 2_000;

/**
 * Imports a customers CSV in one unit of work (all of it or, when a row is refused, nothing): the plan is made
 * again inside it, against what is committed, and its rows are saved with their audiences, so workstations
 * receive them through the change feed. Refuses (`invalid`) while any row is bad, unless `skipBadRows`.
 */
export async function importCustomers(ctx: HubContext, csv: Buffer, o: CustomerImportOptions): Promise<CustomerImportPlan> {
  const { rows, bad } = readCsv(csv, COLUMNS);
  return ctx.write(async (w) => {
    const p = await plan(ctx, w, rows, bad, o.onMatch);
    if (p.bad.length > 0 && !o.skipBadRows) {
      throw new Refused('invalid', `${p.bad.length} bad row${p.bad.length === 1 ? '' : 's'} (the first on line ${p.bad[0].line}, ${p.bad[0].field}: ${p.bad[0].reason}): nothing imported`);
    }
    await save(w, p, o.onProgress);
    return p;
  });
}

async function save(w: UnitOfWork, p: CustomerImportPlan, onProgress?: (done: number, total: number) => void): Promise<void> {
  const total = p.create.length + p.update.length;
  let done = 0;
  const all = [...p.create.map((row) => ({ row, prev: null })), ...p.update.map(({ before, after }) => ({ row: after, prev: before }))];
  for (let i = 0; i < all.length; i += WRITE_BATCH) {
    const batch = all.slice(i, i + WRITE_BATCH);
    // A customer this import creates has an id made just now, so no case names it yet: nobody beyond supervisors
    // hears of it, and no read is needed per new row.
    const withAudience = await Promise.all(batch.map(async ({ row, prev }) => ({ row, audience: prev ? await audienceOf(w, 'customer', row, prev) : [] })));
    await w.putMany('customer', withAudience);
    done += batch.length;
    onProgress?.(done, total);
  }
}
