/**
 * Deliveries: each customer-facing outbound message on its way out. The worker finds the due ones by time, and a
 * connector's receipt may name a delivery by the provider's id of the message.
 */
export const up = `
CREATE TABLE deliveries (
  id TEXT PRIMARY KEY,
  seq INTEGER NOT NULL,
  data TEXT NOT NULL,
  case_id TEXT NOT NULL,
  status TEXT NOT NULL,
  next_attempt_at INTEGER,
  provider_message_id TEXT
);
CREATE INDEX deliveries_case ON deliveries (case_id);
CREATE INDEX deliveries_due ON deliveries (next_attempt_at, id) WHERE status = 'queued';
CREATE INDEX deliveries_provider ON deliveries (provider_message_id) WHERE provider_message_id IS NOT NULL;
`;
