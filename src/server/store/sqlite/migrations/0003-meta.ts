/** What the hub keeps about itself: how it was seeded, the key that signs sessions on every node. */
export const up = `
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
`;
