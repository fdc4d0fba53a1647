import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** What the sink answers the next message with: 250 (take it), 451 (try later) or 550 (refused). */
export type SinkAnswer = 250 | 451 | 550;

export interface MailSink {
  port: number;
  /** Messages taken so far, parsed, with the envelope recipients. */
  received: Array<{ mail: ParsedMail; to: string[] }>;
  /** Sets the answer to every following message. */
  answer(code: SinkAnswer): void;
  close(): Promise<void>;
}

/** A real SMTP server on 127.0.0.1 standing in for a mail provider: it takes, defers or refuses messages on demand. */
export async function startMailSink(): Promise<MailSink> {
  let code: SinkAnswer = 250;
  const received: MailSink['received'] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onAuth: (_auth, _session, callback) => callback(null, { user: 'sink' }),
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (code !== 250) {
          const err = Object.assign(new Error(code === 451 ? '4.3.0 mailbox busy, try again later' : '5.1.1 no such user here'), { responseCode: code });
          return callback(err);
        }
        simpleParser(Buffer.concat(chunks)).then(
          (mail) => {
            received.push({ mail, to: session.envelope.rcptTo.map((r) => r.address) });
            callback();
          },
          (err: Error) => callback(err),
        );
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.server.address() as AddressInfo).port,
    received,
    answer: (next) => void (code = next),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
