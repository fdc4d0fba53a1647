/**
 * Hardening found by probing from outside:
 * - mutation results are keyed by person and id, so a mutation id reused by someone else never returns the
 *   first person's stored result;
 * - refresh tokens a session rotated away are remembered until they would have expired, so presenting one
 *   again (reuse means theft) ends the session;
 * - who is serving which customer right now (answering their call, standing with them in a store), which
 *   decides what they may see of that customer's cases in other queues.
 */
export const up = `
CREATE TABLE mutations_by_staff (
  staff_id TEXT NOT NULL,
  mutation_id TEXT NOT NULL,
  result TEXT NOT NULL,
  at INTEGER NOT NULL,
  PRIMARY KEY (staff_id, mutation_id)
) WITHOUT ROWID;
INSERT INTO mutations_by_staff (staff_id, mutation_id, result, at) SELECT staff_id, mutation_id, result, at FROM mutations;
DROP TABLE mutations;
ALTER TABLE mutations_by_staff RENAME TO mutations;

CREATE TABLE retired_refresh (
  hash TEXT PRIMARY KEY,
  session_id TEXT NOT NULL,
  expires_at INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE serving (
  staff_id TEXT NOT NULL,
  customer_id TEXT NOT NULL,
  until INTEGER NOT NULL,
  PRIMARY KEY (staff_id, customer_id)
) WITHOUT ROWID;
`;
