import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { InboundMessageSchema, type InboundMessage } from '../../shared/protocol/http';
import { createSimulator } from './simulator';
import { seededTestSource } from './testSource';

const SECRET = 'test-secret-for-hmac';

/** A stand-in hub that checks every request the way the real one does, and records what it accepted. */
interface FakeHub {
  url: string;
  accepted: InboundMessage[];
  problems: string[];
  close(): Promise<void>;
}

let hub: FakeHub | null = null;

/** `secrets`: the channels whose messages must be signed with a secret of their own (the others with SECRET). */
async function startHub(status = 200, secrets: Partial<Record<string, string>> = {}): Promise<FakeHub> {
  const accepted: InboundMessage[] = [];
  const problems: string[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      const channel = (JSON.parse(raw.toString('utf8')) as { channel: string }).channel;
      const expected = Buffer.from(`sha256=${createHmac('sha256', secrets[channel] ?? SECRET).update(raw).digest('hex')}`);
      const given = Buffer.from(String(req.headers['x-signature'] ?? ''));
      if (req.method !== 'POST' || req.url !== '/api/v1/inbound') problems.push(`${req.method} ${req.url}`);
      else if (req.headers['content-type'] !== 'application/json') problems.push('content type');
      else if (given.length !== expected.length || !timingSafeEqual(given, expected)) problems.push('signature');
      else {
        const parsed = InboundMessageSchema.safeParse(JSON.parse(raw.toString('utf8')));
        if (parsed.success) accepted.push(parsed.data);
        else problems.push(parsed.error.message);
      }
      res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify({ ok: status === 200 }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    accepted,
    problems,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
const timers = (): number => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;

afterEach(async () => {
  await hub?.close();
  hub = null;
});

describe('createSimulator', () => {
  it('posts signed, valid messages at about the given rate, and stops without leaving timers', async () => {
    hub = await startHub();
    const timersBefore = timers();
    const errors: Error[] = [];
    const sim = createSimulator({ url: hub.url, secret: SECRET, rate: 40, seed: 5, source: seededTestSource(), onError: (e) => errors.push(e) });
    sim.start();
    await sleep(1_000);
    await sim.stop();
    const count = hub.accepted.length;
    expect(hub.problems).toEqual([]);
    expect(errors).toEqual([]);
    // 40/s for one second: about 40. Generous bounds, since CI machines stall.
    expect(count).toBeGreaterThan(15);
    expect(count).toBeLessThan(60);
    expect(sim.stats()).toEqual({ sent: count, failed: 0 });
    expect(new Set(hub.accepted.map((m) => m.externalId)).size).toBe(count);

    await sleep(200);
    expect(hub.accepted.length).toBe(count);
    expect(timers()).toBeLessThanOrEqual(timersBefore);
  });

  it('sends nothing at rate 0, and one message every two seconds at rate 0.5', async () => {
    hub = await startHub();
    const idle = createSimulator({ url: hub.url, secret: SECRET, rate: 0, seed: 1, source: seededTestSource() });
    const slow = createSimulator({ url: hub.url, secret: SECRET, rate: 0.5, seed: 2, source: seededTestSource() });
    idle.start();
    slow.start();
    await sleep(600);
    await Promise.all([idle.stop(), slow.stop()]);
    expect(idle.stats().sent).toBe(0);
    expect(slow.stats().sent).toBe(1);
  });

  it("signs a channel's messages with its connector's inbound secret, and the others with the hub's", async () => {
    const channelSecrets = { sms: 'sms-inbound-secret-0123456789abcdef', chat: 'chat-inbound-secret-0123456789abcdef' };
    hub = await startHub(200, channelSecrets);
    const sim = createSimulator({ url: hub.url, secret: SECRET, channelSecrets, rate: 80, seed: 9, source: seededTestSource() });
    sim.start();
    const channels = () => new Set(hub!.accepted.map((m) => m.channel));
    // Until messages of both kinds have come (or the hub refused one): a loaded machine sends fewer per second.
    await expect.poll(() => hub!.problems.length > 0 || ['sms', 'chat', 'email'].every((c) => channels().has(c as never)), { timeout: 10_000 }).toBe(true);
    await sim.stop();
    expect(hub.problems).toEqual([]);
  });

  it('counts and reports messages the hub refuses', async () => {
    hub = await startHub(401);
    const errors: Error[] = [];
    const sim = createSimulator({ url: hub.url, secret: SECRET, rate: 20, seed: 3, source: seededTestSource(), onError: (e) => errors.push(e) });
    sim.start();
    await sleep(300);
    await sim.stop();
    expect(sim.stats().sent).toBe(0);
    expect(sim.stats().failed).toBeGreaterThan(0);
    expect(errors[0].message).toMatch(/401/);
  });

  it('refuses to send anywhere but this machine', () => {
    const source = seededTestSource();
    expect(() => createSimulator({ url: 'https://hub.example.com', secret: SECRET, rate: 1, seed: 1, source })).toThrow(/this machine/);
    expect(() => createSimulator({ url: 'http://127.0.0.1:1', secret: SECRET, rate: -1, seed: 1, source })).toThrow(RangeError);
  });
});
