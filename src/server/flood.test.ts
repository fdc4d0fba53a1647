import { connect as tcpConnect } from 'node:net';
import { performance } from 'node:perf_hooks';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Ack } from '../shared/protocol';
import { DEFAULT_REQUEST_LIMITS } from './realtime/requestBudget';
import { startFlooder } from './testing/floodProcess';
import { startTestHub, type TestClient, type TestHub } from './testing/hubHarness';

let t: TestHub;
afterEach(async () => {
  vi.restoreAllMocks();
  await t?.stop();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Gives pulls something to build: one case with `n` messages, so each answer is a few hundred KiB. */
async function busyCase(n: number): Promise<void> {
  const first = await t.inbound({ text: 'The parcel never came', from: { email: 'flood@example.com' } });
  const { ctx } = t.hub;
  const kase = (await ctx.store.get('case', first.body.caseId as string))!;
  await ctx.write(async (w) => {
    for (let i = 0; i < n; i++) {
      await w.save('interaction', {
        id: `int-flood-${i}`,
        caseId: kase.id,
        customerId: kase.customerId,
        kind: 'chat',
        direction: 'inbound',
        text: `Message ${i} `.repeat(20),
        subject: null,
        authorId: null,
        externalId: null,
        meta: {},
        createdAt: ctx.now(),
      });
    }
  });
}

/** Asks for /api/v1/health every `everyMs` until `until` resolves; returns each answer's latency. */
async function pollHealth(until: Promise<unknown>, everyMs = 50): Promise<number[]> {
  let done = false;
  void until.then(() => (done = true));
  const latencies: number[] = [];
  while (!done) {
    const started = performance.now();
    const res = await fetch(`${t.hub.url}/api/v1/health`, { signal: AbortSignal.timeout(10_000) });
    expect(res.status).toBe(200);
    await res.json();
    latencies.push(performance.now() - started);
    await sleep(everyMs);
  }
  return latencies;
}

/** Fires `count` requests without waiting for answers, as a hostile client does; counts the answers. */
function burst(client: TestClient, count: number, event: string, payload: unknown) {
  const answers = { ok: 0, limited: 0, retryAfter: [] as number[] };
  const emit = client.socket.emit.bind(client.socket) as (e: string, p: unknown, ack: (a: Ack<unknown>) => void) => void;
  for (let i = 0; i < count; i++) {
    emit(event, payload, (a) => {
      if (a.ok) answers.ok++;
      else if (a.reason === 'rate-limited') {
        answers.limited++;
        answers.retryAfter.push(a.retryAfterMs ?? -1);
      }
    });
  }
  return answers;
}

const disconnected = (client: TestClient) => new Promise<void>((resolve) => client.socket.once('disconnect', () => resolve()));

describe('one socket that floods', () => {
  it('cannot stop the hub answering: health answers within a second during and after 20,000 pulls, memory stays bounded, the flooder is closed', async () => {
    t = await startTestHub();
    await busyCase(2_000);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const a1 = await t.login('a1');
    const other = await t.connect('a2');
    const heapBefore = process.memoryUsage().heapUsed;
    // The flooding client runs in its own process, as it would on another machine: what is measured here is the hub.
    const flooder = await startFlooder({ url: t.hub.url, token: a1.accessToken, event: 'sync:pull', payload: { cursor: 0, limit: 2_000 }, total: 20_000 });
    const closed = flooder.closed();
    const during = await pollHealth(Promise.race([closed, sleep(10_000)]));
    await closed;
    const after = await pollHealth(sleep(1_000));
    const heapGrowth = process.memoryUsage().heapUsed - heapBefore;
    const answers = await flooder.stop();

    expect(Math.max(...during, ...after)).toBeLessThan(1_000);
    expect(heapGrowth).toBeLessThan(150 * 1024 * 1024);
    // At most the few in flight were answered (none when the socket was closed before their turn); the rest were
    // refused with when to ask again, never queued, and the socket that ignored that was closed.
    expect(answers.answered).toBeLessThanOrEqual(DEFAULT_REQUEST_LIMITS.maxInFlight);
    expect(answers.refused).toBeGreaterThan(0);
    expect(answers.closed).toBe(1);
    expect(warn.mock.calls.flat().join('\n')).toContain('kept asking after being refused');
    // Everyone else is served as before; the flooder's session may not come straight back.
    const page = await other.request('sync:pull', { cursor: 0, limit: 10 });
    expect(page.changes.length).toBeGreaterThan(0);
    await expect(t.connect(a1)).rejects.toMatchObject({ data: { reason: 'rate-limited' }, message: expect.stringMatching(/flooded/) });
  });

  it('tells a refused request when to ask again, and closes the connection that ignores it', async () => {
    t = await startTestHub();
    const flooder = await t.connect('a1');
    const closed = disconnected(flooder);
    const answers = burst(flooder, 1_000, 'sync:pull', { cursor: 0, limit: 10 });
    await closed;
    expect(answers.limited).toBeGreaterThan(DEFAULT_REQUEST_LIMITS.maxStrikes);
    expect(answers.retryAfter.every((ms) => ms > 0)).toBe(true);
    expect(flooder.events.some((e) => e.name === 'protocol:error' && (e.payload as { reason: string }).reason === 'rate-limited')).toBe(true);
  });

  it('refuses a cheap flood (audit trail) past its budget, without closing a client that waits as told', async () => {
    t = await startTestHub({
      requestLimits: { ...DEFAULT_REQUEST_LIMITS, buckets: { ...DEFAULT_REQUEST_LIMITS.buckets, read: { capacity: 16, perSecond: 32 } } },
    });
    const sup = await t.connect('sup1');
    const answers = burst(sup, 40, 'audit:query', { limit: 10 });
    await sleep(300);
    // 16 tokens at 8 each: two answered at once, the rest refused, none queued.
    expect(answers.ok).toBe(2);
    expect(answers.limited).toBe(38);
    expect(Math.min(...answers.retryAfter)).toBeGreaterThan(0);
    // A client that waits as told is served again and keeps its connection.
    await sleep(Math.max(...answers.retryAfter));
    await expect(sup.request('audit:query', { limit: 10 })).resolves.toHaveProperty('entries');
    expect(sup.socket.connected).toBe(true);
  });

  it('runs at most a few requests of one connection at a time, and refuses the rest instead of queueing them', async () => {
    t = await startTestHub();
    const a1 = await t.connect('a1');
    const answers = burst(a1, DEFAULT_REQUEST_LIMITS.maxInFlight + 6, 'presence:set', { caseId: 'case-none', state: 'viewing' });
    await sleep(300);
    // Refused for not-found after running, or refused before running for being busy: never more than the cap ran.
    expect(answers.limited).toBe(6);
    expect(a1.socket.connected).toBe(true);
  });

  it('limits the connections of one session', async () => {
    t = await startTestHub();
    const first = await t.connect('a1');
    for (let i = 1; i < DEFAULT_REQUEST_LIMITS.maxConnectionsPerSession; i++) await t.connect(first.session);
    await expect(t.connect(first.session)).rejects.toMatchObject({ data: { reason: 'rate-limited' } });
  });
});

describe('HTTP requests that never finish', () => {
  /** Opens a raw connection, sends `head` and part of a body, and resolves with what the hub answers. */
  function halfSent(port: number, head: string, body: string, abortAfterMs?: number) {
    return new Promise<{ answer: string; ms: number }>((resolve) => {
      const started = performance.now();
      const socket = tcpConnect(port, '127.0.0.1', () => socket.write(head + body));
      let answer = '';
      socket.on('data', (d) => (answer += d.toString()));
      socket.on('close', () => resolve({ answer, ms: performance.now() - started }));
      socket.on('error', () => {});
      if (abortAfterMs !== undefined) setTimeout(() => socket.destroy(), abortAfterMs);
    });
  }

  it('cuts off a slow body with 408 after the request timeout, and logs each in one line without a stack', async () => {
    t = await startTestHub({ httpRequestTimeoutMs: 1_000 });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const head = 'POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n';
    const slow = await halfSent(t.hub.port, head, '{"username":');
    expect(slow.answer).toMatch(/^HTTP\/1\.1 408/);
    expect(slow.ms).toBeLessThan(3_500);

    await halfSent(t.hub.port, head, '{"username":', 100);
    await sleep(100);
    const logged = [...warn.mock.calls, ...error.mock.calls].map((c) => c.map(String).join(' '));
    // One line for each: the request cut off, and the request whose sender went away.
    expect(logged.filter((l) => l.includes('its body did not arrive whole'))).toHaveLength(2);
    expect(logged).toHaveLength(2);
    expect(logged.join('\n')).not.toMatch(/^\s+at /m);
    expect(error).not.toHaveBeenCalled();
    const health = await fetch(`${t.hub.url}/api/v1/health`);
    expect(health.status).toBe(200);
  });
});
