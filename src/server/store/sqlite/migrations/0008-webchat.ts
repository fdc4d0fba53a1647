/**
 * The customers' side: each case's survey link has a token (unguessable, one per case; surveys sent before this
 * get one now), web chat visitor sessions (only their token's hash), and questions self-service
 * answered.
 */
export const up = `
ALTER TABLE surveys ADD COLUMN token TEXT;
-- Surveys sent before links existed get one now (192 random bits, hex), so every survey has a link to answer on.
UPDATE surveys SET token = lower(hex(randomblob(24)));
CREATE UNIQUE INDEX surveys_token ON surveys (token);

CREATE TABLE visitors (
  id TEXT PRIMARY KEY,
  token_hash TEXT NOT NULL UNIQUE,
  case_id TEXT,
  created_at INTEGER NOT NULL,
  data TEXT NOT NULL
);
CREATE INDEX visitors_case ON visitors (case_id, created_at) WHERE case_id IS NOT NULL;

CREATE TABLE deflections (
  id TEXT PRIMARY KEY,
  queue_id TEXT NOT NULL,
  lang TEXT NOT NULL,
  article_id TEXT NOT NULL,
  visitor_id TEXT NOT NULL,
  at INTEGER NOT NULL
);
CREATE INDEX deflections_at ON deflections (at);
`;
