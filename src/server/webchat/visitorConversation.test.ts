import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Case, Delivery, Interaction } from '../../shared/domain';
import { HistoryResponseSchema, InlineSurveySchema, VisitorMessageSchema, type VisitorMessage } from '../../shared/protocol';
import { startTestHub, testClock, type TestClient, type TestHub } from '../testing/hubHarness';
import { allowOriginsInStore, clientId, closeVisitors, connectVisitor, SHOP, startSession } from './webchatTesting';

const NAMES: Record<string, string> = { a1: 'Anna Nowak', a2: 'Basia Kowal' };
/** What a visitor sees of an agent: their first name. */
const firstNameOf = (staffId: string | null) => NAMES[staffId ?? '']?.split(' ')[0];

const HOSTILE = '<img src=x onerror="alert(1)"> & <script>alert(2)</script>';

describe('a web chat conversation', () => {
  const clock = testClock();
  let t: TestHub;
  const agents: TestClient[] = [];
  let supervising: TestClient;

  beforeAll(async () => {
    t = await startTestHub({ trustProxy: true, now: clock.now, delivery: { pollMs: 20 }, webchat: { availabilityEveryMs: 50 } });
    await allowOriginsInStore(t, [SHOP]);
    // Room for every conversation these tests open (each is taken by an agent at once), and names to tell apart.
    await t.hub.ctx.write(async (w) => {
      for (const [id, name] of Object.entries(NAMES)) {
        const s = t.hub.ctx.staff(id)!;
        await w.save('staff', { ...s, name, capacity: { ...s.capacity, chat: 50, email: 50 }, version: s.version + 1 });
      }
    });
    let supervisor: TestClient;
    [agents[0], agents[1], supervisor] = await Promise.all([t.connect('a1'), t.connect('a2'), t.connect('sup1')]);
    supervising = supervisor;
  }, 60_000);
  afterAll(() => t?.stop());
  afterEach(closeVisitors);

  const deliveriesOf = async (caseId: string) => (await t.hub.ctx.store.caseRows(caseId)).filter((r) => r.entity === 'delivery').map((r) => r.data as Delivery);
  async function until<T>(probe: () => Promise<T | undefined>, what: string): Promise<T> {
    for (let i = 0; i < 200; i++) {
      const found = await probe();
      if (found !== undefined) return found;
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error(`timed out waiting for ${what}`);
  }
  const agentOf = (kase: Case) => agents.find((a) => a.session.staff.id === kase.assigneeId)!;

  /** A visitor who wrote one message: their session, socket, message and case (taken by an agent). */
  async function visitorWhoWrote(text = 'Where is my parcel?') {
    const session = await startSession(t);
    const visitor = await connectVisitor(t, session.token);
    const { message } = await visitor.request<{ message: VisitorMessage }>('visitor:send', { clientId: clientId(), text });
    const caseId = (await t.hub.ctx.store.visitor(session.visitorId))!.caseId!;
    const kase = (await t.hub.ctx.store.get('case', caseId))!;
    return { session, visitor, message, kase, agent: agentOf(kase) };
  }

  it('puts what the visitor writes in the queue, with the pages they came through and the articles they saw', async () => {
    const session = await startSession(t);
    const visitor = await connectVisitor(t, session.token);
    await visitor.request('visitor:page', { url: 'https://shop.example/shoes', title: 'Shoes' });
    await visitor.request('visitor:page', { url: 'https://shop.example/returns', title: 'Returns <b>policy</b>' });
    await visitor.request('visitor:contact', { name: 'Ola', email: 'ola@example.pl' });
    const id = clientId();
    const sent = await visitor.request<{ message: VisitorMessage }>('visitor:send', { clientId: id, text: `Can I return these? ${HOSTILE}`, articlesSeen: ['kb-returns'] });
    expect(VisitorMessageSchema.parse(sent.message)).toMatchObject({ from: 'visitor', agentName: null, status: 'sent', text: `Can I return these? ${HOSTILE}` });
    // An agent of the queue sees it like any chat message, as plain text.
    const change = await agents[0].waitFor((c) => c.entity === 'interaction' && c.id === sent.message.id);
    const interaction = change.data as Interaction;
    expect(interaction).toMatchObject({ kind: 'chat', direction: 'inbound', text: `Can I return these? ${HOSTILE}` });
    expect(interaction.meta).toMatchObject({
      handle: `web:${session.visitorId}`,
      pages: [{ url: 'https://shop.example/shoes', title: 'Shoes' }, { url: 'https://shop.example/returns', title: 'Returns <b>policy</b>' }],
      articlesSeen: ['kb-returns'],
    });
    const kase = (await t.hub.ctx.store.get('case', interaction.caseId))!;
    expect(kase).toMatchObject({ queueId: 'q-chat', originChannel: 'chat' });
    expect(kase.assigneeId).not.toBeNull();
    const customer = (await t.hub.ctx.store.get('customer', kase.customerId))!;
    expect(customer).toMatchObject({ name: 'Ola', emails: ['ola@example.pl'], handles: [`web:${session.visitorId}`] });
    // The same message sent again (its answer was lost) is stored once.
    const again = await visitor.request<{ message: VisitorMessage }>('visitor:send', { clientId: id, text: 'Can I return these?' });
    expect(again.message.id).toBe(sent.message.id);
    // The next message carries only the pages visited since.
    clock.advance(30_000);
    await visitor.request('visitor:page', { url: 'https://shop.example/cart', title: 'Cart' });
    const next = await visitor.request<{ message: VisitorMessage }>('visitor:send', { clientId: clientId(), text: 'And the cart?' });
    const nextRow = (await t.hub.ctx.store.interactionsOfCase(kase.id)).find((i) => i.id === next.message.id)!;
    expect(nextRow.meta.pages).toEqual([{ url: 'https://shop.example/cart', title: 'Cart' }]);
    expect(nextRow.caseId).toBe(kase.id);
  });

  it("delivers the agent's reply live with their name, then delivered and read reach the agent", async () => {
    const { visitor, message, kase, agent } = await visitorWhoWrote();
    const r = await agent.mutate({ type: 'reply', caseId: kase.id, channel: 'chat', text: `Hello! ${HOSTILE}`, basedOn: { lastMessageId: message.id } });
    expect(r.ok).toBe(true);
    const pushed = VisitorMessageSchema.parse(await visitor.waitForEvent<VisitorMessage>('message'));
    expect(pushed).toMatchObject({ from: 'agent', agentName: firstNameOf(kase.assigneeId), text: `Hello! ${HOSTILE}`, status: 'delivered' });
    // The widget acknowledged it: delivered, which the agent's workstation hears of.
    await agent.waitFor((c) => c.entity === 'delivery' && (c.data as Delivery).interactionId === pushed.id && (c.data as Delivery).status === 'delivered');
    expect((await deliveriesOf(kase.id))[0]).toMatchObject({ channel: 'chat', to: { kind: 'handle', value: `web:${(await t.hub.ctx.store.visitorOfCase(kase.id))!.id}` } });
    await visitor.request('visitor:read', { upTo: pushed.id });
    await agent.waitFor((c) => c.entity === 'delivery' && (c.data as Delivery).interactionId === pushed.id && (c.data as Delivery).status === 'read');
    // Read cannot go back to delivered.
    await visitor.request('visitor:history', { after: null });
    expect((await deliveriesOf(kase.id))[0].status).toBe('read');
    expect(await visitor.ask('visitor:read', { upTo: 'int-not-here' })).toMatchObject({ ok: false, reason: 'not-found' });
  });

  it('tells the visitor who took the conversation, and who takes it over', async () => {
    const { visitor, kase } = await visitorWhoWrote();
    expect(await visitor.waitForEvent('agent')).toEqual({ agentName: firstNameOf(kase.assigneeId) });
    const other = kase.assigneeId === 'a1' ? 'a2' : 'a1';
    const current = (await t.hub.ctx.store.get('case', kase.id))!;
    expect((await supervising.mutate({ type: 'case.assign', caseId: kase.id, basedOn: { version: current.version }, to: { staffId: other } })).ok).toBe(true);
    expect(await visitor.waitForEvent('agent', (a: { agentName: string }) => a.agentName === firstNameOf(other))).toEqual({ agentName: firstNameOf(other) });
  });

  it('marks a reply delivered when the widget fetches it, not before', async () => {
    const { session, visitor, message, kase, agent } = await visitorWhoWrote();
    visitor.close();
    await agent.mutate({ type: 'reply', caseId: kase.id, channel: 'chat', text: 'Are you still there?', basedOn: { lastMessageId: message.id } });
    const sent = await until(async () => (await deliveriesOf(kase.id)).find((d) => d.status === 'sent'), 'the reply to be sent');
    const back = await connectVisitor(t, session.token);
    const history = HistoryResponseSchema.parse(await back.request('visitor:history', { after: message.cursor }));
    expect(history.messages.map((m) => [m.from, m.text, m.status])).toEqual([['agent', 'Are you still there?', 'delivered']]);
    expect(history.agentName).toBe(firstNameOf(kase.assigneeId));
    expect((await t.hub.ctx.store.get('delivery', sent.id))?.status).toBe('delivered');
  });

  it('continues after a reload and on another page: missed messages by cursor, other tabs live', async () => {
    const { session, visitor, message, kase, agent } = await visitorWhoWrote('First');
    const tab2 = await connectVisitor(t, session.token);
    const second = (await visitor.request<{ message: VisitorMessage }>('visitor:send', { clientId: clientId(), text: 'Second' })).message;
    expect(await tab2.waitForEvent<VisitorMessage>('message')).toMatchObject({ id: second.id, from: 'visitor', text: 'Second' });
    visitor.close();
    tab2.close();
    await agent.mutate({ type: 'reply', caseId: kase.id, channel: 'chat', text: 'Third, from us', basedOn: { lastMessageId: second.id } });
    await until(async () => (await deliveriesOf(kase.id)).find((d) => d.status === 'sent'), 'the reply to be sent');
    const reloaded = await connectVisitor(t, session.token);
    const all = HistoryResponseSchema.parse(await reloaded.request('visitor:history', { after: null }));
    expect(all.messages.map((m) => m.text)).toEqual(['First', 'Second', 'Third, from us']);
    expect(all.more).toBe(false);
    const missed = HistoryResponseSchema.parse(await reloaded.request('visitor:history', { after: message.cursor }));
    expect(missed.messages.map((m) => m.text)).toEqual(['Second', 'Third, from us']);
    const none = HistoryResponseSchema.parse(await reloaded.request('visitor:history', { after: missed.messages[1].cursor }));
    expect(none.messages).toEqual([]);
    // Notes and other channels' messages on the case are not the visitor's to see.
    await agent.mutate({ type: 'note', caseId: kase.id, text: 'internal: VIP' });
    expect((HistoryResponseSchema.parse(await reloaded.request('visitor:history', { after: null }))).messages).toHaveLength(3);
  });

  it('shows typing both ways, and an agent opening the conversation marks the visitor\'s messages read', async () => {
    const { visitor, message, kase, agent } = await visitorWhoWrote();
    await visitor.request('visitor:typing', { typing: true });
    expect(await agent.waitForEvent('visitor:typing')).toEqual({ caseId: kase.id, typing: true });
    await agent.request('presence:set', { caseId: kase.id, state: 'typing' });
    expect(await visitor.waitForEvent('typing')).toEqual({ agentName: firstNameOf(kase.assigneeId), typing: true });
    expect(await visitor.waitForEvent('status')).toEqual({ id: message.id, status: 'read' });
    await agent.request('presence:set', { caseId: kase.id, state: 'viewing' });
    expect(await visitor.waitForEvent('typing', (p: { typing: boolean }) => !p.typing)).toEqual({ agentName: firstNameOf(kase.assigneeId), typing: false });
    const history = HistoryResponseSchema.parse(await visitor.request('visitor:history', { after: null }));
    expect(history.messages[0]).toMatchObject({ id: message.id, status: 'read' });
  });

  it('says when nobody is available, and a message left by email is answered by email', async () => {
    const session = await startSession(t);
    const visitor = await connectVisitor(t, session.token);
    expect(HistoryResponseSchema.parse(await visitor.request('visitor:history', { after: null })).availability).toMatchObject({ available: 2 });
    const busy = await Promise.all(agents.map((a) => a.mutate({ type: 'staff.setStatus', status: 'away' })));
    expect(busy.every((b) => b.ok)).toBe(true);
    try {
      // Connected visitors hear of it without asking.
      expect(await visitor.waitForEvent('availability', (a: { available: number }) => a.available === 0)).toEqual({ available: 0, waiting: expect.any(Number), waitMinutes: null });
      const history = HistoryResponseSchema.parse(await visitor.request('visitor:history', { after: null }));
      expect(history.availability).toMatchObject({ available: 0, waitMinutes: null });
      await visitor.request('visitor:leave-message', { clientId: clientId(), email: 'Piotr@Example.pl', name: 'Piotr', text: 'Please call me back about order 12' });
      const caseId = (await t.hub.ctx.store.visitor(session.visitorId))!.caseId!;
      const kase = (await t.hub.ctx.store.get('case', caseId))!;
      expect(kase).toMatchObject({ queueId: 'q-chat', originChannel: 'email', subject: 'Message from the web chat', assigneeId: null });
      const [left] = await t.hub.ctx.store.interactionsOfCase(caseId);
      expect(left).toMatchObject({ kind: 'email', direction: 'inbound', text: 'Please call me back about order 12', meta: { address: 'piotr@example.pl' } });
      // The widget shows the message left; the agent's answer goes out by email.
      expect(HistoryResponseSchema.parse(await visitor.request('visitor:history', { after: null })).messages.map((m) => m.text)).toEqual(['Please call me back about order 12']);
      const reply = await agents[0].mutate({ type: 'reply', caseId, channel: 'email', text: 'We will call you today', basedOn: { lastMessageId: left.id } });
      expect(reply.ok).toBe(true);
      const [d] = await deliveriesOf(caseId);
      expect(d).toMatchObject({ channel: 'email', to: { kind: 'email', value: 'piotr@example.pl' } });
    } finally {
      await Promise.all(agents.map((a) => a.mutate({ type: 'staff.setStatus', status: 'available' })));
    }
    const back = HistoryResponseSchema.parse(await visitor.request('visitor:history', { after: null }));
    expect(back.availability.available).toBe(2);
    expect(back.availability.waitMinutes).toBeGreaterThan(0);
  });

  it('asks the survey inline once resolved; a low answer raises the red alert; after 7 days it is locked', async () => {
    const { visitor, kase, agent } = await visitorWhoWrote();
    const current = (await t.hub.ctx.store.get('case', kase.id))!;
    expect((await agent.mutate({ type: 'case.update', caseId: kase.id, basedOn: { version: current.version }, patch: { status: 'resolved' } })).ok).toBe(true);
    const survey = InlineSurveySchema.parse(await visitor.waitForEvent('survey'));
    expect(survey).toMatchObject({ caseId: kase.id, score: null, comment: null, changeableUntil: null });
    expect(survey.question).toMatch(/1.*10/);
    const answered = InlineSurveySchema.parse(await visitor.request('visitor:survey', { caseId: kase.id, score: 2, comment: `Slow ${HOSTILE}` }));
    expect(answered).toMatchObject({ score: 2, comment: `Slow ${HOSTILE}` });
    expect(await t.hub.ctx.store.openAlertOfCase(kase.id)).toMatchObject({ reason: 'low-csat', score: 2 });
    expect(HistoryResponseSchema.parse(await visitor.request('visitor:history', { after: null })).survey).toMatchObject({ caseId: kase.id, score: 2 });
    clock.advance(8 * 24 * 3_600_000);
    expect(await visitor.ask('visitor:survey', { caseId: kase.id, score: 9 })).toMatchObject({ ok: false, reason: 'locked' });
    // Another case's survey is not this visitor's to answer.
    const other = await visitorWhoWrote();
    expect(await other.visitor.ask('visitor:survey', { caseId: kase.id, score: 10 })).toMatchObject({ ok: false, reason: 'not-found' });
  });
});
