import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerDataStream } from 'smtp-server';
import { MailRefused } from './parseMail';

/** Limits of the hub's SMTP listener: what one sender may make it hold. */
export interface ListenerLimits {
  /** Largest message in bytes (advertised with SIZE; more is refused with 552). */
  maxBytes: number;
  /** Most recipients of one message. */
  maxRecipients: number;
  /** Most connections at once. */
  maxClients: number;
  /** How long a silent connection stays open, ms. */
  idleMs: number;
}

export const DEFAULT_LISTENER_LIMITS: ListenerLimits = { maxBytes: 25 * 1024 * 1024, maxRecipients: 20, maxClients: 50, idleMs: 60_000 };

export interface SmtpListenerOptions {
  host: string;
  /** 0 picks a free port. */
  port: number;
  /** Whether the hub takes mail for this address (lower-cased); other recipients are refused with 550. */
  serves(address: string): boolean;
  /** Takes one message's bytes; throws MailRefused to refuse it with a reason. */
  receive(raw: Buffer): Promise<void>;
  limits?: Partial<ListenerLimits>;
}

export interface SmtpListener {
  host: string;
  port: number;
  close(): Promise<void>;
}

const smtpError = (code: number, message: string) => Object.assign(new Error(message), { responseCode: code });

/** Reads a message's bytes, up to the limit; null when it was larger (the rest is drained, not kept). */
function readMessage(stream: SMTPServerDataStream): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => {
      if (!stream.sizeExceeded) chunks.push(c);
    });
    stream.once('error', reject);
    stream.once('end', () => resolve(stream.sizeExceeded ? null : Buffer.concat(chunks)));
  });
}

/**
 * The hub's own SMTP listener: takes mail for the addresses it serves and hands each message over whole. It
 * never relays, refuses other recipients at RCPT, keeps to its limits, and answers every failure with an SMTP
 * status instead of throwing: nothing a sender does stops it. (Plain SMTP: TLS is the business of the MX in
 * front of it, or of the network it runs on.)
 */
export async function startSmtpListener(opts: SmtpListenerOptions): Promise<SmtpListener> {
  const limits = { ...DEFAULT_LISTENER_LIMITS, ...opts.limits };
  /** Recipients asked for in each transaction (its envelope), refused ones too: probing for addresses counts. */
  const asked = new WeakMap<object, number>();
  const server = new SMTPServer({
    name: 'hub',
    banner: 'customer service hub',
    size: limits.maxBytes,
    maxClients: limits.maxClients,
    socketTimeout: limits.idleMs,
    closeTimeout: 5_000,
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    onRcptTo(address, session, callback) {
      const count = (asked.get(session.envelope) ?? 0) + 1;
      asked.set(session.envelope, count);
      if (count > limits.maxRecipients) return callback(smtpError(452, `4.5.3 at most ${limits.maxRecipients} recipients per message`));
      if (!opts.serves(address.address.toLowerCase())) return callback(smtpError(550, `5.1.1 <${address.address}>: no such mailbox here`));
      callback();
    },
    onData(stream, _session, callback) {
      readMessage(stream)
        .then(async (raw) => {
          if (raw === null) throw new MailRefused(552, `5.3.4 message larger than ${limits.maxBytes} bytes`);
          await opts.receive(raw);
          callback(null, 'message taken');
        })
        .catch((err: unknown) => {
          if (err instanceof MailRefused) return callback(smtpError(err.smtpCode, err.message));
          console.error(`hub: email listener could not take a message: ${(err as Error).message}`);
          callback(smtpError(451, '4.3.0 the hub could not take this message now; try again later'));
        });
    },
  });
  // Protocol errors of one connection (a reset, garbage) are that connection's: one line, the listener stays.
  server.on('error', (err: Error & { code?: string }) => {
    if (err.code !== 'ECONNRESET') console.warn(`hub: email listener: ${err.code ?? ''} ${err.message}`.trim());
  });
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(opts.port, opts.host, () => {
      server.server.off('error', reject);
      resolve();
    });
  });
  return {
    host: opts.host,
    port: (server.server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
