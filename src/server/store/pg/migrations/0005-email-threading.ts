/**
 * Email threading: a reply names the Message-IDs it answers (In-Reply-To, References), and the hub finds their
 * case by the `meta.messageId` of the interactions that carried them. Only email interactions have one.
 */
export const up = `
CREATE INDEX interactions_message_id ON interactions (((data::jsonb) -> 'meta' ->> 'messageId'))
  WHERE ((data::jsonb) -> 'meta' ->> 'messageId') IS NOT NULL;
`;
