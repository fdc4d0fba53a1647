import { z } from 'zod';
import {
  CaseSchema,
  isOpenCase,
  type Case,
  CustomerSchema,
  IdSchema,
  KeySchema,
  PresenceSchema,
  StaffSchema,
  AuditEntrySchema,
  AuditActionSchema,
  AuditGroupSchema,
  AUDIT_ACTIONS,
  actionsOfGroup,
  TimeSchema,
  type AuditAction,
} from '../domain';
import { ChangeSchema, type Change } from './changes';
import { MutationResultSchema, MutationSchema, type ReasonCodeSchema, type MutationResult } from './mutations';
import type { ImportProgress } from './admin';
import type { DeliveryFailed } from './delivery';
import { PolicySchema } from './http';
import { ReportQuerySchema, ReportSchema } from './reports';
import { VocQuerySchema, VocSchema } from './voc';

/** Largest Socket.IO message the hub accepts (bytes); larger ones close the connection. */
export const MAX_SOCKET_PAYLOAD_BYTES = 256 * 1024;
/** Most changes or rows in one page of a pull or snapshot. */
export const MAX_PAGE = 2_000;

/**
 * What a user may see. Agents: their queues and cases assigned to them. Store staff: their store's cases and
 * cases assigned to them. Supervisors and admins: everything (`all`).
 */
export const ScopeSchema = z.object({
  all: z.boolean(),
  queueIds: z.array(IdSchema),
  storeId: IdSchema.nullable(),
  staffId: IdSchema,
});
export type Scope = z.infer<typeof ScopeSchema>;

// ---------- hub -> workstation ----------

/** First message after the handshake: who you are, what you see, where the log stands. */
export const HelloSchema = z.object({
  staff: StaffSchema,
  scope: ScopeSchema,
  head: z.number().int(),
  policy: PolicySchema,
  /** The hub's ROW_SCHEMA_VERSION (see changes.ts); absent from hubs older than the handshake. */
  rowSchema: z.number().int().positive().optional(),
});

/**
 * Live changes: all changes in the receiver's scope with `from < seq <= to`, in order.
 * A receiver whose cursor is below `from` has missed something (a gap): it pulls from its cursor.
 */
export const LiveChangesSchema = z.object({ from: z.number().int(), to: z.number().int(), changes: z.array(ChangeSchema) });

/**
 * What a person serving a customer right now (answering their call, standing with them in a store) may see of
 * one of that customer's cases they could not otherwise see: enough to continue without the customer explaining
 * twice, nothing of its history.
 */
export const CaseGlimpseSchema = CaseSchema.pick({
  id: true,
  subject: true,
  status: true,
  priority: true,
  originChannel: true,
  lastChannel: true,
  updatedAt: true,
});
export type CaseGlimpse = z.infer<typeof CaseGlimpseSchema>;

/** Who is calling, as the agent the call is offered to needs it to greet them: no contact details or history. */
export const CallerSchema = CustomerSchema.pick({ id: true, name: true, language: true });

export const CallOfferSchema = z.object({
  callId: z.string(),
  phone: z.string(),
  /** The caller's record, when the number is known. */
  customer: CallerSchema.nullable(),
  /** The caller's open cases, in every queue, as glimpses: the whole case syncs once the call is answered. */
  openCases: z.array(CaseGlimpseSchema),
  caseId: IdSchema.nullable(),
  at: z.number().int(),
});
export type CallOffer = z.infer<typeof CallOfferSchema>;
/**
 * A call moved on: `ringing` handed on to `staffId` (null: nobody left; the call waits to end as a missed call),
 * `answered` by `staffId`, or `ended`, with the case it is recorded on once known.
 */
export const CallUpdateSchema = z.object({
  callId: z.string(),
  state: z.enum(['ringing', 'answered', 'ended']),
  staffId: IdSchema.nullable(),
  caseId: IdSchema.nullable().optional(),
});
/** What the person a call is offered to does with it: answer or decline it, or hang up once answered. */
export const CallRespondSchema = z.object({ callId: z.string().min(1).max(200), action: z.enum(['answer', 'decline', 'hangup']) }).strict();
export type CallRespond = z.infer<typeof CallRespondSchema>;
export const CallRespondResultSchema = z.object({ state: z.enum(['ringing', 'answered', 'ended']) });
export const PresenceUpdateSchema = z.object({ caseId: IdSchema, present: z.array(PresenceSchema) });
export const SlaBreachSchema = z.object({ caseId: IdSchema, kind: z.enum(['first', 'next']), dueAt: z.number().int() });
export const HeldNoticeSchema = z.object({ heldId: IdSchema, caseId: IdSchema, authorId: IdSchema, reason: z.string() });
/**
 * `note:mention`: a colleague mentioned this person in an internal note (sent to them alone, live; the note itself
 * travels with its case to those who see it).
 */
export const NoteMentionSchema = z.object({
  caseId: IdSchema,
  interactionId: IdSchema,
  authorId: IdSchema,
  authorName: z.string().max(200),
  caseSubject: z.string().max(300),
  /** The start of the note, for the notification. */
  excerpt: z.string().max(200),
});
export type NoteMention = z.infer<typeof NoteMentionSchema>;
/** `policy`: the workstation policy an admin just set, sent live to every connection (the same as `hello.policy`). */
export const PolicyUpdateSchema = PolicySchema;

export interface ServerToClientEvents {
  hello: (p: z.infer<typeof HelloSchema>) => void;
  changes: (p: { from: number; to: number; changes: Change[] }) => void;
  /** Your scope changed (queues joined or left): remove what is out, snapshot what is new. */
  scope: (p: Scope) => void;
  'call:offer': (p: z.infer<typeof CallOfferSchema>) => void;
  'call:update': (p: z.infer<typeof CallUpdateSchema>) => void;
  presence: (p: z.infer<typeof PresenceUpdateSchema>) => void;
  'sla:breach': (p: z.infer<typeof SlaBreachSchema>) => void;
  /** An admin changed the workstation policy: it replaces the one `hello` gave, at once. */
  policy: (p: z.infer<typeof PolicyUpdateSchema>) => void;
  /** How far an import this admin started has come (see ImportProgressSchema). */
  'import:progress': (p: ImportProgress) => void;
  /** A delivery gave up (after its last attempt, or refused for good): to its author and the case's owner. */
  'delivery:failed': (p: DeliveryFailed) => void;
  'visitor:typing': (p: z.infer<typeof VisitorTypingSchema>) => void;
  /** A colleague mentioned you in an internal note. */
  'note:mention': (p: NoteMention) => void;
  /** The access token expired or was revoked: renew it with `auth:renew` or sign in again. */
  'auth:expired': (p: { reason: 'expired' | 'revoked' }) => void;
  /** A refused event (unknown, malformed, too large), for the client's log. */
  'protocol:error': (p: { event: string; reason: z.infer<typeof ReasonCodeSchema>; message: string }) => void;
}

// ---------- workstation -> hub (every one answered through an acknowledgement) ----------

/** `sync:pull`: changes in scope after `cursor`, at most `limit`. */
export const PullRequestSchema = z.object({ cursor: z.number().int().nonnegative(), limit: z.number().int().min(1).max(MAX_PAGE) }).strict();
export const PullResponseSchema = z.object({
  changes: z.array(ChangeSchema),
  /** The cursor to store once these changes are applied (covers out-of-scope changes skipped too). */
  cursor: z.number().int(),
  head: z.number().int(),
  more: z.boolean(),
});

/**
 * `sync:snapshot`: the bootstrap. Rows in scope as they are now, paged by `after` (an opaque token).
 * `hwm` is the log position the snapshot started at: after the last page the client sets its cursor to it and
 * pulls. Rows carry their own `seq`, so a row seen twice (snapshot, then log) is applied by the newer seq.
 * `queueIds` narrows the snapshot to queues just joined (scope change).
 *
 * `historySince` (epoch ms, on the first page; later pages follow the token) asks for a phased snapshot, so a
 * big scope is usable before its history has arrived: first reference data, the asker's priority cases (open, or
 * theirs), customers and the other cases (phase `cases`); then the timelines of priority cases (`history`); then
 * those of finished cases updated since `historySince` (`recent`). Older finished cases come without their
 * timeline (isHistoryDeferred): the workstation fetches it with `case:fetch` when someone opens one. Without
 * `historySince` the snapshot is one pass over everything, as before.
 */
export const SnapshotRequestSchema = z
  .object({
    after: KeySchema(200).nullable(),
    hwm: z.number().int().nonnegative().nullable(),
    limit: z.number().int().min(1).max(MAX_PAGE),
    queueIds: z.array(IdSchema).max(100).optional(),
    historySince: z.number().int().nonnegative().optional(),
  })
  .strict();
/** The phases of a phased snapshot, in the order the hub walks them. */
export const SNAPSHOT_PHASES = ['cases', 'history', 'recent'] as const;
export type SnapshotPhase = (typeof SNAPSHOT_PHASES)[number];
export const SnapshotResponseSchema = z.object({
  rows: z.array(ChangeSchema),
  after: z.string().nullable(),
  hwm: z.number().int(),
  /** Rows in the whole snapshot, for progress (rows done / total). */
  total: z.number().int(),
  done: z.boolean(),
  /** Phased snapshots: the phase the next page starts in (the last one when done). */
  phase: z.enum(SNAPSHOT_PHASES).optional(),
  /** Phased snapshots: the window it was started with (older finished cases come without their timeline). */
  historySince: z.number().int().optional(),
  /** Phased snapshots: rows up to the end of the `history` phase, for "ready for offline" progress. */
  readyAt: z.number().int().optional(),
});

/**
 * Whether a phased snapshot since `since` leaves out this case's timeline: a finished case not assigned to
 * `staffId` and last updated before the window. One rule for the hub's queries and the workstation's marks.
 */
export const isHistoryDeferred = (c: Pick<Case, 'status' | 'assigneeId' | 'updatedAt'>, since: number, staffId: string): boolean =>
  !isOpenCase(c) && c.assigneeId !== staffId && c.updatedAt < since;

/** Most cases one `case:fetch` asks for. */
export const MAX_CASE_FETCH = 100;
/**
 * `case:fetch`: cases that just entered scope (a bulk move brings a hundred at once), each with its customer
 * and whole timeline. Cases that do not exist or are not the asker's to see are left out; `not-found` when
 * none is.
 */
export const CaseFetchRequestSchema = z.object({ caseIds: z.array(IdSchema).min(1).max(MAX_CASE_FETCH) }).strict();
/**
 * `customer:lookup` (store staff with a customer at the counter, anyone answering a call): find customers by an
 * exact identifier (phone in any format, email, loyalty number, handle) in `query`, or by a name in `query` plus
 * one more detail in `detail` (the end of a phone number or loyalty number, part of an email or handle). Rate
 * limited per person and audited.
 */
export const LookupRequestSchema = z
  .object({
    query: KeySchema(200).trim().min(2),
    detail: KeySchema(100).trim().min(3).optional(),
    limit: z.number().int().min(1).max(50).default(20),
  })
  .strict();
/** Rows answering a fetch or lookup, as upserts with their seq, to be cached like snapshot rows. */
export const RowsResponseSchema = z.object({ rows: z.array(ChangeSchema) });
/**
 * A lookup's rows. Cases the asker may see come whole; open cases of a customer they are serving right now but
 * may not otherwise see come as a continuation view (listed in `partialCaseIds`): the case, its customer and the
 * hand-over entries of its timeline only (see src/server/continuation.ts).
 */
export const LookupResponseSchema = RowsResponseSchema.extend({ partialCaseIds: z.array(IdSchema) });

export const PresenceSetSchema = z.object({ caseId: IdSchema, state: z.enum(['viewing', 'typing', 'none']) }).strict();
/**
 * `audit:query` (supervisors and admins): the trail newest first, every filter given holding. Actions are asked
 * as one (`action`, as before), several (`actions`) or a group (`group`, see AUDIT_GROUPS), one of the three.
 * The period is [from, to). Paging: the next page passes the last entry's `at` as `before` and its `id` as
 * `beforeId` (entries of one change share their time; `before` alone skips what is left of that instant).
 */
export const AuditQuerySchema = z
  .object({
    actorId: IdSchema.optional(),
    queueId: IdSchema.optional(),
    caseId: IdSchema.optional(),
    action: AuditActionSchema.optional(),
    actions: z.array(AuditActionSchema).min(1).max(AUDIT_ACTIONS.length).optional(),
    group: AuditGroupSchema.optional(),
    from: TimeSchema.optional(),
    to: TimeSchema.optional(),
    before: TimeSchema.optional(),
    beforeId: IdSchema.optional(),
    limit: z.number().int().min(1).max(500).default(100),
  })
  .strict()
  .refine((q) => [q.action, q.actions, q.group].filter((x) => x !== undefined).length <= 1, { message: 'give action, actions or group, not several', path: ['actions'] })
  .refine((q) => q.from === undefined || q.to === undefined || q.from < q.to, { message: 'from must be before to', path: ['to'] })
  .refine((q) => q.beforeId === undefined || q.before !== undefined, { message: 'beforeId pages from before: give both', path: ['beforeId'] });
export type AuditQuery = z.infer<typeof AuditQuerySchema>;

/** The actions a query asks for, or undefined for all of them. */
export const auditActionsOf = (q: Pick<AuditQuery, 'action' | 'actions' | 'group'>): AuditAction[] | undefined =>
  q.group ? actionsOfGroup(q.group) : q.actions ? [...new Set(q.actions)] : q.action ? [q.action] : undefined;
/** The entries, and the subjects of the cases they name (so the trail reads by subject, never by raw id). */
export const AuditQueryResponseSchema = z.object({ entries: z.array(AuditEntrySchema), caseSubjects: z.record(IdSchema, z.string()).optional() });
/**
 * Questions web chat visitors' self-service answered ("This answered my question"), for supervisors: by queue
 * and article since `since` (epoch ms).
 */
export const SelfServiceQuerySchema = z.object({ since: z.number().int().nonnegative() }).strict();
export const SelfServiceFiguresSchema = z.object({
  rows: z.array(z.object({ queueId: IdSchema, articleId: IdSchema, title: z.string(), count: z.number().int().nonnegative() })),
  /** Web chat conversations that reached the queues in the same period (questions not answered by an article). */
  conversations: z.array(z.object({ queueId: IdSchema, count: z.number().int().nonnegative() })),
});
export type SelfServiceFigures = z.infer<typeof SelfServiceFiguresSchema>;
/** A web chat visitor is typing (or stopped) on a case: live only, to the people who see the case. */
export const VisitorTypingSchema = z.object({ caseId: IdSchema, typing: z.boolean() });
export const RenewRequestSchema = z.object({ token: z.string().min(10).max(2_000) }).strict();

/**
 * Answer of every acknowledged request: a value, or a reason code and a message. A `rate-limited` refusal says
 * in `retryAfterMs` when the connection may ask again: the request was not run, and asking again sooner is
 * refused too (a connection that keeps asking is closed).
 */
export type Ack<T> =
  | { ok: true; value: T }
  | { ok: false; reason: z.infer<typeof ReasonCodeSchema>; message: string; retryAfterMs?: number };

/** Request events: name -> [request schema, response schema]. The hub rejects any event not listed here. */
export const REQUESTS = {
  'sync:pull': [PullRequestSchema, PullResponseSchema],
  'sync:snapshot': [SnapshotRequestSchema, SnapshotResponseSchema],
  'case:fetch': [CaseFetchRequestSchema, RowsResponseSchema],
  'customer:lookup': [LookupRequestSchema, LookupResponseSchema],
  mutate: [MutationSchema, MutationResultSchema],
  'presence:set': [PresenceSetSchema, z.object({})],
  'audit:query': [AuditQuerySchema, AuditQueryResponseSchema],
  'selfservice:figures': [SelfServiceQuerySchema, SelfServiceFiguresSchema],
  'auth:renew': [RenewRequestSchema, z.object({ accessExpiresAt: z.number().int() })],
  'call:respond': [CallRespondSchema, CallRespondResultSchema],
  'report:query': [ReportQuerySchema, ReportSchema],
  'voc:query': [VocQuerySchema, VocSchema],
} as const;
export type RequestName = keyof typeof REQUESTS;
export type RequestOf<N extends RequestName> = z.input<(typeof REQUESTS)[N][0]>;
export type ResponseOf<N extends RequestName> = N extends 'mutate'
  ? MutationResult
  : N extends 'sync:pull' | 'sync:snapshot' | 'case:fetch' | 'customer:lookup'
    ? Omit<z.infer<(typeof REQUESTS)[N][1]>, 'changes' | 'rows'> &
        (N extends 'sync:pull' ? { changes: Change[] } : { rows: Change[] })
    : z.infer<(typeof REQUESTS)[N][1]>;

export type ClientToServerEvents = {
  [N in RequestName]: (payload: RequestOf<N>, ack: (res: Ack<ResponseOf<N>>) => void) => void;
};
