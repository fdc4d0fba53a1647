import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server, type Socket } from 'socket.io';
import type { IpcErrorCode, IpcResult } from '../../shared/ipc/contract';
import { EVENT, IMPORT_CHANNELS, IMPORT_SOCKET_PATH, INVOKE, InvokeMessageSchema, MAX_IMPORT_FRAME_BYTES, SOCKET_PATH } from '../../shared/ipc/socketWire';
import type { Engine } from '../engine/createEngine';
import { internalFailure } from '../engine/engineError';
import { guard, type HostLog } from './guard';
import { sendStatic } from './staticFiles';

export interface BrowserHostOptions {
  engine: Pick<Engine, 'invoke' | 'subscribe'>;
  /** The built renderer (`out/renderer` after `electron-vite build`). */
  rendererDir: string;
  /** 0 picks a free port. */
  port?: number;
  /** Generated at launch unless given (tests). */
  secret?: string;
  /** Where failures of the host itself go, one line each; default console.error. */
  log?: HostLog;
}

/** The running browser host. */
export interface BrowserHost {
  /** The page to open, with the launch secret in the fragment (which browsers never send to a server). */
  url: string;
  port: number;
  close(): Promise<void>;
}

const HOST = '127.0.0.1';
/** Largest message the page may send (a reply is at most 20,000 characters); a bigger one closes its connection. */
export const MAX_MESSAGE_BYTES = 256 * 1024;
/** Import sockets open at once: the page opens one per import, and one may still be closing. */
export const MAX_IMPORT_CONNECTIONS = 2;

const WRONG_SECRET = 'wrong or missing secret: open the URL the workstation printed';
const HANDSHAKE_FAILED = 'the workstation could not check this connection: reload the page';

const refused = (code: IpcErrorCode, message: string): IpcResult<never> => ({ ok: false, error: { code, message } });

const digest = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();

/**
 * Compares SHA-256 digests, which always have the same length: timingSafeEqual throws on buffers of
 * different byte lengths, and a string of the right length in characters can have any length in bytes.
 */
const sameSecret = (given: unknown, secretDigest: Buffer): boolean => typeof given === 'string' && timingSafeEqual(digest(given), secretDigest);

/**
 * Serves the built renderer and the IPC contract (over Socket.IO on its own path) on 127.0.0.1, for browsers
 * and machines where Electron cannot run. Only pages of this origin carrying the launch secret get in: other
 * origins (any web page the person has open can try to reach localhost), other Host names (DNS rebinding) and
 * wrong secrets are refused before a socket opens.
 */
export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const secretText = options.secret ?? randomBytes(32).toString('base64url');
  const secretDigest = digest(secretText);
  const log = options.log ?? ((line: string) => console.error(line));
  let origins: string[] = [];
  let headers: Record<string, string> = {};

  const serve = async (req: IncomingMessage, res: ServerResponse) => {
    if (!origins.some((o) => o === `http://${req.headers.host}`)) {
      res.writeHead(421, { 'Content-Type': 'text/plain; charset=utf-8' });
      return res.end('wrong host');
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { ...headers, Allow: 'GET, HEAD' });
      return res.end();
    }
    await sendStatic(res, options.rendererDir, req.url ?? '/', headers);
  };
  const http = createServer(
    guard('page request', log, serve, (_req, res) => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    }),
  );

  /**
   * One Socket.IO server on `path`: only pages of our origin get a WebSocket (with the launch secret in the URL
   * too when `secretInUrl`, checked before a message can arrive), and only with the secret a socket.
   */
  const ipcServer = (path: string, maxMessageBytes: number, gate: { secretInUrl: boolean; maxConnections?: number }) => {
    const server: Server = new Server(http, {
      path,
      serveClient: false,
      transports: ['websocket'],
      maxHttpBufferSize: maxMessageBytes,
      allowRequest: guard(
        'handshake check',
        log,
        (req: IncomingMessage, answer: (error: string | null | undefined, allowed: boolean) => void) => {
          if (!origins.includes(req.headers.origin ?? '') || !origins.includes(`http://${req.headers.host}`)) return answer('origin not allowed', false);
          if (gate.secretInUrl && !sameSecret(new URL(req.url ?? '', 'http://host').searchParams.get('secret'), secretDigest)) return answer(WRONG_SECRET, false);
          if (gate.maxConnections !== undefined && server.engine.clientsCount >= gate.maxConnections) return answer('too many connections', false);
          answer(null, true);
        },
        (_req, answer) => answer(HANDSHAKE_FAILED, false),
      ),
    });
    server.use(
      guard(
        'secret check',
        log,
        (socket: Socket, next: (error?: Error) => void) => {
          if (sameSecret((socket.handshake.auth as { secret?: unknown }).secret, secretDigest)) return next();
          next(new Error(WRONG_SECRET));
        },
        (_socket, next) => next(new Error(HANDSHAKE_FAILED)),
      ),
    );
    return server;
  };
  /** Answers `invoke` on a socket with what `run` answers for its channel and input. */
  const answerInvokes = (socket: Socket, run: (channel: string, input: unknown) => Promise<unknown>) =>
    socket.on(
      INVOKE,
      guard(
        'invoke',
        log,
        async (raw: unknown, ack: unknown) => {
          if (typeof ack !== 'function') return;
          const message = InvokeMessageSchema.safeParse(raw);
          if (!message.success) return ack({ ok: false, error: { code: 'invalid-input', message: 'expected {channel, input}' } });
          ack(await run(message.data.channel, message.data.input));
        },
        (_raw, ack) => {
          if (typeof ack === 'function') ack(internalFailure());
        },
      ),
    );

  const io = ipcServer(SOCKET_PATH, MAX_MESSAGE_BYTES, { secretInUrl: false });
  io.on('connection', (socket) => answerInvokes(socket, (channel, input) => options.engine.invoke(channel, input)));
  const imports = ipcServer(IMPORT_SOCKET_PATH, MAX_IMPORT_FRAME_BYTES, { secretInUrl: true, maxConnections: MAX_IMPORT_CONNECTIONS });
  imports.on('connection', (socket) => {
    // One import at a time per connection: a further large message is refused at once and let go, never kept waiting.
    let busy = false;
    answerInvokes(socket, async (channel, input) => {
      if (!(IMPORT_CHANNELS as readonly string[]).includes(channel)) return refused('invalid-input', `this connection carries ${IMPORT_CHANNELS.join(' and ')} only`);
      if (busy) return refused('rate-limited', 'one import at a time');
      busy = true;
      try {
        return await options.engine.invoke(channel, input);
      } finally {
        busy = false;
      }
    });
  });
  const unsubscribe = options.engine.subscribe((event) => io.emit(EVENT, event));

  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(options.port ?? 0, HOST, () => resolve());
  });
  const { port } = http.address() as AddressInfo;
  origins = [`http://${HOST}:${port}`, `http://localhost:${port}`];
  headers = {
    'Content-Security-Policy': [
      "default-src 'self'",
      "script-src 'self'",
      // Mantine injects its CSS variables in <style> elements.
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data:",
      "font-src 'self'",
      `connect-src 'self' ws://${HOST}:${port} ws://localhost:${port}`,
      "object-src 'none'",
      "base-uri 'none'",
      "form-action 'none'",
      "frame-ancestors 'none'",
    ].join('; '),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
  };

  return {
    url: `http://${HOST}:${port}/#secret=${secretText}`,
    port,
    async close() {
      unsubscribe();
      await Promise.all([io.close(), imports.close()]);
      http.closeAllConnections();
    },
  };
}
