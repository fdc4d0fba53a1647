import type {
  Alert,
  AuditEntry,
  Case,
  Channel,
  Customer,
  IdentityKind,
  Interaction,
  Staff,
} from '../../shared/domain';
import type { Change, EntityName, EntityRow } from '../../shared/protocol';


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
  offeredTo: string | null;
  state: 'ringing' | 'answered' | 'ended';
  at: number;
}

export interface AuditFilter {
  actorId?: string;
  queueId?: string;
  caseId?: string;
  action?: string;
  before?: number;
  limit: number;
}

/**
 * Everything the hub stores, behind one interface so that a second engine (PostgreSQL for several hub nodes)
 * is a second implementation of this, not a rewrite. Calls are synchronous and run inside `transaction`;
 * an engine with an asynchronous driver implements the same operations on its own connection per transaction.
 */
export interface HubStore {
  /** Runs `fn` atomically: every row written and change logged inside commits together or not at all. */
  transaction<T>(fn: () => T): T;
  /** The newest change-log position. */
  head(): number;

  /** Writes a row and logs the change for `audience` (see AudienceFilter keys); returns the change's seq. */
  put<E extends EntityName>(entity: E, row: EntityRow<E>, audience: readonly string[]): number;
  /** Removes a row and logs a delete change for `audience`. */
  remove(entity: EntityName, id: string, audience: readonly string[]): number;
  get<E extends EntityName>(entity: E, id: string): EntityRow<E> | null;
  /** A row as an upsert change with the seq of its last change, to send like a snapshot row. */
  row(entity: EntityName, id: string): Change | null;
  all<E extends 'queue' | 'staff' | 'storeLocation' | 'kb' | 'canned'>(entity: E): EntityRow<E>[];

  findCustomerByIdentity(kind: IdentityKind, value: string): Customer | null;
  /** Customers with a phone ending in `digits` (a national number typed without its country code). */
  customersByPhoneEnding(digits: string, limit: number): Customer[];
  /** Customers whose folded name (see foldText) or a word of it starts with `folded`, by name. */
  customersNamed(folded: string, limit: number): Customer[];
  casesOfCustomer(customerId: string): Case[];
  /** A few customers picked at random (the demo simulator writes as them). */
  sampleCustomers(n: number): Customer[];
  openCasesOfAssignee(staffId: string): Case[];
  /** Unassigned open cases of a queue, oldest first. */
  waitingCases(queueId: string, limit: number): Case[];
  interactionsOfCase(caseId: string): Interaction[];
  /** Open cases (new or open) a person holds on one channel: routing capacity. */
  loadOf(staffId: string, channel: Channel): number;
  /** Cases whose reply is overdue and not yet flagged. */
  overdueCases(now: number, limit: number): Case[];

  /** The case's alert that is not closed yet, if any: one open alert per case is enough. */
  openAlertOfCase(caseId: string): Alert | null;
  /** Alerts nobody has acknowledged yet, oldest first (escalation). */
  raisedAlerts(): Alert[];

  staffCredentials(username: string): { staff: Staff; passwordHash: string } | null;
  setPasswordHash(staffId: string, hash: string): void;
  lastAssignedAt(staffId: string): number | null;
  setLastAssignedAt(staffId: string, at: number): void;

  /** Changes after `cursor` visible to `filter`, at most `limit`; `cursor` in the answer is where to resume. */
  pull(filter: AudienceFilter, cursor: number, limit: number): { changes: Change[]; cursor: number; more: boolean };
  /** One page of the rows in `scope` as they are now (bootstrap). */
  snapshot(scope: CaseScope, after: string | null, hwm: number | null, limit: number): SnapshotPage;
  /** A case, its customer and its timeline, as rows with their seq. */
  caseRows(caseId: string): Change[];

  /** The stored result of a person's mutation (ids are the person's own: another's id is another mutation). */
  mutationResult(staffId: string, mutationId: string): unknown | undefined;
  saveMutationResult(mutationId: string, staffId: string, result: unknown, at: number): void;
  inboundResult(externalId: string): unknown | undefined;
  saveInboundResult(externalId: string, result: unknown, at: number): void;

  call(callId: string): CallRecord | null;
  saveCall(call: CallRecord): void;

  surveySent(caseId: string, at: number): void;
  surveyAnswered(caseId: string, at: number): boolean;
  casesAwaitingSurvey(limit: number): Case[];

  appendAudit(entry: AuditEntry): void;
  queryAudit(filter: AuditFilter): AuditEntry[];

  createSession(s: SessionRecord): void;
  sessionById(id: string): SessionRecord | null;
  sessionByRefreshHash(hash: string): SessionRecord | null;
  /**
   * Replaces a session's refresh token if it is still `fromHash` (compare and swap: false when another refresh
   * got there first) and remembers the old one until it would have expired, so its reuse can be recognised.
   */
  rotateRefresh(id: string, fromHash: string, toHash: string, expiresAt: number, now: number): boolean;
  /** The session a rotated-away refresh token belonged to, if it is still remembered. */
  sessionByRetiredRefresh(hash: string): SessionRecord | null;

  /** Records that a person is serving a customer right now (a call offered to them, a store lookup) until `until`. */
  startServing(staffId: string, customerId: string, until: number): void;
  /** Whether a person is serving a customer at `now`. */
  isServing(staffId: string, customerId: string, now: number): boolean;
  revokeSession(id: string, at: number): void;

  close(): void;
}
