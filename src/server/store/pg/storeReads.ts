import { identityKey, identityMapKey, type Case, type Customer, type IdentityKind, type Staff } from '../../../shared/domain';
import { ENTITY_NAMES, type Change, type EntityName } from '../../../shared/protocol';
import { auditSql } from '../auditSql';
import type { AttachmentHolder, AuditFilter, CallRecord, SessionRecord, StoreReads, StoredAttachment, SurveyRecord, VisitorRecord } from '../hubStore';
import type { Run, Statement } from './run';
import { pgReportReads } from './reportReads';
import { ROW_TABLES } from './rowTables';
import { pgVocReads } from './vocReads';

export type StoredRow = { id: string; seq: number; data: string };
export const asChange = (entity: EntityName, r: StoredRow): Change =>
  ({ seq: r.seq, entity, op: 'upsert', id: r.id, data: JSON.parse(r.data) }) as Change;

const perEntity = (sql: (table: string) => string, prefix: string) =>
  Object.fromEntries(ENTITY_NAMES.map((e) => [e, { name: `${prefix}-${e}`, text: sql(ROW_TABLES[e].table) }])) as Record<EntityName, Statement>;
const GET = perEntity((t) => `SELECT data FROM ${t} WHERE id = $1`, 'get');
const ROW = perEntity((t) => `SELECT id, seq, data FROM ${t} WHERE id = $1`, 'row');
const ALL = perEntity((t) => `SELECT data FROM ${t} ORDER BY id`, 'all');

/** Identities per statement of `customersByIdentities`: two arrays of a few thousand values make a small message. */
const IDENTITIES_PER_QUERY = 5_000;

const CUSTOMER_BY_IDENTITY = 'SELECT c.data FROM customer_identities i JOIN customers c ON c.id = i.customer_id';
const S = {
  identity: { name: 'identity', text: `${CUSTOMER_BY_IDENTITY} WHERE i.kind = $1 AND i.value = $2` },
  // Each wanted identity probes the (kind, value) primary key: LIMIT 1 (an identity has one holder) keeps the
  // planner from hashing the whole identity table for every few thousand identities asked.
  identities: {
    name: 'identities',
    text: `SELECT w.kind, w.value, c.id, c.data FROM unnest($1::text[], $2::text[]) AS w(kind, value)
           CROSS JOIN LATERAL (SELECT customer_id FROM customer_identities i WHERE i.kind = w.kind AND i.value = w.value LIMIT 1) i
           JOIN customers c ON c.id = i.customer_id`,
  },
  // Phones typed without a country code match by their last digits: a prefix of the reversed number.
  phoneEnding: { name: 'phone-ending', text: `${CUSTOMER_BY_IDENTITY} WHERE i.kind = 'phone' AND reverse(i.value) >= $1 AND reverse(i.value) < $2 LIMIT $3` },
  named: {
    name: 'named',
    text: `SELECT data FROM customers WHERE id IN (SELECT customer_id FROM customer_name_starts WHERE start >= $1 AND start < $2)
           ORDER BY name_fold, id LIMIT $3`,
  },
  sample: { name: 'sample', text: 'SELECT data FROM customers WHERE NOT merged ORDER BY random() LIMIT $1' },
  casesOfCustomer: { name: 'cases-of-customer', text: 'SELECT data FROM cases WHERE customer_id = $1 ORDER BY updated_at DESC' },
  openCasesOfAssignee: {
    name: 'open-cases-of-assignee',
    text: "SELECT data FROM cases WHERE assignee_id = $1 AND status IN ('new', 'open', 'pending') ORDER BY created_at",
  },
  openCasesOfQueue: {
    name: 'open-cases-of-queue',
    text: "SELECT data FROM cases WHERE queue_id = $1 AND status IN ('new', 'open', 'pending') ORDER BY created_at",
  },
  waiting: {
    name: 'waiting',
    text: "SELECT data FROM cases WHERE queue_id = $1 AND status IN ('new', 'open') AND assignee_id IS NULL ORDER BY created_at LIMIT $2",
  },
  caseOfMessage: {
    name: 'case-of-message',
    text: 'SELECT case_id FROM interactions WHERE message_id = ANY($1::text[]) ORDER BY created_at DESC, id DESC LIMIT 1',
  },
  interactions: { name: 'interactions', text: 'SELECT data FROM interactions WHERE case_id = $1 ORDER BY created_at, id' },
  load: { name: 'load', text: "SELECT count(*) AS n FROM cases WHERE assignee_id = $1 AND status IN ('new', 'open') AND last_channel = $2" },
  overdue: { name: 'overdue', text: 'SELECT data FROM cases WHERE due_at IS NOT NULL AND due_at <= $1 ORDER BY due_at LIMIT $2' },
  openAlertOfCase: { name: 'open-alert-of-case', text: "SELECT data FROM alerts WHERE case_id = $1 AND status <> 'closed' LIMIT 1" },
  raisedAlerts: { name: 'raised-alerts', text: "SELECT data FROM alerts WHERE status = 'raised' ORDER BY raised_at" },
  dueDeliveries: {
    name: 'due-deliveries',
    text: "SELECT data FROM deliveries WHERE status = 'queued' AND next_attempt_at <= $1 ORDER BY next_attempt_at, id LIMIT $2",
  },
  deliveryByProvider: { name: 'delivery-by-provider', text: 'SELECT data FROM deliveries WHERE provider_message_id = $1 ORDER BY id LIMIT 1' },
  credentials: { name: 'credentials', text: 'SELECT data, password_hash, must_change_password FROM staff WHERE username = $1' },
  lastAssigned: { name: 'last-assigned', text: 'SELECT id, last_assigned_at AS t FROM staff WHERE id = ANY($1::text[]) AND last_assigned_at IS NOT NULL' },
  // The case first, then its customer, its timeline in order, its survey answers and its deliveries.
  caseRows: {
    name: 'case-rows',
    text: `SELECT 'case' AS entity, id, seq, data, 0 AS part, 0::bigint AS at FROM cases WHERE id = $1
           UNION ALL SELECT 'customer', id, seq, data, 1, 0 FROM customers WHERE id = (SELECT customer_id FROM cases WHERE id = $1)
           UNION ALL SELECT 'interaction', id, seq, data, 2, created_at FROM interactions WHERE case_id = $1
           UNION ALL SELECT 'csat', id, seq, data, 3, 0 FROM csat WHERE case_id = $1
           UNION ALL SELECT 'delivery', id, seq, data, 4, 0 FROM deliveries WHERE case_id = $1
           ORDER BY part, at, id`,
  },
  call: { name: 'call', text: 'SELECT data FROM calls WHERE id = $1' },
  // The expressions of the calls_live index (migration 0009), so that it serves the query.
  liveCalls: {
    name: 'live-calls',
    text: "SELECT data FROM calls WHERE (data::jsonb ->> 'offeredTo') = $1 AND (data::jsonb ->> 'state') IN ('ringing', 'answered')",
  },
  awaitingSurvey: {
    name: 'awaiting-survey',
    text: 'SELECT c.data FROM surveys s JOIN cases c ON c.id = s.case_id WHERE s.answered_at IS NULL ORDER BY s.sent_at DESC LIMIT $1',
  },
  // Surveys sent before links had tokens have no link to be answered by: sent again, they get one.
  survey: { name: 'survey', text: 'SELECT case_id, token, sent_at, answered_at FROM surveys WHERE case_id = $1' },
  surveyByToken: { name: 'survey-by-token', text: 'SELECT case_id, token, sent_at, answered_at FROM surveys WHERE token = $1' },
  visitor: { name: 'visitor', text: 'SELECT data FROM visitors WHERE id = $1' },
  visitorByToken: { name: 'visitor-by-token', text: 'SELECT data FROM visitors WHERE token_hash = $1' },
  visitorOfCase: { name: 'visitor-of-case', text: 'SELECT data FROM visitors WHERE case_id = $1 ORDER BY created_at DESC, id DESC LIMIT 1' },
  deflectionCounts: {
    name: 'deflection-counts',
    text: `SELECT queue_id AS "queueId", article_id AS "articleId", count(*) AS count FROM deflections WHERE at >= $1
           GROUP BY queue_id, article_id ORDER BY queue_id, count DESC, article_id`,
  },
  conversationCounts: {
    name: 'conversation-counts',
    text: 'SELECT queue_id AS "queueId", count(*) AS count FROM visitors WHERE created_at >= $1 AND case_id IS NOT NULL GROUP BY queue_id ORDER BY queue_id',
  },
  sessionById: { name: 'session-by-id', text: 'SELECT * FROM sessions WHERE id = $1' },
  sessionByHash: { name: 'session-by-hash', text: 'SELECT * FROM sessions WHERE refresh_hash = $1' },
  openSessionsOf: { name: 'open-sessions-of', text: 'SELECT id FROM sessions WHERE staff_id = $1 AND revoked_at IS NULL ORDER BY id' },
  sessionByRetired: { name: 'session-by-retired', text: 'SELECT s.* FROM retired_refresh r JOIN sessions s ON s.id = r.session_id WHERE r.hash = $1' },
  meta: { name: 'meta', text: 'SELECT value FROM meta WHERE key = $1' },
  attachment: { name: 'attachment', text: 'SELECT sha256, type, size, at FROM attachments WHERE sha256 = $1' },
  attachmentBytes: { name: 'attachment-bytes', text: 'SELECT bytes FROM attachments WHERE sha256 = $1' },
  attachmentHolders: { name: 'attachment-holders', text: 'SELECT holder FROM attachment_holders WHERE sha256 = $1 ORDER BY holder' },
  isServing: { name: 'is-serving', text: 'SELECT 1 FROM serving WHERE staff_id = $1 AND customer_id = $2 AND until > $3' },
} satisfies Record<string, Statement>;

/** The audit query as a named prepared statement, one per combination of conditions (see auditSql). */
function auditQuery(f: AuditFilter): [Statement, unknown[]] {
  const { key, text, values } = auditSql(f, (i) => `$${i}`);
  return [{ name: `audit-${key}`, text }, values];
}

/**
 * The bounds of the strings that start with `prefix`, byte-wise (COLLATE "C"): [prefix, the prefix with its last
 * code point raised by one), so the search is an index range whatever the prefix.
 */
function prefixRange(prefix: string): [string, string] {
  const points = [...prefix];
  while (points.length > 0) {
    const last = points.pop()!.codePointAt(0)! + 1;
    if (last <= 0x10ffff) return [prefix, points.join('') + String.fromCodePoint(last >= 0xd800 && last <= 0xdfff ? 0xe000 : last)];
  }
  return [prefix, String.fromCodePoint(0x10ffff)];
}

type SessionRow = { id: string; staff_id: string; refresh_hash: string; refresh_expires_at: number; created_at: number; revoked_at: number | null };
const toSession = (r: SessionRow | undefined): SessionRecord | null =>
  r
    ? { id: r.id, staffId: r.staff_id, refreshHash: r.refresh_hash, refreshExpiresAt: r.refresh_expires_at, createdAt: r.created_at, revokedAt: r.revoked_at }
    : null;

type SurveyRow = { case_id: string; token: string; sent_at: number; answered_at: number | null };
const toSurvey = (r: SurveyRow | undefined): SurveyRecord | null => (r ? { caseId: r.case_id, token: r.token, sentAt: r.sent_at, answeredAt: r.answered_at } : null);

/** Every read but `head` (which a write transaction answers itself), on `run`. */
export function storeReads(run: Run): Omit<StoreReads, 'head'> {
  const data = async <T>(statement: Statement, values: unknown[]): Promise<T[]> =>
    (await run<{ data: string }>(statement, values)).map((r) => JSON.parse(r.data) as T);
  const one = async <T>(statement: Statement, values: unknown[]): Promise<T | null> => (await data<T>(statement, values))[0] ?? null;

  return {
    ...pgReportReads(run),
    get: (entity, id) => one(GET[entity], [id]),
    ...pgVocReads(run),
    async row(entity, id) {
      const [r] = await run<StoredRow>(ROW[entity], [id]);
      return r ? asChange(entity, r) : null;
    },
    all: (entity) => data(ALL[entity], []),

    findCustomerByIdentity: (kind, value) => one(S.identity, [kind, identityKey(kind, value)]),
    async customersByIdentities(identities) {
      const out = new Map<string, Customer>();
      // A customer found by several identities is parsed once.
      const parsed = new Map<string, Customer>();
      for (let i = 0; i < identities.length; i += IDENTITIES_PER_QUERY) {
        const chunk = identities.slice(i, i + IDENTITIES_PER_QUERY);
        const found = await run<{ kind: IdentityKind; value: string; id: string; data: string }>(S.identities, [
          chunk.map(([kind]) => kind),
          chunk.map(([kind, value]) => identityKey(kind, value)),
        ]);
        for (const r of found) {
          const owner = parsed.get(r.id) ?? (JSON.parse(r.data) as Customer);
          parsed.set(r.id, owner);
          out.set(identityMapKey(r.kind, r.value), owner);
        }
      }
      return out;
    },
    customersByPhoneEnding: (digits, limit) => data(S.phoneEnding, [...prefixRange([...digits].reverse().join('')), limit]),
    customersNamed: (folded, limit) => data(S.named, [...prefixRange(folded), limit]),
    casesOfCustomer: (customerId) => data(S.casesOfCustomer, [customerId]),
    sampleCustomers: (n) => data(S.sample, [n]),
    openCasesOfAssignee: (staffId) => data(S.openCasesOfAssignee, [staffId]),
    openCasesOfQueue: (queueId) => data(S.openCasesOfQueue, [queueId]),
    waitingCases: (queueId, limit) => data(S.waiting, [queueId, limit]),
    interactionsOfCase: (caseId) => data(S.interactions, [caseId]),
    caseOfMessage: async (messageIds) => (await run<{ case_id: string }>(S.caseOfMessage, [messageIds]))[0]?.case_id ?? null,
    loadOf: async (staffId, channel) => (await run<{ n: number }>(S.load, [staffId, channel]))[0].n,
    overdueCases: (now, limit) => data(S.overdue, [now, limit]),

    openAlertOfCase: (caseId) => one(S.openAlertOfCase, [caseId]),
    raisedAlerts: () => data(S.raisedAlerts, []),
    dueDeliveries: (now, limit) => data(S.dueDeliveries, [now, limit]),
    deliveryByProviderMessageId: (id) => one(S.deliveryByProvider, [id]),

    async staffCredentials(username) {
      const [r] = await run<{ data: string; password_hash: string; must_change_password: boolean }>(S.credentials, [username]);
      return r ? { staff: JSON.parse(r.data) as Staff, passwordHash: r.password_hash, mustChangePassword: r.must_change_password } : null;
    },
    lastAssignedAt: async (staffIds) => new Map((await run<{ id: string; t: number }>(S.lastAssigned, [staffIds])).map((r) => [r.id, r.t])),

    async caseRows(caseId) {
      const rows = await run<StoredRow & { entity: EntityName }>(S.caseRows, [caseId]);
      return rows[0]?.entity === 'case' ? rows.map((r) => asChange(r.entity, r)) : [];
    },

    call: (callId) => one<CallRecord>(S.call, [callId]),
    liveCallsOf: (staffId) => data<CallRecord>(S.liveCalls, [staffId]),
    casesAwaitingSurvey: (limit) => data<Case>(S.awaitingSurvey, [limit]),
    survey: async (caseId) => toSurvey((await run<SurveyRow>(S.survey, [caseId]))[0]),
    surveyByToken: async (token) => toSurvey((await run<SurveyRow>(S.surveyByToken, [token]))[0]),
    queryAudit: (filter) => data(...auditQuery(filter)),

    sessionById: async (id) => toSession((await run<SessionRow>(S.sessionById, [id]))[0]),
    sessionByRefreshHash: async (hash) => toSession((await run<SessionRow>(S.sessionByHash, [hash]))[0]),
    sessionByRetiredRefresh: async (hash) => toSession((await run<SessionRow>(S.sessionByRetired, [hash]))[0]),
    openSessionsOf: async (staffId) => (await run<{ id: string }>(S.openSessionsOf, [staffId])).map((r) => r.id),
    isServing: async (staffId, customerId, now) => (await run(S.isServing, [staffId, customerId, now])).length > 0,
    meta: async (key) => (await run<{ value: string }>(S.meta, [key]))[0]?.value ?? null,
    attachment: async (sha256) => (await run<StoredAttachment>(S.attachment, [sha256]))[0] ?? null,
    attachmentBytes: async (sha256) => (await run<{ bytes: Buffer }>(S.attachmentBytes, [sha256]))[0]?.bytes ?? null,
    attachmentHolders: async (sha256) => (await run<{ holder: AttachmentHolder }>(S.attachmentHolders, [sha256])).map((r) => r.holder),
    visitor: (id) => one<VisitorRecord>(S.visitor, [id]),
    visitorByTokenHash: (hash) => one<VisitorRecord>(S.visitorByToken, [hash]),
    visitorOfCase: (caseId) => one<VisitorRecord>(S.visitorOfCase, [caseId]),
    async selfServiceCounts(since) {
      const [deflected, conversations] = await Promise.all([
        run<{ queueId: string; articleId: string; count: number }>(S.deflectionCounts, [since]),
        run<{ queueId: string; count: number }>(S.conversationCounts, [since]),
      ]);
      return { deflected, conversations };
    },
  };
}
