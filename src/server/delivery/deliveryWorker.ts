import type { Channel, Delivery } from '../../shared/domain';
import type { HubContext } from '../context';
import { connectorTransport } from './connectorTransport';
import { markFailed, markRetry, markSent } from './outcome';
import { buildOutboundMessage } from './outboundMessage';
import { DEFAULT_RETRY, retryDelayMs, type RetryPolicy } from './retryPolicy';
import { DeliveryFailure, type Accepted, type Transport } from './transport';

export interface DeliveryOptions {
  /** How often the worker looks for due deliveries when nothing woke it, ms. */
  pollMs: number;
  /** Most deliveries claimed (and sent at once) per pass. */
  batch: number;
  /**
   * How long a claimed attempt is this node's: a hub killed mid-attempt leaves the delivery due again after it,
   * so another node (or this one restarted) tries again. Longer than the connector timeout.
   */
  leaseMs: number;
  /** How long a connector may take to answer one delivery, ms. */
  connectorTimeoutMs: number;
  retry: RetryPolicy;
  /** A channel's own way out instead of its connector (email: the hub's SMTP client). */
  transports?: Partial<Record<Channel, Transport>>;
}

export const DEFAULT_DELIVERY: DeliveryOptions = { pollMs: 1_000, batch: 50, leaseMs: 60_000, connectorTimeoutMs: 15_000, retry: DEFAULT_RETRY };

export interface DeliveryWorker {
  /** Looks for due deliveries now (a reply was just queued) instead of at the next poll. */
  kick(): void;
  /** One pass: claims what is due, sends it and records the outcomes. Resolves with how many it claimed. */
  runOnce(): Promise<number>;
  /** Stops looking for work and waits for the attempts under way to be recorded. */
  stop(): Promise<void>;
}

/**
 * The hub's outbound worker. A pass claims due deliveries in one write transaction (an attempt counted, the
 * delivery leased to this node until `now + leaseMs`), so several hub nodes never send one delivery at once;
 * sends each outside any transaction, through its channel's transport; and records each outcome in a
 * transaction of its own, only if the delivery is still the attempt it claimed.
 */
export function startDeliveryWorker(ctx: HubContext, options: Partial<DeliveryOptions> = {}): DeliveryWorker {
  const opts = { ...DEFAULT_DELIVERY, ...options, retry: { ...DEFAULT_DELIVERY.retry, ...options.retry } };
  if (opts.leaseMs <= opts.connectorTimeoutMs) throw new Error('delivery: leaseMs must be longer than connectorTimeoutMs, or an attempt still under way would be claimed again');
  const fallback = connectorTransport({ store: ctx.store, timeoutMs: opts.connectorTimeoutMs, now: ctx.now });
  const transportOf = (channel: Channel) => opts.transports?.[channel] ?? fallback;
  const stopping = new AbortController();
  const inFlight = new Set<Promise<void>>();
  let timer: NodeJS.Timeout | null = null;
  let pass: Promise<number> | null = null;
  let again = false;
  /** The last pass claimed all the room there was: a finished attempt makes room for another pass. */
  let saturated = false;

  async function claim(limit: number): Promise<Delivery[]> {
    return ctx.write(async (w) => {
      const now = ctx.now();
      const claimed: Delivery[] = [];
      for (const d of await w.dueDeliveries(now, limit)) {
        const next: Delivery = { ...d, attempts: d.attempts + 1, nextAttemptAt: now + opts.leaseMs, updatedAt: now, version: d.version + 1 };
        await w.save('delivery', next);
        claimed.push(next);
      }
      return claimed;
    });
  }

  async function send(claimed: Delivery): Promise<Accepted | DeliveryFailure> {
    try {
      const message = await buildOutboundMessage(ctx.store, claimed, ctx.config.publicUrl);
      if (!message) return new DeliveryFailure(false, 'the message or its case no longer exists');
      return await transportOf(claimed.channel).send(message, stopping.signal);
    } catch (err) {
      return err instanceof DeliveryFailure ? err : new DeliveryFailure(true, `sending failed: ${(err as Error).message}`);
    }
  }

  /** Records what an attempt came to, unless the delivery moved on meanwhile (a receipt, a later claim). */
  async function record(claimed: Delivery, outcome: Accepted | DeliveryFailure): Promise<void> {
    await ctx.write(async (w) => {
      const d = await w.get('delivery', claimed.id);
      if (!d) return;
      if (d.status !== 'queued' || d.attempts !== claimed.attempts) {
        // A receipt got here first (the connector reported before it answered): keep the channel's id of it.
        if (!(outcome instanceof DeliveryFailure) && outcome.providerMessageId && d.providerMessageId === null && d.status !== 'queued') {
          await w.save('delivery', { ...d, providerMessageId: outcome.providerMessageId, updatedAt: ctx.now(), version: d.version + 1 });
        }
        return;
      }
      if (!(outcome instanceof DeliveryFailure)) await markSent(w, d, outcome.providerMessageId);
      else if (outcome.transient && d.attempts < opts.retry.maxAttempts) await markRetry(w, d, outcome.message, ctx.now() + retryDelayMs(d.attempts, opts.retry));
      else await markFailed(w, d, outcome.message);
    });
  }

  function attempt(claimed: Delivery): void {
    const run = (async () => {
      try {
        await record(claimed, await send(claimed));
      } catch (err) {
        // The outcome could not be written (the store is unreachable): the lease runs out and it is tried again.
        console.error(`hub: delivery ${claimed.id}: could not record the attempt: ${(err as Error).message}`);
      }
    })();
    inFlight.add(run);
    void run.finally(() => {
      inFlight.delete(run);
      if (saturated) worker.kick();
    });
  }

  async function runOnce(): Promise<number> {
    if (stopping.signal.aborted) return 0;
    // At most `batch` attempts under way at once, across passes.
    const room = opts.batch - inFlight.size;
    saturated = room <= 0;
    if (saturated) return 0;
    const claimed = await claim(room);
    saturated = claimed.length === room;
    for (const d of claimed) attempt(d);
    return claimed.length;
  }

  /** Passes one at a time; a kick during a pass runs another at once after it. */
  function schedule(delay: number): void {
    if (stopping.signal.aborted) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      if (pass) {
        again = true;
        return;
      }
      pass = runOnce()
        .catch((err: Error) => {
          console.error(`hub: delivery pass failed: ${err.message}`);
          return 0;
        })
        .then((n) => {
          pass = null;
          const more = again;
          again = false;
          schedule(more ? 0 : opts.pollMs);
          return n;
        });
    }, delay);
    timer.unref();
  }
  const worker: DeliveryWorker = {
    kick: () => (pass ? void (again = true) : schedule(0)),
    runOnce,
    async stop() {
      stopping.abort();
      if (timer) clearTimeout(timer);
      await pass;
      // Attempts under way were told to stop: each still records what it came to (a retry for an interrupted send).
      await Promise.all(inFlight);
    },
  };
  schedule(0);
  return worker;
}
