import pg from 'pg';

/** The channel every commit that logged changes notifies (inside its transaction, so at commit), with its last seq. */
export const CHANGES_CHANNEL = 'hub_changes';

const FIRST_DELAY_MS = 100;
const MAX_DELAY_MS = 2_000;

/**
 * Calls `onSeq` with the last seq of every commit that logged changes, whichever hub node wrote it, and the
 * process id of the PostgreSQL session that committed it, from a connection of its own that LISTENs on the
 * store's channel. Notifications sent while it was disconnected are lost, so after every connection (the first
 * and each reconnection) it reports the head once, with `committer` null: a tailer that pulls up to the seqs it
 * is told misses nothing. It reconnects after 0.1 s, doubling up to 2 s, until closed.
 */
export function listenForChanges(url: string, onSeq: (seq: number, committer: number | null) => void): { close(): Promise<void> } {
  let closed = false;
  let current: pg.Client | undefined;
  let delay = FIRST_DELAY_MS;
  let timer: NodeJS.Timeout | undefined;

  const reconnect = (lost: pg.Client) => {
    if (closed || lost !== current) return;
    current = undefined;
    void lost.end().catch(() => {});
    timer = setTimeout(connect, delay);
    delay = Math.min(delay * 2, MAX_DELAY_MS);
  };
  async function connect(): Promise<void> {
    const client = new pg.Client({ connectionString: url, keepAlive: true });
    current = client;
    client.on('error', () => reconnect(client));
    client.on('end', () => reconnect(client));
    client.on('notification', (n) => {
      if (n.channel === CHANGES_CHANNEL && n.payload) onSeq(Number(n.payload), n.processId);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANGES_CHANNEL}`);
      const { rows } = await client.query<{ seq: string }>('SELECT seq FROM change_counter');
      delay = FIRST_DELAY_MS;
      if (!closed) onSeq(Number(rows[0].seq), null);
    } catch {
      reconnect(client);
    }
  }
  void connect();

  return {
    async close() {
      closed = true;
      clearTimeout(timer);
      await current?.end().catch(() => {});
    },
  };
}
