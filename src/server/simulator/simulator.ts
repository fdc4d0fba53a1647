import type { Channel } from '../../shared/domain';
import type { InboundMessage } from '../../shared/protocol/http';
import { createMessageFactory } from './messageFactory';
import { signBody } from '../http/signature';
import type { SimulatorSource } from './simulatorSource';

export type { SimIdentity, SimulatorSource } from './simulatorSource';

/** Options of `createSimulator`. */
export interface SimulatorOptions {
  /** Hub base URL on this machine, e.g. `http://127.0.0.1:4410`. */
  url: string;
  /** The hub's own secret (HUB_SECRET): signs the messages of channels without a connector of their own. */
  secret: string;
  /** The inbound secret of each channel that has a connector: its messages are signed with it. */
  channelSecrets?: Partial<Record<Channel, string>>;
  /** Inbound messages per second; may be fractional (0.5 = one every two seconds); 0 sends nothing. */
  rate: number;
  seed: number;
  source: SimulatorSource;
  /** Called for every message the hub did not accept, or that could not be sent. */
  onError?: (err: Error) => void;
}

/** A running traffic simulator. */
export interface Simulator {
  /** Starts sending (does nothing if already running). */
  start(): void;
  /** Stops sending and resolves once the requests in flight have finished; no timer is left behind. */
  stop(): Promise<void>;
  /** Messages the hub accepted, and those it refused or that could not be delivered. */
  stats(): { sent: number; failed: number };
}

/** At most this many requests wait for the hub at once; beyond it, the hub is not keeping up and ticks are dropped. */
const MAX_IN_FLIGHT = 32;
/** When the event loop falls further behind than this, the schedule restarts instead of sending a burst. */
const MAX_LAG_MS = 1_000;
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Posts simulated customer traffic to a hub's connector endpoint, signed like a real connector, at an even
 * rate. It only ever talks to the hub on this machine: a URL that is not loopback is refused, so demo traffic
 * cannot reach a real contact centre by mistake.
 */
export function createSimulator(opts: SimulatorOptions): Simulator {
  const base = new URL(opts.url);
  if (!LOOPBACK_HOSTS.has(base.hostname) || (base.protocol !== 'http:' && base.protocol !== 'https:')) {
    throw new Error(`the simulator only sends to a hub on this machine (http://127.0.0.1:...), not ${opts.url}`);
  }
  if (!(opts.rate >= 0) || !Number.isFinite(opts.rate)) throw new RangeError('rate must be a non-negative number');
  const endpoint = `${opts.url.replace(/\/+$/, '')}/api/v1/inbound`;
  // The run id keeps external ids unique across restarts: the hub ignores an external id it has seen before.
  const runId = `${opts.seed}-${Date.now().toString(36)}`;
  const factory = createMessageFactory({ seed: opts.seed, source: opts.source, runId });
  const inFlight = new Set<Promise<void>>();
  const intervalMs = opts.rate > 0 ? 1_000 / opts.rate : Infinity;
  let sent = 0;
  let failed = 0;
  let running = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let scheduleStart = 0;
  let ticks = 0;

  const fail = (err: Error): void => {
    failed++;
    opts.onError?.(err);
  };

  async function post(message: InboundMessage): Promise<void> {
    const rawBody = JSON.stringify(message);
    const secret = opts.channelSecrets?.[message.channel] ?? opts.secret;
    try {
      const res = await fetch(endpoint, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Signature': signBody(rawBody, secret) },
        body: rawBody,
      });
      // Reading the body releases the connection back to the pool.
      const answer = await res.text();
      if (res.ok) sent++;
      else fail(new Error(`hub refused a simulated message: ${res.status} ${answer.slice(0, 200)}`));
    } catch (err) {
      fail(err instanceof Error ? err : new Error(String(err)));
    }
  }

  function tick(): void {
    timer = null;
    if (!running) return;
    if (inFlight.size >= MAX_IN_FLIGHT) fail(new Error('hub is not keeping up; a simulated message was dropped'));
    else {
      const request = post(factory.next()).finally(() => inFlight.delete(request));
      inFlight.add(request);
    }
    ticks++;
    schedule();
  }

  function schedule(): void {
    // Timing from the start, not from the previous tick, keeps the rate even without drift.
    let due = scheduleStart + ticks * intervalMs;
    const now = Date.now();
    if (now - due > MAX_LAG_MS) {
      scheduleStart = now - ticks * intervalMs;
      due = now;
    }
    timer = setTimeout(tick, Math.max(0, due - now));
  }

  return {
    start() {
      if (running || opts.rate === 0) return;
      running = true;
      scheduleStart = Date.now();
      ticks = 0;
      schedule();
    },
    async stop() {
      running = false;
      if (timer) clearTimeout(timer);
      timer = null;
      await Promise.allSettled([...inFlight]);
    },
    stats: () => ({ sent, failed }),
  };
}
