import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MAX_ATTACHMENT_BYTES, type AttachmentRef, type Interaction } from '../../shared/domain';
import { WEBCHAT_FILES_PATH, type VisitorMessage } from '../../shared/protocol';
import { SAMPLE_FILES } from '../../shared/testing/sampleFiles';
import { startTestHub, testClock, type TestClient, type TestHub } from '../testing/hubHarness';
import { allowOriginsInStore, clientId, closeVisitors, connectVisitor, SHOP, startSession } from './webchatTesting';

const F = Object.fromEntries(Object.entries(SAMPLE_FILES).map(([k, v]) => [k, Buffer.from(v)])) as Record<keyof typeof SAMPLE_FILES, Buffer>;

describe('photos in the web chat', () => {
  const clock = testClock();
  let t: TestHub;
  let agent: TestClient;

  beforeAll(async () => {
    t = await startTestHub({ trustProxy: true, now: clock.now, delivery: { pollMs: 20 } });
    await allowOriginsInStore(t, [SHOP]);
    // Every conversation goes to a1 (a2 away), who has room for all of them.
    await t.hub.ctx.write(async (w) => {
      const [a1, a2] = [t.hub.ctx.staff('a1')!, t.hub.ctx.staff('a2')!];
      await w.save('staff', { ...a1, capacity: { ...a1.capacity, chat: 50 }, version: a1.version + 1 });
      await w.save('staff', { ...a2, status: 'away', version: a2.version + 1 });
    });
    agent = await t.connect('a1');
  }, 60_000);
  afterAll(() => t?.stop());
  afterEach(closeVisitors);

  const upload = (token: string | null, bytes: Buffer, name = 'photo.png', type = 'image/png') =>
    fetch(`${t.hub.url}${WEBCHAT_FILES_PATH}`, {
      method: 'POST',
      headers: { 'Content-Type': type, 'X-File-Name': encodeURIComponent(name), ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      body: new Uint8Array(bytes),
    }).then(async (r) => ({ status: r.status, body: (await r.json()) as Record<string, unknown> }));
  const download = (token: string, sha256: string) => fetch(`${t.hub.url}${WEBCHAT_FILES_PATH}/${sha256}`, { headers: { Authorization: `Bearer ${token}` } });

  it('takes a photo, sends it with a message, and shows it to the agent and back to the visitor only', async () => {
    const session = await startSession(t);
    const visitor = await connectVisitor(t, session.token);
    const up = await upload(session.token, F.png, 'Zdjęcie paczki.png');
    expect(up.status).toBe(201);
    const ref = up.body as unknown as AttachmentRef;
    expect(ref).toMatchObject({ name: 'Zdjęcie paczki.png', type: 'image/png', size: F.png.length });
    // Photo only: no text needed.
    const { message } = await visitor.request<{ message: VisitorMessage }>('visitor:send', { clientId: clientId(), attachments: [ref] });
    expect(message.attachments).toEqual([ref]);
    const seen = (await agent.waitFor((c) => c.entity === 'interaction' && c.id === message.id)).data as Interaction;
    expect(seen.meta.attachments).toEqual([ref]);
    const staffRead = await fetch(`${t.hub.url}/api/v1/attachments/${ref.sha256}`, { headers: { Authorization: `Bearer ${agent.session.accessToken}` } });
    expect(staffRead.status).toBe(200);
    const own = await download(session.token, ref.sha256);
    expect(own.status).toBe(200);
    expect(Buffer.from(await own.arrayBuffer()).equals(F.png)).toBe(true);
    expect(own.headers.get('x-content-type-options')).toBe('nosniff');
    // Another visitor gets nothing, as for a file that does not exist; nobody without a token either.
    const stranger = await startSession(t);
    expect((await download(stranger.token, ref.sha256)).status).toBe(404);
    expect((await download(stranger.token, 'f'.repeat(64))).status).toBe(404);
    expect((await fetch(`${t.hub.url}${WEBCHAT_FILES_PATH}/${ref.sha256}`)).status).toBe(401);
    // Nor may another visitor send it as theirs.
    const strangerSocket = await connectVisitor(t, stranger.token);
    expect(await strangerSocket.ask('visitor:send', { clientId: clientId(), text: 'look', attachments: [ref] })).toMatchObject({ ok: false, reason: 'not-found' });
  });

  it("lets the visitor fetch the agent's photo on their conversation", async () => {
    const session = await startSession(t);
    const visitor = await connectVisitor(t, session.token);
    const { message } = await visitor.request<{ message: VisitorMessage }>('visitor:send', { clientId: clientId(), text: 'Which box?' });
    const caseId = (await t.hub.ctx.store.visitor(session.visitorId))!.caseId!;
    const res = await fetch(`${t.hub.url}/api/v1/attachments`, { method: 'POST', headers: { 'Content-Type': 'image/jpeg', 'X-File-Name': 'box.jpg', Authorization: `Bearer ${agent.session.accessToken}` }, body: new Uint8Array(F.jpeg) });
    const ref = (await res.json()) as AttachmentRef;
    expect((await t.hub.ctx.store.get('case', caseId))!.assigneeId).toBe('a1');
    expect((await agent.mutate({ type: 'reply', caseId, channel: 'chat', text: 'This one', attachments: [ref], basedOn: { lastMessageId: message.id } })).ok).toBe(true);
    const pushed = await visitor.waitForEvent<VisitorMessage>('message');
    expect(pushed.attachments).toEqual([ref]);
    const got = await download(session.token, ref.sha256);
    expect(got.status).toBe(200);
    expect(got.headers.get('content-type')).toBe('image/jpeg');
  });

  it('refuses what is not a photo, too large, not what it claims, or past the budget, with a reason', async () => {
    const { token } = await startSession(t);
    const refusals = [
      [await upload(token, F.pdf, 'bill.pdf', 'application/pdf'), 422, 'bad-file'],
      [await upload(token, F.text, 'note.txt', 'text/plain'), 422, 'bad-file'],
      [await upload(token, F.exe, 'cat.png'), 422, 'type-mismatch'],
      [await upload(token, Buffer.alloc(0)), 422, 'empty'],
      [await upload(token, Buffer.alloc(MAX_ATTACHMENT_BYTES + 1, 0x61)), 413, 'too-large'],
      [await upload(null, F.png), 401, 'bad-token'],
    ] as const;
    for (const [answer, status, error] of refusals) {
      expect(answer.status).toBe(status);
      expect(answer.body.error).toBe(error);
      expect(typeof answer.body.message).toBe('string');
    }
    // Refused files count too (the work was done): one more fits in the burst of five, the next waits.
    expect((await upload(token, F.webp, 'b.webp', 'image/webp')).status).toBe(201);
    const limited = await upload(token, F.gif, 'a.gif', 'image/gif');
    expect(limited.status).toBe(429);
    clock.advance(10_000);
    expect((await upload(token, F.gif, 'a.gif', 'image/gif')).status).toBe(201);
  });
});
