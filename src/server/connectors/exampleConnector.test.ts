import { createHash } from 'node:crypto';
import { request } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConnectorDeliverySchema, type ConnectorDelivery } from '../../shared/protocol';
import { createPrng, deeplyNested, DEEP_NESTING, hostileValue, malformedVariants, toJson } from '../../shared/testing/hostilePayloads';
import { signTimestamped } from '../http/signature';
import { startStandInHub, type StandInHub } from '../testing/standInHub';
import type { ChannelAnswer, DeliveryChannel } from './deliveryChannel';
import { MAX_DELIVERY_BYTES, startExampleConnector, type ExampleConnector, type ExampleConnectorOptions } from './exampleConnector';

const SECRET = 'connector-secret-0123456789abcdef';
const INBOUND = 'connector-inbound-0123456789abcdef';

let hub: StandInHub;
let connector: ExampleConnector | null = null;
beforeEach(async () => {
  hub = await startStandInHub(INBOUND);
});
afterEach(async () => {
  await connector?.stop();
  connector = null;
  await hub.close();
});

const start = async (opts: Partial<ExampleConnectorOptions> = {}) =>
  (connector = await startExampleConnector({ channel: 'sms', hubUrl: hub.url, secret: SECRET, inboundSecret: INBOUND, receiptRetry: { retryMs: 10 }, ...opts }));

let n = 0;
const delivery = (over: Partial<ConnectorDelivery> = {}): ConnectorDelivery => ({
  deliveryId: `dlv-${++n}`,
  caseId: 'case-1',
  interactionId: `int-${n}`,
  channel: 'sms',
  to: { kind: 'phone', value: '+48601234567' },
  text: 'Your parcel left the warehouse today.',
  ...over,
});

const now = () => Math.floor(Date.now() / 1000);

/** Sends a delivery as the hub does; `over` changes what a test needs wrong. */
async function send(
  body: ConnectorDelivery | string,
  over: { secret?: string; timestamp?: number; headers?: Record<string, string | null> } = {},
): Promise<{ status: number; body: { providerMessageId?: string; error?: string; message?: string } }> {
  const raw = typeof body === 'string' ? body : JSON.stringify(body);
  const timestamp = over.timestamp ?? now();
  const headers: Record<string, string | null> = {
    'Content-Type': 'application/json',
    'X-Delivery-Id': typeof body === 'string' ? 'dlv-raw' : body.deliveryId,
    'X-Timestamp': String(timestamp),
    'X-Signature': signTimestamped(raw, over.secret ?? SECRET, timestamp),
    ...over.headers,
  };
  const res = await fetch(connector!.url, {
    method: 'POST',
    headers: Object.fromEntries(Object.entries(headers).filter((e): e is [string, string] => e[1] !== null)),
    body: raw,
  });
  return { status: res.status, body: (await res.json()) as never };
}

/** A channel that records what it is handed and answers as told (after `delayMs`). */
function recordingChannel(answer: (d: ConnectorDelivery) => ChannelAnswer, delayMs = 0): DeliveryChannel & { handed: string[] } {
  const handed: string[] = [];
  return {
    handed,
    async send(d) {
      handed.push(d.deliveryId);
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      return answer(d);
    },
  };
}

describe('the example connector takes deliveries', () => {
  it('answers a signed delivery 200 with the provider\'s id, and counts it', async () => {
    await start();
    const d = delivery();
    const r = await send(d);
    expect(r.status).toBe(200);
    expect(r.body.providerMessageId).toMatch(/^sms-/);
    expect(await connector!.waitForTaken(1)).toEqual([d]);
    expect(connector!.counts()).toEqual({ received: 1, unique: 1, duplicates: 0, refused: 0 });
    expect(connector!.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/deliveries$/);
  });

  it('refuses with 401 what is unsigned, signed with another secret, stale or altered, and hands none of it on', async () => {
    const channel = recordingChannel((d) => ({ outcome: 'taken', providerMessageId: d.deliveryId }));
    await start({ deliveryChannel: channel, previousSecret: 'replaced-secret-0123456789abcdef' });
    const d = delivery();
    const refusals = [
      await send(d, { headers: { 'X-Signature': null } }),
      await send(d, { headers: { 'X-Timestamp': null } }),
      await send(d, { headers: { 'X-Signature': 'sha256=nothex' } }),
      await send(d, { secret: 'another-secret-0123456789abcdef' }),
      await send(d, { timestamp: now() - 10 * 60 }),
      await send(d, { timestamp: now() + 10 * 60 }),
      // Signed for another body: the bytes that arrive are not the ones signed.
      await send(d, { headers: { 'X-Signature': signTimestamped(JSON.stringify({ ...d, text: 'other' }), SECRET, now()) } }),
    ];
    expect(refusals.map((r) => [r.status, r.body.error])).toEqual(Array.from({ length: 7 }, () => [401, 'bad-signature']));
    expect(channel.handed).toEqual([]);
    expect(connector!.counts()).toEqual({ received: 0, unique: 0, duplicates: 0, refused: 7 });
    // During a rotation the replaced secret still counts.
    expect((await send(d, { secret: 'replaced-secret-0123456789abcdef' })).status).toBe(200);
    expect(channel.handed).toEqual([d.deliveryId]);
  });

  it('refuses malformed bodies with 400 naming the field, a wrong content type with 415, and a mismatched X-Delivery-Id', async () => {
    const channel = recordingChannel((d) => ({ outcome: 'taken', providerMessageId: d.deliveryId }));
    await start({ deliveryChannel: channel });
    const notJson = await send('{"deliveryId": ');
    expect([notJson.status, notJson.body.error]).toEqual([400, 'malformed-json']);
    const badAddress = await send(JSON.stringify({ ...delivery(), to: { kind: 'pigeon', value: 'x' } }));
    expect(badAddress.status).toBe(400);
    expect(badAddress.body.message).toMatch(/^to\.kind: /);
    const extra = await send(JSON.stringify({ ...delivery(), admin: true }));
    expect([extra.status, extra.body.message]).toEqual([400, expect.stringMatching(/admin/)]);
    const missing = await send(JSON.stringify({ ...delivery(), deliveryId: undefined }));
    expect([missing.status, missing.body.message]).toEqual([400, expect.stringMatching(/^deliveryId: /)]);
    const badFile = await send(JSON.stringify({ ...delivery(), attachments: [{ name: '../etc/passwd', type: 'text/plain', size: 3, sha256: 'a'.repeat(64), data: 'YWJj' }] }));
    expect([badFile.status, badFile.body.message]).toEqual([400, expect.stringMatching(/^attachments\.0\.name: /)]);
    const type = await send(delivery(), { headers: { 'Content-Type': 'text/plain' } });
    expect(type.status).toBe(415);
    const d = delivery();
    const mismatch = await send(d, { headers: { 'X-Delivery-Id': 'dlv-other' } });
    expect([mismatch.status, mismatch.body.message]).toEqual([400, expect.stringMatching(/^X-Delivery-Id: /)]);
    const noId = await send(d, { headers: { 'X-Delivery-Id': null } });
    expect(noId.status).toBe(400);
    const otherChannel = await send(delivery({ channel: 'chat' }));
    expect([otherChannel.status, otherChannel.body.message]).toEqual([400, 'channel: this connector serves sms, not chat']);
    expect(channel.handed).toEqual([]);
    expect(connector!.counts().refused).toBe(9);
    // The connector still works afterwards.
    expect((await send(d)).status).toBe(200);
  });

  it('refuses a body over its limit with 413 before reading it, and cuts off one that grows past it', async () => {
    const channel = recordingChannel((d) => ({ outcome: 'taken', providerMessageId: d.deliveryId }));
    await start({ deliveryChannel: channel, maxBodyBytes: 4_096 });
    const big = JSON.stringify(delivery({ text: 'x'.repeat(5_000) }));
    expect((await send(big)).status).toBe(413);
    // Sent in chunks without a length: the connector stops reading at the limit and closes the connection.
    const url = new URL(connector!.url);
    const cut = await new Promise<string>((resolve) => {
      const ts = now();
      const req = request(
        { host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Delivery-Id': 'dlv-big', 'X-Timestamp': ts, 'X-Signature': signTimestamped(big, SECRET, ts) } },
        (res) => resolve(String(res.statusCode)),
      );
      req.on('error', (err: NodeJS.ErrnoException) => resolve(err.code ?? err.message));
      const write = (i: number) => (i < 5 && !req.destroyed ? req.write(big.slice(i * 1_000, (i + 1) * 1_000), () => setTimeout(() => write(i + 1), 20)) : req.end());
      write(0);
    });
    expect(['413', 'ECONNRESET', 'EPIPE']).toContain(cut);
    expect(channel.handed).toEqual([]);
  });

  it('takes deliveries with files: its default limit is the largest delivery the contract allows', async () => {
    await start();
    const bytes = Buffer.alloc(2 * 1024 * 1024, 7);
    const file = { name: 'parcel.png', type: 'image/png' as const, size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex'), data: bytes.toString('base64') };
    expect((await send(delivery({ attachments: [file, file] }))).status).toBe(200);
    expect(MAX_DELIVERY_BYTES).toBeGreaterThan(10 * Math.ceil((10 * 1024 * 1024) / 3) * 4);
  });
});

describe('the example connector under hostile input', () => {
  it('answers signed hostile, malformed and deeply nested bodies with a 4xx and a JSON error, and hands none on', async () => {
    const channel = recordingChannel((d) => ({ outcome: 'taken', providerMessageId: d.deliveryId }));
    const errors: Error[] = [];
    await start({ deliveryChannel: channel, onError: (e) => errors.push(e), maxBodyBytes: 256 * 1024 });
    const prng = createPrng(41);
    const valid = { ...delivery(), attachments: [{ name: 'a.txt', type: 'text/plain', size: 3, sha256: 'a'.repeat(64), data: 'YWJj' }], survey: { url: 'https://x.example/s' } };
    const variants = malformedVariants(valid, prng, 300).filter((v) => !ConnectorDeliverySchema.safeParse(v).success);
    const bodies = [
      ...Array.from({ length: 150 }, () => toJson(hostileValue(prng))),
      ...variants.map(toJson),
      toJson(deeplyNested(DEEP_NESTING, 'object')),
      '\u0000\uD800',
    ];
    for (const body of bodies) {
      // The X-Delivery-Id a variant names, when it names one: what is behind that check is fuzzed too.
      const named = /"deliveryId":"([\x21-\x7e]{1,64})"/.exec(body)?.[1];
      const r = await send(body, { headers: { 'X-Delivery-Id': named ?? 'dlv-fuzz' } });
      expect([400, 413], body.slice(0, 120)).toContain(r.status);
      expect(r.body, body.slice(0, 120)).toMatchObject({ ok: false, error: expect.any(String), message: expect.any(String) });
    }
    expect(variants.length).toBeGreaterThan(150);
    expect(channel.handed).toEqual([]);
    expect(errors).toEqual([]);
    expect((await send(delivery())).status).toBe(200);
  }, 60_000);
});

describe('the example connector drops repeats', () => {
  it('answers every attempt of one delivery with the same id, and hands it on once', async () => {
    const channel = recordingChannel((d) => ({ outcome: 'taken', providerMessageId: `p-${d.deliveryId}` }));
    await start({ deliveryChannel: channel });
    const d = delivery();
    const answers = [await send(d), await send(d), await send(d)];
    expect(answers.map((a) => [a.status, a.body.providerMessageId])).toEqual(Array.from({ length: 3 }, () => [200, `p-${d.deliveryId}`]));
    expect(channel.handed).toEqual([d.deliveryId]);
    expect(connector!.counts()).toEqual({ received: 3, unique: 1, duplicates: 2, refused: 0 });
    expect(connector!.attempts.map((a) => a.duplicate)).toEqual([false, true, true]);
  });

  it('hands a delivery on once when its attempts arrive together', async () => {
    const channel = recordingChannel((d) => ({ outcome: 'taken', providerMessageId: `p-${d.deliveryId}` }), 100);
    await start({ deliveryChannel: channel });
    const d = delivery();
    const answers = await Promise.all(Array.from({ length: 5 }, () => send(d)));
    expect(new Set(answers.map((a) => `${a.status} ${a.body.providerMessageId}`))).toEqual(new Set([`200 p-${d.deliveryId}`]));
    expect(channel.handed).toEqual([d.deliveryId]);
    expect(connector!.counts()).toEqual({ received: 5, unique: 1, duplicates: 4, refused: 0 });
  });

  it('forgets the oldest ids beyond what it remembers, and keeps the latest attempts only', async () => {
    const channel = recordingChannel((d) => ({ outcome: 'taken', providerMessageId: d.deliveryId }));
    await start({ deliveryChannel: channel, rememberIds: 2, history: 3 });
    const [a, b, c] = [delivery(), delivery(), delivery()];
    for (const d of [a, b, c, c, b]) await send(d);
    expect(channel.handed).toEqual([a.deliveryId, b.deliveryId, c.deliveryId]);
    await send(a);
    expect(channel.handed).toHaveLength(4);
    expect(connector!.counts()).toEqual({ received: 6, unique: 4, duplicates: 2, refused: 0 });
    expect(connector!.attempts.map((x) => x.delivery.deliveryId)).toEqual([c.deliveryId, b.deliveryId, a.deliveryId]);
    expect(connector!.taken.map((x) => x.deliveryId)).toEqual([b.deliveryId, c.deliveryId, a.deliveryId]);
    expect(await connector!.waitForAttempts(6)).toHaveLength(3);
  });
});

describe('the example connector answers as told', () => {
  it('answers 503 the given number of times without handing on, then lets the channel take the same delivery', async () => {
    const channel = recordingChannel((d) => ({ outcome: 'taken', providerMessageId: d.deliveryId }));
    await start({ deliveryChannel: channel });
    connector!.setAnswer(503, { times: 2 });
    const d = delivery();
    const first = await send(d);
    expect([first.status, first.body.error]).toEqual([503, 'unavailable']);
    expect((await send(d)).status).toBe(503);
    expect(channel.handed).toEqual([]);
    expect((await send(d)).status).toBe(200);
    expect(channel.handed).toEqual([d.deliveryId]);
    expect(connector!.counts()).toEqual({ received: 3, unique: 1, duplicates: 0, refused: 0 });
    expect((await connector!.waitForAttempts(3)).map((a) => a.status)).toEqual([503, 503, 200]);
  });

  it('answers 400 with the reason until told otherwise; a delivery taken before still gets 200', async () => {
    await start();
    const taken = delivery();
    await send(taken);
    connector!.setAnswer(400, { reason: 'the number is not reachable' });
    for (let i = 0; i < 3; i++) {
      const r = await send(delivery());
      expect([r.status, r.body.error, r.body.message]).toEqual([400, 'rejected', 'the number is not reachable']);
    }
    expect((await send(taken)).status).toBe(200);
    connector!.setAnswer(200);
    expect((await send(delivery())).status).toBe(200);
    expect(connector!.counts()).toMatchObject({ received: 6, unique: 2, duplicates: 1 });
  });

  it("gives the channel's own answers: not now (503), never (400) with its reason, and 503 when the channel fails", async () => {
    const errors: Error[] = [];
    const answers: Record<string, ChannelAnswer | Error> = {
      busy: { outcome: 'transient', reason: 'the gateway is busy' },
      gone: { outcome: 'permanent', reason: 'the number is not reachable' },
      crash: new Error('socket hang up'),
    };
    await start({
      onError: (e) => errors.push(e),
      deliveryChannel: {
        send: async (d) => {
          const a = answers[d.text];
          if (a instanceof Error) throw a;
          return a;
        },
      },
    });
    const busy = await send(delivery({ text: 'busy' }));
    expect([busy.status, busy.body.message]).toEqual([503, 'the gateway is busy']);
    const gone = await send(delivery({ text: 'gone' }));
    expect([gone.status, gone.body.message]).toEqual([400, 'the number is not reachable']);
    const crash = await send(delivery({ text: 'crash' }));
    expect(crash.status).toBe(503);
    expect(errors.map((e) => e.message)).toEqual([expect.stringContaining('socket hang up')]);
    expect(connector!.counts()).toEqual({ received: 3, unique: 0, duplicates: 0, refused: 0 });
  });

  it('serves deliveries on POST /deliveries only', async () => {
    await start();
    const base = connector!.url.replace(/\/deliveries$/, '');
    expect((await fetch(`${base}/other`, { method: 'POST' })).status).toBe(404);
    expect((await fetch(connector!.url)).status).toBe(405);
  });
});

describe('the example connector reports to the hub', () => {
  it('signs receipts with its inbound secret and names its channel', async () => {
    await start();
    const answer = await connector!.report({ deliveryId: 'dlv-9', status: 'delivered' });
    expect(answer.status).toBe(200);
    await connector!.report({ providerMessageId: 'sms-abc', status: 'failed', error: 'the handset rejected it' });
    expect(hub.receipts).toEqual([
      { deliveryId: 'dlv-9', status: 'delivered', channel: 'sms' },
      { providerMessageId: 'sms-abc', status: 'failed', error: 'the handset rejected it', channel: 'sms' },
    ]);
    expect(hub.refused).toEqual([]);
  });

  it('tries a receipt again while the hub is busy, but not one the hub refuses', async () => {
    await start();
    hub.failNext(503, 2);
    expect((await connector!.report({ deliveryId: 'dlv-1', status: 'read' })).status).toBe(200);
    expect(hub.receipts).toHaveLength(1);
    hub.failNext(404, 1);
    expect((await connector!.report({ deliveryId: 'dlv-unknown', status: 'read' })).status).toBe(404);
    expect(hub.receipts).toHaveLength(1);
  });

  it('refuses to send a receipt the hub would not take', async () => {
    await start();
    await expect(connector!.report({ deliveryId: 'dlv-1', providerMessageId: 'p-1', status: 'read' })).rejects.toThrow(/one of them/);
    await expect(connector!.report({ deliveryId: 'dlv-1', status: 'sent' as never })).rejects.toThrow();
    expect(hub.receipts).toEqual([]);
  });

  it("sends the channel's later receipts, and none once stopped", async () => {
    const errors: Error[] = [];
    let later: (() => void) | null = null;
    await start({
      onError: (e) => errors.push(e),
      deliveryChannel: {
        send: async (d, report) => {
          report({ deliveryId: d.deliveryId, status: 'delivered' });
          later = () => report({ deliveryId: d.deliveryId, status: 'read' });
          return { outcome: 'taken', providerMessageId: 'p' };
        },
      },
    });
    const d = delivery();
    await send(d);
    expect(await hub.waitForReceipts(1)).toEqual([{ deliveryId: d.deliveryId, status: 'delivered', channel: 'sms' }]);
    await connector!.stop();
    connector = null;
    later!();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(hub.receipts).toHaveLength(1);
    expect(errors).toEqual([]);
  });

  it("tells of a receipt the hub did not take", async () => {
    const errors: Error[] = [];
    await start({ onError: (e) => errors.push(e), deliveryChannel: { send: async (d, report) => (report({ deliveryId: d.deliveryId, status: 'delivered' }), { outcome: 'taken', providerMessageId: 'p' }) } });
    hub.failNext(404, 1);
    await send(delivery());
    await expect.poll(() => errors.map((e) => e.message)).toEqual([expect.stringMatching(/did not take a delivered receipt: 404/)]);
  });

  it("forwards a customer's message on its channel, signed, and refuses one the hub would not take", async () => {
    await start();
    const r = await connector!.forwardInbound({ from: { phone: '+48 601 234 567' }, text: 'Thanks, got it!', externalId: 'sms-in-1' });
    expect(r.status).toBe(201);
    expect(hub.inbound).toMatchObject([{ channel: 'sms', from: { phone: '+48 601 234 567' }, text: 'Thanks, got it!', externalId: 'sms-in-1' }]);
    await expect(connector!.forwardInbound({ from: {}, text: 'who am I', externalId: 'sms-in-2' })).rejects.toThrow(/from: from needs one of/);
    expect(hub.inbound).toHaveLength(1);
  });

  it('stops listening when stopped', async () => {
    await start();
    const url = connector!.url;
    await connector!.stop();
    connector = null;
    await expect(fetch(url, { method: 'POST' })).rejects.toThrow();
  });
});
