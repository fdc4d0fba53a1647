import { randomBytes, randomUUID } from 'node:crypto';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ack, Session } from '../../shared/protocol';
import { HistoryResponseSchema, WEBCHAT_SESSIONS_PATH, type VisitorMessage, type WebchatSession } from '../../shared/protocol';
import { startPostgres, type PostgresServer } from '../cluster/postgres';
import { startRedis, type RedisServer } from '../cluster/redis';
import { createHub, type Hub } from '../hub';
import { loadOrg } from '../loadOrg';
import { openPgStore } from '../store/pg/pgStore';
import { testOrg } from '../testing/testOrg';
import { clientId, closeVisitors, connectVisitor, SHOP } from './webchatTesting';
import { allowOriginsFromCommandLine } from './webchatAdmin';

/**
 * Two hub nodes over one PostgreSQL and one Redis: the visitor on one, the agent on the other. What the widget
 * is told crosses nodes through the namespace's adapter; who is signed in is asked of every node.
 */
describe('web chat across hub nodes', () => {
  let postgres: PostgresServer;
  let redis: RedisServer;
  const nodes: Hub[] = [];
  const sockets: Socket[] = [];

  beforeAll(async () => {
    [postgres, redis] = await Promise.all([startPostgres({ name: 'webchatnodes' }), startRedis()]);
    const seed = await openPgStore(postgres.url);
    await loadOrg(seed, testOrg());
    await seed.close();
    const tokenKey = randomBytes(32);
    for (let i = 0; i < 2; i++) {
      nodes.push(await createHub({ store: await openPgStore(postgres.url), redisUrl: redis.url, tokenKey, ingestSecret: 'nodes-secret', port: 0, tickMs: 3_600_000, delivery: { pollMs: 20 } }));
    }
    await allowOriginsFromCommandLine(nodes[0].ctx, [SHOP]);
  }, 120_000);
  afterAll(async () => {
    closeVisitors();
    for (const s of sockets) s.disconnect();
    for (const n of nodes) await n.close().catch(() => {});
    await redis?.stop();
    await postgres?.stop();
  });

  /** A workstation of `username` on `hub`: signed in and connected. */
  async function workstation(hub: Hub, username: string) {
    const res = await fetch(`${hub.url}/api/v1/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username, password: `${username}-password-1` }) });
    const session = (await res.json()) as Session;
    const socket = io(hub.url, { transports: ['websocket'], auth: { token: session.accessToken }, reconnection: false, forceNew: true });
    sockets.push(socket);
    const events: Array<{ name: string; payload: unknown }> = [];
    socket.onAny((name: string, payload: unknown) => void events.push({ name, payload }));
    await new Promise<void>((resolve, reject) => {
      socket.once('hello', () => resolve());
      socket.once('connect_error', reject);
    });
    const request = async (name: string, payload: unknown) => {
      const ack = (await socket.timeout(10_000).emitWithAck(name, payload)) as Ack<unknown>;
      if (!ack.ok) throw new Error(`${name}: ${ack.reason}: ${ack.message}`);
      return ack.value;
    };
    const eventNamed = async (name: string) => {
      for (let i = 0; i < 200 && !events.some((e) => e.name === name); i++) await new Promise((r) => setTimeout(r, 25));
      return events.find((e) => e.name === name)?.payload;
    };
    return { request, eventNamed };
  }

  it('tells the visitor on one node what the agent on another does, and counts the agent as available', async () => {
    const [nodeA, nodeB] = nodes;
    // Only a1 may take the conversation, and a1 is signed in to node A alone.
    await nodeA.ctx.write(async (w) => {
      const a2 = nodeA.ctx.staff('a2')!;
      await w.save('staff', { ...a2, status: 'away', version: a2.version + 1 });
    });
    const agent = await workstation(nodeA, 'a1');
    const res = await fetch(`${nodeB.url}${WEBCHAT_SESSIONS_PATH}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ queue: 'q-chat', origin: SHOP }) });
    expect(res.status).toBe(201);
    const session = (await res.json()) as WebchatSession;
    const visitor = await connectVisitor({ hub: nodeB }, session.token);

    const before = HistoryResponseSchema.parse(await visitor.request('visitor:history', { after: null }));
    expect(before.availability).toMatchObject({ available: 1 });

    const { message } = await visitor.request<{ message: VisitorMessage }>('visitor:send', { clientId: clientId(), text: 'Hello from node B' });
    const caseId = (await nodeB.ctx.store.visitor(session.visitorId))!.caseId!;
    expect((await nodeB.ctx.store.get('case', caseId))!.assigneeId).toBe('a1');

    await visitor.request('visitor:typing', { typing: true });
    expect(await agent.eventNamed('visitor:typing')).toEqual({ caseId, typing: true });
    await agent.request('presence:set', { caseId, state: 'typing' });
    expect(await visitor.waitForEvent('typing')).toMatchObject({ typing: true });

    await agent.request('mutate', { mutationId: randomUUID(), type: 'reply', caseId, channel: 'chat', text: 'Hello from node A', basedOn: { lastMessageId: message.id } });
    expect(await visitor.waitForEvent<VisitorMessage>('message')).toMatchObject({ from: 'agent', text: 'Hello from node A' });
    // The widget's acknowledgement crosses back: delivered.
    for (let i = 0; i < 200; i++) {
      const rows = await nodeA.ctx.store.caseRows(caseId);
      if (rows.some((r) => r.entity === 'delivery' && (r.data as { status: string }).status === 'delivered')) return;
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error('the reply was never marked delivered');
  });
});
