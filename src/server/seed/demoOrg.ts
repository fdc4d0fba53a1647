import type {
  CannedResponse,
  Case,
  CsatResponse,
  Customer,
  Interaction,
  KbArticle,
  Queue,
  StoreLocation,
} from '../../shared/domain';
import { buildCase, type CaseContext, type IdSequence } from './caseBuilder';
import { planCases, type Journey } from './casePlan';
import { generateCustomerProfile } from './customers';
import { createBudgetAllocator } from './interactionBudget';
import { buildKnowledgeBase, buildCannedResponses } from './knowledge';
import { buildQueues, buildStaff, STORE_LOCATIONS, type SeedStaff } from './organisation';
import { createRandom } from './random';

export type { SeedStaff } from './organisation';

/** Customers with their case histories. */
export interface CaseBatch {
  customers: Customer[];
  cases: Case[];
  interactions: Interaction[];
  csat: CsatResponse[];
}

/** The demo organisation: its setup, and its customers streamed in batches. */
export interface DemoOrg {
  storeLocations: StoreLocation[];
  queues: Queue[];
  staff: SeedStaff[];
  kb: KbArticle[];
  canned: CannedResponse[];
  /**
   * Customers with their case histories, in batches, so 100,000 customers / 1,000,000 interactions stream without
   * holding everything. Every call starts over and yields the same rows, whatever the batch size.
   */
  batches(batchSize: number): Iterable<CaseBatch>;
}

/** Options of `generateDemoOrg`. */
export interface DemoOrgOptions {
  /** Same seed, same organisation: names, texts, ids, passwords and times (relative to `now`). */
  seed: number;
  customers: number;
  /** Interactions in total; each customer gets about `interactions / customers`. */
  interactions: number;
  /** Epoch ms the history leads up to: everything lies in the ~60 days before it. */
  now: number;
}

/** The first customers take the store journey, alternately done and awaited, so that even a tiny demo has it. */
const FORCED_JOURNEYS: readonly Exclude<Journey, 'standard'>[] = Array.from({ length: 12 }, (_, i) =>
  i % 2 === 0 ? 'store-visited' : 'store-awaited',
);

// Independent random streams: the staff's passwords do not shift when the customer count changes, and so on.
const ORG_STREAM = 0;
const CUSTOMER_STREAM = 1;

const counter = (prefix: string, digits: number): (() => string) => {
  let n = 0;
  return () => `${prefix}-${String(++n).padStart(digits, '0')}`;
};

/** Generates the deterministic demo organisation (see `DemoOrgOptions`). */
export function generateDemoOrg(opts: DemoOrgOptions): DemoOrg {
  for (const key of ['customers', 'interactions', 'now'] as const) {
    if (!Number.isSafeInteger(opts[key]) || opts[key] < 0) throw new RangeError(`${key} must be a non-negative integer`);
  }
  const queues = buildQueues();
  return {
    storeLocations: STORE_LOCATIONS.map((s) => ({ ...s })),
    queues,
    staff: buildStaff(createRandom(opts.seed, ORG_STREAM), opts.now),
    kb: buildKnowledgeBase(opts.now),
    canned: buildCannedResponses(),
    batches: (batchSize) => generateBatches(opts, queues, batchSize),
  };
}

function* generateBatches(opts: DemoOrgOptions, queues: Queue[], batchSize: number): Generator<CaseBatch> {
  if (!Number.isSafeInteger(batchSize) || batchSize < 1) throw new RangeError('batchSize must be a positive integer');
  const rng = createRandom(opts.seed, CUSTOMER_STREAM);
  const ids: IdSequence = { caseId: counter('case', 6), interactionId: counter('int', 7), csatId: counter('csat', 6) };
  const ctx: CaseContext = { rng, now: opts.now, queues: new Map(queues.map((q) => [q.id, q])), ids };
  const nextBudget = createBudgetAllocator(opts.interactions, opts.customers);
  let batch: CaseBatch = { customers: [], cases: [], interactions: [], csat: [] };
  for (let i = 0; i < opts.customers; i++) {
    const forced = FORCED_JOURNEYS[i];
    const profile = generateCustomerProfile(rng, i, forced !== undefined);
    const plans = planCases(rng, nextBudget(rng), profile.customer.phones.length > 0, forced);
    let firstContact = opts.now;
    let lastChange = 0;
    for (const plan of plans) {
      const built = buildCase(ctx, profile, plan);
      batch.cases.push(built.case);
      for (const it of built.interactions) batch.interactions.push(it);
      if (built.csat) batch.csat.push(built.csat);
      firstContact = Math.min(firstContact, built.case.createdAt);
      lastChange = Math.max(lastChange, built.case.updatedAt);
    }
    // Customers were registered some time before they first got in touch (up to about two years).
    const createdAt = Math.max(0, firstContact - rng.int(1, 700) * 86_400_000);
    batch.customers.push({ ...profile.customer, createdAt, updatedAt: Math.max(createdAt, lastChange) });
    if (batch.customers.length === batchSize) {
      yield batch;
      batch = { customers: [], cases: [], interactions: [], csat: [] };
    }
  }
  if (batch.customers.length > 0) yield batch;
}
