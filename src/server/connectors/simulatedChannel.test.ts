import { afterEach, describe, expect, it } from 'vitest';
import { CONNECTOR_CHANNELS, type ConnectorDelivery } from '../../shared/protocol';
import { signTimestamped } from '../http/signature';
import { startStandInHub, type StandInHub } from '../testing/standInHub';
import { startExampleConnector, type ExampleConnector } from './exampleConnector';
import { createSimulatedChannel, fateOf, PERMANENT_SHARE, TRANSIENT_SHARE, type Fate } from './simulatedChannel';

const ids = (count: number) => Array.from({ length: count }, (_, i) => `dlv-${i}`);
const share = (fates: Fate[], outcome: Fate['outcome']) => fates.filter((f) => f.outcome === outcome).length / fates.length;

describe('fateOf', () => {
  it('is the same for the same seed, delivery and attempt, and differs with the seed', () => {
    const a = ids(200).map((id) => fateOf(7, 'sms', id, 0));
    expect(ids(200).map((id) => fateOf(7, 'sms', id, 0))).toEqual(a);
    // Order-independent: one delivery's fate does not depend on which came before it.
    expect(fateOf(7, 'sms', 'dlv-150', 0)).toEqual(a[150]);
    const b = ids(200).map((id) => fateOf(8, 'sms', id, 0));
    expect(b.filter((f, i) => JSON.stringify(f) === JSON.stringify(a[i])).length).toBeLessThan(5);
  });

  it.each(CONNECTOR_CHANNELS)('%s: about 1 attempt in 20 fails for now and 1 in 100 for good; most taken messages are reported read', (channel) => {
    const fates = ids(20_000).map((id) => fateOf(1, channel, id, 0));
    // 20,000 draws: the standard error of a 5% share is 0.15%, of a 1% share 0.07%.
    expect(share(fates, 'transient')).toBeGreaterThan(TRANSIENT_SHARE - 0.006);
    expect(share(fates, 'transient')).toBeLessThan(TRANSIENT_SHARE + 0.006);
    expect(share(fates, 'permanent')).toBeGreaterThan(PERMANENT_SHARE - 0.003);
    expect(share(fates, 'permanent')).toBeLessThan(PERMANENT_SHARE + 0.003);
    const taken = fates.filter((f) => f.outcome === 'taken');
    const read = taken.filter((f) => f.readMs !== null).length / taken.length;
    expect(read).toBeGreaterThan(0.45);
    expect(read).toBeLessThan(0.95);
    for (const f of fates) {
      // A provider answers within a second, and a customer's device has the message within 20 seconds.
      expect(f.answerMs).toBeGreaterThanOrEqual(20);
      expect(f.answerMs).toBeLessThanOrEqual(1_000);
      if (f.outcome === 'taken') {
        expect(f.deliveredMs).toBeGreaterThan(0);
        expect(f.deliveredMs).toBeLessThanOrEqual(20_000);
      }
    }
    expect(new Set(taken.map((f) => f.outcome === 'taken' && f.providerMessageId)).size).toBe(taken.length);
    // Every failure says why, in the channel's terms.
    expect(new Set(fates.flatMap((f) => (f.outcome === 'permanent' ? [f.reason] : [])))).toHaveProperty('size', 1);
  });

  it('gives a retried delivery a fresh chance', () => {
    const failed = ids(5_000).filter((id) => fateOf(3, 'chat', id, 0).outcome === 'transient');
    expect(failed.length).toBeGreaterThan(100);
    const retried = failed.map((id) => fateOf(3, 'chat', id, 1));
    expect(share(retried, 'taken')).toBeGreaterThan(0.85);
  });
});

describe('the simulated channel behind the example connector', () => {
  const SECRET = 'simulated-secret-0123456789abcdef';
  const INBOUND = 'simulated-inbound-0123456789abcdef';
  let hub: StandInHub | null = null;
  let connector: ExampleConnector | null = null;
  afterEach(async () => {
    await connector?.stop();
    await hub?.close();
  });

  it('answers as the seed says, retried deliveries included, and reports delivered before read', async () => {
    hub = await startStandInHub(INBOUND);
    const seed = 5;
    // A thousandth of real time: delays of seconds take milliseconds.
    connector = await startExampleConnector({ channel: 'sms', hubUrl: hub.url, secret: SECRET, inboundSecret: INBOUND, deliveryChannel: createSimulatedChannel({ channel: 'sms', seed, timeScale: 0.001 }) });
    const deliveries: ConnectorDelivery[] = ids(300).map((id) => ({ deliveryId: id, caseId: 'case-1', interactionId: `int-${id}`, channel: 'sms', to: { kind: 'phone', value: '+48601234567' }, text: 'Hello' }));
    const post = async (d: ConnectorDelivery) => {
      const raw = JSON.stringify(d);
      const ts = Math.floor(Date.now() / 1000);
      const res = await fetch(connector!.url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Delivery-Id': d.deliveryId, 'X-Timestamp': String(ts), 'X-Signature': signTimestamped(raw, SECRET, ts) },
        body: raw,
      });
      return { status: res.status, body: (await res.json()) as { providerMessageId?: string; message?: string } };
    };

    // As the hub does: a 503 is tried again, anything else settles the delivery.
    const expected = new Map<string, { status: number; fate: Fate }>();
    await Promise.all(
      deliveries.map(async (d) => {
        for (let attempt = 0; ; attempt++) {
          const fate = fateOf(seed, 'sms', d.deliveryId, attempt);
          const answer = await post(d);
          expect(answer.status).toBe(fate.outcome === 'taken' ? 200 : fate.outcome === 'transient' ? 503 : 400);
          if (fate.outcome === 'taken') expect(answer.body.providerMessageId).toBe(fate.providerMessageId);
          else expect(answer.body.message).toBe(fate.reason);
          if (answer.status !== 503) return void expected.set(d.deliveryId, { status: answer.status, fate });
        }
      }),
    );
    const taken = [...expected.entries()].filter(([, e]) => e.fate.outcome === 'taken');
    const reads = taken.filter(([, e]) => e.fate.outcome === 'taken' && e.fate.readMs !== null);
    expect(connector.counts()).toMatchObject({ unique: taken.length, duplicates: 0 });
    expect(connector.counts().received).toBeGreaterThan(300);

    const receipts = await hub.waitForReceipts(taken.length + reads.length, 10_000);
    expect(hub.refused).toEqual([]);
    for (const [id] of taken) {
      const mine = receipts.filter((r) => r.deliveryId === id).map((r) => r.status);
      expect(mine).toEqual(reads.some(([r]) => r === id) ? ['delivered', 'read'] : ['delivered']);
    }
    expect(receipts.every((r) => r.channel === 'sms')).toBe(true);
  });
});
