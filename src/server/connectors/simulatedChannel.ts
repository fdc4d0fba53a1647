import { createHash } from 'node:crypto';
import type { ConnectorChannel } from '../../shared/protocol';
import { createRandom } from '../seed/random';
import type { ChannelAnswer, DeliveryChannel } from './deliveryChannel';

/**
 * The demo's customer side of a channel, behind the example connector: it answers after a provider's usual
 * delay, reports `delivered` and most of the time `read` some seconds later, and fails a few deliveries, so a
 * newcomer sees every state a reply can reach. What happens to each attempt follows from the seed, the
 * delivery id and the attempt's number alone, so it does not depend on the order deliveries arrive in.
 */

/** Shares of attempts that fail: not now (503, the hub tries again) and never (400, the delivery fails). */
export const TRANSIENT_SHARE = 0.05;
export const PERMANENT_SHARE = 0.01;

type Range = readonly [min: number, max: number];

/** How a channel's provider behaves, in milliseconds. */
interface ChannelProfile {
  /** How long its API takes to answer. */
  answerMs: Range;
  /** From taking a message to the customer's device having it. */
  deliveredMs: Range;
  /** Share of delivered messages the customer opens (and the channel reports reading). */
  readShare: number;
  /** From delivered to read. */
  readMs: Range;
  /** Why it can never deliver (what the provider says). */
  unreachable: string;
}

const PROFILES: Readonly<Record<ConnectorChannel, ChannelProfile>> = {
  chat: { answerMs: [20, 150], deliveredMs: [300, 1_500], readShare: 0.9, readMs: [2_000, 20_000], unreachable: 'the visitor has closed the chat and left no address' },
  sms: { answerMs: [80, 400], deliveredMs: [2_000, 12_000], readShare: 0.6, readMs: [5_000, 60_000], unreachable: 'the number is not reachable' },
  social: { answerMs: [100, 500], deliveredMs: [1_000, 5_000], readShare: 0.8, readMs: [5_000, 90_000], unreachable: 'the account no longer accepts messages from this page' },
  phone: { answerMs: [100, 600], deliveredMs: [3_000, 15_000], readShare: 0.5, readMs: [10_000, 90_000], unreachable: 'the number is out of service' },
  video: { answerMs: [50, 250], deliveredMs: [500, 3_000], readShare: 0.85, readMs: [3_000, 30_000], unreachable: 'the video session has ended and the customer cannot be called back' },
};

const TRANSIENT_REASONS = ['the gateway is busy; try again later', 'the provider timed out', 'too many messages to this recipient right now'] as const;

/** What happens to one attempt of one delivery, with its delays in milliseconds. */
export type Fate =
  | { outcome: 'taken'; answerMs: number; providerMessageId: string; deliveredMs: number; readMs: number | null }
  | { outcome: 'transient' | 'permanent'; answerMs: number; reason: string };

/** The fate of attempt `attempt` (0 for the first) of a delivery: the same for the same seed, every time. */
export function fateOf(seed: number, channel: ConnectorChannel, deliveryId: string, attempt: number): Fate {
  const stream = createHash('sha256').update(`${deliveryId}#${attempt}`).digest().readUInt32BE(0);
  const random = createRandom(seed, stream);
  const profile = PROFILES[channel];
  const within = ([min, max]: Range) => random.int(min, max);
  const answerMs = within(profile.answerMs);
  const roll = random.next();
  if (roll < PERMANENT_SHARE) return { outcome: 'permanent', answerMs, reason: profile.unreachable };
  if (roll < PERMANENT_SHARE + TRANSIENT_SHARE) return { outcome: 'transient', answerMs, reason: random.pick(TRANSIENT_REASONS) };
  const providerMessageId = `${channel}-${random.int(0, 0xffffffff).toString(16).padStart(8, '0')}${random.int(0, 0xffffffff).toString(16).padStart(8, '0')}`;
  const deliveredMs = within(profile.deliveredMs);
  return { outcome: 'taken', answerMs, providerMessageId, deliveredMs, readMs: random.chance(profile.readShare) ? within(profile.readMs) : null };
}

export interface SimulatedChannelOptions {
  channel: ConnectorChannel;
  seed: number;
  /** Multiplies every delay (1: as a provider would; a test makes it small). */
  timeScale?: number;
}

/** A DeliveryChannel that behaves as `fateOf` says, in real time (scaled by `timeScale`). */
export function createSimulatedChannel(opts: SimulatedChannelOptions): DeliveryChannel {
  const scale = opts.timeScale ?? 1;
  /** Attempts made of deliveries not settled yet (a transient failure comes back). */
  const tries = new Map<string, number>();
  const timers = new Set<NodeJS.Timeout>();
  let closed = false;
  const after = (ms: number, fn: () => void) => {
    if (closed) return;
    const timer = setTimeout(() => {
      timers.delete(timer);
      fn();
    }, ms * scale);
    timers.add(timer);
  };

  return {
    async send(delivery, report): Promise<ChannelAnswer> {
      const id = delivery.deliveryId;
      const attempt = tries.get(id) ?? 0;
      const fate = fateOf(opts.seed, opts.channel, id, attempt);
      if (fate.outcome === 'transient') tries.set(id, attempt + 1);
      else tries.delete(id);
      // Not dropped by close(): the answer comes within a second, whereas receipts may be due minutes later.
      await new Promise((resolve) => setTimeout(resolve, fate.answerMs * scale));
      if (fate.outcome !== 'taken') return { outcome: fate.outcome, reason: fate.reason };
      const { deliveredMs, readMs } = fate;
      // Read is reported only once the hub has delivered (or it was given up), so the two never cross.
      after(deliveredMs, () => void report({ deliveryId: id, status: 'delivered' }).then(() => readMs !== null && after(readMs, () => void report({ deliveryId: id, status: 'read' }))));
      return { outcome: 'taken', providerMessageId: fate.providerMessageId };
    },
    close() {
      closed = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
    },
  };
}
