import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io, type Socket } from 'socket.io-client';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { CHANNEL_NAMES, channels, IPC_ERROR_CODES, type ChannelName, type InputOf } from '../../shared/ipc/contract';
import { IMPORT_SOCKET_PATH, INVOKE, IpcResultSchema, MAX_IMPORT_FRAME_BYTES, SOCKET_PATH } from '../../shared/ipc/socketWire';
import {
  createPrng,
  deeplyNested,
  DEEP_NESTING,
  HOSTILE_NUMBERS,
  HOSTILE_STRINGS,
  hostileValue,
  malformedVariants,
  SHORT_HOSTILE_STRINGS,
  toJson,
  withOwnKey,
} from '../../shared/testing/hostilePayloads';
import { startTestHub, type TestHub } from '../../server/testing/hubHarness';
import { eventFrame, rawSocket, type RawSocket } from '../../server/testing/rawSocket';
import { watchProcess } from '../../server/testing/watchProcess';
import type { Engine } from '../engine/createEngine';
import { FAST_KDF } from '../engine/engineTesting';
import { startEngineThread } from '../engine/engineThread';
import { MAX_IMPORT_CONNECTIONS, MAX_MESSAGE_BYTES, startBrowserHost, type BrowserHost } from './startBrowserHost';

/** Change it to explore other payloads; a failure names the channel and the payload's index under this seed. */
const SEED = 0x5eed_2026;
const HOSTILE_PER_CHANNEL = 24;
const VARIANTS_PER_CHANNEL = 48;
/** Invokes in flight at once on the fuzzing socket. */
const IN_FLIGHT = 8;
const SECRET = 'fuzz-launch-secret-0123456789abcdefghij';
const PERSON = { username: 'sup1', password: 'sup1-password-1' };
const MUTATION_ID = '6f1c1f5e-3c1a-4f5e-9a53-2f1f0b7c9d11';

/**
 * A valid input of every channel: where its malformed variants start. Typed from the contract, so a new
 * channel does not compile until it has one (its hostile values need nothing: they come from CHANNEL_NAMES).
 */
const EXAMPLES: { [C in ChannelName]: InputOf<C> } = {
  'workstation.info': {},
  'auth.signIn': { ...PERSON, mode: 'online' },
  'auth.changePassword': { currentPassword: 'old-password', newPassword: 'lantern-orchard-1987' },
  'session.recoverOldCache': { password: 'old-password' },
  'session.discardOldCache': {},
  'auth.unlock': { password: PERSON.password },
  'auth.lock': {},
  'auth.signOut': { force: false },
  'auth.forget': { force: false },
  'session.current': {},
  'session.activity': {},
  'inbox.list': { channels: ['chat'], queueIds: ['q-chat'], statuses: ['open'], mine: true, unassigned: false, sort: 'sla', limit: 10 },
  'case.view': { caseId: 'c-1' },
  'attachment.upload': { name: 'screen.png', type: 'image/png', data: 'iVBORw0KGgo=' },
  'attachment.get': { sha256: 'a'.repeat(64), name: 'screen.png', type: 'image/png', size: 8 },
  'customer.view': { customerId: 'cu-1' },
  'reference.org': {},
  'reference.knowledge': { language: 'pl', queueId: 'q-chat' },
  'reference.articles': { articleIds: ['kb-1', 'kb-2'] },
  'alert.list': { statuses: ['raised', 'acknowledged'] },
  'survey.answers': { caseIds: ['c-1'] },
  'supervisor.dashboard': { since: 0 },
  'supervisor.dashboardChanges': { since: 0, cases: ['c-1'], interactions: ['i-1'], csat: ['s-1'] },
  'supervisor.failedDeliveries': { limit: 50 },
  'held.list': {},
  'search.query': { query: 'Jan', limit: 5 },
  'store.lookup': { query: 'Jan' },
  'case.reply': { caseId: 'c-1', channel: 'email', text: 'Hello', subject: 'Your order' },
  'case.note': { caseId: 'c-1', text: 'Called back' },
  'case.tag': { caseId: 'c-1', add: ['refund'], remove: [] },
  'customer.note': { customerId: 'cu-1', text: 'Prefers email' },
  'supervisor.mergeCustomers': { survivorId: 'cu-1', mergedId: 'cu-2' },
  'case.update': { caseId: 'c-1', status: 'pending', priority: 'high' },
  'case.assign': { caseId: 'c-1', to: { queueId: 'q-chat' } },
  'case.continueInStore': { caseId: 'c-1', text: 'Came in', storeId: 'store-w' },
  'customer.update': { customerId: 'cu-1', patch: { name: 'Jan', emails: ['jan@example.pl'], phones: ['+48601234567'] } },
  'customer.create': { name: 'Jan Kowalski', phones: ['+48601234567'], emails: ['jan@example.pl'], language: 'pl' },
  'held.resolve': { heldId: 'h-1', action: 'note' },
  'staff.setOwnStatus': { status: 'away' },
  'survey.send': { caseId: 'c-1' },
  'delivery.retry': { deliveryId: 'de-1' },
  'alert.acknowledge': { alertId: 'al-1' },
  'alert.assign': { alertId: 'al-1', staffId: 'a1' },
  'alert.close': { alertId: 'al-1', result: 'no-answer', outcome: 'Called back' },
  'supervisor.reassign': { caseIds: ['c-1', 'c-2'], to: { staffId: 'a1' } },
  'supervisor.reassignAll': { fromStaffId: 'a1', to: { queueId: 'q-chat' }, setStatus: 'offline' },
  'supervisor.updateStaff': { staffId: 'a1', patch: { status: 'busy', capacity: { chat: 2 }, queueIds: ['q-chat'] } },
  'audit.query': { actorId: 'a1', queueId: 'q-chat', caseId: 'c-1', action: 'case.reassign', before: 1, limit: 10 },
  'supervisor.selfService': { since: 0 },
  'supervisor.report': { from: 0, to: 86_400_000, granularity: 'day', timeZone: 'Europe/Athens' },
  'supervisor.voc': { from: 0, to: 86_400_000, timeZone: 'Europe/Athens', granularity: 'week', queueId: 'q-chat', cursor: 0, limit: 50 },
  'presence.set': { caseId: 'c-1', state: 'typing' },
  'call.respond': { callId: 'call-1', action: 'answer' },
  'outbox.list': {},
  'outbox.retry': { mutationId: MUTATION_ID },
  'outbox.discard': { mutationId: MUTATION_ID },
  'outbox.results': { mutationIds: [MUTATION_ID] },
  'assist.feedbackModel': {},
  'assist.recordFeedback': { kind: 'reply-now', outcome: 'dismissed' },
  'connection.current': {},
  'notifications.settings': {},
  'notifications.saveSettings': { assignment: { sound: false, os: true }, alert: { sound: true, os: true }, delivery: { sound: true, os: false } },
  'status.atSignIn': {},
  'inbox.preferences': {},
  'inbox.setDensity': { density: 'comfortable' },
  'inbox.saveView': { name: 'Urgent chats', filters: { channels: ['chat'], queueId: 'q-chat', status: 'open', scope: 'mine', sort: 'sla' } },
  'inbox.renameView': { viewId: 'view-1', name: 'Chats' },
  'inbox.deleteView': { viewId: 'view-1' },
  // The fuzzing person is a supervisor: the hub refuses every administration change (`forbidden`).
  'admin.knowledge': {},
  'admin.openCases': { staffId: 'a1' },
  'admin.createStaff': { username: 'new.agent', name: 'New Agent', role: 'agent', languages: ['pl'], skills: ['billing'], queueIds: ['q-chat'], capacity: { chat: 2 }, storeId: null, mustChange: true },
  'admin.updateStaff': { staffId: 'a1', name: 'Renamed Agent', capacity: { email: 4 } },
  'admin.resetPassword': { staffId: 'a1', mustChange: true },
  'admin.deactivateStaff': { staffId: 'a1', moveCasesTo: { queueId: 'q-chat' } },
  'admin.reactivateStaff': { staffId: 'a1' },
  'admin.createQueue': { name: 'Returns', channels: ['email'], languages: ['en'], sla: { firstResponseMinutes: 30, nextResponseMinutes: 120 }, memberIds: ['a1'] },
  'admin.updateQueue': { queueId: 'q-chat', csatAlertThreshold: 3, alertAckMinutes: 15 },
  'admin.archiveQueue': { queueId: 'q-chat', moveCasesTo: { queueId: 'q-email' } },
  'admin.createStore': { name: 'Main street', city: 'Kraków' },
  'admin.updateStore': { storeId: 'st-1', city: 'Gdańsk' },
  'admin.createArticle': { title: 'Returns', body: 'Within 30 days.', tags: ['returns'], language: 'en', queueId: null, status: 'published' },
  'admin.updateArticle': { articleId: 'kb-1', status: 'draft' },
  'admin.createCanned': { shortcut: 'thanks', title: 'Thanks', body: 'Thank you!', language: 'en', queueId: null },
  'admin.updateCanned': { cannedId: 'cr-1', body: 'Thank you very much!' },
  'admin.policy': {},
  'admin.setPolicy': { maxOfflineHours: 48, idleLockMinutes: 10 },
  'admin.connectors': {},
  'admin.setConnector': { channel: 'sms', url: 'https://sms.example/deliver', secret: 'outbound-secret-0123456789abcdef' },
  'admin.removeConnector': { channel: 'sms' },
  'admin.webchat': {},
  'admin.setWebchat': { allowedOrigins: ['https://shop.example', 'http://127.0.0.1:8080'] },
  'admin.mailboxes': {},
  'admin.setMailbox': { address: 'help@shop.example', name: 'Support', smtp: { host: '127.0.0.1', port: 2525, secure: false }, inbound: { kind: 'smtp', host: '127.0.0.1', port: 2526 } },
  'admin.removeMailbox': { address: 'help@shop.example' },
  'admin.previewImport': { kind: 'customers', csv: 'name,email\nAnna,anna@example.com\n', onMatch: 'skip', skipBadRows: true },
  'admin.applyImport': { kind: 'staff', csv: 'username,name,role\nnew.agent,New Agent,agent\n', skipBadRows: false },
};

/** Bytes of a Socket.IO frame on the WebSocket, as the host's cap counts them (engine.io's `4` included). */
const frameBytes = (frame: string) => Buffer.byteLength(frame) + 1;
const invokeFrame = (id: number | null, message: unknown) => eventFrame(id, INVOKE, message);

/** A raw socket to the browser host that also invokes channels (see src/server/testing/rawSocket.ts). */
type Invoker = RawSocket & { invoke(message: unknown, ms?: number): Promise<unknown> };

describe('every IPC channel, fuzzed through the real browser host and engine', () => {
  let hub: TestHub;
  let dir: string;
  let engine: Engine;
  let host: BrowserHost;
  let main: Invoker;
  const sockets: Socket[] = [];
  /** Everything written to console.error/warn and the engine's log, and what escaped. */
  let watch: ReturnType<typeof watchProcess>;

  const origin = () => `http://127.0.0.1:${host.port}`;
  type Over = { auth?: unknown; headers?: Record<string, string>; path?: string; query?: Record<string, string> };
  const open = (over: Over = {}) => {
    const socket = io(origin(), {
      path: over.path ?? SOCKET_PATH,
      query: over.query,
      transports: ['websocket'],
      auth: (over.auth ?? { secret: SECRET }) as Record<string, unknown>,
      forceNew: true,
      reconnection: false,
      extraHeaders: over.headers ?? { Origin: origin() },
    });
    sockets.push(socket);
    return socket;
  };
  const handshake = async (over: Over) => {
    const socket = open(over);
    const answer = await new Promise<string>((resolve) => {
      socket.on('connect', () => resolve('connected'));
      socket.on('connect_error', (error) => resolve(`refused: ${error.message}`));
    });
    // A refused socket would keep its engine connection (and its place among the import sockets) a while.
    socket.disconnect();
    return answer;
  };
  async function connect(over: Over = {}): Promise<Invoker> {
    const socket = open(over);
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('connect_error', reject);
    });
    const raw = rawSocket(socket);
    return { ...raw, invoke: (message, ms) => raw.ask(INVOKE, message, ms) };
  }
  /** Calls a channel on the fuzzing socket and expects success. */
  async function call(channel: ChannelName, input: unknown): Promise<unknown> {
    const answer = IpcResultSchema.parse(await main.invoke({ channel, input }));
    if (!answer.ok) throw new Error(`${channel}: ${answer.error.code}: ${answer.error.message}`);
    return answer.value;
  }
  /** Valid variants may lock, sign out or forget: each channel's round starts signed in again. */
  async function ensureSignedIn(): Promise<void> {
    const { session } = (await call('workstation.info', {})) as { session: string };
    if (session === 'locked') await call('auth.unlock', { password: PERSON.password });
    if (session === 'signed-out') await call('auth.signIn', { ...PERSON, mode: 'online' });
  }
  /** Sends a frame over the host's cap on its own connection: the host must close that connection, and only it. */
  async function expectOversizedRefused(frame: string, cap = MAX_MESSAGE_BYTES, over: Over = {}): Promise<void> {
    expect(frameBytes(frame)).toBeGreaterThan(cap);
    const own = await connect(over);
    const closed = own.closedWithin(5_000);
    own.send(frame);
    expect(await closed).toBe('transport close');
  }

  /**
   * Sends each payload as the input of `channel` and checks its answer: an IpcResult with a known code,
   * `invalid-input` when the contract refuses the payload as the host receives it (after JSON), and never
   * `internal`. Frames over the cap go through expectOversizedRefused instead.
   */
  async function fuzz(channel: ChannelName, payloads: unknown[]): Promise<void> {
    let taken = 0;
    // IN_FLIGHT lanes, each taking the next payload as soon as its last is answered.
    const lane = async () => {
      while (taken < payloads.length) {
        const index = taken++;
        await check(index, payloads[index]);
      }
    };
    const check = async (index: number, input: unknown) => {
      const label = `${channel} payload ${index} (seed ${SEED}): ${toJson(input).slice(0, 200)}`;
      // nextId is the id main.invoke gives this call: nothing runs between here and it.
      const frame = invokeFrame(main.nextId(), { channel, input });
      if (frameBytes(frame) > MAX_MESSAGE_BYTES) return expectOversizedRefused(frame);
      const answer = IpcResultSchema.safeParse(await main.invoke({ channel, input }));
      expect(answer.success, label).toBe(true);
      if (!answer.success || answer.data.ok) return;
      expect(IPC_ERROR_CODES, label).toContain(answer.data.error.code);
      expect(answer.data.error.code, label).not.toBe('internal');
      const { input: received } = JSON.parse(toJson({ input })) as { input?: unknown };
      if (!channels[channel].input.safeParse(received).success) expect(answer.data.error.code, label).toBe('invalid-input');
    };
    await Promise.all(Array.from({ length: IN_FLIGHT }, lane));
  }

  beforeAll(async () => {
    watch = watchProcess();
    hub = await startTestHub();
    dir = mkdtempSync(join(tmpdir(), 'ipc-fuzz-'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Workstation</title>');
    // The engine on its own thread, as the browser host runs it: every payload crosses the thread's port too.
    engine = startEngineThread(
      {
        dataDir: join(dir, 'people'),
        hubUrl: hub.hub.url,
        kdf: FAST_KDF,
        idleCheckMs: 0,
        sync: { reconnect: { baseMs: 20, maxMs: 200 }, outboxBackoff: { baseMs: 20, maxMs: 200 }, requestTimeoutMs: 5_000 },
      },
      { log: (line) => void watch.logged.push(line) },
    );
    // The thread compiles the engine before its first answer: wait for it here, not within an invoke's 10 s.
    await engine.call('workstation.info', {});
    // The host logs to console.error by default: spied above.
    host = await startBrowserHost({ engine, rendererDir: dir, secret: SECRET });
    main = await connect();
    await call('auth.signIn', { ...PERSON, mode: 'online' });
  }, 60_000);
  afterEach(async () => {
    // The host is still up, still answers a normal request on the fuzzing socket, and nothing escaped or left a stack.
    expect(main.socket.connected).toBe(true);
    expect(IpcResultSchema.parse(await main.invoke({ channel: 'workstation.info', input: {} }))).toMatchObject({ ok: true });
    expect(watch.escaped).toEqual([]);
    expect(watch.stackLines()).toEqual([]);
    expect(watch.logged.filter((line) => line.startsWith('browser host:'))).toEqual([]);
  });
  afterAll(async () => {
    watch.stop();
    vi.restoreAllMocks();
    sockets.forEach((socket) => socket.disconnect());
    await host?.close();
    await engine?.close();
    await hub?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('has a valid example for every channel (its variants start from a valid input)', () => {
    for (const channel of CHANNEL_NAMES) expect(channels[channel].input.safeParse(EXAMPLES[channel]).success, channel).toBe(true);
  });

  it('answers hostile values and malformed variants on every channel, invalid-input whenever the contract refuses them', async () => {
    const prng = createPrng(SEED);
    for (const channel of CHANNEL_NAMES) {
      await ensureSignedIn();
      const hostile = Array.from({ length: HOSTILE_PER_CHANNEL }, () => hostileValue(prng));
      await fuzz(channel, [...hostile, deeplyNested(DEEP_NESTING, 'array'), withOwnKey({}, '__proto__', { polluted: true }), ...malformedVariants(EXAMPLES[channel], prng, VARIANTS_PER_CHANNEL)]);
    }
    // Nothing reached a prototype.
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    // Some 7,000 calls, each now crossing to the engine's thread and back: minutes on a busy 2-core machine.
  }, 360_000);

  it('answers invokes that are not {channel, input}, and unknown channels', async () => {
    const prng = createPrng(SEED + 1);
    const messages = [
      ...Array.from({ length: 100 }, () => hostileValue(prng)),
      ...HOSTILE_STRINGS.map((channel) => ({ channel, input: {} })),
      ...Array.from({ length: 50 }, () => ({ channel: hostileValue(prng), input: {} })),
      { channel: 'workstation.info', input: {}, extra: true },
      withOwnKey({ channel: 'workstation.info', input: {} }, '__proto__', { channel: 'auth.lock' }),
      { channel: 'toString', input: {} },
      { channel: '__proto__', input: {} },
      { channel: 'workstation.info' },
    ];
    for (const message of messages) {
      const label = toJson(message).slice(0, 200);
      const answer = IpcResultSchema.parse(await main.invoke(message));
      expect(answer, label).toMatchObject({ ok: false });
      expect(['invalid-input', 'unknown-channel'], label).toContain(!answer.ok && answer.error.code);
    }
  });

  it('ignores invokes without an acknowledgement and events that are not invokes, and survives malformed frames', async () => {
    // Without an acknowledgement nobody could read the answer: the host does not run the call at all.
    main.send(invokeFrame(null, { channel: 'auth.lock', input: {} }));
    main.send(`2${toJson([INVOKE, { channel: 'auth.lock', input: {} }, 'not an ack'])}`);
    for (const name of ['event', 'invoke ', 'INVOKE', 'foo', 'error', 'ping', '__proto__', ...SHORT_HOSTILE_STRINGS]) main.send(`2${toJson([name, { channel: 'auth.lock', input: {} }])}`);
    main.send(`2${toJson([INVOKE])}`);
    main.send(`2${toJson([INVOKE, { channel: 'workstation.info', input: {} }, 1, 2, 3])}`);
    main.send('3999["an ack nobody asked for"]');
    expect(await call('session.current', {})).toMatchObject({ staff: { id: PERSON.username } });

    // Malformed packets: the host may close the connection that sent one, and keeps serving the others.
    const malformed = [
      '',
      'garbage',
      '2',
      '2[]',
      '2{}',
      '2["connect"]',
      '2["disconnect"]',
      '21["invoke",{"channel":"x"}',
      '9',
      '0{"secret":1}',
      `0${toJson({ secret: deeplyNested(DEEP_NESTING, 'object') })}`,
      '0/other,',
      `2/other,${toJson([INVOKE, { channel: 'auth.lock', input: {} }])}`,
      '51-["invoke",{"_placeholder":true,"num":0}]',
      `2${'['.repeat(DEEP_NESTING)}`,
    ];
    for (const frame of malformed) {
      const own = await connect();
      const closed = own.closedWithin(200);
      own.send(frame);
      expect(['open', 'transport close', 'io server disconnect'], JSON.stringify(frame)).toContain(await closed);
    }
  });

  it('closes a connection whose message is over the cap, and answers one at the cap', async () => {
    /** A case.note whose frame, sent with ack id `id`, is exactly `bytes` long: its text is `fill` repeated. */
    const noteOfSize = (bytes: number, fill: string, id: number) => {
      const message = (text: string) => ({ channel: 'case.note', input: { caseId: 'c-1', text } });
      const room = bytes - frameBytes(invokeFrame(id, message('')));
      const size = Buffer.byteLength(fill);
      const note = message(fill.repeat(Math.floor(room / size)) + 'x'.repeat(room % size));
      expect(frameBytes(invokeFrame(id, note))).toBe(bytes);
      return note;
    };
    for (const fill of ['x', 'é', '😀'])
      expect(IpcResultSchema.parse(await main.invoke(noteOfSize(MAX_MESSAGE_BYTES, fill, main.nextId())))).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    await expectOversizedRefused(invokeFrame(0, noteOfSize(MAX_MESSAGE_BYTES + 1, 'x', 0)));
    await expectOversizedRefused(invokeFrame(0, noteOfSize(4 * MAX_MESSAGE_BYTES, '😀', 0)));
  });

  it('takes an import of 1 MiB on the import socket only, other channels there not at all, one at a time, and nothing over the import cap', async () => {
    const onImports: Over = { path: IMPORT_SOCKET_PATH, query: { secret: SECRET } };
    const importOf = (bytes: number) => ({ channel: 'admin.previewImport', input: { kind: 'customers', csv: `name\n${'Anna Nowak\n'.repeat(Math.ceil(bytes / 11))}` } });
    const mib = importOf(1024 * 1024);
    expect(frameBytes(invokeFrame(1, mib))).toBeGreaterThan(1024 * 1024);
    const imports = await connect(onImports);
    // The fuzzing person is a supervisor: the engine and the hub read the whole file, and the hub refuses it.
    expect(IpcResultSchema.parse(await imports.invoke(mib))).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const [first, second] = await Promise.all([imports.invoke(importOf(1000)), imports.invoke(importOf(1000))]);
    expect(IpcResultSchema.parse(first)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(IpcResultSchema.parse(second)).toMatchObject({ ok: false, error: { code: 'rate-limited' } });
    // Any other channel, small or of 1 MiB, is refused there before the engine sees it.
    const note = (text: string) => ({ channel: 'case.note', input: { caseId: 'c-1', text } });
    for (const message of [{ channel: 'workstation.info', input: {} }, note('x'.repeat(1024 * 1024))])
      expect(IpcResultSchema.parse(await imports.invoke(message))).toMatchObject({ ok: false, error: { code: 'invalid-input', message: expect.stringContaining('admin.previewImport') } });
    // On the main socket a 1 MiB frame closes the connection, an import's as any other.
    await expectOversizedRefused(invokeFrame(0, mib));
    await expectOversizedRefused(invokeFrame(0, note('x'.repeat(1024 * 1024))));
    await expectOversizedRefused(invokeFrame(0, importOf(MAX_IMPORT_FRAME_BYTES)), MAX_IMPORT_FRAME_BYTES, onImports);
    expect(imports.socket.connected).toBe(true);
    imports.socket.disconnect();
  });

  it('opens the import socket only to our page with the secret in its URL, and only a few at once', async () => {
    const queries: Array<Record<string, string> | undefined> = [undefined, {}, { secret: SECRET.toUpperCase() }, { secret: 'é'.repeat(SECRET.length) }];
    for (const query of queries) expect(await handshake({ path: IMPORT_SOCKET_PATH, query }), JSON.stringify(query)).toMatch(/^refused/);
    expect(await handshake({ path: IMPORT_SOCKET_PATH, query: { secret: SECRET }, headers: { Origin: 'http://evil.example' } })).toMatch(/^refused/);
    expect(await handshake({ path: IMPORT_SOCKET_PATH, query: { secret: SECRET }, auth: { secret: 'wrong' } })).toMatch(/^refused: wrong or missing secret/);
    // The host counts a connection gone once its closing has arrived.
    const closing = () => new Promise((resolve) => setTimeout(resolve, 200));
    await closing();
    const open = await Promise.all(Array.from({ length: MAX_IMPORT_CONNECTIONS }, () => connect({ path: IMPORT_SOCKET_PATH, query: { secret: SECRET } })));
    expect(await handshake({ path: IMPORT_SOCKET_PATH, query: { secret: SECRET } })).toMatch(/^refused/);
    open.forEach((invoker) => invoker.socket.disconnect());
    await closing();
    expect(await handshake({ path: IMPORT_SOCKET_PATH, query: { secret: SECRET } })).toBe('connected');
  });

  it('refuses invalid handshakes: wrong secrets (multibyte, not strings, missing), wrong Origin, wrong Host', async () => {
    // Not hostileValue: socket.io-client itself cannot encode its deeply nested values (the malformed frames above send one).
    const secrets: unknown[] = [
      'é'.repeat(SECRET.length),
      '\uD800'.repeat(SECRET.length),
      '😀'.repeat(SECRET.length / 2),
      `${SECRET}\0`,
      SECRET.toUpperCase(),
      ...HOSTILE_STRINGS,
      ...HOSTILE_NUMBERS,
      { secret: SECRET },
      [SECRET],
      withOwnKey({}, '__proto__', SECRET),
      true,
      null,
    ];
    for (const secret of secrets) expect(await handshake({ auth: { secret } }), toJson(secret).slice(0, 100)).toMatch(/^refused: wrong or missing secret/);
    expect(await handshake({ auth: {} })).toMatch(/^refused: wrong or missing secret/);
    expect(await handshake({ auth: withOwnKey({}, '__proto__', { secret: SECRET }) })).toMatch(/^refused: wrong or missing secret/);
    const port = host.port;
    const wrongHeaders: Record<string, string>[] = [{}, { Origin: 'http://evil.example' }, { Origin: 'null' }, { Origin: `http://127.0.0.1:${port + 1}` }, { Origin: origin(), Host: `evil.example:${port}` }];
    for (const headers of wrongHeaders) expect(await handshake({ headers }), JSON.stringify(headers)).toMatch(/^refused/);
    expect(await handshake({})).toBe('connected');
  });

  it('answers channel names the socket cannot carry but Electron’s IPC can, without throwing', async () => {
    for (const channel of [{ toString: 1 }, Object.create(null), 5, undefined])
      expect(await engine.invoke(channel, {})).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
    // Nor can a symbol cross to the engine's thread (structured clone refuses it): the host answers that.
    expect(await engine.invoke(Symbol('channel'), {})).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });
});
