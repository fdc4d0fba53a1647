import { generateDemoOrg } from '../seed/demoOrg';
import { identityOf, type SimIdentity, type SimulatorSource } from './simulatorSource';

/**
 * A simulator source over a small generated organisation, for the simulator's tests. The known customers are
 * the seeded ones; like a busy hub, it always has resolved cases awaiting a survey answer: each call offers the
 * next ones of an endless sequence.
 */
export function seededTestSource(): SimulatorSource & { known: SimIdentity[] } {
  const batch = [...generateDemoOrg({ seed: 11, customers: 80, interactions: 600, now: Date.UTC(2025, 5, 1) }).batches(80)][0];
  const known = batch.customers.map(identityOf);
  const byId = new Map(batch.customers.map((c, i) => [c.id, known[i]]));
  const finished = batch.cases.filter((c) => c.status === 'resolved' || c.status === 'closed');
  let offered = 0;
  return {
    known,
    knownCustomers: (n) => known.slice(0, n),
    casesAwaitingSurvey: (n) =>
      Array.from({ length: n }, () => {
        const c = finished[offered % finished.length];
        return { caseId: `${c.id}-${offered++}`, channel: c.lastChannel, from: byId.get(c.customerId)! };
      }),
  };
}
