import Database from 'better-sqlite3-multiple-ciphers';
import {
  breachCheckAt,
  identitiesOf,
  identityKey,
  identityMapKey,
  type AuditEntry,
  type Case,
  type Customer,
  type Delivery,
  type Interaction,
  type Lang,
  type Staff,
} from '../../../shared/domain';
import { ENTITY_NAMES, type Change, type EntityName, type EntityRow } from '../../../shared/protocol';
import { foldText } from '../../../shared/text/fold';
import type {
  AttachmentHolder,
  AuditFilter,
  CallRecord,
  CaseScope,
  HubExport,
  HubRecord,
  HubStore,
  SessionRecord,
  SnapshotPage,
  StoreReads,
  StoreTx,
  StoredAttachment,
  StoreWrites,
  SurveyRecord,
  VisitorRecord,
} from '../hubStore';
import {
  CASE_ENTITIES,
  FINISHED_STATUSES_SQL,
  normalizeSubject,
  planSnapshot,
  snapshotPager,
  snapshotTotals,
  type CaseClass,
  type SnapshotPart,
} from '../storeRules';
import { auditSql } from '../auditSql';
import { caseReportColumns, csatReportColumns, interactionReportColumns } from '../reportColumns';
import { changesWaits, REFRESH_CASE_WAITS } from '../replyWaits';
import { migrate } from './migrate';
import { ownerOnlyDatabase } from './ownerOnly';
import { sqliteReportReads } from './reportReads';
import { sqliteVocReads } from './vocReads';

const TABLE: Record<EntityName, string> = {
  queue: 'queues',
  staff: 'staff',
  storeLocation: 'store_locations',
  kb: 'kb',
  canned: 'canned',
  customer: 'customers',
  case: 'cases',
  interaction: 'interactions',
  csat: 'csat',
  alert: 'alerts',
  held: 'held',
  delivery: 'deliveries',
};

type Row = { id: string; seq: number; data: string };
const asChange = (entity: EntityName, r: Row): Change =>
  ({ seq: r.seq, entity, op: 'upsert', id: r.id, data: JSON.parse(r.data) }) as Change;

type SessionRow = { id: string; staff_id: string; refresh_hash: string; refresh_expires_at: number; created_at: number; revoked_at: number | null };
const toSession = (r: SessionRow | undefined): SessionRecord | null =>
  r
    ? { id: r.id, staffId: r.staff_id, refreshHash: r.refresh_hash, refreshExpiresAt: r.refresh_expires_at, createdAt: r.created_at, revokedAt: r.revoked_at }
    : null;

/** The store's methods as better-sqlite3 runs them: synchronously, on one connection. */
type Sync<T> = { [K in keyof T]: T[K] extends (...args: infer A) => Promise<infer R> ? (...args: A) => R : never };
type SqliteOps = Sync<StoreReads & StoreWrites & Pick<HubStore, 'pull' | 'snapshot' | 'changesAfter'>>;

/** Every operation of the store on one connection. */
function sqliteOps(db: Database.Database): SqliteOps {
  const st = <T = unknown>(sql: string) => {
    const s = db.prepare(sql);
    return s as Database.Statement<unknown[], T>;
  };

  const insertChange = st('INSERT INTO changes (entity, op, id, data) VALUES (?, ?, ?, ?)');
  const insertAudience = st('INSERT OR IGNORE INTO change_audience (key, seq) VALUES (?, ?)');
  const headStmt = st<{ h: number | null }>('SELECT MAX(seq) AS h FROM changes');

  const getStmts = Object.fromEntries(
    ENTITY_NAMES.map((e) => [e, st<{ data: string }>(`SELECT data FROM ${TABLE[e]} WHERE id = ?`)]),
  ) as Record<EntityName, Database.Statement<unknown[], { data: string }>>;
  const rowStmts = Object.fromEntries(
    ENTITY_NAMES.map((e) => [e, st<Row>(`SELECT id, seq, data FROM ${TABLE[e]} WHERE id = ?`)]),
  ) as Record<EntityName, Database.Statement<unknown[], Row>>;
  const allStmts = Object.fromEntries(
    ENTITY_NAMES.map((e) => [e, st<{ data: string }>(`SELECT data FROM ${TABLE[e]} ORDER BY id`)]),
  ) as Record<EntityName, Database.Statement<unknown[], { data: string }>>;
  const deleteStmts = Object.fromEntries(ENTITY_NAMES.map((e) => [e, st(`DELETE FROM ${TABLE[e]} WHERE id = ?`)])) as Record<
    EntityName,
    Database.Statement
  >;

  const simpleUpsert = (table: string) =>
    st(`INSERT INTO ${table} (id, seq, data) VALUES (?, ?, ?) ON CONFLICT(id) DO UPDATE SET seq = excluded.seq, data = excluded.data`);
  const upsertQueue = simpleUpsert('queues');
  const upsertStore = simpleUpsert('store_locations');
  const upsertKb = simpleUpsert('kb');
  const upsertCanned = simpleUpsert('canned');
  const upsertStaff = st(
    `INSERT INTO staff (id, seq, data, username) VALUES (?, ?, ?, ?)
     ON CONFLICT(id) DO UPDATE SET seq = excluded.seq, data = excluded.data, username = excluded.username`,
  );
  const upsertCustomer = st(
    `INSERT INTO customers (id, seq, data, name_fold, store_id) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT(id) DO UPDATE SET seq = excluded.seq, data = excluded.data, name_fold = excluded.name_fold, store_id = excluded.store_id`,
  );
  const deleteIdentities = st('DELETE FROM customer_identities WHERE customer_id = ?');
  // A plain insert: an identity that belongs to another customer fails the write instead of moving silently
  // (moving one is a supervisor's merge, which releases it first).
  const insertIdentity = st('INSERT INTO customer_identities (kind, value, customer_id) VALUES (?, ?, ?)');
  // Report columns (reportColumns.ts) as named parameters; the first-reply deadline keeps its first value.
  const upsertCase = st(
    `INSERT INTO cases (id, seq, data, customer_id, queue_id, assignee_id, store_id, status, last_channel, subject_norm, due_at, created_at, updated_at,
       resolved_at, first_responded_at, first_response_due, channel_count, channel_set, origin_channel)
     VALUES (@id, @seq, @data, @customer_id, @queue_id, @assignee_id, @store_id, @status, @last_channel, @subject_norm, @due_at, @created_at, @updated_at,
       @resolved_at, @first_responded_at, @first_response_due, @channel_count, @channel_set, @origin_channel)
     ON CONFLICT(id) DO UPDATE SET seq = excluded.seq, data = excluded.data, customer_id = excluded.customer_id,
       queue_id = excluded.queue_id, assignee_id = excluded.assignee_id, store_id = excluded.store_id, status = excluded.status,
       last_channel = excluded.last_channel, subject_norm = excluded.subject_norm, due_at = excluded.due_at, updated_at = excluded.updated_at,
       resolved_at = excluded.resolved_at, first_responded_at = excluded.first_responded_at,
       first_response_due = COALESCE(cases.first_response_due, excluded.first_response_due), channel_count = excluded.channel_count,
       channel_set = excluded.channel_set, origin_channel = excluded.origin_channel`,
  );
  const refreshWaits = st(REFRESH_CASE_WAITS);
  const upsertInteraction = st(
    `INSERT INTO interactions (id, seq, data, case_id, created_at, kind, direction, author_id, customer_id, talk_sec, negative)
     VALUES (@id, @seq, @data, @case_id, @created_at, @kind, @direction, @author_id, @customer_id, @talk_sec, @negative)
     ON CONFLICT(id) DO UPDATE SET seq = excluded.seq, data = excluded.data, case_id = excluded.case_id, kind = excluded.kind,
       direction = excluded.direction, author_id = excluded.author_id, customer_id = excluded.customer_id, talk_sec = excluded.talk_sec,
       negative = excluded.negative`,
  );
  const upsertCsat = st(
    `INSERT INTO csat (id, seq, data, case_id, created_at, score, queue_id) VALUES (@id, @seq, @data, @case_id, @created_at, @score, @queue_id)
     ON CONFLICT(id) DO UPDATE SET seq = excluded.seq, data = excluded.data, created_at = excluded.created_at, score = excluded.score, queue_id = excluded.queue_id`,
  );
  const upsertAlert = st(
    `INSERT INTO alerts (id, seq, data, status, raised_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT(id) DO UPDATE SET seq = excluded.seq, data = excluded.data, status = excluded.status`,
  );
  const upsertDelivery = st(
    `INSERT INTO deliveries (id, seq, data, case_id, status, next_attempt_at, provider_message_id) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT(id) DO UPDATE SET seq = excluded.seq, data = excluded.data, case_id = excluded.case_id, status = excluded.status,
       next_attempt_at = excluded.next_attempt_at, provider_message_id = excluded.provider_message_id`,
  );
  const upsertHeld = st(
    `INSERT INTO held (id, seq, data, case_id, author_id) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT(id) DO UPDATE SET seq = excluded.seq, data = excluded.data`,
  );

  /** Writes the entity row's table (and side tables) at `seq`. */
  function writeRow(entity: EntityName, row: EntityRow<EntityName>, seq: number, json: string): void {
    switch (entity) {
      case 'queue':
        upsertQueue.run(row.id, seq, json);
        return;
      case 'storeLocation':
        upsertStore.run(row.id, seq, json);
        return;
      case 'kb':
        upsertKb.run(row.id, seq, json);
        return;
      case 'canned':
        upsertCanned.run(row.id, seq, json);
        return;
      case 'staff':
        upsertStaff.run(row.id, seq, json, (row as Staff).username);
        return;
      case 'customer': {
        const c = row as Customer;
        upsertCustomer.run(c.id, seq, json, foldText(c.name), c.storeId);
        deleteIdentities.run(c.id);
        if (c.mergedInto === null) for (const [k, v] of identitiesOf(c)) insertIdentity.run(k, v, c.id);
        return;
      }
      case 'case': {
        const c = row as Case;
        upsertCase.run({ id: c.id, seq, data: json, customer_id: c.customerId, queue_id: c.queueId, assignee_id: c.assigneeId, store_id: c.storeId,
          status: c.status, last_channel: c.lastChannel, subject_norm: normalizeSubject(c.subject), due_at: breachCheckAt(c), created_at: c.createdAt,
          updated_at: c.updatedAt, ...caseReportColumns(c) });
        return;
      }
      case 'interaction': {
        const i = row as Interaction;
        upsertInteraction.run({ id: i.id, seq, data: json, case_id: i.caseId, created_at: i.createdAt, ...interactionReportColumns(i) });
        if (changesWaits(i)) refreshWaits.run(i.caseId, i.createdAt);
        return;
      }
      case 'csat': {
        const a = row as EntityRow<'csat'>;
        upsertCsat.run({ id: a.id, seq, data: json, case_id: a.caseId, ...csatReportColumns(a) });
        return;
      }
      case 'alert': {
        const a = row as EntityRow<'alert'>;
        upsertAlert.run(a.id, seq, json, a.status, a.raisedAt);
        return;
      }
      case 'held': {
        const h = row as EntityRow<'held'>;
        upsertHeld.run(h.id, seq, json, h.caseId, h.authorId);
        return;
      }
      case 'delivery': {
        const d = row as Delivery;
        upsertDelivery.run(d.id, seq, json, d.caseId, d.status, d.nextAttemptAt, d.providerMessageId);
        return;
      }
    }
  }

  function logChange(entity: EntityName, op: 'upsert' | 'delete', id: string, json: string | null, audience: readonly string[]): number {
    const seq = Number(insertChange.run(entity, op, id, json).lastInsertRowid);
    for (const key of audience) insertAudience.run(key, seq);
    return seq;
  }

  const parse = <T>(r: { data: string } | undefined): T | null => (r ? (JSON.parse(r.data) as T) : null);

  const identityStmt = st<{ data: string }>(
    'SELECT c.data FROM customer_identities i JOIN customers c ON c.id = i.customer_id WHERE i.kind = ? AND i.value = ?',
  );
  const sampleCustomersStmt = st<{ data: string }>(
    `SELECT data FROM customers WHERE rowid >= (SELECT abs(random()) % (max(rowid) + 1) FROM customers)
       AND json_extract(data, '$.mergedInto') IS NULL LIMIT ?`,
  );
  const caseOfMessageStmt = st<{ case_id: string }>(
    "SELECT case_id FROM interactions WHERE json_extract(data, '$.meta.messageId') IN (SELECT value FROM json_each(?)) ORDER BY created_at DESC, id DESC LIMIT 1",
  );
  const casesOfCustomerStmt = st<{ data: string }>('SELECT data FROM cases WHERE customer_id = ? ORDER BY updated_at DESC');
  const openCasesOfAssigneeStmt = st<{ data: string }>(
    "SELECT data FROM cases WHERE assignee_id = ? AND status IN ('new', 'open', 'pending') ORDER BY created_at",
  );
  const openCasesOfQueueStmt = st<{ data: string }>(
    "SELECT data FROM cases WHERE queue_id = ? AND status IN ('new', 'open', 'pending') ORDER BY created_at",
  );
  const waitingStmt = st<{ data: string }>(
    "SELECT data FROM cases WHERE queue_id = ? AND status IN ('new', 'open') AND assignee_id IS NULL ORDER BY created_at LIMIT ?",
  );
  const interactionsStmt = st<{ data: string }>('SELECT data FROM interactions WHERE case_id = ? ORDER BY created_at, id');
  const loadStmt = st<{ n: number }>(
    "SELECT COUNT(*) AS n FROM cases WHERE assignee_id = ? AND status IN ('new', 'open') AND last_channel = ?",
  );
  const overdueStmt = st<{ data: string }>('SELECT data FROM cases WHERE due_at IS NOT NULL AND due_at <= ? ORDER BY due_at LIMIT ?');
  const openAlertOfCaseStmt = st<{ data: string }>(
    "SELECT data FROM alerts WHERE status != 'closed' AND json_extract(data, '$.caseId') = ? LIMIT 1",
  );
  const dueDeliveriesStmt = st<{ data: string }>(
    "SELECT data FROM deliveries WHERE status = 'queued' AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT ?",
  );
  const deliveryByProviderStmt = st<{ data: string }>('SELECT data FROM deliveries WHERE provider_message_id = ? ORDER BY id LIMIT 1');
  const raisedAlertsStmt = st<{ data: string }>("SELECT data FROM alerts WHERE status = 'raised' ORDER BY raised_at");
  const credentialsStmt = st<{ data: string; password_hash: string; must_change_password: number }>(
    'SELECT data, password_hash, must_change_password FROM staff WHERE username = ?',
  );
  const setHashStmt = st('UPDATE staff SET password_hash = ?, must_change_password = ? WHERE id = ?');
  const lastAssignedStmt = st<{ id: string; t: number }>(
    'SELECT id, last_assigned_at AS t FROM staff WHERE id IN (SELECT value FROM json_each(?)) AND last_assigned_at IS NOT NULL',
  );
  const setLastAssignedStmt = st('UPDATE staff SET last_assigned_at = ? WHERE id = ?');

  const pullAllStmt = st<Row & { entity: EntityName; op: 'upsert' | 'delete' }>(
    'SELECT seq, entity, op, id, data FROM changes WHERE seq > ? ORDER BY seq LIMIT ?',
  );
  const pullKeysStmt = st<Row & { entity: EntityName; op: 'upsert' | 'delete' }>(
    `SELECT c.seq, c.entity, c.op, c.id, c.data FROM changes c WHERE c.seq IN (
       SELECT DISTINCT seq FROM change_audience WHERE key IN (SELECT value FROM json_each(?)) AND seq > ? ORDER BY seq LIMIT ?
     ) ORDER BY c.seq`,
  );

  // Case scope as SQL: parameters are (all, queueIdsJson, staffId, storeId).
  const CASE_SCOPE = `(? = 1 OR queue_id IN (SELECT value FROM json_each(?)) OR assignee_id = ? OR (store_id IS NOT NULL AND store_id = ?))`;
  const scopeArgs = (s: CaseScope) => [s.all ? 1 : 0, JSON.stringify(s.queueIds), s.staffId, s.storeId];
  const snapshotSql: Record<EntityName, string> = {
    storeLocation: 'SELECT id, seq, data FROM store_locations WHERE id > ? ORDER BY id LIMIT ?',
    queue: 'SELECT id, seq, data FROM queues WHERE id > ? ORDER BY id LIMIT ?',
    staff: 'SELECT id, seq, data FROM staff WHERE id > ? ORDER BY id LIMIT ?',
    kb: 'SELECT id, seq, data FROM kb WHERE id > ? ORDER BY id LIMIT ?',
    canned: 'SELECT id, seq, data FROM canned WHERE id > ? ORDER BY id LIMIT ?',
    case: `SELECT id, seq, data FROM cases WHERE id > ? AND ${CASE_SCOPE} ORDER BY id LIMIT ?`,
    customer: `SELECT id, seq, data FROM customers WHERE id > ? AND id IN (SELECT customer_id FROM cases WHERE ${CASE_SCOPE}) ORDER BY id LIMIT ?`,
    interaction: `SELECT id, seq, data FROM interactions WHERE id > ? AND case_id IN (SELECT id FROM cases WHERE ${CASE_SCOPE}) ORDER BY id LIMIT ?`,
    csat: `SELECT id, seq, data FROM csat WHERE id > ? AND case_id IN (SELECT id FROM cases WHERE ${CASE_SCOPE}) ORDER BY id LIMIT ?`,
    alert: `SELECT id, seq, data FROM alerts WHERE id > ? AND (? = 1 OR json_extract(data, '$.followUpStaffId') = ?
              OR EXISTS (SELECT 1 FROM json_each(data, '$.notifiedStaffIds') WHERE value = ?)) ORDER BY id LIMIT ?`,
    held: `SELECT id, seq, data FROM held WHERE id > ? AND (? = 1 OR author_id = ? OR case_id IN (SELECT id FROM cases WHERE assignee_id = ?)) ORDER BY id LIMIT ?`,
    delivery: `SELECT id, seq, data FROM deliveries WHERE id > ? AND case_id IN (SELECT id FROM cases WHERE ${CASE_SCOPE}) ORDER BY id LIMIT ?`,
  };
  // Everything (supervisors): plain walks of each table, without the scope subqueries that would be built
  // again for every page.
  const snapshotAllSql = Object.fromEntries(
    ENTITY_NAMES.map((e) => [e, `SELECT id, seq, data FROM ${TABLE[e]} WHERE id > ? ORDER BY id LIMIT ?`]),
  ) as Record<EntityName, string>;
  // A class of cases (phased snapshots) narrows the case scope; parameters: (staffId) or (staffId, since).
  const CASE_CLASS: Record<CaseClass, string> = {
    any: '',
    priority: ` AND (status NOT IN (${FINISHED_STATUSES_SQL}) OR assignee_id = ?)`,
    other: ` AND status IN (${FINISHED_STATUSES_SQL}) AND (assignee_id IS NULL OR assignee_id <> ?)`,
    recent: ` AND status IN (${FINISHED_STATUSES_SQL}) AND (assignee_id IS NULL OR assignee_id <> ?) AND updated_at >= ?`,
  };
  const classArgs = (cases: CaseClass, history: { staffId: string; since: number | null }): unknown[] =>
    cases === 'any' ? [] : cases === 'recent' ? [history.staffId, history.since ?? 0] : [history.staffId];
  /** A part's page and count statements, prepared on first use (a class narrows the scope's case condition). */
  const partStatements = new Map<string, { page: Database.Statement<unknown[], Row>; count: Database.Statement<unknown[], { n: number }> }>();
  function statementsOf(part: SnapshotPart, plainWalk: boolean) {
    const key = `${plainWalk}:${part.entity}:${part.cases}`;
    let found = partStatements.get(key);
    if (!found) {
      const base = plainWalk ? snapshotAllSql[part.entity] : snapshotSql[part.entity];
      const sql = part.cases === 'any' ? base : base.replace(CASE_SCOPE, `${CASE_SCOPE}${CASE_CLASS[part.cases]}`);
      found = { page: st<Row>(sql), count: st<{ n: number }>(`SELECT COUNT(*) AS n FROM (${sql.replace(/ORDER BY id LIMIT \?$/, '')})`) };
      partStatements.set(key, found);
    }
    return found;
  }
  function snapshotArgs(part: SnapshotPart, s: CaseScope, plainWalk: boolean, history: { staffId: string; since: number | null }): unknown[] {
    if (plainWalk) return [];
    if (CASE_ENTITIES.has(part.entity)) return [...scopeArgs(s), ...classArgs(part.cases, history)];
    if (part.entity === 'alert') return [s.all ? 1 : 0, s.staffId, s.staffId];
    if (part.entity === 'held') return [s.all ? 1 : 0, s.staffId, s.staffId];
    return [];
  }

  const caseRowStmt = st<Row>('SELECT id, seq, data FROM cases WHERE id = ?');
  const customerRowStmt = st<Row>('SELECT id, seq, data FROM customers WHERE id = ?');
  const caseInteractionRowsStmt = st<Row>('SELECT id, seq, data FROM interactions WHERE case_id = ? ORDER BY created_at, id');
  const caseCsatRowsStmt = st<Row>('SELECT id, seq, data FROM csat WHERE case_id = ? ORDER BY id');
  const caseDeliveryRowsStmt = st<Row>('SELECT id, seq, data FROM deliveries WHERE case_id = ? ORDER BY id');

  // Phones typed without a country code match by their last digits.
  const phoneSuffixStmt = st<{ data: string }>(
    "SELECT c.data FROM customer_identities i JOIN customers c ON c.id = i.customer_id WHERE i.kind = 'phone' AND i.value LIKE ? LIMIT ?",
  );
  const nameLookupStmt = st<{ data: string }>(
    `SELECT data FROM customers WHERE (name_fold >= ? AND name_fold < ?) OR name_fold LIKE ? ESCAPE '\\' ORDER BY name_fold LIMIT ?`,
  );

  const mutationStmt = st<{ result: string }>('SELECT result FROM mutations WHERE staff_id = ? AND mutation_id = ?');
  // A claim is a row whose result the same transaction fills in.
  const claimMutationStmt = st("INSERT INTO mutations (staff_id, mutation_id, result, at) VALUES (?, ?, '', ?) ON CONFLICT DO NOTHING");
  const saveMutationStmt = st('UPDATE mutations SET result = ? WHERE staff_id = ? AND mutation_id = ?');
  const inboundStmt = st<{ result: string }>('SELECT result FROM inbound WHERE external_id = ?');
  const claimInboundStmt = st("INSERT INTO inbound (external_id, result, at) VALUES (?, '', ?) ON CONFLICT DO NOTHING");
  const saveInboundStmt = st('UPDATE inbound SET result = ? WHERE external_id = ?');
  const callStmt = st<{ data: string }>('SELECT data FROM calls WHERE id = ?');
  // The expressions of the calls_live index (migration 0010), so that it serves the query.
  const liveCallsStmt = st<{ data: string }>(
    "SELECT data FROM calls WHERE json_extract(data, '$.offeredTo') = ? AND json_extract(data, '$.state') IN ('ringing', 'answered')",
  );
  const saveCallStmt = st('INSERT INTO calls (id, data) VALUES (?, ?) ON CONFLICT(id) DO UPDATE SET data = excluded.data');
  // A survey sent again keeps its link (the token first given) and any answer: the customer may still change it.
  const surveySentStmt = st(
    'INSERT INTO surveys (case_id, sent_at, token) VALUES (?, ?, ?) ON CONFLICT(case_id) DO UPDATE SET sent_at = excluded.sent_at, token = COALESCE(surveys.token, excluded.token)',
  );
  const surveyStmt = st<SurveyRow>('SELECT case_id, token, sent_at, answered_at FROM surveys WHERE case_id = ?');
  const surveyByTokenStmt = st<SurveyRow>('SELECT case_id, token, sent_at, answered_at FROM surveys WHERE token = ?');
  const saveVisitorStmt = st(
    'INSERT INTO visitors (id, token_hash, case_id, created_at, data) VALUES (?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET token_hash = excluded.token_hash, case_id = excluded.case_id, data = excluded.data',
  );
  const visitorStmt = st<{ data: string }>('SELECT data FROM visitors WHERE id = ?');
  const visitorByTokenStmt = st<{ data: string }>('SELECT data FROM visitors WHERE token_hash = ?');
  const visitorOfCaseStmt = st<{ data: string }>('SELECT data FROM visitors WHERE case_id = ? ORDER BY created_at DESC, id DESC LIMIT 1');
  const deflectionStmt = st('INSERT INTO deflections (id, queue_id, lang, article_id, visitor_id, at) VALUES (?, ?, ?, ?, ?, ?)');
  const deflectionCountsStmt = st<{ queueId: string; articleId: string; count: number }>(
    'SELECT queue_id AS queueId, article_id AS articleId, COUNT(*) AS count FROM deflections WHERE at >= ? GROUP BY queue_id, article_id ORDER BY queue_id, count DESC, article_id',
  );
  const conversationCountsStmt = st<{ queueId: string; count: number }>(
    "SELECT json_extract(data, '$.queueId') AS queueId, COUNT(*) AS count FROM visitors WHERE created_at >= ? AND case_id IS NOT NULL GROUP BY 1 ORDER BY 1",
  );
  const surveyAnsweredStmt = st('UPDATE surveys SET answered_at = ? WHERE case_id = ? AND answered_at IS NULL');
  const awaitingSurveyStmt = st<{ data: string }>(
    'SELECT c.data FROM surveys s JOIN cases c ON c.id = s.case_id WHERE s.answered_at IS NULL ORDER BY s.sent_at DESC LIMIT ?',
  );
  const auditInsertStmt = st('INSERT INTO audit (id, at, actor_id, action, queue_id, case_id, data) VALUES (?, ?, ?, ?, ?, ?, ?)');
  // One statement per combination of conditions (see auditSql), prepared when first asked for.
  const auditStmts = new Map<string, Database.Statement<unknown[], { data: string }>>();
  const queryAudit = (f: AuditFilter): AuditEntry[] => {
    const { key, text, values } = auditSql(f, () => '?');
    let stmt = auditStmts.get(key);
    if (!stmt) auditStmts.set(key, (stmt = st<{ data: string }>(text)));
    return stmt.all(...values).map((r) => JSON.parse(r.data) as AuditEntry);
  };
  const sessionInsertStmt = st('INSERT INTO sessions (id, staff_id, refresh_hash, refresh_expires_at, created_at) VALUES (?, ?, ?, ?, ?)');
  const sessionByIdStmt = st<SessionRow>('SELECT * FROM sessions WHERE id = ?');
  const sessionByHashStmt = st<SessionRow>('SELECT * FROM sessions WHERE refresh_hash = ?');
  const openSessionsStmt = st<{ id: string }>('SELECT id FROM sessions WHERE staff_id = ? AND revoked_at IS NULL ORDER BY id');
  const rotateStmt = st('UPDATE sessions SET refresh_hash = ?, refresh_expires_at = ? WHERE id = ? AND refresh_hash = ?');
  const retireStmt = st('INSERT OR IGNORE INTO retired_refresh (hash, session_id, expires_at) VALUES (?, ?, ?)');
  const pruneRetiredStmt = st('DELETE FROM retired_refresh WHERE expires_at < ?');
  const retiredSessionStmt = st<SessionRow>('SELECT s.* FROM retired_refresh r JOIN sessions s ON s.id = r.session_id WHERE r.hash = ?');
  const startServingStmt = st(
    'INSERT INTO serving (staff_id, customer_id, until) VALUES (?, ?, ?) ON CONFLICT (staff_id, customer_id) DO UPDATE SET until = MAX(until, excluded.until)',
  );
  const isServingStmt = st<{ n: number }>('SELECT COUNT(*) AS n FROM serving WHERE staff_id = ? AND customer_id = ? AND until > ?');
  const pruneServingStmt = st('DELETE FROM serving WHERE until < ?');
  const metaStmt = st<{ value: string }>('SELECT value FROM meta WHERE key = ?');
  const claimMetaStmt = st('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING');
  const setMetaStmt = st('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
  const deleteMetaStmt = st('DELETE FROM meta WHERE key = ?');
  const attachmentStmt = st<StoredAttachment>('SELECT sha256, type, size, at FROM attachments WHERE sha256 = ?');
  const attachmentBytesStmt = st<{ bytes: Buffer }>('SELECT bytes FROM attachments WHERE sha256 = ?');
  const attachmentHoldersStmt = st<{ holder: AttachmentHolder }>('SELECT holder FROM attachment_holders WHERE sha256 = ? ORDER BY holder');
  const putAttachmentStmt = st('INSERT INTO attachments (sha256, type, size, at, bytes) VALUES (?, ?, ?, ?, ?) ON CONFLICT (sha256) DO NOTHING');
  const holdAttachmentStmt = st('INSERT INTO attachment_holders (sha256, holder) VALUES (?, ?) ON CONFLICT DO NOTHING');
  const changesAfterStmt = st<Row & { entity: EntityName; op: 'upsert' | 'delete'; audience: string | null }>(
    `SELECT c.seq, c.entity, c.op, c.id, c.data, (SELECT json_group_array(a.key) FROM change_audience a WHERE a.seq = c.seq) AS audience
     FROM changes c WHERE c.seq > ? ORDER BY c.seq LIMIT ?`,
  );
  const revokeStmt = st('UPDATE sessions SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL');
  const revokeOfStaffStmt = st<{ id: string }>('UPDATE sessions SET revoked_at = ? WHERE staff_id = ? AND revoked_at IS NULL RETURNING id');

  const store: SqliteOps = {
    ...sqliteReportReads(db),
    head: () => headStmt.get()?.h ?? 0,

    put(entity, row, audience) {
      const json = JSON.stringify(row);
      const seq = logChange(entity, 'upsert', row.id, json, audience);
      writeRow(entity, row as EntityRow<EntityName>, seq, json);
      return seq;
    },
    putMany(entity, rows) {
      for (const { row, audience } of rows) store.put(entity, row, audience);
    },
    remove(entity, id, audience) {
      const seq = logChange(entity, 'delete', id, null, audience);
      deleteStmts[entity].run(id);
      return seq;
    },
    get: (entity, id) => parse(getStmts[entity].get(id)),
    ...sqliteVocReads(db),
    row(entity, id) {
      const r = rowStmts[entity].get(id);
      return r ? asChange(entity, r) : null;
    },
    all: (entity) => allStmts[entity].all().map((r) => JSON.parse(r.data)),

    findCustomerByIdentity: (kind, value) => parse<Customer>(identityStmt.get(kind, identityKey(kind, value))),
    // In process, a look-up per identity costs no round trip.
    customersByIdentities(identities) {
      const out = new Map<string, Customer>();
      for (const [kind, value] of identities) {
        const owner = store.findCustomerByIdentity(kind, value);
        if (owner) out.set(identityMapKey(kind, value), owner);
      }
      return out;
    },
    customersByPhoneEnding: (digits, limit) => phoneSuffixStmt.all(`%${digits}`, limit).map((r) => JSON.parse(r.data)),
    customersNamed(folded, limit) {
      const escaped = folded.replace(/[\\%_]/g, (ch) => `\\${ch}`);
      return nameLookupStmt.all(escaped, `${escaped}\uffff`, `% ${escaped}%`, limit).map((r) => JSON.parse(r.data));
    },
    sampleCustomers: (n) => sampleCustomersStmt.all(n).map((r) => JSON.parse(r.data)),
    casesOfCustomer: (id) => casesOfCustomerStmt.all(id).map((r) => JSON.parse(r.data)),
    openCasesOfAssignee: (id) => openCasesOfAssigneeStmt.all(id).map((r) => JSON.parse(r.data)),
    openCasesOfQueue: (id) => openCasesOfQueueStmt.all(id).map((r) => JSON.parse(r.data)),
    waitingCases: (queueId, limit) => waitingStmt.all(queueId, limit).map((r) => JSON.parse(r.data)),
    interactionsOfCase: (caseId) => interactionsStmt.all(caseId).map((r) => JSON.parse(r.data)),
    caseOfMessage: (messageIds) => caseOfMessageStmt.get(JSON.stringify(messageIds))?.case_id ?? null,
    loadOf: (staffId, channel) => loadStmt.get(staffId, channel)?.n ?? 0,
    overdueCases: (now, limit) => overdueStmt.all(now, limit).map((r) => JSON.parse(r.data)),

    openAlertOfCase: (caseId) => parse(openAlertOfCaseStmt.get(caseId)),
    raisedAlerts: () => raisedAlertsStmt.all().map((r) => JSON.parse(r.data)),
    dueDeliveries: (now, limit) => dueDeliveriesStmt.all(now, limit).map((r) => JSON.parse(r.data)),
    deliveryByProviderMessageId: (id) => parse(deliveryByProviderStmt.get(id)),

    staffCredentials(username) {
      const r = credentialsStmt.get(username);
      return r ? { staff: JSON.parse(r.data) as Staff, passwordHash: r.password_hash, mustChangePassword: r.must_change_password === 1 } : null;
    },
    setPasswordHash: (staffId, hash, mustChange = false) => void setHashStmt.run(hash, mustChange ? 1 : 0, staffId),
    lastAssignedAt: (staffIds) => new Map(lastAssignedStmt.all(JSON.stringify(staffIds)).map((r) => [r.id, r.t])),
    setLastAssignedAt: (staffId, at) => void setLastAssignedStmt.run(at, staffId),

    pull(filter, cursor, limit) {
      return db.transaction(() => {
        const head = store.head();
        const rows = filter.all ? pullAllStmt.all(cursor, limit) : pullKeysStmt.all(JSON.stringify(filter.keys), cursor, limit);
        const changes = rows.map(
          (r) => ({ seq: r.seq, entity: r.entity, op: r.op, id: r.id, data: r.data === null ? null : JSON.parse(r.data) }) as Change,
        );
        const full = rows.length === limit;
        const next = full ? rows[rows.length - 1].seq : head;
        return { changes, cursor: next, more: next < head };
      })();
    },

    snapshot(scope, after, hwm, limit, history) {
      return db.transaction((): SnapshotPage => {
        const plan = planSnapshot(scope, after, history ?? null);
        const classes = { staffId: history?.staffId ?? scope.staffId, since: plan.since };
        // Everything, one pass (supervisors): plain table walks; a class of cases needs the case condition.
        const plainWalk = (part: SnapshotPart) => scope.all && !scope.casesOnly && part.cases === 'any';
        const args = (part: SnapshotPart) => snapshotArgs(part, scope, plainWalk(part), classes);
        const totals = plan.from ?? snapshotTotals(plan.parts, plan.parts.map((p) => statementsOf(p, plainWalk(p)).count.get('', ...args(p))?.n ?? 0));
        const mark = hwm ?? store.head();
        const pager = snapshotPager(plan, totals, limit);
        for (let read = pager.next(); read; read = pager.next()) {
          const { part, afterId, limit: n } = read;
          pager.add(statementsOf(part, plainWalk(part)).page.all(afterId, ...args(part), n).map((r) => asChange(part.entity, r)));
        }
        return pager.page(mark);
      })();
    },

    caseRows(caseId) {
      const c = caseRowStmt.get(caseId);
      if (!c) return [];
      const kase = JSON.parse(c.data) as Case;
      const rows: Change[] = [asChange('case', c)];
      const cust = customerRowStmt.get(kase.customerId);
      if (cust) rows.push(asChange('customer', cust));
      for (const r of caseInteractionRowsStmt.all(caseId)) rows.push(asChange('interaction', r));
      for (const r of caseCsatRowsStmt.all(caseId)) rows.push(asChange('csat', r));
      for (const r of caseDeliveryRowsStmt.all(caseId)) rows.push(asChange('delivery', r));
      return rows;
    },

    claimMutation(staffId, mutationId, at) {
      if (claimMutationStmt.run(staffId, mutationId, at).changes > 0) return null;
      return JSON.parse(mutationStmt.get(staffId, mutationId)!.result);
    },
    saveMutationResult: (staffId, mutationId, result) => void saveMutationStmt.run(JSON.stringify(result), staffId, mutationId),
    claimInbound(externalId, at) {
      if (claimInboundStmt.run(externalId, at).changes > 0) return null;
      return JSON.parse(inboundStmt.get(externalId)!.result);
    },
    saveInboundResult: (externalId, result) => void saveInboundStmt.run(JSON.stringify(result), externalId),

    call: (callId) => parse<CallRecord>(callStmt.get(callId)),
    liveCallsOf: (staffId) => liveCallsStmt.all(staffId).map((r) => JSON.parse(r.data) as CallRecord),
    saveCall: (call) => void saveCallStmt.run(call.callId, JSON.stringify(call)),

    surveySent: (caseId, at, token) => void surveySentStmt.run(caseId, at, token),
    survey: (caseId) => toSurvey(surveyStmt.get(caseId)),
    surveyByToken: (token) => toSurvey(surveyByTokenStmt.get(token)),
    saveVisitor: (v) => void saveVisitorStmt.run(v.id, v.tokenHash, v.caseId, v.createdAt, JSON.stringify(v)),
    visitor: (id) => parse<VisitorRecord>(visitorStmt.get(id)),
    visitorByTokenHash: (hash) => parse<VisitorRecord>(visitorByTokenStmt.get(hash)),
    visitorOfCase: (caseId) => parse<VisitorRecord>(visitorOfCaseStmt.get(caseId)),
    recordDeflection: (d) => void deflectionStmt.run(d.id, d.queueId, d.lang, d.articleId, d.visitorId, d.at),
    selfServiceCounts: (since) => ({ deflected: deflectionCountsStmt.all(since), conversations: conversationCountsStmt.all(since) }),
    surveyAnswered: (caseId, at) => surveyAnsweredStmt.run(at, caseId).changes > 0,
    casesAwaitingSurvey: (limit) => awaitingSurveyStmt.all(limit).map((r) => JSON.parse(r.data)),

    appendAudit: (e: AuditEntry) => void auditInsertStmt.run(e.id, e.at, e.actorId, e.action, e.queueId, e.caseId, JSON.stringify(e)),
    queryAudit,

    createSession: (s) => void sessionInsertStmt.run(s.id, s.staffId, s.refreshHash, s.refreshExpiresAt, s.createdAt),
    sessionById: (id) => toSession(sessionByIdStmt.get(id)),
    sessionByRefreshHash: (hash) => toSession(sessionByHashStmt.get(hash)),
    openSessionsOf: (staffId) => openSessionsStmt.all(staffId).map((r) => r.id),
    rotateRefresh(id, fromHash, toHash, expiresAt, now) {
      const old = sessionByIdStmt.get(id);
      if (!old || rotateStmt.run(toHash, expiresAt, id, fromHash).changes === 0) return false;
      pruneRetiredStmt.run(now);
      retireStmt.run(fromHash, id, old.refresh_expires_at);
      return true;
    },
    sessionByRetiredRefresh: (hash) => toSession(retiredSessionStmt.get(hash)),
    startServing(staffId, customerId, until) {
      pruneServingStmt.run(until - 24 * 3_600_000);
      startServingStmt.run(staffId, customerId, until);
    },
    isServing: (staffId, customerId, now) => (isServingStmt.get(staffId, customerId, now)?.n ?? 0) > 0,
    meta: (key) => metaStmt.get(key)?.value ?? null,
    claimMeta(key, value) {
      claimMetaStmt.run(key, value);
      return metaStmt.get(key)!.value;
    },
    setMeta: (key, value) => void setMetaStmt.run(key, value),
    deleteMeta: (key) => void deleteMetaStmt.run(key),
    attachment: (sha256) => attachmentStmt.get(sha256) ?? null,
    attachmentBytes: (sha256) => attachmentBytesStmt.get(sha256)?.bytes ?? null,
    attachmentHolders: (sha256) => attachmentHoldersStmt.all(sha256).map((r) => r.holder),
    putAttachment: (file, bytes) => void putAttachmentStmt.run(file.sha256, file.type, file.size, file.at, bytes),
    holdAttachment: (sha256, holder) => void holdAttachmentStmt.run(sha256, holder),
    changesAfter: (cursor, limit) =>
      changesAfterStmt.all(cursor, limit).map((r) => ({
        change: { seq: r.seq, entity: r.entity, op: r.op, id: r.id, data: r.data === null ? null : JSON.parse(r.data) } as Change,
        audience: JSON.parse(r.audience ?? '[]') as string[],
      })),
    revokeSession: (id, at) => void revokeStmt.run(at, id),
    revokeSessionsOfStaff: (staffId, at) => revokeOfStaffStmt.all(at, staffId).map((r) => r.id),
  };
  return store;
}

/** An async mutual exclusion: one write transaction at a time on the write connection. */
function createLock() {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(fn: () => Promise<T>): Promise<T> => {
    const run = tail.then(fn, fn);
    tail = run.catch(() => {});
    return run;
  };
}

/** Async methods over sync ones; `check` runs before each (a transaction that already ended refuses). */
function asyncOps<T extends object>(ops: T, check: () => void = () => {}): { [K in keyof T]: T[K] extends (...a: infer A) => infer R ? (...a: A) => Promise<R> : never } {
  return Object.fromEntries(
    Object.entries(ops).map(([name, fn]: [string, (...a: unknown[]) => unknown]) => [
      name,
      async (...args: unknown[]) => {
        check();
        return fn(...args);
      },
    ]),
  ) as never;
}

type ChangeRow = Row & { entity: EntityName; op: 'upsert' | 'delete'; key: string | null };
type SurveyRow = { case_id: string; token: string; sent_at: number; answered_at: number | null };
const toSurvey = (r: SurveyRow | undefined): SurveyRecord | null => (r ? { caseId: r.case_id, token: r.token, sentAt: r.sent_at, answeredAt: r.answered_at } : null);
type AccountRow = { id: string; password_hash: string; must_change_password: number; last_assigned_at: number | null };

/** Every record of the store as its tables hold it, in export order: each a query and the record of one of its rows. */
const EXPORTED: ReadonlyArray<{ sql: string; record(r: never): HubRecord }> = [
  { sql: 'SELECT key, value FROM meta', record: (r: { key: string; value: string }) => ({ kind: 'meta', ...r }) },
  ...ENTITY_NAMES.map((entity) => ({
    sql: `SELECT id, seq, data FROM ${TABLE[entity]}`,
    record: (r: Row): HubRecord => ({ kind: 'row', row: asChange(entity, r) as Extract<Change, { op: 'upsert' }> }),
  })),
  // After the staff rows they belong to.
  {
    sql: 'SELECT id, password_hash, must_change_password, last_assigned_at FROM staff',
    record: (r: AccountRow) => ({
      kind: 'staffAccount',
      staffId: r.id,
      passwordHash: r.password_hash,
      mustChangePassword: r.must_change_password === 1,
      lastAssignedAt: r.last_assigned_at,
    }),
  },
  {
    sql: 'SELECT staff_id, mutation_id, result, at FROM mutations',
    record: (r: { staff_id: string; mutation_id: string; result: string; at: number }) =>
      ({ kind: 'mutation', staffId: r.staff_id, mutationId: r.mutation_id, result: JSON.parse(r.result), at: r.at }),
  },
  {
    sql: 'SELECT external_id, result, at FROM inbound',
    record: (r: { external_id: string; result: string; at: number }) => ({ kind: 'inbound', externalId: r.external_id, result: JSON.parse(r.result), at: r.at }),
  },
  { sql: 'SELECT data FROM calls', record: (r: { data: string }) => ({ kind: 'call', call: JSON.parse(r.data) as CallRecord }) },
  { sql: 'SELECT case_id, token, sent_at, answered_at FROM surveys', record: (r: SurveyRow) => ({ kind: 'survey', survey: toSurvey(r)! }) },
  { sql: 'SELECT data FROM visitors', record: (r: { data: string }) => ({ kind: 'visitor', visitor: JSON.parse(r.data) as VisitorRecord }) },
  {
    sql: 'SELECT id, queue_id, lang, article_id, visitor_id, at FROM deflections',
    record: (r: { id: string; queue_id: string; lang: Lang; article_id: string; visitor_id: string; at: number }) =>
      ({ kind: 'deflection', deflection: { id: r.id, queueId: r.queue_id, lang: r.lang, articleId: r.article_id, visitorId: r.visitor_id, at: r.at } }),
  },
  { sql: 'SELECT data FROM audit', record: (r: { data: string }) => ({ kind: 'audit', entry: JSON.parse(r.data) as AuditEntry }) },
  {
    sql: 'SELECT * FROM sessions',
    record: (r: SessionRow) => ({ kind: 'session', session: toSession(r)! }),
  },
  {
    sql: 'SELECT hash, session_id, expires_at FROM retired_refresh',
    record: (r: { hash: string; session_id: string; expires_at: number }) => ({ kind: 'retiredRefresh', hash: r.hash, sessionId: r.session_id, expiresAt: r.expires_at }),
  },
  {
    sql: 'SELECT staff_id, customer_id, until FROM serving',
    record: (r: { staff_id: string; customer_id: string; until: number }) => ({ kind: 'serving', staffId: r.staff_id, customerId: r.customer_id, until: r.until }),
  },
  {
    sql: 'SELECT sha256, type, size, at, bytes FROM attachments',
    record: ({ bytes, ...file }: StoredAttachment & { bytes: Buffer }) => ({ kind: 'attachment', file, bytes }),
  },
  // After the files they hold.
  {
    sql: 'SELECT sha256, holder FROM attachment_holders',
    record: (r: { sha256: string; holder: AttachmentHolder }) => ({ kind: 'attachmentHolder', ...r }),
  },
];

/**
 * The change log in seq order, each change with its audience. The join's one row per audience key is grouped
 * back; SQLite indexes change_audience by seq for it (an automatic index), so it is one pass, not one scan of
 * the audience per change.
 */
function* loggedChanges(db: Database.Database): Generator<HubRecord> {
  const rows = db
    .prepare<unknown[], ChangeRow>('SELECT c.seq, c.entity, c.op, c.id, c.data, a.key FROM changes c LEFT JOIN change_audience a ON a.seq = c.seq ORDER BY c.seq')
    .iterate();
  let current: Extract<HubRecord, { kind: 'change' }> | null = null;
  for (const r of rows) {
    if (current?.change.seq !== r.seq) {
      if (current) yield current;
      const change = { seq: r.seq, entity: r.entity, op: r.op, id: r.id, data: r.data === null ? null : JSON.parse(r.data) } as Change;
      current = { kind: 'change', change, audience: [] };
    }
    if (r.key !== null) current.audience.push(r.key);
  }
  if (current) yield current;
}

/**
 * Every record of the SQLite hub at `path`, read in one read transaction on a connection of its own (WAL: what
 * commits meanwhile is not in it, and the hub's own connections are not held up); the connection closes when
 * the iteration ends.
 */
function exportRecords(path: string): HubExport {
  if (path === ':memory:') throw new Error('an in-memory store has no file to export from');
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    // The first read fixes the transaction's snapshot: the counts and every record come from it.
    db.prepare('BEGIN').run();
    const count = (sql: string) => db.prepare<unknown[], { n: number }>(`SELECT COUNT(*) AS n FROM (${sql})`).get()!.n;
    const total = count('SELECT seq FROM changes') + EXPORTED.reduce((sum, { sql }) => sum + count(sql), 0);
    return {
      total,
      async *[Symbol.asyncIterator]() {
        try {
          yield* loggedChanges(db);
          for (const { sql, record } of EXPORTED) for (const r of db.prepare(sql).iterate()) yield record(r as never);
        } finally {
          db.close();
        }
      },
    };
  } catch (err) {
    db.close();
    throw err;
  }
}

/**
 * Runs a synchronous read one call at a time, each after a turn of the event loop: a report asks for its
 * statements all at once (PostgreSQL runs them side by side), and run back to back they would hold up every other
 * request of the hub for the whole report rather than one statement.
 */
function oneTurnEach<A extends unknown[], R>(read: (...args: A) => R): (...args: A) => Promise<R> {
  let last: Promise<unknown> = Promise.resolve();
  return (...args) => {
    const next = last.then(() => new Promise((resolve) => setImmediate(resolve))).then(() => read(...args));
    last = next.catch(() => {});
    return next;
  };
}

/** The SQLite store, which can also be read out whole to move a hub to another engine (see copyHubStore.ts). */
export interface SqliteStore extends HubStore {
  exportRecords(): HubExport;
}

/**
 * Opens (creating and migrating if needed) the hub's SQLite database in WAL mode. Writes go through one
 * connection, one transaction at a time (`BEGIN IMMEDIATE`); reads outside a transaction use a second,
 * read-only connection, so they see committed state only, never a transaction in progress.
 */
export function openSqliteStore(path: string): SqliteStore {
  // Customer records and message history: readable by the hub's own account only, like its token key.
  ownerOnlyDatabase(path);
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  const writer = sqliteOps(db);
  // An in-memory database exists on its one connection only.
  const readDb = path === ':memory:' ? db : new Database(path, { readonly: true, fileMustExist: true });
  readDb.pragma('busy_timeout = 5000');
  const reader = readDb === db ? writer : sqliteOps(readDb);
  const lock = createLock();
  // Prepared once: compiling BEGIN and COMMIT for every transaction shows in the ingestion profile.
  const [begin, commit, rollback] = ['BEGIN IMMEDIATE', 'COMMIT', 'ROLLBACK'].map((sql) => db.prepare(sql));

  const write: HubStore['write'] = (fn) =>
    lock(async () => {
      begin.run();
      let open = true;
      let last = 0;
      const ops = asyncOps(writer, () => {
        if (!open) throw new Error('this transaction has ended: await every store call inside write()');
      });
      const tx = {
        ...ops,
        put: async (entity: EntityName, row: EntityRow<EntityName>, audience: readonly string[]) => (last = await ops.put(entity, row, audience)),
        putMany: async (entity: EntityName, rows: ReadonlyArray<{ row: EntityRow<EntityName>; audience: readonly string[] }>) => {
          await ops.putMany(entity, rows);
          last = writer.head();
        },
        remove: async (entity: EntityName, id: string, audience: readonly string[]) => (last = await ops.remove(entity, id, audience)),
        lastSeq: () => last,
      } as unknown as StoreTx;
      try {
        const result = await fn(tx);
        open = false;
        commit.run();
        return result;
      } catch (err) {
        open = false;
        if (db.inTransaction) rollback.run();
        throw err;
      }
    });

  return {
    ...(asyncOps(reader) as unknown as Pick<HubStore, keyof StoreReads | 'pull' | 'snapshot' | 'changesAfter'>),
    reportRows: oneTurnEach(reader.reportRows),
    // One process writes a SQLite file: every commit is this process's own.
    sharedByNodes: false,
    onCommitElsewhere: () => null,
    write,
    exportRecords: () => exportRecords(path),
    async close() {
      await lock(async () => {});
      if (readDb !== db) readDb.close();
      db.close();
    },
  };
}
