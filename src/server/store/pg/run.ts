import type { Socket } from 'node:net';
import pg from 'pg';
import type { StoreUnavailable } from '../storeUnavailable';
import { storeError } from './connectionErrors';

/** SQL text, with a name when it runs often (each connection then prepares it once). */
export interface Statement {
  name?: string;
  text: string;
  /** Rows as arrays of their columns rather than objects (what supervisor reports read in bulk). */
  rowMode?: 'array';
}

/** Runs one statement and gives its rows: on the pool (committed state) or inside a write transaction. */
export type Run = <R extends pg.QueryResultRow = Record<string, unknown>>(statement: Statement, values?: unknown[]) => Promise<R[]>;

// bigint columns (seqs, times in ms, counts) as numbers: they stay far below 2^53.
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === pg.types.builtins.INT8 ? Number : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

/**
 * A pool of connections to `url`. An idle connection that is lost is dropped (the pool opens another when
 * needed); a session stuck inside a transaction for a minute is ended by the server, releasing its locks.
 * Named statements are planned once per connection (plan_cache_mode): their shapes do not depend on their
 * values, and planning the larger writes again each time would cost more than running them.
 */
export function openPool(url: string, max: number, opts: { pipeline?: boolean } = {}): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max,
    types,
    keepAlive: true,
    idle_in_transaction_session_timeout: 60_000,
    options: '-c plan_cache_mode=force_generic_plan',
    ...opts,
  });
  pool.on('error', () => {});
  return pool;
}

/**
 * Sends SQL through the driver, which is where connection failures surface: they reject as StoreUnavailable
 * (with `outcome`), statement errors as they came.
 */
export async function query<R extends pg.QueryResultRow>(
  on: pg.Pool | pg.ClientBase,
  config: pg.QueryConfig,
  outcome?: StoreUnavailable['outcome'],
): Promise<pg.QueryResult<R>> {
  try {
    return await on.query<R>(config);
  } catch (err) {
    throw storeError(err, outcome);
  }
}

/** Several statements in one round trip (the simple protocol: no parameters), one result each. */
export const queries = (on: pg.ClientBase, sql: string, outcome?: StoreUnavailable['outcome']) =>
  query(on, { text: sql }, outcome) as unknown as Promise<pg.QueryResult[]>;

/** Statements on the pool, each on whichever connection is free. */
export const poolRunner =
  (pool: pg.Pool): Run =>
  async <R extends pg.QueryResultRow>(statement: Statement, values?: unknown[]) =>
    (await query<R>(pool, { ...statement, values })).rows;

/**
 * Runs `fn` with a connection of its own. A connection lost meanwhile, even between statements, is not an
 * uncaught 'error' event, and is dropped from the pool instead of being handed out again. `fn` may give the
 * connection back before it ends (`release`), once the statements it still waits for are on the wire: whoever
 * takes it next sends theirs behind them.
 */
export async function withClient<T>(pool: pg.Pool, fn: (client: pg.PoolClient, release: () => void) => Promise<T>): Promise<T> {
  const client = await pool.connect().catch((err: unknown) => {
    throw storeError(err);
  });
  let lost: Error | undefined;
  const onError = (err: Error) => void (lost = err);
  client.on('error', onError);
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    client.off('error', onError);
    client.release(lost);
  };
  try {
    return await fn(client, release);
  } finally {
    release();
  }
}

/**
 * Holds a connection's writes until the end of this turn of the event loop, so that the statements sent together
 * leave in one write: the driver writes each protocol message on its own, and those system calls cost the hub's
 * event loop more than building the statements does. Reaches for the driver's socket, which pg does not type.
 */
export function writesPerTurn(client: pg.ClientBase): () => void {
  const socket = (client as unknown as { connection?: { stream?: Socket } }).connection?.stream;
  let held = false;
  return () => {
    if (held || !socket) return;
    held = true;
    socket.cork();
    process.nextTick(() => {
      held = false;
      socket.uncork();
    });
  };
}
