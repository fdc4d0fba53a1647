import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { z } from 'zod';
import { IdSchema, MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS } from '../../shared/domain';
import {
  ConnectorDeliverySchema,
  DeliveryStatusReportSchema,
  InboundMessageSchema,
  type ConnectorChannel,
  type ConnectorDelivery,
} from '../../shared/protocol';
import { describeZodError, HttpError, parseJson, readBody, sendJson } from '../http/body';
import { isSignatureHeader, verifyTimestamped } from '../http/signature';
import { takingChannel, type ChannelAnswer, type DeliveryChannel, type Receipt } from './deliveryChannel';
import { postSigned, type HubAnswer, type SignedPostOptions } from './signedPost';

/**
 * The example connector: a small HTTP service that takes the hub's deliveries for one channel and hands each
 * to a DeliveryChannel once, however often the hub sends it, and that signs the channel's receipts and the
 * customers' messages it forwards to the hub. It is the demo's connector (in front of the simulated channel),
 * the one `npm run connector` runs, and the one the hub's tests deliver to (see `setAnswer`, `waitForTaken`).
 */

/** The largest delivery the hub may send: every attachment an interaction may carry, base64, and room for the rest. */
export const MAX_DELIVERY_BYTES = MAX_ATTACHMENTS * Math.ceil(MAX_ATTACHMENT_BYTES / 3) * 4 + 1024 * 1024;

/** Where the connector takes deliveries, below its address. */
export const DELIVERIES_PATH = '/deliveries';

export interface ExampleConnectorOptions {
  channel: ConnectorChannel;
  /** The hub's address, e.g. `http://127.0.0.1:4410`: receipts and customers' messages go there. */
  hubUrl: string;
  /** The connector's `secret` as registered on the hub: what the hub sends is signed with it. */
  secret: string;
  /** While the hub rotates `secret` (its grace), the one it replaced: accepted too. */
  previousSecret?: string;
  /** The connector's `inboundSecret` as registered on the hub: signs receipts and customers' messages. */
  inboundSecret: string;
  /** Who puts deliveries on the channel (default: takes every one at once, with no receipts). */
  deliveryChannel?: DeliveryChannel;
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 0: a free port. */
  port?: number;
  /** Larger bodies are refused with 413 (default MAX_DELIVERY_BYTES). */
  maxBodyBytes?: number;
  /** How far `X-Timestamp` may be from the connector's clock, in seconds (default 300). */
  toleranceSec?: number;
  /** How many taken delivery ids are remembered to drop repeats (default 100,000; the oldest go first). */
  rememberIds?: number;
  /** How many of the latest attempts and taken deliveries `attempts` and `taken` keep (default 1,000). */
  history?: number;
  /** How receipts are retried when the hub cannot take them (see postSigned). */
  receiptRetry?: Pick<SignedPostOptions, 'attempts' | 'retryMs'>;
  /** Told of every signed, well-formed request and its answer. */
  onAttempt?: (attempt: Attempt) => void;
  /** Told of every receipt the hub did not take, and of a channel that failed. */
  onError?: (err: Error) => void;
}

/** One signed, well-formed request from the hub, and what the connector answered. */
export interface Attempt {
  delivery: ConnectorDelivery;
  status: AnswerStatus;
  /** The provider's id when taken, or why not. */
  answer: ChannelAnswer;
  /** Answered from memory: the delivery had been taken (or was being taken) already, and was not handed on again. */
  duplicate: boolean;
  at: number;
}

export interface ConnectorCounts {
  /** Signed, well-formed requests, repeats included. */
  received: number;
  /** Deliveries the channel took, each counted once. */
  unique: number;
  /** Requests for a delivery already taken, answered again without handing it on. */
  duplicates: number;
  /** Requests refused before they were read as a delivery (signature, size, body). */
  refused: number;
}

/** The HTTP answers a test can make the connector give new deliveries (200: let the channel decide). */
export type AnswerStatus = 200 | 400 | 503;

export interface ExampleConnector {
  /** The URL to register as the channel's connector (`PUT /api/v1/admin/connectors/{channel}`). */
  readonly url: string;
  readonly channel: ConnectorChannel;
  /** The latest signed, well-formed requests (see `history`), in arrival order. */
  readonly attempts: readonly Attempt[];
  /** The latest deliveries the channel took (see `history`), once each, in order. */
  readonly taken: readonly ConnectorDelivery[];
  counts(): ConnectorCounts;
  /**
   * How new deliveries are answered from now on: 503 (try later) or 400 (never, with `reason`) without handing
   * them to the channel, for `times` requests (default: until changed), or 200 to let the channel decide again.
   * A delivery taken before is still answered 200.
   */
  setAnswer(status: AnswerStatus, opts?: { times?: number; reason?: string }): void;
  /** Resolves with `attempts` once `n` have been received in all; rejects after `timeoutMs` (default 5 s). */
  waitForAttempts(n: number, timeoutMs?: number): Promise<Attempt[]>;
  /** Resolves with `taken` once `n` deliveries have been taken in all; rejects after `timeoutMs` (default 5 s). */
  waitForTaken(n: number, timeoutMs?: number): Promise<ConnectorDelivery[]>;
  /** Sends the hub a signed receipt (`POST /api/v1/delivery-status`); resolves with the hub's last answer. */
  report(receipt: Receipt): Promise<HubAnswer>;
  /** Forwards a customer's message on this channel to the hub (`POST /api/v1/inbound`), signed. */
  forwardInbound(message: Omit<z.input<typeof InboundMessageSchema>, 'channel'>): Promise<HubAnswer>;
  /** Stops listening, drops the channel's scheduled receipts and ends those being sent. */
  stop(): Promise<void>;
}

/** The one error body, as the hub's own API answers: `{ ok: false, error, message }`. */
const refusal = (res: ServerResponse, status: number, error: string, message: string) => sendJson(res, status, { ok: false, error, message });

const answerOf = (a: ChannelAnswer): { status: AnswerStatus; body: unknown } =>
  a.outcome === 'taken'
    ? { status: 200, body: { providerMessageId: a.providerMessageId } }
    : a.outcome === 'transient'
      ? { status: 503, body: { ok: false, error: 'unavailable', message: a.reason } }
      : { status: 400, body: { ok: false, error: 'rejected', message: a.reason } };

/** Starts an example connector; resolves once it listens. */
export async function startExampleConnector(opts: ExampleConnectorOptions): Promise<ExampleConnector> {
  const hub = opts.hubUrl.replace(/\/+$/, '');
  const channel = opts.deliveryChannel ?? takingChannel;
  const secrets = [opts.secret, ...(opts.previousSecret ? [opts.previousSecret] : [])];
  const maxBody = opts.maxBodyBytes ?? MAX_DELIVERY_BYTES;
  const remember = opts.rememberIds ?? 100_000;
  const history = opts.history ?? 1_000;
  const onError = opts.onError ?? ((err: Error) => console.warn(`connector ${opts.channel}: ${err.message}`));
  const stopping = new AbortController();

  const attempts: Attempt[] = [];
  const taken: ConnectorDelivery[] = [];
  /** Taken delivery ids and the provider's id each was given, oldest first. */
  const takenIds = new Map<string, string>();
  /** Deliveries being handed to the channel: a repeat arriving meanwhile waits for the same answer. */
  const inFlight = new Map<string, Promise<ChannelAnswer>>();
  let received = 0;
  let unique = 0;
  let duplicates = 0;
  let refused = 0;
  /** Keeps the latest `history` entries of a list (a demo runs for days; deliveries may carry files). */
  const keep = <T>(list: T[], item: T) => {
    list.push(item);
    if (list.length > history) list.splice(0, list.length - history);
  };
  let forced: { status: 400 | 503; reason: string; left: number } | null = null;
  const waiters = new Set<() => boolean>();
  const changed = () => waiters.forEach((settled) => settled() && waiters.delete(settled));

  function waitFor<T>(ready: () => T | null, timeoutMs: number, what: string): Promise<T> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(new Error(`connector ${opts.channel}: ${what} did not arrive within ${timeoutMs} ms (${JSON.stringify(counts())})`));
      }, timeoutMs);
      const check = () => {
        const value = ready();
        if (value === null) return false;
        clearTimeout(timer);
        resolve(value);
        return true;
      };
      if (!check()) waiters.add(check);
    });
  }

  const counts = (): ConnectorCounts => ({ received, unique, duplicates, refused });

  async function report(receipt: Receipt): Promise<HubAnswer> {
    const body = DeliveryStatusReportSchema.parse({ ...receipt, channel: opts.channel });
    return postSigned(`${hub}/api/v1/delivery-status`, body, opts.inboundSecret, { ...opts.receiptRetry, signal: stopping.signal });
  }

  /** What the channel hands the hub later: sent in the background, failures told to onError. */
  async function reportLater(receipt: Receipt): Promise<void> {
    if (stopping.signal.aborted) return;
    await report(receipt).then(
      (answer) => {
        if (answer.status >= 300) onError(new Error(`the hub did not take a ${receipt.status} receipt: ${answer.status} ${JSON.stringify(answer.body)}`));
      },
      (err: Error) => stopping.signal.aborted || onError(new Error(`a ${receipt.status} receipt was not sent: ${err.message}`)),
    );
  }

  async function handOn(delivery: ConnectorDelivery): Promise<ChannelAnswer> {
    try {
      return await channel.send(delivery, reportLater);
    } catch (err) {
      onError(new Error(`the channel failed on delivery ${delivery.deliveryId}: ${(err as Error).message}`));
      return { outcome: 'transient', reason: 'the channel failed; try again later' };
    }
  }

  /** The answer for a verified delivery: from memory for a repeat, else forced or the channel's. */
  async function answer(delivery: ConnectorDelivery): Promise<{ answer: ChannelAnswer; duplicate: boolean }> {
    const id = delivery.deliveryId;
    const known = takenIds.get(id);
    if (known !== undefined) return { answer: { outcome: 'taken', providerMessageId: known }, duplicate: true };
    const pending = inFlight.get(id);
    if (pending) {
      const first = await pending;
      return { answer: first, duplicate: first.outcome === 'taken' };
    }
    if (forced) {
      const { status, reason } = forced;
      if (--forced.left <= 0) forced = null;
      return { answer: status === 503 ? { outcome: 'transient', reason } : { outcome: 'permanent', reason }, duplicate: false };
    }
    const handing = handOn(delivery);
    inFlight.set(id, handing);
    const result = await handing.finally(() => inFlight.delete(id));
    if (result.outcome === 'taken') {
      takenIds.set(id, result.providerMessageId);
      if (takenIds.size > remember) takenIds.delete(takenIds.keys().next().value!);
      unique++;
      keep(taken, delivery);
    }
    return { answer: result, duplicate: false };
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '/').split('?')[0];
    if (path !== DELIVERIES_PATH) return refusal(res, 404, 'not-found', `deliveries go to POST ${DELIVERIES_PATH}`);
    if (req.method !== 'POST') return refusal(res, 405, 'method-not-allowed', `deliveries go to POST ${DELIVERIES_PATH}`);
    try {
      const signature = req.headers['x-signature'] as string | undefined;
      const timestamp = req.headers['x-timestamp'] as string | undefined;
      // Refused before the body costs a read: nothing unsigned is buffered.
      if (!isSignatureHeader(signature) || !timestamp) throw new HttpError(401, 'bad-signature', 'X-Timestamp and X-Signature (sha256=<hex HMAC-SHA256 of "<X-Timestamp>.<raw body>">) are required');
      const raw = await readBody(req, maxBody);
      const now = Math.floor(Date.now() / 1000);
      if (!secrets.some((s) => verifyTimestamped(raw, timestamp, signature, s, now, opts.toleranceSec))) {
        throw new HttpError(401, 'bad-signature', 'wrong X-Signature, or X-Timestamp too far from now');
      }
      const parsed = ConnectorDeliverySchema.safeParse(parseJson(req, raw));
      if (!parsed.success) throw new HttpError(400, 'invalid', describeZodError(parsed.error));
      const delivery = parsed.data;
      const header = IdSchema.safeParse(req.headers['x-delivery-id']);
      if (!header.success || header.data !== delivery.deliveryId) throw new HttpError(400, 'invalid', 'X-Delivery-Id: must equal the body\'s deliveryId');
      if (delivery.channel !== opts.channel) throw new HttpError(400, 'invalid', `channel: this connector serves ${opts.channel}, not ${delivery.channel}`);

      const { answer: given, duplicate } = await answer(delivery);
      const { status, body } = answerOf(given);
      if (duplicate) duplicates++;
      const attempt: Attempt = { delivery, status, answer: given, duplicate, at: Date.now() };
      received++;
      keep(attempts, attempt);
      opts.onAttempt?.(attempt);
      changed();
      sendJson(res, status, body);
    } catch (err) {
      refused++;
      if (err instanceof HttpError) {
        if (!res.destroyed) refusal(res, err.status, err.code, err.message);
        return;
      }
      onError(err as Error);
      refusal(res, 500, 'internal', 'the connector could not read this delivery');
    }
  }

  const server = createServer({ requestTimeout: 60_000, headersTimeout: 10_000, keepAliveTimeout: 5_000 }, (req, res) => void handle(req, res));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', () => resolve());
  });
  const { address, port } = server.address() as AddressInfo;
  const host = address.includes(':') ? `[${address}]` : address;

  return {
    url: `http://${host}:${port}${DELIVERIES_PATH}`,
    channel: opts.channel,
    attempts,
    taken,
    counts,
    setAnswer(status, { times = Infinity, reason } = {}) {
      forced = status === 200 ? null : { status, left: times, reason: reason ?? (status === 503 ? 'the channel is busy; try again later' : 'the channel refused this message') };
    },
    waitForAttempts: (n, timeoutMs = 5_000) => waitFor(() => (received >= n ? attempts.slice() : null), timeoutMs, `${n} attempt(s)`),
    waitForTaken: (n, timeoutMs = 5_000) => waitFor(() => (unique >= n ? taken.slice() : null), timeoutMs, `${n} delivery(ies) taken`),
    report,
    async forwardInbound(message) {
      const parsed = InboundMessageSchema.safeParse({ ...message, channel: opts.channel });
      if (!parsed.success) throw new Error(`not a message the hub takes: ${describeZodError(parsed.error)}`);
      // The raw message is sent, not the parsed one: normalising it is the hub's business.
      return postSigned(`${hub}/api/v1/inbound`, { ...message, channel: opts.channel }, opts.inboundSecret, { ...opts.receiptRetry, signal: stopping.signal });
    },
    async stop() {
      stopping.abort(new Error('the connector stopped'));
      channel.close?.();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
