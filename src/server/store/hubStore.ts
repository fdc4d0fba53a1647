import type {
  Alert,
  AttachmentType,
  AuditEntry,
  Case,
  Channel,
  Customer,
  Delivery,
  IdentityKind,
  Interaction,
  Lang,
  Staff,
} from '../../shared/domain';
import type { Change, EntityName, EntityRow, SnapshotPhase } from '../../shared/protocol';
import type { ReportReads } from './reportReads';
import type { SnapshotHistory } from './storeRules';
import type { VocReads } from './vocReads';


/** What a reader may see, as audience keys ('q:<queue>', 's:<staff>', 'st:<store>', '*'), or everything. */
export type AudienceFilter = { all: true } | { all: false; keys: string[] };

/** Which cases a snapshot covers. */
export interface CaseScope {
  all: boolean;
  /** Only cases and what hangs off them (a queue just joined): no reference data, alerts or held replies. */
  casesOnly?: boolean;
  queueIds: string[];
  staffId: string;
  storeId: string | null;
}

export interface SnapshotPage {
  rows: Change[];
  after: string | null;
  hwm: number;
  total: number;
  done: boolean;
  /** Phased snapshots only (see SnapshotResponseSchema). */
  phase?: SnapshotPhase;
  historySince?: number;
  readyAt?: number;
}

export interface SessionRecord {
  id: string;
  staffId: string;
  refreshHash: string;
  refreshExpiresAt: number;
  createdAt: number;
  revokedAt: number | null;
}

export interface CallRecord {
  callId: string;
  phone: string;
  customerId: string | null;
  caseId: string | null;
  /** Who the call rings for now (null: nobody, or nobody left: it waits to end as a missed call). */
  offeredTo: string | null;
  state: 'ringing' | 'answered' | 'ended';
  at: number;
  /** The phone queue it rings in: who may be offered it next (absent on calls recorded before offers moved on). */
  queueId?: string;
  /** Who declined it or let it ring out: never offered it again. */
  declinedBy?: string[];
  /** Counts the offers made: a ring-out timer acts only on the offer it was set for. */
  offerNo?: number;
  /** Who answered (on the workstation, or as the connector reported). */
  answeredBy?: string | null;
}

/** Which entries of the trail, newest first (see store/auditSql.ts): every condition given must hold. */
export interface AuditFilter {
  actorId?: string;
  queueId?: string;
  caseId?: string;
  /** Any of these actions. */
  actions?: readonly string[];
  /** From this time on (inclusive)... */
  from?: number;
  /** ...until this time (exclusive). */
  to?: number;
  /** Paging: older than this time, or at it with an id before `beforeId` (the last entry of the page before). */
  before?: number;
  beforeId?: string;
  limit: number;
}

/** A file as the hub keeps it: once, under the SHA-256 of its bytes (see src/shared/domain/attachment.ts). */
export interface StoredAttachment {
  sha256: string;
  type: AttachmentType;
  size: number;
  /** When it was first stored. */
  at: number;
}

/**
 * Who may reach a stored file: a case whose timeline refers to it (people who may see the case may read it), or
 * the person who uploaded it (who may attach it to a reply before any case refers to it).
 */
export type AttachmentHolder = `case:${string}` | `staff:${string}` | `visitor:${string}`;

/**
 * A web chat visitor's session (see src/shared/protocol/webchat.ts): hub-private, never in the change feed. Only
 * the SHA-256 of its token is kept.
 */
export interface VisitorRecord {
  id: string;
  tokenHash: string;
  queueId: string;
  /** The shop origin it was started from. */
  origin: string;
  lang: Lang;
  /** The customer it is matched to (signed identity, a left email or phone, or the record made for it), once known. */
  customerId: string | null;
  /** The conversation's case, once the visitor wrote. */
  caseId: string | null;
  /** What the visitor told us (`visitor:contact`, a left message): used as the sender of their next messages. */
  contact: { email?: string; phone?: string; name?: string };
  /** Pages visited, oldest first, at most 20. */
  pages: Array<{ url: string; title: string; at: number }>;
  /** When an agent last had the conversation open: the visitor's messages written before it show as read. */
  agentSeenAt?: number;
  createdAt: number;
  lastSeenAt: number;
}

/** A case's 1-10 survey: its link's token (unguessable, one per case), when it went out and was first answered. */
export interface SurveyRecord {
  caseId: string;
  token: string;
  sentAt: number;
  answeredAt: number | null;
}

/** A visitor's question answered by an article ("This answered my question"): self-service, counted for supervisors. */
export interface DeflectionRecord {
  id: string;
  queueId: string;
  lang: Lang;
  articleId: string;
  visitorId: string;
  at: number;
}

/** Reads every engine answers, inside a write transaction (seeing its own writes) or outside (committed state). */
export interface StoreReads extends ReportReads, VocReads {
  /** The newest committed change-log position. */
  head(): Promise<number>;
  get<E extends EntityName>(entity: E, id: string): Promise<EntityRow<E> | null>;
  /** A row as an upsert change with the seq of its last change, to send like a snapshot row. */
  row(entity: EntityName, id: string): Promise<Change | null>;
  all<E extends 'queue' | 'staff' | 'storeLocation' | 'kb' | 'canned'>(entity: E): Promise<EntityRow<E>[]>;

  findCustomerByIdentity(kind: IdentityKind, value: string): Promise<Customer | null>;
  /**
   * The customers holding any of `identities`, as findCustomerByIdentity finds each (merged customers hold none),
   * keyed by `identityMapKey(kind, value)`; identities nobody holds are absent. Any number, in few statements.
   */
  customersByIdentities(identities: ReadonlyArray<readonly [IdentityKind, string]>): Promise<Map<string, Customer>>;
  /** Customers with a phone ending in `digits` (a national number typed without its country code). */
  customersByPhoneEnding(digits: string, limit: number): Promise<Customer[]>;
  /** Customers whose folded name (see foldText) or a word of it starts with `folded`, by name. */
  customersNamed(folded: string, limit: number): Promise<Customer[]>;
  casesOfCustomer(customerId: string): Promise<Case[]>;
  /** A few customers picked at random (the demo simulator writes as them). */
  sampleCustomers(n: number): Promise<Customer[]>;
  openCasesOfAssignee(staffId: string): Promise<Case[]>;
  /** Open cases (new, open or pending) of a queue, assigned or not, oldest first. */
  openCasesOfQueue(queueId: string): Promise<Case[]>;
  /** Unassigned open cases of a queue, oldest first. */
  waitingCases(queueId: string, limit: number): Promise<Case[]>;
  interactionsOfCase(caseId: string): Promise<Interaction[]>;
  /**
   * The case of the newest interaction whose `meta.messageId` is one of `messageIds` (an email's In-Reply-To and
   * References), or null: where a reply threads to.
   */
  caseOfMessage(messageIds: readonly string[]): Promise<string | null>;
  /** Open cases (new or open) a person holds on one channel: routing capacity. */
  loadOf(staffId: string, channel: Channel): Promise<number>;
  /** Cases whose reply is overdue and not yet flagged. */
  overdueCases(now: number, limit: number): Promise<Case[]>;

  /** The case's alert that is not closed yet, if any: one open alert per case is enough. */
  openAlertOfCase(caseId: string): Promise<Alert | null>;
  /** Alerts nobody has acknowledged yet, oldest first (escalation). */
  raisedAlerts(): Promise<Alert[]>;

  /** Queued deliveries whose next attempt is due at `now`, the longest due first, at most `limit` (the worker's claim). */
  dueDeliveries(now: number, limit: number): Promise<Delivery[]>;
  /** The delivery a channel knows by its own id of the message (a receipt naming it so), or null. */
  deliveryByProviderMessageId(providerMessageId: string): Promise<Delivery | null>;

  /** A person's password hash, and whether they must change the password at their next sign-in. */
  staffCredentials(username: string): Promise<{ staff: Staff; passwordHash: string; mustChangePassword: boolean } | null>;
  /** When each of these people was last given a case (routing's idle order); people never given one are absent. */
  lastAssignedAt(staffIds: readonly string[]): Promise<Map<string, number>>;

  /** A case, its customer, its timeline, its survey answers and its deliveries, as rows with their seq. */
  caseRows(caseId: string): Promise<Change[]>;

  call(callId: string): Promise<CallRecord | null>;
  /** Calls ringing for or answered by a person now: each takes a place of their room on the phone channel. */
  liveCallsOf(staffId: string): Promise<CallRecord[]>;
  casesAwaitingSurvey(limit: number): Promise<Case[]>;
  /** A case's survey, or null when none was sent. */
  survey(caseId: string): Promise<SurveyRecord | null>;
  /** The survey a link's token belongs to, or null. */
  surveyByToken(token: string): Promise<SurveyRecord | null>;
  queryAudit(filter: AuditFilter): Promise<AuditEntry[]>;

  sessionById(id: string): Promise<SessionRecord | null>;
  sessionByRefreshHash(hash: string): Promise<SessionRecord | null>;
  /** The session a rotated-away refresh token belonged to, if it is still remembered. */
  sessionByRetiredRefresh(hash: string): Promise<SessionRecord | null>;
  /** Ids of a person's sessions not revoked yet (a password change ends all but the one it came from). */
  openSessionsOf(staffId: string): Promise<string[]>;
  /** Whether a person is serving a customer at `now` (see continuation.ts). */
  isServing(staffId: string, customerId: string, now: number): Promise<boolean>;
  /** A value the hub keeps about itself (how it was seeded, the key that signs sessions), or null. */
  meta(key: string): Promise<string | null>;

  /** A stored file's type and size, without its bytes, or null when the hub has no file with that hash. */
  attachment(sha256: string): Promise<StoredAttachment | null>;
  /** A visitor session by its id, or null. */
  visitor(id: string): Promise<VisitorRecord | null>;
  /** A visitor session by the SHA-256 (hex) of its token, or null. */
  visitorByTokenHash(tokenHash: string): Promise<VisitorRecord | null>;
  /** The newest visitor session on a case (whom the case's web chat replies and typing go to), or null. */
  visitorOfCase(caseId: string): Promise<VisitorRecord | null>;
  /**
   * Since `since`: questions self-service answered, counted by queue and article, and web chat visitors who
   * went on to write to a queue (sessions started then that have a case), by queue.
   */
  selfServiceCounts(since: number): Promise<{
    deflected: Array<{ queueId: string; articleId: string; count: number }>;
    conversations: Array<{ queueId: string; count: number }>;
  }>;
  /** A stored file's bytes, or null. */
  attachmentBytes(sha256: string): Promise<Buffer | null>;
  /** Who may reach a stored file (see AttachmentHolder), in order; none for an unknown file. */
  attachmentHolders(sha256: string): Promise<AttachmentHolder[]>;
}

/** Writes, only inside a write transaction (`HubStore.write`). */
export interface StoreWrites {
  /** Writes a row and logs the change for `audience` (see AudienceFilter keys); returns the change's seq. */
  put<E extends EntityName>(entity: E, row: EntityRow<E>, audience: readonly string[]): Promise<number>;
  /** Writes many rows of one entity, each logged for its audience, in order (bulk loads and copies). */
  putMany<E extends EntityName>(entity: E, rows: ReadonlyArray<{ row: EntityRow<E>; audience: readonly string[] }>): Promise<void>;
  /** Removes a row and logs a delete change for `audience`. */
  remove(entity: EntityName, id: string, audience: readonly string[]): Promise<number>;
  /**
   * Sets a person's password hash; `mustChange` (false unless given) makes them change it at their next
   * sign-in, so a password someone chose for themselves clears the demand.
   */
  setPasswordHash(staffId: string, hash: string, mustChange?: boolean): Promise<void>;
  setLastAssignedAt(staffId: string, at: number): Promise<void>;

  /**
   * Claims a person's mutation id (insert if absent): null when it is new, else the result stored for it (ids
   * are the person's own: another's id is another mutation). A new claim is completed by `saveMutationResult`
   * in the same transaction.
   */
  claimMutation(staffId: string, mutationId: string, at: number): Promise<unknown | null>;
  saveMutationResult(staffId: string, mutationId: string, result: unknown): Promise<void>;
  /** The same for a connector's message id: null when new, else the first result. */
  claimInbound(externalId: string, at: number): Promise<unknown | null>;
  saveInboundResult(externalId: string, result: unknown): Promise<void>;

  saveCall(call: CallRecord): Promise<void>;
  /** Records that a case's survey went out (again: `sentAt` moves, the token stays, an answer is kept). */
  surveySent(caseId: string, at: number, token: string): Promise<void>;
  /** Marks a case's survey answered; false when it was answered already. */
  surveyAnswered(caseId: string, at: number): Promise<boolean>;
  appendAudit(entry: AuditEntry): Promise<void>;
  /** Inserts or replaces a visitor session. */
  saveVisitor(visitor: VisitorRecord): Promise<void>;
  recordDeflection(deflection: DeflectionRecord): Promise<void>;

  createSession(s: SessionRecord): Promise<void>;
  /**
   * Replaces a session's refresh token if it is still `fromHash` (compare and swap: false when another refresh
   * got there first) and remembers the old one until it would have expired, so its reuse can be recognised.
   */
  rotateRefresh(id: string, fromHash: string, toHash: string, expiresAt: number, now: number): Promise<boolean>;
  revokeSession(id: string, at: number): Promise<void>;
  /** Ends every session of a person that is not ended yet; returns their ids (to close their connections). */
  revokeSessionsOfStaff(staffId: string, at: number): Promise<string[]>;
  /** Records that a person is serving a customer right now (a call offered to them, a store lookup) until `until`. */
  startServing(staffId: string, customerId: string, until: number): Promise<void>;
  /**
   * Sets a value the hub keeps about itself unless it is set already, and returns the value that holds: with
   * several hub nodes starting at once, the first one's (one seeding, one session key for all).
   */
  claimMeta(key: string, value: string): Promise<string>;
  setMeta(key: string, value: string): Promise<void>;
  deleteMeta(key: string): Promise<void>;

  /** Stores a file unless one with its hash is stored already (the bytes are the same: they have that hash). */
  putAttachment(file: StoredAttachment, bytes: Buffer): Promise<void>;
  /** Records that `holder` may reach a stored file (again is a no-op). */
  holdAttachment(sha256: string, holder: AttachmentHolder): Promise<void>;
}

/** A committed change with its audience keys, as a hub node tailing the log dispatches it. */
export interface LoggedChange {
  change: Change;
  audience: string[];
}

/**
 * Everything a hub store holds, one record at a time, as a copy carries it from one engine to another (see
 * copyHubStore.ts): the change log with each change's audience, the rows as they are now with the seq of their
 * last change, and what the log does not carry (passwords, sessions, stored results, calls, surveys, visitor sessions,
 * self-service answers, the audit log, serving, values about the hub, stored files and who may reach them). Customer identities and name lookups are not records: every engine
 * derives them from the customer rows, as its writes do.
 */
export type HubRecord =
  | ({ kind: 'change' } & LoggedChange)
  | { kind: 'row'; row: Extract<Change, { op: 'upsert' }> }
  | { kind: 'staffAccount'; staffId: string; passwordHash: string; mustChangePassword: boolean; lastAssignedAt: number | null }
  | { kind: 'mutation'; staffId: string; mutationId: string; result: unknown; at: number }
  | { kind: 'inbound'; externalId: string; result: unknown; at: number }
  | { kind: 'call'; call: CallRecord }
  | { kind: 'survey'; survey: SurveyRecord }
  | { kind: 'visitor'; visitor: VisitorRecord }
  | { kind: 'deflection'; deflection: DeflectionRecord }
  | { kind: 'audit'; entry: AuditEntry }
  | { kind: 'session'; session: SessionRecord }
  | { kind: 'retiredRefresh'; hash: string; sessionId: string; expiresAt: number }
  | { kind: 'serving'; staffId: string; customerId: string; until: number }
  | { kind: 'meta'; key: string; value: string }
  | { kind: 'attachment'; file: StoredAttachment; bytes: Buffer }
  | { kind: 'attachmentHolder'; sha256: string; holder: AttachmentHolder };

/**
 * A store's records read at one moment (one read transaction), in an order an import can take them: rows before
 * their staff accounts. Iterating it (to the end, or leaving early) ends its read.
 */
export interface HubExport extends AsyncIterable<HubRecord> {
  /** How many records it yields: the whole of a copy, for its progress. */
  readonly total: number;
}

/** One write transaction: reads see its own writes; everything commits together or not at all. */
export interface StoreTx extends StoreReads, StoreWrites {
  /** The seq of the last change this transaction logged (0 when none): a mutation's result position. */
  lastSeq(): number;
}

/**
 * Everything the hub stores, behind one asynchronous interface with two engines: SQLite (embedded, one hub
 * process) and PostgreSQL (several hub nodes). Writes happen only inside `write`, one transaction at a time
 * across every node, so change-log order is commit order: a reader paging `seq > cursor` never skips a change
 * that commits later. Reads outside `write` see committed state only.
 */
export interface HubStore extends StoreReads {
  /**
   * Whether other hub processes may write this store too (PostgreSQL): then each node follows the change log
   * (`changesAfter`, `onCommitElsewhere`) instead of dispatching only its own commits.
   */
  readonly sharedByNodes: boolean;
  /**
   * Runs `fn` in one write transaction, with every read that decides its writes inside it. Commits when `fn`
   * resolves, rolls back when it throws (and rethrows). Transactions never interleave.
   */
  write<T>(fn: (tx: StoreTx) => Promise<T>): Promise<T>;

  /** Changes after `cursor` visible to `filter`, at most `limit`; `cursor` in the answer is where to resume. */
  pull(filter: AudienceFilter, cursor: number, limit: number): Promise<{ changes: Change[]; cursor: number; more: boolean }>;
  /**
   * One page of the rows in `scope` as they are now (bootstrap); phased when `history.since` is given on the
   * first page (or `after` is a phased position), with `history.staffId`'s cases counted as priority.
   */
  snapshot(scope: CaseScope, after: string | null, hwm: number | null, limit: number, history?: SnapshotHistory): Promise<SnapshotPage>;
  /** Every committed change after `cursor` with its audience, in seq order, at most `limit` (tailing the log). */
  changesAfter(cursor: number, limit: number): Promise<LoggedChange[]>;
  /**
   * Calls `listener` soon after other hub nodes commit changes (PostgreSQL: LISTEN/NOTIFY), or returns null
   * when the engine has only this process writing (SQLite). Returns the unsubscribe function.
   */
  onCommitElsewhere(listener: () => void): (() => Promise<void>) | null;

  close(): Promise<void>;
}
