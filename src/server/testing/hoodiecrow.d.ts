/** hoodiecrow-imap ships no types: the little of it the IMAP tests use. */
declare module 'hoodiecrow-imap' {
  import type { AddressInfo } from 'node:net';
  interface ImapServer {
    listen(port: number, host: string, callback: () => void): void;
    close(callback: () => void): void;
    server: { address(): AddressInfo };
  }
  /** An in-memory IMAP4rev1 server: `storage` holds its folders and messages; user "testuser", password "testpass". */
  export default function hoodiecrow(options: { plugins?: string[]; storage: Record<string, { messages: Array<{ raw: string; flags?: string[] }> }> }): ImapServer;
}
