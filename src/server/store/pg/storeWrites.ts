import type { StoreWrites } from '../hubStore';
import type { Run, Statement } from './run';

/** Sends a statement whose answer nobody waits for: its failure fails the transaction when it commits. */
export type Send = (statement: Statement, values: unknown[]) => void;

const S = {
  setPasswordHash: { name: 'set-password-hash', text: 'UPDATE staff SET password_hash = $1, must_change_password = $3 WHERE id = $2' },
  setLastAssignedAt: { name: 'set-last-assigned', text: 'UPDATE staff SET last_assigned_at = $1 WHERE id = $2' },
  // A claim is a row whose result the same transaction fills in. The SELECT sees the table as it was before the
  // statement: a new claim returns nothing, an old one its result.
  claimMutation: {
    name: 'claim-mutation',
    text: `WITH claimed AS (INSERT INTO mutations (staff_id, mutation_id, result, at) VALUES ($1, $2, '', $3) ON CONFLICT DO NOTHING RETURNING 1)
           SELECT result FROM mutations WHERE staff_id = $1 AND mutation_id = $2 AND NOT EXISTS (SELECT 1 FROM claimed)`,
  },
  saveMutation: { name: 'save-mutation', text: 'UPDATE mutations SET result = $3 WHERE staff_id = $1 AND mutation_id = $2' },
  claimInbound: {
    name: 'claim-inbound',
    text: `WITH claimed AS (INSERT INTO inbound (external_id, result, at) VALUES ($1, '', $2) ON CONFLICT DO NOTHING RETURNING 1)
           SELECT result FROM inbound WHERE external_id = $1 AND NOT EXISTS (SELECT 1 FROM claimed)`,
  },
  saveInbound: { name: 'save-inbound', text: 'UPDATE inbound SET result = $2 WHERE external_id = $1' },
  saveCall: { name: 'save-call', text: 'INSERT INTO calls (id, data) VALUES ($1, $2) ON CONFLICT (id) DO UPDATE SET data = excluded.data' },
  // A survey sent again keeps its link (the token first given) and any answer: the customer may still change it.
  surveySent: {
    name: 'survey-sent',
    text: `INSERT INTO surveys (case_id, sent_at, token) VALUES ($1, $2, $3)
           ON CONFLICT (case_id) DO UPDATE SET sent_at = excluded.sent_at, token = COALESCE(surveys.token, excluded.token)`,
  },
  surveyAnswered: { name: 'survey-answered', text: 'UPDATE surveys SET answered_at = $2 WHERE case_id = $1 AND answered_at IS NULL RETURNING 1' },
  appendAudit: { name: 'append-audit', text: 'INSERT INTO audit (id, at, actor_id, action, queue_id, case_id, data) VALUES ($1, $2, $3, $4, $5, $6, $7)' },
  saveVisitor: {
    name: 'save-visitor',
    text: `INSERT INTO visitors (id, token_hash, queue_id, case_id, created_at, data) VALUES ($1, $2, $3, $4, $5, $6)
           ON CONFLICT (id) DO UPDATE SET token_hash = excluded.token_hash, queue_id = excluded.queue_id, case_id = excluded.case_id, data = excluded.data`,
  },
  recordDeflection: {
    name: 'record-deflection',
    text: 'INSERT INTO deflections (id, queue_id, lang, article_id, visitor_id, at) VALUES ($1, $2, $3, $4, $5, $6)',
  },
  createSession: {
    name: 'create-session',
    text: 'INSERT INTO sessions (id, staff_id, refresh_hash, refresh_expires_at, created_at) VALUES ($1, $2, $3, $4, $5)',
  },
  // Compare and swap; the old token is remembered until it would have expired, and long-expired ones are let go.
  rotateRefresh: {
    name: 'rotate-refresh',
    text: `WITH old AS (SELECT refresh_expires_at FROM sessions WHERE id = $1 AND refresh_hash = $2),
           rotated AS (UPDATE sessions SET refresh_hash = $3, refresh_expires_at = $4 WHERE id = $1 AND refresh_hash = $2 RETURNING 1),
           pruned AS (DELETE FROM retired_refresh WHERE expires_at < $5 AND EXISTS (SELECT 1 FROM rotated)),
           retired AS (INSERT INTO retired_refresh (hash, session_id, expires_at) SELECT $2, $1, refresh_expires_at FROM old
                       WHERE EXISTS (SELECT 1 FROM rotated) ON CONFLICT DO NOTHING)
           SELECT 1 FROM rotated`,
  },
  revokeSession: { name: 'revoke-session', text: 'UPDATE sessions SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL' },
  revokeSessionsOfStaff: {
    name: 'revoke-sessions-of-staff',
    text: 'UPDATE sessions SET revoked_at = $2 WHERE staff_id = $1 AND revoked_at IS NULL RETURNING id',
  },
  // Records older than a day go (all but this one, which the upsert keeps at the later of its two ends).
  startServing: {
    name: 'start-serving',
    text: `WITH pruned AS (DELETE FROM serving WHERE until < $3::bigint - 86400000 AND NOT (staff_id = $1 AND customer_id = $2))
           INSERT INTO serving (staff_id, customer_id, until) VALUES ($1, $2, $3)
           ON CONFLICT (staff_id, customer_id) DO UPDATE SET until = GREATEST(serving.until, excluded.until)`,
  },
  // The value that holds: this one if the key was free, else the one set first (whichever node got there).
  claimMeta: {
    name: 'claim-meta',
    text: `WITH claimed AS (INSERT INTO meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING RETURNING value)
           SELECT value FROM claimed UNION ALL SELECT value FROM meta WHERE key = $1`,
  },
  setMeta: { name: 'set-meta', text: 'INSERT INTO meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value' },
  deleteMeta: { name: 'delete-meta', text: 'DELETE FROM meta WHERE key = $1' },
  putAttachment: {
    name: 'put-attachment',
    text: 'INSERT INTO attachments (sha256, type, size, at, bytes) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (sha256) DO NOTHING',
  },
  holdAttachment: { name: 'hold-attachment', text: 'INSERT INTO attachment_holders (sha256, holder) VALUES ($1, $2) ON CONFLICT DO NOTHING' },
};

/**
 * Every write but those that log changes (which the write transaction numbers itself): those that answer
 * something on `run`, the others sent on `send` without waiting.
 */
export function storeWrites(run: Run, send: Send): Omit<StoreWrites, 'put' | 'putMany' | 'remove'> {
  const claim = async (statement: { name: string; text: string }, values: unknown[]) => {
    const [old] = await run<{ result: string }>(statement, values);
    return old ? (JSON.parse(old.result) as unknown) : null;
  };
  return {
    setPasswordHash: async (staffId, hash, mustChange = false) => send(S.setPasswordHash, [hash, staffId, mustChange]),
    setLastAssignedAt: async (staffId, at) => send(S.setLastAssignedAt, [at, staffId]),
    claimMutation: (staffId, mutationId, at) => claim(S.claimMutation, [staffId, mutationId, at]),
    saveMutationResult: async (staffId, mutationId, result) => send(S.saveMutation, [staffId, mutationId, JSON.stringify(result)]),
    claimInbound: (externalId, at) => claim(S.claimInbound, [externalId, at]),
    saveInboundResult: async (externalId, result) => send(S.saveInbound, [externalId, JSON.stringify(result)]),
    saveCall: async (call) => send(S.saveCall, [call.callId, JSON.stringify(call)]),
    surveySent: async (caseId, at, token) => send(S.surveySent, [caseId, at, token]),
    surveyAnswered: async (caseId, at) => (await run(S.surveyAnswered, [caseId, at])).length > 0,
    saveVisitor: async (v) => send(S.saveVisitor, [v.id, v.tokenHash, v.queueId, v.caseId, v.createdAt, JSON.stringify(v)]),
    recordDeflection: async (d) => send(S.recordDeflection, [d.id, d.queueId, d.lang, d.articleId, d.visitorId, d.at]),
    appendAudit: async (e) => send(S.appendAudit, [e.id, e.at, e.actorId, e.action, e.queueId, e.caseId, JSON.stringify(e)]),
    createSession: async (s) => send(S.createSession, [s.id, s.staffId, s.refreshHash, s.refreshExpiresAt, s.createdAt]),
    rotateRefresh: async (id, fromHash, toHash, expiresAt, now) => (await run(S.rotateRefresh, [id, fromHash, toHash, expiresAt, now])).length > 0,
    revokeSession: async (id, at) => send(S.revokeSession, [id, at]),
    revokeSessionsOfStaff: async (staffId, at) => (await run<{ id: string }>(S.revokeSessionsOfStaff, [staffId, at])).map((r) => r.id),
    startServing: async (staffId, customerId, until) => send(S.startServing, [staffId, customerId, until]),
    claimMeta: async (key, value) => (await run<{ value: string }>(S.claimMeta, [key, value]))[0].value,
    setMeta: async (key, value) => send(S.setMeta, [key, value]),
    deleteMeta: async (key) => send(S.deleteMeta, [key]),
    putAttachment: async (file, bytes) => send(S.putAttachment, [file.sha256, file.type, file.size, file.at, bytes]),
    holdAttachment: async (sha256, holder) => send(S.holdAttachment, [sha256, holder]),
  };
}
