import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AttachmentRef } from '../../shared/domain';
import { SAMPLE_FILES } from '../../shared/testing/sampleFiles';
import { sha256Hex } from '../../server/attachments/attachmentFiles';
import { startTestHub, type TestHub } from '../../server/testing/hubHarness';
import { createEngine, type Engine } from './createEngine';
import { call, closeEngineTest, refusal, signInOnline, testEngineOptions } from './engineTesting';

const png = Buffer.from(SAMPLE_FILES.png);
const jpeg = Buffer.from(SAMPLE_FILES.jpeg);

/** Every file under `dir`, read whole: what a person with the disk could read. */
function everyFileUnder(dir: string): Buffer[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((f) => join(dir, f))
    .filter((f) => statSync(f).isFile())
    .map((f) => readFileSync(f));
}

describe('attachments on the workstation', () => {
  let hub: TestHub;
  let dataDir: string;
  const engines: Engine[] = [];
  beforeEach(async () => {
    hub = await startTestHub();
    dataDir = mkdtempSync(join(tmpdir(), 'attachments-'));
  }, 60_000);
  afterEach(() => closeEngineTest(engines, hub, dataDir));

  const start = () => {
    const engine = createEngine(testEngineOptions(dataDir, hub.hub.url));
    engines.push(engine);
    return engine;
  };

  it('uploads a file, sends it with a reply, and opens a customer’s photo from the encrypted cache once fetched', async () => {
    const sent = await hub.inbound({
      text: 'The parcel came broken',
      from: { email: 'ola@example.com' },
      attachments: [{ name: 'parcel.jpg', type: 'image/jpeg', size: jpeg.length, sha256: sha256Hex(jpeg), data: jpeg.toString('base64') }],
    });
    const engine = start();
    await signInOnline(engine, sent.body.assigneeId as string);
    const caseId = sent.body.caseId as string;

    const ref = await call(engine, 'attachment.upload', { name: 'label.png', type: 'image/png', data: png.toString('base64') });
    expect(ref).toEqual({ sha256: sha256Hex(png), name: 'label.png', type: 'image/png', size: png.length });
    await call(engine, 'case.reply', { caseId, channel: 'chat', text: 'Here is the return label', attachments: [ref] });
    await expect.poll(async () => (await hub.hub.ctx.store.interactionsOfCase(caseId)).find((i) => i.direction === 'outbound')?.meta.attachments, { timeout: 10_000 }).toEqual([ref]);

    const view = await call(engine, 'case.view', { caseId });
    const photo = view.timeline.find((i) => i.direction === 'inbound')!.meta.attachments![0] as AttachmentRef;
    expect(Buffer.from((await call(engine, 'attachment.get', photo)).data, 'base64')).toEqual(jpeg);

    // Opened once, it shows with the hub gone; and no file on disk holds the photo's bytes in the clear.
    await hub.halt();
    expect(Buffer.from((await call(engine, 'attachment.get', photo)).data, 'base64')).toEqual(jpeg);
    const marker = jpeg.subarray(0, 10);
    expect(everyFileUnder(dataDir).some((bytes) => bytes.includes(marker))).toBe(false);

    // What was never opened cannot be fetched offline, and says so; nor can a file be uploaded.
    const never: AttachmentRef = { sha256: sha256Hex(SAMPLE_FILES.gif), name: 'x.gif', type: 'image/gif', size: SAMPLE_FILES.gif.length };
    await expect.poll(async () => (await refusal(engine, 'attachment.get', never)).code, { timeout: 10_000 }).toBe('offline');
    expect(await refusal(engine, 'attachment.upload', { name: 'a.png', type: 'image/png', data: png.toString('base64') })).toEqual({ code: 'offline' });
    await hub.start();
  }, 60_000);

  it('refuses a disguised or unsuitable file before it leaves the workstation, naming the reason', async () => {
    const engine = start();
    await signInOnline(engine, 'a1');
    const exe = Buffer.from(SAMPLE_FILES.exe).toString('base64');
    expect(await refusal(engine, 'attachment.upload', { name: 'invoice.pdf', type: 'application/pdf', data: exe })).toEqual({ code: 'attachment-refused', field: 'type-mismatch' });
    expect(await refusal(engine, 'attachment.upload', { name: 'page.html', type: 'text/html', data: 'PGI+' })).toEqual({ code: 'attachment-refused', field: 'type-not-allowed' });
    expect(await refusal(engine, 'attachment.upload', { name: '../x.png', type: 'image/png', data: png.toString('base64') })).toEqual({ code: 'attachment-refused', field: 'bad-name' });
    // A file on no case of theirs is not theirs to fetch.
    const other: AttachmentRef = { sha256: sha256Hex(jpeg), name: 'x.jpg', type: 'image/jpeg', size: jpeg.length };
    expect((await refusal(engine, 'attachment.get', other)).code).toBe('not-found');
    expect((await refusal(engine, 'attachment.get', { ...other, sha256: 'x' } as AttachmentRef)).code).toBe('invalid-input');
  }, 60_000);
});
