/**
 * Attachments, as in the SQLite schema (its migration 0006): each file once, under the SHA-256 of its bytes, in
 * the database itself so every hub node reaches it, and who may reach it (cases referring to it, its uploader).
 */
export const up = `
CREATE TABLE attachments (
  sha256 text COLLATE "C" PRIMARY KEY,
  type text NOT NULL,
  size bigint NOT NULL,
  at bigint NOT NULL,
  bytes bytea NOT NULL
);
CREATE TABLE attachment_holders (
  sha256 text COLLATE "C" NOT NULL REFERENCES attachments (sha256),
  holder text COLLATE "C" NOT NULL,
  PRIMARY KEY (sha256, holder)
);
`;
