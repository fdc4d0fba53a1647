/**
 * The hub's schema on PostgreSQL: the SQLite schema (its migrations 0001 to 0003) with what several nodes and
 * this engine need. Every synced entity keeps its whole row as JSON text in `data` (sent in the change feed as
 * it was written, byte for byte, and cheaper to store than jsonb) plus the columns queries filter on, and the
 * `seq` of its last change. Ids, folded names and identity values compare byte by byte (COLLATE "C"), as in
 * SQLite, whatever the database's locale: snapshot paging, prefix ranges and orders are the same everywhere.
 */
export const up = `
-- The change-log head. Every write transaction locks this one row first (see pgStore.ts): writes are serialised
-- across all hub nodes and seq order is commit order.
CREATE TABLE change_counter (
  one boolean PRIMARY KEY DEFAULT true CHECK (one),
  seq bigint NOT NULL
);
INSERT INTO change_counter (seq) VALUES (0);

CREATE TABLE changes (
  seq bigint PRIMARY KEY,
  entity text NOT NULL,
  op text NOT NULL,
  id text COLLATE "C" NOT NULL,
  data text
);
-- Who may see each change: 'q:<queue>', 's:<staff>', 'st:<store>' or '*' (everyone). Supervisors see all.
CREATE TABLE change_audience (
  key text COLLATE "C" NOT NULL,
  seq bigint NOT NULL,
  PRIMARY KEY (key, seq)
);
-- A change's audience, for nodes tailing the log (changesAfter).
CREATE INDEX change_audience_seq ON change_audience (seq);

CREATE TABLE queues (id text COLLATE "C" PRIMARY KEY, seq bigint NOT NULL, data text NOT NULL);
CREATE TABLE store_locations (id text COLLATE "C" PRIMARY KEY, seq bigint NOT NULL, data text NOT NULL);
CREATE TABLE kb (id text COLLATE "C" PRIMARY KEY, seq bigint NOT NULL, data text NOT NULL);
CREATE TABLE canned (id text COLLATE "C" PRIMARY KEY, seq bigint NOT NULL, data text NOT NULL);

CREATE TABLE staff (
  id text COLLATE "C" PRIMARY KEY,
  seq bigint NOT NULL,
  data text NOT NULL,
  username text NOT NULL UNIQUE,
  password_hash text NOT NULL DEFAULT '',
  -- routing-internal: "longest idle" (not synced, so assignments do not fan out to every workstation)
  last_assigned_at bigint
);

CREATE TABLE customers (
  id text COLLATE "C" PRIMARY KEY,
  seq bigint NOT NULL,
  data text NOT NULL,
  name_fold text COLLATE "C" NOT NULL,
  store_id text,
  merged boolean NOT NULL
);
CREATE INDEX customers_name ON customers (name_fold);
CREATE TABLE customer_identities (
  kind text NOT NULL,
  value text COLLATE "C" NOT NULL,
  customer_id text NOT NULL,
  PRIMARY KEY (kind, value)
);
CREATE INDEX customer_identities_customer ON customer_identities (customer_id);
-- National numbers typed without their country code: a prefix range over the reversed phone.
CREATE INDEX customer_identities_phone_ending ON customer_identities (reverse(value)) WHERE kind = 'phone';
-- Where a folded name can be matched from: its start and the start of each later word ("anna maria kowalska",
-- "maria kowalska", "kowalska"), so a name lookup is a prefix range, never a scan of every customer.
CREATE TABLE customer_name_starts (
  start text COLLATE "C" NOT NULL,
  customer_id text NOT NULL,
  PRIMARY KEY (start, customer_id)
);
CREATE INDEX customer_name_starts_customer ON customer_name_starts (customer_id);

CREATE TABLE cases (
  id text COLLATE "C" PRIMARY KEY,
  seq bigint NOT NULL,
  data text NOT NULL,
  customer_id text NOT NULL,
  queue_id text NOT NULL,
  assignee_id text,
  store_id text,
  status text NOT NULL,
  last_channel text NOT NULL,
  subject_norm text NOT NULL,
  due_at bigint,
  created_at bigint NOT NULL,
  updated_at bigint NOT NULL
);
CREATE INDEX cases_customer ON cases (customer_id, updated_at);
CREATE INDEX cases_queue ON cases (queue_id, status, created_at);
CREATE INDEX cases_assignee ON cases (assignee_id, status);
CREATE INDEX cases_store ON cases (store_id);
CREATE INDEX cases_due ON cases (due_at) WHERE due_at IS NOT NULL;

CREATE TABLE interactions (
  id text COLLATE "C" PRIMARY KEY,
  seq bigint NOT NULL,
  data text NOT NULL,
  case_id text NOT NULL,
  created_at bigint NOT NULL
);
CREATE INDEX interactions_case ON interactions (case_id, created_at, id);

CREATE TABLE csat (id text COLLATE "C" PRIMARY KEY, seq bigint NOT NULL, data text NOT NULL, case_id text NOT NULL);
CREATE INDEX csat_case ON csat (case_id);
CREATE TABLE alerts (
  id text COLLATE "C" PRIMARY KEY,
  seq bigint NOT NULL,
  data text NOT NULL,
  case_id text NOT NULL,
  status text NOT NULL,
  raised_at bigint NOT NULL
);
CREATE INDEX alerts_status ON alerts (status, raised_at);
CREATE INDEX alerts_case ON alerts (case_id);
CREATE TABLE held (id text COLLATE "C" PRIMARY KEY, seq bigint NOT NULL, data text NOT NULL, case_id text NOT NULL, author_id text NOT NULL);
CREATE INDEX held_author ON held (author_id);
CREATE INDEX held_case ON held (case_id);

-- Idempotency: a person's mutation id or a connector's externalId is processed once; retries get the first result.
CREATE TABLE mutations (
  staff_id text NOT NULL,
  mutation_id text NOT NULL,
  result text NOT NULL,
  at bigint NOT NULL,
  PRIMARY KEY (staff_id, mutation_id)
);
CREATE TABLE inbound (external_id text PRIMARY KEY, result text NOT NULL, at bigint NOT NULL);

-- Phone calls in progress: ringing -> answered -> ended.
CREATE TABLE calls (id text PRIMARY KEY, data text NOT NULL);

-- Surveys sent and not yet answered, for the simulator and reminders.
CREATE TABLE surveys (case_id text PRIMARY KEY, sent_at bigint NOT NULL, answered_at bigint);
CREATE INDEX surveys_open ON surveys (answered_at, sent_at);

CREATE TABLE audit (
  id text PRIMARY KEY,
  at bigint NOT NULL,
  actor_id text NOT NULL,
  action text NOT NULL,
  queue_id text,
  case_id text,
  data text NOT NULL
);
CREATE INDEX audit_at ON audit (at);
CREATE INDEX audit_actor ON audit (actor_id, at);
CREATE INDEX audit_queue ON audit (queue_id, at);
CREATE INDEX audit_case ON audit (case_id, at);

CREATE TABLE sessions (
  id text PRIMARY KEY,
  staff_id text NOT NULL,
  refresh_hash text NOT NULL UNIQUE,
  refresh_expires_at bigint NOT NULL,
  created_at bigint NOT NULL,
  revoked_at bigint
);
CREATE INDEX sessions_staff ON sessions (staff_id);
-- Refresh tokens a session rotated away, until they would have expired: presenting one again ends the session.
CREATE TABLE retired_refresh (hash text PRIMARY KEY, session_id text NOT NULL, expires_at bigint NOT NULL);
-- Who is serving which customer right now (see continuation.ts).
-- What the hub keeps about itself: how it was seeded, the key that signs sessions on every node.
CREATE TABLE meta (key text PRIMARY KEY, value text NOT NULL);
CREATE TABLE serving (
  staff_id text NOT NULL,
  customer_id text NOT NULL,
  until bigint NOT NULL,
  PRIMARY KEY (staff_id, customer_id)
);
`;
