import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_ATTACHMENT_BYTES, MAX_MESSAGE_ATTACHMENT_BYTES, type AttachmentRef, type AttachmentType, type HeldReply, type Interaction } from '../../shared/domain';
import type { Session } from '../../shared/protocol';
import { SAMPLE_FILES } from '../../shared/testing/sampleFiles';
import { signBody } from '../http/signature';
import { startTestHub, testClock, type TestHub } from '../testing/hubHarness';
import { sha256Hex } from './attachmentFiles';
import { loadAttachments } from './loadAttachments';

const F = Object.fromEntries(Object.entries(SAMPLE_FILES).map(([k, v]) => [k, Buffer.from(v)])) as Record<keyof typeof SAMPLE_FILES, Buffer>;

let t: TestHub;
const clock = testClock();
beforeEach(async () => {
  t = await startTestHub({ now: clock.now });
});
afterEach(async () => {
  await t.stop();
});

const url = (path: string) => `${t.hub.url}${path}`;

function upload(session: Session | null, bytes: Buffer, opts: { name?: string; type?: string; headers?: Record<string, string> } = {}) {
  const headers: Record<string, string> = { 'Content-Type': opts.type ?? 'image/png', ...opts.headers };
  if (opts.name !== '' && !headers['X-File-Name']) headers['X-File-Name'] = encodeURIComponent(opts.name ?? 'screen.png');
  if (session) headers.Authorization = `Bearer ${session.accessToken}`;
  return fetch(url('/api/v1/attachments'), { method: 'POST', headers, body: new Uint8Array(bytes) });
}

const download = (session: Session | null, sha256: string, query = '') =>
  fetch(url(`/api/v1/attachments/${sha256}${query}`), { headers: session ? { Authorization: `Bearer ${session.accessToken}` } : {} });

/** A base64 file as a connector sends it. */
const connectorFile = (name: string, type: AttachmentType, bytes: Buffer) => ({ name, type, size: bytes.length, sha256: sha256Hex(bytes), data: bytes.toString('base64') });

describe('attachments over HTTP', () => {
  it('stores an upload once under its SHA-256 and gives it back only to people who may see a case that has it', async () => {
    const a1 = await t.login('a1');
    const res = await upload(a1, F.png, { name: 'Ekran – martwy piksel.png' });
    expect(res.status).toBe(201);
    const ref = (await res.json()) as AttachmentRef;
    expect(ref).toEqual({ sha256: sha256Hex(F.png), name: 'Ekran – martwy piksel.png', type: 'image/png', size: F.png.length });
    // The same bytes again are the same file.
    expect(((await (await upload(a1, F.png, { name: 'again.png' })).json()) as AttachmentRef).sha256).toBe(ref.sha256);
    expect(await t.hub.ctx.store.attachmentHolders(ref.sha256)).toEqual(['staff:a1']);

    // The uploader may read it back; a colleague may not until a case they see refers to it.
    expect((await download(a1, ref.sha256)).status).toBe(200);
    const a2 = await t.login('a2');
    expect((await download(a2, ref.sha256)).status).toBe(404);

    const sent = await t.inbound({ text: 'Hello', from: { email: 'ola@example.com' } });
    const caseId = sent.body.caseId as string;
    const agent = await t.connect(sent.body.assigneeId as string);
    const other = sent.body.assigneeId === 'a1' ? a1 : await t.login('a1');
    const uploaded = (await (await upload(agent.session, F.png, { name: 'screen.png' })).json()) as AttachmentRef;
    const kase = (await t.hub.ctx.store.get('case', caseId))!;
    const result = await agent.mutate({ type: 'reply', caseId, channel: 'chat', text: 'Here is the screen', attachments: [uploaded], basedOn: { lastMessageId: kase.lastMessageId } });
    expect(result).toMatchObject({ ok: true, outcome: 'applied' });
    const reply = (await t.hub.ctx.store.get('interaction', (result as { id: string }).id))! as Interaction;
    expect(reply.meta.attachments).toEqual([uploaded]);

    // a1 and a2 share the chat queue: both may now read it; the Greek queue's agent and nobody signed in may not.
    for (const who of [other, a2]) {
      const got = await download(who, ref.sha256, `?name=${encodeURIComponent('zdjęcie ekranu.png')}`);
      expect(got.status).toBe(200);
      expect(Buffer.from(await got.arrayBuffer())).toEqual(F.png);
      expect(got.headers.get('content-type')).toBe('image/png');
      expect(got.headers.get('content-disposition')).toBe("attachment; filename*=UTF-8''zdj%C4%99cie%20ekranu.png");
      expect(got.headers.get('x-content-type-options')).toBe('nosniff');
      expect(got.headers.get('content-security-policy')).toBe('sandbox');
    }
    const a3 = await t.login('a3');
    const refused = await download(a3, ref.sha256);
    expect(refused.status).toBe(404);
    expect(await refused.json()).toMatchObject({ error: 'not-found' });
    expect((await download(null, ref.sha256)).status).toBe(401);
    // A bad name falls back to one made of the hash; hashes that are not one are simply not found.
    expect((await download(a2, ref.sha256, '?name=..%2Fevil.sh')).headers.get('content-disposition')).toBe(`attachment; filename*=UTF-8''${ref.sha256.slice(0, 12)}.png`);
    for (const bad of ['0'.repeat(64), 'ABC', `${ref.sha256}/x`, '../../etc/passwd']) expect((await download(a2, bad)).status, bad).toBe(404);
  }, 60_000);

  it('refuses hostile uploads with a reason and stores nothing', async () => {
    const a1 = await t.login('a1');
    // One at a time, each a request of its own (and fewer than the upload budget).
    const cases: Array<[() => Promise<Response>, number, string, string?]> = [
      [() => upload(null, F.png), 401, 'expired'],
      [() => upload({ accessToken: 'forged.token.value' } as Session, F.png), 401, 'expired'],
      [() => upload(a1, F.exe, { name: 'invoice.pdf', type: 'application/pdf' }), 422, 'type-mismatch', 'the file "invoice.pdf" is declared as application/pdf, but its bytes are a program'],
      [() => upload(a1, F.jpeg, { name: 'photo.png', type: 'image/png' }), 422, 'type-mismatch'],
      [() => upload(a1, F.png, { name: 'x.html', type: 'text/html' }), 422, 'type-not-allowed'],
      [() => upload(a1, F.png, { name: 'setup.exe' }), 422, 'type-mismatch'],
      [() => upload(a1, F.png, { name: '' }), 400, 'bad-name'],
      [() => upload(a1, F.png, { headers: { 'X-File-Name': '%E0%A4%A' } }), 400, 'bad-name'],
      [() => upload(a1, F.png, { name: '../../etc/passwd' }), 422, 'bad-name'],
      [() => upload(a1, F.png, { name: 'a\u0000b.png' }), 422, 'bad-name'],
      [() => upload(a1, Buffer.alloc(0)), 422, 'empty'],
      [() => upload(a1, Buffer.alloc(MAX_ATTACHMENT_BYTES + 1, 0x61), { name: 'big.txt', type: 'text/plain' }), 413, 'too-large'],
    ];
    for (const [send, status, code, message] of cases) {
      const res = await send();
      const body = (await res.json()) as { error: string; message: string };
      expect([res.status, body.error], `${code}: ${body.message}`).toEqual([status, code]);
      if (message) expect(body.message).toBe(message);
    }
    expect(await t.hub.ctx.store.attachment(sha256Hex(F.exe))).toBeNull();
    expect(await t.hub.ctx.store.attachment(sha256Hex(F.jpeg))).toBeNull();
    expect((await fetch(url('/api/v1/attachments'), { method: 'PUT' })).status).toBe(405);
  });

  it('limits how much one person uploads, and tells them when to try again', async () => {
    const [a1, a2] = [await t.login('a1'), await t.login('a2')];
    for (let i = 0; i < 10; i++) expect((await upload(a1, F.png, { name: `s${i}.png` })).status).toBe(201);
    const limited = await upload(a1, F.png);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    // Another person has a budget of their own; time refills the first one's.
    expect((await upload(a2, F.png)).status).toBe(201);
    clock.advance(2_000);
    expect((await upload(a1, F.png)).status).toBe(201);
  });

  it('keeps other routes at the small body limit', async () => {
    const big = JSON.stringify({ username: 'a1', password: 'x'.repeat(70 * 1024) });
    expect((await t.http('/api/v1/auth/login', big)).status).toBe(413);
  });
});

describe('attachments from customers and on replies', () => {
  it('stores a connector message’s files and puts their references on the interaction', async () => {
    const sent = await t.inbound({
      text: 'The parcel arrived broken',
      from: { email: 'ola@example.com' },
      attachments: [connectorFile('parcel.jpg', 'image/jpeg', F.jpeg), connectorFile('faktura.pdf', 'application/pdf', F.pdf)],
    });
    expect(sent.status).toBe(201);
    const [message] = await t.hub.ctx.store.interactionsOfCase(sent.body.caseId as string);
    expect(message.meta.attachments).toEqual([
      { sha256: sha256Hex(F.jpeg), name: 'parcel.jpg', type: 'image/jpeg', size: F.jpeg.length },
      { sha256: sha256Hex(F.pdf), name: 'faktura.pdf', type: 'application/pdf', size: F.pdf.length },
    ]);
    expect(await t.hub.ctx.store.attachmentHolders(sha256Hex(F.jpeg))).toEqual([`case:${sent.body.caseId}`]);
    const agent = await t.login(sent.body.assigneeId as string);
    expect(Buffer.from(await (await download(agent, sha256Hex(F.pdf))).arrayBuffer())).toEqual(F.pdf);
    // What a delivery worker sends on: the same bytes, in base64.
    expect(await loadAttachments(t.hub.ctx.store, message.meta.attachments!)).toEqual([
      connectorFile('parcel.jpg', 'image/jpeg', F.jpeg),
      connectorFile('faktura.pdf', 'application/pdf', F.pdf),
    ]);
  });

  it('refuses a message whose files are damaged, disguised or too many bytes, storing none of it', async () => {
    const good = connectorFile('parcel.jpg', 'image/jpeg', F.jpeg);
    const bad: Array<[unknown, string]> = [
      [[good, { ...connectorFile('a.jpg', 'image/jpeg', F.exe) }], 'type-mismatch'],
      [[{ ...good, sha256: sha256Hex(F.png) }], 'bad-encoding'],
      [[{ ...good, size: good.size + 1 }], 'bad-encoding'],
      [[{ ...good, data: `${good.data}!` }], 'bad-encoding'],
      [[{ ...good, type: 'application/x-msdownload' }], 'invalid'],
      [Array.from({ length: 3 }, (_, i) => ({ ...good, name: `${i}.jpg`, size: MAX_MESSAGE_ATTACHMENT_BYTES / 2 })), 'invalid'],
    ];
    for (const [attachments, code] of bad) {
      const res = await t.inbound({ text: 'Look', from: { email: 'ola@example.com' }, attachments } as never);
      expect([res.status, res.body.error], String(res.body.message)).toEqual([422, code]);
    }
    const ringing = await t.inbound({ channel: 'phone', text: '', from: { phone: '+48601234567' }, call: { id: 'call-1', state: 'ringing' }, attachments: [good] } as never);
    expect([ringing.status, ringing.body.error]).toEqual([422, 'unexpected-attachments']);
    expect(await t.hub.ctx.store.findCustomerByIdentity('email', 'ola@example.com')).toBeNull();
    expect(await t.hub.ctx.store.attachment(good.sha256)).toBeNull();
  });

  it('takes a message with files larger than the usual body limit, on the inbound route only', async () => {
    const photo = Buffer.concat([F.jpeg, Buffer.alloc(2 * 1024 * 1024, 0x20)]);
    const body = JSON.stringify({ channel: 'chat', externalId: randomUUID(), text: 'Big photo', from: { email: 'big@example.com' }, attachments: [connectorFile('big.jpg', 'image/jpeg', photo)] });
    const res = await t.http('/api/v1/inbound', body, { 'X-Signature': signBody(body, t.secret) });
    expect(res.status).toBe(201);
    expect((await t.hub.ctx.store.attachmentBytes(sha256Hex(photo)))?.length).toBe(photo.length);
  });

  it('refuses a reply with a file the author never uploaded or may not see, and held replies keep their files', async () => {
    const greek = await t.inbound({ text: 'Γεια σας, το δέμα έφτασε σπασμένο', from: { email: 'eleni@example.gr' }, attachments: [connectorFile('δέμα.jpg', 'image/jpeg', F.jpeg)] });
    expect(greek.body.assigneeId).toBe('a3');
    const sent = await t.inbound({ text: 'Hello', from: { email: 'ola@example.com' } });
    const agent = await t.connect(sent.body.assigneeId as string);
    const caseId = sent.body.caseId as string;
    const basedOn = { lastMessageId: (await t.hub.ctx.store.get('case', caseId))!.lastMessageId };

    // Another queue's file, by its hash: refused, as if it did not exist.
    const theirs: AttachmentRef = { sha256: sha256Hex(F.jpeg), name: 'x.jpg', type: 'image/jpeg', size: F.jpeg.length };
    const refused = await agent.mutate({ type: 'reply', caseId, channel: 'chat', text: 'Look', attachments: [theirs], basedOn });
    expect(refused).toMatchObject({ ok: false, reason: 'not-found', message: 'the file "x.jpg" was not uploaded to the hub (or not by you): upload it, then send again' });
    expect(await t.hub.ctx.store.attachmentHolders(theirs.sha256)).toEqual([`case:${greek.body.caseId}`]);

    // Uploaded, but described as another type or size: refused too.
    const mine = (await (await upload(agent.session, F.gif, { name: 'a.gif', type: 'image/gif' })).json()) as AttachmentRef;
    expect(await agent.mutate({ type: 'reply', caseId, channel: 'chat', text: 'Look', attachments: [{ ...mine, size: mine.size + 1 }], basedOn })).toMatchObject({ ok: false, reason: 'not-found' });

    // A reply that is held (the customer wrote again meanwhile) keeps its files, and they go out when it is resent.
    await t.inbound({ text: 'Are you there?', from: { email: 'ola@example.com' } });
    const held = await agent.mutate({ type: 'reply', caseId, channel: 'chat', text: 'Here it is', attachments: [mine], basedOn });
    expect(held).toMatchObject({ ok: true, outcome: 'held' });
    const row = (await t.hub.ctx.store.get('held', (held as { id: string }).id)) as HeldReply;
    expect(row.attachments).toEqual([mine]);
    expect(await t.hub.ctx.store.attachmentHolders(mine.sha256)).toEqual([`case:${caseId}`, `staff:${agent.session.staff.id}`]);
    const resent = await agent.mutate({ type: 'held.resolve', heldId: row.id, action: 'resend' });
    expect(resent).toMatchObject({ ok: true });
    const timeline = await t.hub.ctx.store.interactionsOfCase(caseId);
    expect(timeline.find((i) => i.text === 'Here it is')).toMatchObject({ direction: 'outbound', meta: { attachments: [mine] } });
  });
});
