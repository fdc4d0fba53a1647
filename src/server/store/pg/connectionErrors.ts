import pg from 'pg';
import { StoreUnavailable } from '../storeUnavailable';

/**
 * Whether a driver error means the connection failed rather than the statement: a lost or refused connection
 * (Node's socket errors, the driver's "Connection terminated"), or SQLSTATE class 08 (connection exception),
 * 57P (the server shutting down or starting up) or 53300 (too many connections).
 */
function isConnectionFailure(err: unknown): boolean {
  if (err instanceof pg.DatabaseError) return /^(08|57P)/.test(err.code ?? '') || err.code === '53300';
  return err instanceof Error && !(err instanceof StoreUnavailable);
}

/**
 * The error a store call rejects with: a connection failure as StoreUnavailable, anything else as it came. A
 * statement the driver refused to send on a connection it knew was lost cannot have committed anything.
 */
export function storeError(err: unknown, outcome: StoreUnavailable['outcome'] = 'rolled-back'): unknown {
  if (!isConnectionFailure(err)) return err;
  if (/not queryable/.test((err as Error).message)) outcome = 'rolled-back';
  const what = outcome === 'unknown' ? 'the connection was lost during COMMIT, so the write may have committed' : 'nothing was written';
  return new StoreUnavailable(`PostgreSQL unavailable (${(err as Error).message}): ${what}; try again`, outcome, { cause: err });
}
