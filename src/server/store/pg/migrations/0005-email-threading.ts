/**
 * Email threading: a reply names the Message-IDs it answers (In-Reply-To, References), and the hub finds their
 * case by the `meta.messageId` of the interactions that carried them, kept in a column of its own (the row's JSON
 * is text that jsonb could not always hold: a NUL escape in a message). No interaction written before this had one.
 */
export const up = `
ALTER TABLE interactions ADD COLUMN message_id text;
CREATE INDEX interactions_message_id ON interactions (message_id) WHERE message_id IS NOT NULL;
`;
