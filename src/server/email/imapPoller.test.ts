import { afterEach, describe, expect, it } from 'vitest';
// An IMAP4rev1 server in this process, over TCP on loopback (nothing is written to disk).
import hoodiecrow from 'hoodiecrow-imap';
import { startImapPoller } from './imapPoller';
import { MailRefused } from './parseMail';

type ImapServer = ReturnType<typeof hoodiecrow>;

const mail = (n: number, extra = '') => `From: anna@customer.example\r\nTo: help@shop.example\r\nSubject: Order ${n}\r\nMessage-ID: <imap-${n}@customer.example>\r\n${extra}\r\nBody ${n}\r\n`;

const running: ImapServer[] = [];
async function startImap(messages: Array<{ raw: string; flags?: string[] }>, port = 0): Promise<{ server: ImapServer; port: number }> {
  const server = hoodiecrow({ plugins: ['ID', 'ENABLE', 'UNSELECT'], storage: { INBOX: { messages } } });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  running.push(server);
  return { server, port: server.server.address().port };
}
const stop = (server: ImapServer) => new Promise<void>((resolve) => server.close(() => resolve()));

afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => stop(s).catch(() => {})));
});

const source = (port: number) => ({ host: '127.0.0.1', port, secure: false, user: 'testuser', password: 'testpass', folder: 'INBOX', pollSeconds: 3_600 });

describe('polling an IMAP mailbox', () => {
  it('takes unseen mail once, marks it seen, leaves what the hub could not take now for the next poll', async () => {
    const { port } = await startImap([{ raw: mail(1) }, { raw: mail(2), flags: ['\\Seen'] }, { raw: mail(3) }, { raw: mail(4) }]);
    const taken: string[] = [];
    let busy = true;
    const poller = startImapPoller(source(port), async (raw) => {
      const id = /Message-ID: (<[^>]+>)/.exec(raw.toString())![1];
      if (id === '<imap-3@customer.example>' && busy) throw new MailRefused(451, 'database away');
      if (id === '<imap-4@customer.example>') throw new MailRefused(550, 'no sender');
      taken.push(id);
    }, 1024 * 1024, 'help@shop.example');
    try {
      await poller.poll();
      expect(taken).toEqual(['<imap-1@customer.example>']);
      busy = false;
      await poller.poll();
      // 1 was marked seen, 2 was seen already, 4 was refused for good (and marked seen): only 3 comes again.
      expect(taken).toEqual(['<imap-1@customer.example>', '<imap-3@customer.example>']);
      await poller.poll();
      expect(taken).toHaveLength(2);
    } finally {
      await poller.stop();
    }
  });

  it('skips mail larger than the limit without downloading it', async () => {
    const { port } = await startImap([{ raw: mail(5, `X-Pad: ${'p'.repeat(5_000)}\r\n`) }, { raw: mail(6) }]);
    const taken: number[] = [];
    const poller = startImapPoller(source(port), async (raw) => void taken.push(raw.length), 2_000, 'help@shop.example');
    try {
      await poller.poll();
      await poller.poll();
      expect(taken).toHaveLength(1);
      expect(taken[0]).toBeLessThan(2_000);
    } finally {
      await poller.stop();
    }
  });

  it('survives the server going away and takes mail again once it is back', async () => {
    const first = await startImap([]);
    const taken: string[] = [];
    const poller = startImapPoller(source(first.port), async (raw) => void taken.push(raw.toString()), 1024 * 1024, 'help@shop.example');
    try {
      await poller.poll();
      await stop(first.server);
      await poller.poll(); // connection refused: logged, nothing thrown
      await startImap([{ raw: mail(7) }], first.port);
      await poller.poll();
      expect(taken).toHaveLength(1);
      expect(taken[0]).toContain('Body 7');
    } finally {
      await poller.stop();
    }
  });
});
