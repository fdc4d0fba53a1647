/**
 * The hub's first schema. Every synced entity keeps its whole row as JSON in `data` (what travels in the
 * change feed) plus the columns queries filter on, and the `seq` of its last change.
 */
export const up = `
CREATE TABLE changes (
  seq INTEGER PRIMARY KEY,
  entity TEXT NOT NULL,
  op TEXT NOT NULL,
  id TEXT NOT NULL,
  data TEXT
);
-- Who may see each change: 'q:<queue>', 's:<staff>', 'st:<store>' or '*' (everyone). Supervisors see all.
CREATE TABLE change_audience (
  key TEXT NOT NULL,
  seq INTEGER NOT NULL,
  PRIMARY KEY (key, seq)
) WITHOUT ROWID;

CREATE TABLE queues (id TEXT PRIMARY KEY, seq INTEGER NOT NULL, data TEXT NOT NULL);
CREATE TABLE store_locations (id TEXT PRIMARY KEY, seq INTEGER NOT NULL, data TEXT NOT NULL);
CREATE TABLE kb (id TEXT PRIMARY KEY, seq INTEGER NOT NULL, data TEXT NOT NULL);
CREATE TABLE canned (id TEXT PRIMARY KEY, seq INTEGER NOT NULL, data TEXT NOT NULL);

CREATE TABLE staff (
  id TEXT PRIMARY KEY,
  seq INTEGER NOT NULL,
  data TEXT NOT NULL,
  username TEXT NOT NULL UNIQUE,
  password_hash TEXT NOT NULL DEFAULT '',
  -- routing-internal: "longest idle" (not synced, so assignments do not fan out to every workstation)
  last_assigned_at INTEGER
);

CREATE TABLE customers (
  id TEXT PRIMARY KEY,
  seq INTEGER NOT NULL,
  data TEXT NOT NULL,
  name_fold TEXT NOT NULL,
  store_id TEXT
);
CREATE INDEX customers_name ON customers (name_fold);
CREATE TABLE customer_identities (
  kind TEXT NOT NULL,
  value TEXT NOT NULL,
  customer_id TEXT NOT NULL,
  PRIMARY KEY (kind, value)
) WITHOUT ROWID;
CREATE INDEX customer_identities_customer ON customer_identities (customer_id);

CREATE TABLE cases (
  id TEXT PRIMARY KEY,
  seq INTEGER NOT NULL,
  data TEXT NOT NULL,
  customer_id TEXT NOT NULL,
  queue_id TEXT NOT NULL,
  assignee_id TEXT,
  store_id TEXT,
  status TEXT NOT NULL,
  last_channel TEXT NOT NULL,
  subject_norm TEXT NOT NULL,
  due_at INTEGER,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX cases_customer ON cases (customer_id, updated_at);
CREATE INDEX cases_queue ON cases (queue_id, status, created_at);
CREATE INDEX cases_assignee ON cases (assignee_id, status);
CREATE INDEX cases_store ON cases (store_id);
CREATE INDEX cases_due ON cases (due_at) WHERE due_at IS NOT NULL;

CREATE TABLE interactions (
  id TEXT PRIMARY KEY,
  seq INTEGER NOT NULL,
  data TEXT NOT NULL,
  case_id TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX interactions_case ON interactions (case_id, created_at);

CREATE TABLE csat (id TEXT PRIMARY KEY, seq INTEGER NOT NULL, data TEXT NOT NULL, case_id TEXT NOT NULL);
CREATE INDEX csat_case ON csat (case_id);
CREATE TABLE alerts (id TEXT PRIMARY KEY, seq INTEGER NOT NULL, data TEXT NOT NULL, status TEXT NOT NULL, raised_at INTEGER NOT NULL);
CREATE INDEX alerts_status ON alerts (status, raised_at);
CREATE TABLE held (id TEXT PRIMARY KEY, seq INTEGER NOT NULL, data TEXT NOT NULL, case_id TEXT NOT NULL, author_id TEXT NOT NULL);
CREATE INDEX held_author ON held (author_id);
CREATE INDEX held_case ON held (case_id);

-- Idempotency: a mutation id or a connector's externalId is processed once; retries get the first result.
CREATE TABLE mutations (mutation_id TEXT PRIMARY KEY, staff_id TEXT NOT NULL, result TEXT NOT NULL, at INTEGER NOT NULL);
CREATE TABLE inbound (external_id TEXT PRIMARY KEY, result TEXT NOT NULL, at INTEGER NOT NULL);

-- Phone calls in progress: ringing -> answered -> ended.
CREATE TABLE calls (id TEXT PRIMARY KEY, data TEXT NOT NULL);

-- Surveys sent and not yet answered, for the simulator and reminders.
CREATE TABLE surveys (case_id TEXT PRIMARY KEY, sent_at INTEGER NOT NULL, answered_at INTEGER);
CREATE INDEX surveys_open ON surveys (answered_at, sent_at);

CREATE TABLE audit (
  id TEXT PRIMARY KEY,
  at INTEGER NOT NULL,
  actor_id TEXT NOT NULL,
  action TEXT NOT NULL,
  queue_id TEXT,
  case_id TEXT,
  data TEXT NOT NULL
);
CREATE INDEX audit_at ON audit (at);
CREATE INDEX audit_actor ON audit (actor_id, at);
CREATE INDEX audit_queue ON audit (queue_id, at);
CREATE INDEX audit_case ON audit (case_id, at);

CREATE TABLE sessions (
  id TEXT PRIMARY KEY,
  staff_id TEXT NOT NULL,
  refresh_hash TEXT NOT NULL UNIQUE,
  refresh_expires_at INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  revoked_at INTEGER
);
CREATE INDEX sessions_staff ON sessions (staff_id);
`;
