/**
 * The customers' side, as in the SQLite schema (its migration 0008): each case's survey link has a token
 * (unguessable, one per case; surveys sent before this get one now), web chat visitor sessions (only
 * their token's hash) and questions self-service answered. A visitor's queue has a column of its own for the
 * supervisors' figures, where SQLite reads it from the row's JSON (which jsonb could not always hold).
 */
export const up = `
ALTER TABLE surveys ADD COLUMN token text COLLATE "C";
-- Surveys sent before links existed get one now: two random UUIDs' hex digits (244 random bits).
UPDATE surveys SET token = replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', '');
CREATE UNIQUE INDEX surveys_token ON surveys (token);

CREATE TABLE visitors (
  id text COLLATE "C" PRIMARY KEY,
  token_hash text COLLATE "C" NOT NULL UNIQUE,
  queue_id text COLLATE "C" NOT NULL,
  case_id text COLLATE "C",
  created_at bigint NOT NULL,
  data text NOT NULL
);
CREATE INDEX visitors_case ON visitors (case_id, created_at) WHERE case_id IS NOT NULL;

CREATE TABLE deflections (
  id text COLLATE "C" PRIMARY KEY,
  queue_id text COLLATE "C" NOT NULL,
  lang text NOT NULL,
  article_id text COLLATE "C" NOT NULL,
  visitor_id text COLLATE "C" NOT NULL,
  at bigint NOT NULL
);
CREATE INDEX deflections_at ON deflections (at);
`;
