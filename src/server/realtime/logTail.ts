import type { HubStore, LoggedChange } from '../store/hubStore';

export interface LogTail {
  /** Reads what was committed since the last read, soon (a local commit, a notification from another node). */
  kick(): void;
  /** The seq of the last change handed on. */
  position(): number;
  stop(): Promise<void>;
}

export interface LogTailOptions {
  store: HubStore;
  /** Where to start: changes after this seq are handed on. */
  from: number;
  /** Each batch of committed changes, in seq order, without gaps or repeats. */
  onBatch(batch: LoggedChange[]): void;
  /** How often to read without being told (a lost notification, another node's commit while LISTEN reconnects). */
  catchUpMs?: number;
  pageSize?: number;
}

/**
 * Follows the change log for a hub node that shares its store with other nodes: every committed change,
 * whoever wrote it, is handed on once and in seq order, so each node fans the durable changes out to its own
 * connections from the log itself and nothing depends on Redis delivering them. Reads are woken by the store's
 * commit notifications and by a periodic catch-up; one read runs at a time.
 */
export function startLogTail(opts: LogTailOptions): LogTail {
  const pageSize = opts.pageSize ?? 1_000;
  let position = opts.from;
  let reading: Promise<void> | null = null;
  let again = false;
  let stopped = false;
  let failing = false;

  async function readAll(): Promise<void> {
    do {
      again = false;
      for (;;) {
        const batch = await opts.store.changesAfter(position, pageSize);
        if (batch.length === 0 || stopped) break;
        position = batch[batch.length - 1].change.seq;
        opts.onBatch(batch);
        if (batch.length < pageSize) break;
      }
    } while (again && !stopped);
  }

  function kick(): void {
    if (stopped) return;
    if (reading) {
      again = true;
      return;
    }
    reading = readAll()
      .then(() => {
        if (failing) console.warn('hub: the change log can be read again');
        failing = false;
      })
      .catch((err: Error) => {
        // The store is away (a lost database connection): the next catch-up tries again from the same seq.
        if (!failing) console.warn(`hub: cannot read the change log (${err.message}); retrying`);
        failing = true;
      })
      .finally(() => {
        reading = null;
      });
  }

  const unsubscribe = opts.store.onCommitElsewhere(kick);
  const timer = setInterval(kick, opts.catchUpMs ?? 1_000);
  timer.unref();
  kick();

  return {
    kick,
    position: () => position,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await unsubscribe?.();
      await reading;
    },
  };
}
