import type { Channel, Customer, Lang } from '../../shared/domain';

/** Who a simulated message comes from: the identities a connector would report, and the person's language. */
export interface SimIdentity {
  email?: string;
  phone?: string;
  handle?: string;
  loyaltyNumber?: string;
  name: string;
  language: Lang;
}

/** What the simulator asks the hub's data, so that it can write as returning customers and answer surveys. */
export interface SimulatorSource {
  /** A few known customers, to write as returning customers (identity resolution). */
  knownCustomers(n: number): SimIdentity[];
  /** Resolved cases whose customer has not answered the survey yet. */
  casesAwaitingSurvey(n: number): Array<{ caseId: string; channel: Channel; from: SimIdentity }>;
}

/** The identities of a stored customer, as the simulator uses them. */
export function identityOf(customer: Pick<Customer, 'name' | 'emails' | 'phones' | 'handles' | 'loyaltyNumber' | 'language'>): SimIdentity {
  return {
    name: customer.name,
    language: customer.language,
    email: customer.emails[0],
    phone: customer.phones[0],
    handle: customer.handles[0],
    loyaltyNumber: customer.loyaltyNumber ?? undefined,
  };
}

/**
 * A SimulatorSource over the hub's (asynchronous) store: what it reads is refreshed in the background every
 * `everyMs` and served from the last answer, so the simulator's pace never waits on the database.
 */
export function refreshedSource(read: () => Promise<{ known: SimIdentity[]; awaiting: ReturnType<SimulatorSource['casesAwaitingSurvey']> }>, everyMs = 2_000) {
  let last: Awaited<ReturnType<typeof read>> = { known: [], awaiting: [] };
  const refresh = () =>
    read().then(
      (answer) => void (last = answer),
      (err: Error) => console.warn(`hub: simulator could not read the hub's customers: ${err.message}`),
    );
  const timer = setInterval(() => void refresh(), everyMs);
  timer.unref();
  return {
    ready: refresh(),
    knownCustomers: (n: number) => last.known.slice(0, n),
    casesAwaitingSurvey: (n: number) => last.awaiting.slice(0, n),
    stop: () => clearInterval(timer),
  };
}
