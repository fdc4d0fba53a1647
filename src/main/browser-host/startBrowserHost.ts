import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { EVENT, INVOKE, InvokeMessageSchema, SOCKET_PATH } from '../../shared/ipc/socketWire';
import type { Engine } from '../engine/createEngine';
import { sendStatic } from './staticFiles';

export interface BrowserHostOptions {
  engine: Pick<Engine, 'invoke' | 'subscribe'>;
  /** The built renderer (`out/renderer` after `electron-vite build`). */
  rendererDir: string;
  /** 0 picks a free port. */
  port?: number;
  /** Generated at launch unless given (tests). */
  secret?: string;
}

/** The running browser host. */
export interface BrowserHost {
  /** The page to open, with the launch secret in the fragment (which browsers never send to a server). */
  url: string;
  port: number;
  close(): Promise<void>;
}

const HOST = '127.0.0.1';
/** Largest message the page may send; a reply is at most 20,000 characters. */
const MAX_MESSAGE_BYTES = 256 * 1024;

const sameSecret = (given: unknown, secret: Buffer): boolean =>
  typeof given === 'string' && given.length === secret.length && timingSafeEqual(Buffer.from(given), secret);

/**
 * Serves the built renderer and the IPC contract (over Socket.IO on its own path) on 127.0.0.1, for browsers
 * and machines where Electron cannot run. Only pages of this origin carrying the launch secret get in: other
 * origins (any web page the person has open can try to reach localhost), other Host names (DNS rebinding) and
 * wrong secrets are refused before a socket opens.
 */
export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const secretText = options.secret ?? randomBytes(32).toString('base64url');
  const secret = Buffer.from(secretText);
  let origins: string[] = [];
  let headers: Record<string, string> = {};

  const http = createServer((req, res) => {
    if (!origins.some((o) => o === `http://${req.headers.host}`)) {
      res.writeHead(421, { 'Content-Type': 'text/plain; charset=utf-8' });
      return res.end('wrong host');
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { ...headers, Allow: 'GET, HEAD' });
      return res.end();
    }
    sendStatic(res, options.rendererDir, req.url ?? '/', headers).catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });

  const io = new Server(http, {
    path: SOCKET_PATH,
    serveClient: false,
    transports: ['websocket'],
    maxHttpBufferSize: MAX_MESSAGE_BYTES,
    allowRequest: (req: IncomingMessage, answer) => {
      const allowed = origins.includes(req.headers.origin ?? '') && origins.includes(`http://${req.headers.host}`);
      answer(allowed ? null : 'origin not allowed', allowed);
    },
  });
  io.use((socket, next) => {
    if (sameSecret((socket.handshake.auth as { secret?: unknown }).secret, secret)) return next();
    next(new Error('wrong or missing secret: open the URL the workstation printed'));
  });
  io.on('connection', (socket) => {
    socket.on(INVOKE, (raw: unknown, ack: unknown) => {
      if (typeof ack !== 'function') return;
      const message = InvokeMessageSchema.safeParse(raw);
      if (!message.success) return ack({ ok: false, error: { code: 'invalid-input', message: 'expected {channel, input}' } });
      void options.engine.invoke(message.data.channel, message.data.input).then((result) => ack(result));
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
      await io.close();
      http.closeAllConnections();
    },
  };
}
