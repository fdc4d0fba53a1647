/**
 * Attachments: each file once, under the SHA-256 of its bytes, and who may reach it (the cases whose timelines
 * refer to it, and the person who uploaded it). The bytes live in the database, so one backup holds everything.
 */
export const up = `
CREATE TABLE attachments (
  sha256 TEXT PRIMARY KEY,
  type TEXT NOT NULL,
  size INTEGER NOT NULL,
  at INTEGER NOT NULL,
  bytes BLOB NOT NULL
);
CREATE TABLE attachment_holders (
  sha256 TEXT NOT NULL REFERENCES attachments (sha256),
  holder TEXT NOT NULL,
  PRIMARY KEY (sha256, holder)
) WITHOUT ROWID;
`;
