import type { Alert } from '../../shared/domain';
import type { VocAlertBucket, VocGranularity } from '../../shared/protocol';
import { bucketOf, localBuckets } from './vocBuckets';
import { percentiles } from './percentiles';

type Tally = Omit<VocAlertBucket, 'start' | 'end' | 'ackMs'> & { ack: number[] };
const empty = (): Tally => ({ recovered: 0, lost: 0, noAnswer: 0, open: 0, unrecorded: 0, ack: [] });

function tally(t: Tally, a: Alert): void {
  if (a.status !== 'closed') t.open++;
  else if (a.result === 'recovered') t.recovered++;
  else if (a.result === 'lost') t.lost++;
  else if (a.result === 'no-answer') t.noAnswer++;
  else t.unrecorded++;
  if (a.acknowledgedAt !== null) t.ack.push(a.acknowledgedAt - a.raisedAt);
}

const figures = ({ ack, ...counts }: Tally) => ({ ...counts, ackMs: percentiles(ack) });

/**
 * Red alerts raised in `[from, to)` by what came of them, per local day or week (by when each was raised) and
 * over the whole period, with time to acknowledge (`acknowledgedAt - raisedAt`, nearest-rank).
 */
export function alertResults(alerts: readonly Alert[], range: { from: number; to: number; timeZone: string; granularity: VocGranularity }) {
  const buckets = localBuckets(range.from, range.to, range.timeZone, range.granularity);
  const tallies = buckets.map(empty);
  const total = empty();
  for (const a of alerts) {
    if (a.raisedAt < range.from || a.raisedAt >= range.to) continue;
    const i = bucketOf(buckets, a.raisedAt);
    if (i >= 0) tally(tallies[i] as Tally, a);
    tally(total, a);
  }
  return { granularity: range.granularity, buckets: buckets.map((b, i) => ({ ...b, ...figures(tallies[i] as Tally) })), total: figures(total) };
}
