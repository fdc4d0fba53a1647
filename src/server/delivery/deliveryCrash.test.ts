import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { io } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import type { Delivery } from '../../shared/domain';
import type { Ack, MutationResult, Session } from '../../shared/protocol';
import { createHub, type Hub } from '../hub';
import { signBody } from '../http/signature';
import { startHubNode, type HubNodeProcess } from '../testing/hubNodeProcess';
import { testData, type TestData } from '../testing/testData';
import { person, testOrg } from '../testing/testOrg';

const INGEST = 'crash-test-ingest-secret';
const OUT_SECRET = 'connector-outbound-secret-0123456789';

describe('a hub killed mid-delivery', () => {
  let data: TestData | undefined;
  let node: HubNodeProcess | undefined;
  let hub: Hub | undefined;
  const hanging: ServerResponse[] = [];
  const connector = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      received.push(req.headers['x-delivery-id'] as string);
      // The first delivery never gets an answer: the hub sending it dies while it waits.
      if (received.length === 1) return void hanging.push(res);
      res.writeHead(200, { 'Content-Type': 'application/json' }).end('{}');
    });
  });
  const received: string[] = [];
  afterEach(async () => {
    await node?.kill();
    await hub?.close();
    await data?.remove();
    for (const res of hanging) res.destroy();
    await new Promise<void>((resolve) => (connector.listening ? connector.close(() => resolve()) : resolve()));
  });

  it('loses nothing: after its lease the delivery is sent again, with the same id', async () => {
    const org = testOrg();
    data = await testData({ ...org, staff: [...org.staff, person('adm1', 'admin', { status: 'offline' })] });
    await new Promise<void>((resolve) => connector.listen(0, '127.0.0.1', resolve));
    const tokenKey = randomBytes(32);
    const lease = { leaseMs: 3_000, connectorTimeoutMs: 2_000, pollMs: 50 };
    node = await startHubNode({ ...data.location, tokenKey, ingestSecret: INGEST, name: 'doomed hub', delivery: lease });
    const post = async (path: string, body: unknown, headers: Record<string, string> = {}, method = 'POST') => {
      const res = await fetch(`${node!.url}${path}`, { method, headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) });
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    };
    const login = async (username: string) => (await post('/api/v1/auth/login', { username, password: `${username}-password-1` })).body as unknown as Session;

    const admin = await login('adm1');
    const url = `http://127.0.0.1:${(connector.address() as AddressInfo).port}/deliver`;
    expect((await post('/api/v1/admin/connectors/chat', { url, secret: OUT_SECRET }, { Authorization: `Bearer ${admin.accessToken}` }, 'PUT')).status).toBe(200);
    const raw = JSON.stringify({ channel: 'chat', externalId: randomUUID(), text: 'Where is my parcel?', from: { email: 'anna@example.com' } });
    const opened = await fetch(`${node.url}/api/v1/inbound`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Signature': signBody(raw, INGEST) }, body: raw });
    const { caseId, assigneeId, interactionId } = (await opened.json()) as Record<string, string>;

    const agent = await login(assigneeId);
    const socket = io(node.url, { transports: ['websocket'], auth: { token: agent.accessToken }, reconnection: false, forceNew: true });
    try {
      await new Promise<void>((resolve, reject) => {
        socket.once('hello', () => resolve());
        socket.once('connect_error', reject);
      });
      const ack = (await socket.timeout(10_000).emitWithAck('mutate', {
        mutationId: randomUUID(), type: 'reply', caseId, channel: 'chat', text: 'It leaves today', basedOn: { lastMessageId: interactionId },
      } as never)) as Ack<MutationResult>;
      expect(ack).toMatchObject({ ok: true, value: { ok: true } });
    } finally {
      socket.disconnect();
    }
    for (let i = 0; received.length === 0 && i < 400; i++) await new Promise((r) => setTimeout(r, 25));
    expect(received).toHaveLength(1);

    // Killed while the connector holds the attempt: nothing recorded its outcome.
    await node.kill();
    hub = await createHub({ store: await data.open(), port: 0, ingestSecret: INGEST, tokenKey, tickMs: 3_600_000, delivery: lease });
    const [claimed] = (await hub.ctx.store.caseRows(caseId)).filter((r) => r.entity === 'delivery').map((r) => r.data as Delivery);
    expect(claimed).toMatchObject({ status: 'queued', attempts: 1, id: received[0] });

    let sent: Delivery | undefined;
    for (let i = 0; !sent && i < 400; i++) {
      await new Promise((r) => setTimeout(r, 25));
      sent = (await hub.ctx.store.get('delivery', claimed.id))?.status === 'sent' ? (await hub.ctx.store.get('delivery', claimed.id))! : undefined;
    }
    expect(sent).toMatchObject({ status: 'sent', attempts: 2 });
    // Not before the lease ran out: a live node's attempt is never taken over.
    expect(sent!.updatedAt).toBeGreaterThanOrEqual(claimed.nextAttemptAt!);
    expect(received).toEqual([claimed.id, claimed.id]);
  }, 120_000);
});
