import { ImapFlow } from 'imapflow';
import { MailRefused } from './parseMail';

/** An IMAP mailbox to poll (see InboundMailSchema, kind `imap`). */
export interface ImapSource {
  host: string;
  port: number;
  secure: boolean;
  user: string;
  password?: string;
  folder: string;
  pollSeconds: number;
}

export interface ImapPoller {
  /** Polls now (also runs every `pollSeconds`); resolves when this poll is over. */
  poll(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Polls an IMAP folder for unseen mail: each message is handed over whole and marked seen once the hub has it,
 * or has refused it for good (a refusal is logged: there is no sender to tell over IMAP). A message the hub
 * cannot take now (451) stays unseen for the next poll. Each poll connects afresh, so a server that went away
 * costs one line in the log and is tried again at the next poll.
 */
export function startImapPoller(source: ImapSource, receive: (raw: Buffer) => Promise<void>, maxBytes: number, label: string): ImapPoller {
  let stopped = false;
  let running: Promise<void> | null = null;

  async function once(): Promise<void> {
    const client = new ImapFlow({
      host: source.host,
      port: source.port,
      secure: source.secure,
      auth: { user: source.user, pass: source.password ?? '' },
      logger: false,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 60_000,
    });
    // An idle connection's errors arrive as events; without a listener they would stop the hub.
    client.on('error', (err: Error) => console.warn(`hub: email ${label}: IMAP ${err.message}`));
    try {
      await client.connect();
      const lock = await client.getMailboxLock(source.folder);
      try {
        // Sizes first: what is larger than the limit is never downloaded.
        const unseen = await client.fetchAll({ seen: false }, { uid: true, size: true }, { uid: false });
        for (const { uid, size } of unseen) {
          if (stopped) break;
          if ((size ?? 0) > maxBytes) {
            console.warn(`hub: email ${label}: message ${uid} is larger than ${maxBytes} bytes; marked seen, not taken`);
            await client.messageFlagsAdd(String(uid), ['\\Seen'], { uid: true });
            continue;
          }
          const message = await client.fetchOne(String(uid), { source: true }, { uid: true });
          if (!message || !message.source) continue;
          const taken = await receive(message.source).then(
            () => true,
            (err: unknown) => {
              if (err instanceof MailRefused && err.smtpCode !== 451) {
                console.warn(`hub: email ${label}: message ${uid} refused: ${err.message}`);
                return true;
              }
              console.warn(`hub: email ${label}: message ${uid} left for the next poll: ${(err as Error).message}`);
              return false;
            },
          );
          if (taken) await client.messageFlagsAdd(String(uid), ['\\Seen'], { uid: true });
        }
      } finally {
        lock.release();
      }
      await client.logout();
    } catch (err) {
      console.warn(`hub: email ${label}: IMAP ${source.host}:${source.port} ${(err as Error).message}`);
      client.close();
    }
  }

  const poll = (): Promise<void> => (running ??= once().finally(() => (running = null)));
  const timer = setInterval(() => void poll(), source.pollSeconds * 1_000);
  timer.unref();
  void poll();
  return {
    poll,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
