import {
  EmailSchema,
  HandleSchema,
  homeCountry,
  isOpenCase,
  isSupervising,
  looksLikeNumber,
  lookupKind,
  LoyaltyNumberSchema,
  normalizePhone,
  type Country,
  type LookupKind,
  type Customer,
  type Staff,
} from '../shared/domain';
import type { Change } from '../shared/protocol';
import { foldText } from '../shared/text/fold';
import { createRateLimiter } from './auth/rateLimiter';
import type { HubContext } from './context';
import type { SharedState } from './sharedState';
import type { StoreReads } from './store/hubStore';
import { continuationRows, isServing, startServing } from './continuation';
import { canSeeCase } from './permissions';
import { Refused } from './refused';

export interface LookupLimit {
  /** Lookups one person may make within `windowMs`. */
  max: number;
  windowMs: number;
}

/** A store clerk serves a customer every few minutes; a script walking the customer base is not a clerk. */
export const DEFAULT_LOOKUP_LIMIT: LookupLimit = { max: 30, windowMs: 10 * 60_000 };

/** Names matched before the detail narrows them (a common surname in a large customer base). */
const NAME_CANDIDATES = 500;
/** Digits a complete national number has at least: typed without its country code, it matches a phone's end. */
const NATIONAL_DIGITS = 9;

/**
 * Customers one exact identifier names (see lookupKind). A phone typed without its country code is read in the
 * asker's country (their store's or queues', see homeCountry); with none, it is matched by its ending only.
 */
async function byIdentifier(store: StoreReads, kind: Exclude<LookupKind, 'name'>, q: string, limit: number, country: Country | null): Promise<Customer[]> {
  const one = (c: Customer | null) => (c ? [c] : []);
  switch (kind) {
    case 'email':
      return EmailSchema.safeParse(q).success ? one(await store.findCustomerByIdentity('email', q)) : [];
    case 'handle':
      return HandleSchema.safeParse(q).success ? one(await store.findCustomerByIdentity('handle', q)) : [];
    case 'phone': {
      const phone = normalizePhone(q, country);
      const digits = q.replace(/\D/g, '').replace(/^0+/, '');
      const exact = phone ? one(await store.findCustomerByIdentity('phone', phone)) : [];
      return [...exact, ...(digits.length >= NATIONAL_DIGITS ? await store.customersByPhoneEnding(digits, limit) : [])];
    }
    case 'loyalty': {
      const loyalty = LoyaltyNumberSchema.safeParse(q).success ? await store.findCustomerByIdentity('loyalty', q) : null;
      return one(loyalty ?? (HandleSchema.safeParse(q).success ? await store.findCustomerByIdentity('handle', q) : null));
    }
  }
}

/** Whether one more detail the person gave fits the customer: a phone's or loyalty number's end, part of an email or handle. */
export function fitsDetail(c: Customer, detail: string): boolean {
  const d = detail.trim();
  const digits = d.replace(/\D/g, '');
  if (looksLikeNumber(d)) return digits.length >= 3 && (c.phones.some((p) => p.endsWith(digits)) || (c.loyaltyNumber ?? '').replace(/\D/g, '').endsWith(digits));
  const lower = d.toLowerCase();
  return c.emails.some((e) => e.includes(lower)) || c.handles.some((h) => h.toLowerCase().includes(lower)) || (c.loyaltyNumber ?? '').endsWith(d.toUpperCase());
}

/**
 * `customer:lookup`: finds customers by an exact identifier, or by a name plus one more detail, within a
 * per-person rate limit; audits every lookup; answers whole rows of the cases the asker may see and, for store
 * staff (who are serving the customer at the counter from now on) and people on a call with the customer,
 * continuation views of the customer's other open cases (src/server/continuation.ts).
 */
export function createLookup(ctx: HubContext, shared: SharedState, limit: LookupLimit = DEFAULT_LOOKUP_LIMIT) {
  const perPerson = createRateLimiter({ name: 'lookup', max: limit.max, windowMs: limit.windowMs, now: ctx.now, shared });

  async function find(staff: Staff, query: string, detail: string | undefined, max: number): Promise<{ kind: LookupKind; customers: Customer[] }> {
    const q = query.trim();
    const kind = lookupKind(q);
    if (kind !== 'name') {
      const country = kind === 'phone' ? homeCountry(staff, await ctx.store.all('storeLocation'), ctx.queues()) : null;
      return { kind, customers: await byIdentifier(ctx.store, kind, q, max, country) };
    }
    if (detail === undefined) {
      throw new Refused('invalid', 'detail: a name needs one more detail (the last digits of a phone or loyalty number, or part of an email or handle)');
    }
    const named = await ctx.store.customersNamed(foldText(q), NAME_CANDIDATES);
    return { kind, customers: named.filter((c) => fitsDetail(c, detail)) };
  }

  return async function lookup(staff: Staff, p: { query: string; detail?: string; limit: number }): Promise<{ rows: Change[]; partialCaseIds: string[] }> {
    if (!(await perPerson.attempt(staff.id))) {
      const wait = await perPerson.retryAfter(staff.id);
      throw new Refused('rate-limited', `too many lookups; try again in ${Math.ceil(wait / 1000)} s`, undefined, wait);
    }
    const { kind, customers } = await find(staff, p.query, p.detail, p.limit);
    const matches = customers.filter((c, i) => c.mergedInto === null && customers.findIndex((o) => o.id === c.id) === i).slice(0, p.limit);
    const rows: Change[] = [];
    const partialCaseIds: string[] = [];
    const shown: string[] = [];
    await ctx.write(async (w) => {
      // Store staff who found a customer to serve them at the counter are serving them from now on: every
      // customer an exact identifier names, or the one customer a name and a detail narrow down to.
      const atCounter = staff.role === 'store' && (kind !== 'name' || matches.length === 1);
      for (const customer of matches) {
        if (atCounter) await startServing(w, staff.id, customer.id);
        const serving = atCounter || (await isServing(w, staff.id, customer.id));
        const cases = await w.casesOfCustomer(customer.id);
        const visible = cases.filter((c) => canSeeCase(ctx, staff, c));
        if (!serving && visible.length === 0 && !isSupervising(staff.role)) continue;
        shown.push(customer.id);
        const row = await w.row('customer', customer.id);
        if (row) rows.push(row);
        for (const c of cases) {
          if (visible.includes(c)) rows.push(...(await w.caseRows(c.id)));
          else if (serving && isOpenCase(c)) {
            const view = await continuationRows(w, c.id);
            if (view.length > 0) partialCaseIds.push(c.id);
            rows.push(...view);
          }
        }
      }
      await w.appendAudit({
        id: ctx.newId('audit'),
        actorId: staff.id,
        action: 'customer.lookup',
        targetType: 'customer',
        targetId: shown[0] ?? 'none',
        queueId: null,
        caseId: null,
        before: { kind },
        after: { customerIds: shown },
        at: ctx.now(),
      });
    });
    const seen = new Set<string>();
    return { rows: rows.filter((r) => !seen.has(`${r.entity}:${r.id}`) && seen.add(`${r.entity}:${r.id}`)), partialCaseIds };
  };
}
