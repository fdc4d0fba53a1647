/**
 * THE IPC contract between the workstation's engine (Electron main process, or the browser host) and the
 * renderer. One table of channels (renderer -> engine, request/response) and one of events (engine ->
 * renderer, fire and forget), each a zod schema. Both transports (Electron's preload, the browser host's
 * WebSocket) carry exactly these, and the engine's handler table is typed from `channels`, so adding a
 * channel is one entry here plus one handler.
 *
 * Inputs are parsed by the engine (never trusted); outputs are typed by their schema and checked by the
 * engine's integration tests rather than at run time (an inbox of 10,000 rows would pay for it every time).
 *
 * Pure TypeScript: runs in every process.
 */
import { z } from 'zod';
// From its own module, not the assist barrel: that would bundle the word lists into every contract user.
import { NEXT_STEP_KINDS } from '../assist/types';
import {
  AlertSchema,
  AlertResultSchema,
  AlertStatusSchema,
  AttachmentRefSchema,
  CannedResponseSchema,
  CapacitySchema,
  CaseSchema,
  CaseStatusSchema,
  CASE_STATUSES,
  ChannelSchema,
  CsatResponseSchema,
  CustomerPatchSchema,
  CustomerSchema,
  DeliverySchema,
  EmailSchema,
  HeldReplySchema,
  IdSchema,
  InteractionSchema,
  KbArticleSchema,
  LangSchema,
  MAX_ATTACHMENT_BYTES,
  MAX_ATTACHMENTS,
  MAX_CASE_TAGS,
  MAX_TAG_LENGTH,
  MAX_CUSTOMER_NOTE,
  PhoneSchema,
  PresenceSchema,
  PrioritySchema,
  QueueSchema,
  StaffSchema,
  StaffStatusSchema,
  StoreLocationSchema,
  TagSchema,
  TimeSchema,
} from '../domain';
import {
  AssignTargetSchema,
  AuditQueryResponseSchema,
  AuditQuerySchema,
  CallOfferSchema,
  CallRespondResultSchema,
  CallRespondSchema,
  CallUpdateSchema,
  DeliveryFailedSchema,
  EntityNameSchema,
  ItemResultSchema,
  MAX_MENTIONS,
  MutationSchema,
  NoteMentionSchema,
  PolicySchema,
  ReasonCodeSchema,
  ScopeSchema,
  SNAPSHOT_PHASES,
  ReportQuerySchema,
  ReportSchema,
  VocQuerySchema,
  VocSchema,
  SelfServiceFiguresSchema,
  VisitorTypingSchema,
  type MutationType,
} from '../protocol';
import {
  AdminConnectorSchema,
  AdminPolicySchema,
  AdminStaffSchema,
  ArchiveQueueSchema,
  ConnectorChannelSchema,
  CreateArticleSchema,
  CreateCannedSchema,
  CreateQueueSchema,
  CreateStaffSchema,
  CreateStoreSchema,
  DeactivateStaffSchema,
  ImportProgressSchema,
  ImportRequestSchema,
  ImportSummarySchema,
  PutConnectorSchema,
  ResetPasswordSchema,
  UpdateArticleSchema,
  UpdateCannedSchema,
  UpdateQueueSchema,
  UpdateStaffSchema,
  UpdateStoreSchema,
  WebchatSettingsSchema,
  WebchatSettingsViewSchema,
} from '../protocol/admin';
import { AdminMailboxSchema, PutMailboxSchema } from '../protocol/mailbox';
import { NotificationSettingsSchema, OwnStatusSchema } from '../domain/preferences';

// The names alone live in names.ts (the preload imports only them); names.test.ts holds them to these tables.
export { CHANNEL_NAMES, EVENT_NAMES, isChannelName, isEventName } from './names';

// ---------- building blocks ----------

/** Outbox states (see src/main/services/outbox): held and rejected wait for their author. */
export const OutboxStateSchema = z.enum(['pending', 'sending', 'acked', 'held', 'rejected']);

/** A mutation of mine touching a row, still unconfirmed or refused: the UI shows a badge and the reason. */
export const LocalChangeSchema = z.object({
  mutationId: z.string(),
  type: z.enum(MutationSchema.options.map((o) => o.shape.type.value) as [MutationType, ...MutationType[]]),
  state: OutboxStateSchema,
  reason: ReasonCodeSchema.nullable(),
  message: z.string().nullable(),
});
export type LocalChange = z.infer<typeof LocalChangeSchema>;

// Rows as the person should see them: the hub's confirmed state with their own unconfirmed changes laid over,
// listed in `local` (empty when there are none).
const local = { local: z.array(LocalChangeSchema) };
export const OverlaidCaseSchema = CaseSchema.extend(local);
export const OverlaidCustomerSchema = CustomerSchema.extend(local);
export const OverlaidInteractionSchema = InteractionSchema.extend(local);
export const OverlaidStaffSchema = StaffSchema.extend(local);
export const OverlaidAlertSchema = AlertSchema.extend(local);
export const OverlaidHeldReplySchema = HeldReplySchema.extend(local);
export const OverlaidDeliverySchema = DeliverySchema.extend(local);

export const ConnectionStateSchema = z.enum(['online', 'offline', 'reconnecting']);
export type ConnectionState = z.infer<typeof ConnectionStateSchema>;

/**
 * "Ready for offline": the person's own cases and their queues' open cases are here with their whole history
 * (older finished cases of others may come without it, fetched when opened). `percent` is how far towards it.
 */
export const OfflineReadinessSchema = z.object({ ready: z.boolean(), percent: z.number().min(0).max(100) });

/** Why the workstation locked: the idle timer, or the person pressed "lock". */
export const LockReasonSchema = z.enum(['idle', 'manual']);

/** The signed-in person's session as the UI needs it. */
export const SessionViewSchema = z.object({
  staff: StaffSchema,
  /** What this person syncs (null until the hub has said, e.g. after an offline sign-in). */
  scope: ScopeSchema.nullable(),
  policy: PolicySchema,
  /** True when signed in through the hub; false for an offline sign-in (it reconnects when the hub is back). */
  signedInOnline: z.boolean(),
  /**
   * False when this workstation holds no hub session for the person (they signed out last time, or the hub
   * ended it): they work offline until they sign out and sign in again while the hub is reachable.
   */
  reconnects: z.boolean(),
  /**
   * Caches of this person set aside here because the password the hub accepted did not open them (an admin
   * reset it): `caches` of them, holding `unsent` outbox entries when last closed (null: not known). Their
   * work comes back with `session.recoverOldCache` and the old password; null when there is none.
   */
  oldCache: z.object({ caches: z.number().int().positive(), unsent: z.number().int().nonnegative().nullable() }).nullable(),
  /**
   * The password was set by an admin (a one-time password, or a reset): the person must choose their own with
   * `auth.changePassword` before working. Kept in the cache, so an offline sign-in or an unlock asks it too.
   */
  mustChangePassword: z.boolean(),
});
export type SessionView = z.infer<typeof SessionViewSchema>;

/** An outbox entry as the outbox view shows it. */
export const OutboxItemSchema = z.object({
  mutationId: z.string(),
  mutation: MutationSchema,
  state: OutboxStateSchema,
  attempts: z.number().int(),
  reason: ReasonCodeSchema.nullable(),
  message: z.string().nullable(),
  /** The hub's current row when it refused a stale change, so the UI can show what changed. */
  current: z.unknown(),
  createdAt: TimeSchema,
  updatedAt: TimeSchema,
});
export type OutboxItem = z.infer<typeof OutboxItemSchema>;

/** Answer of every channel that changes something: the change is in the outbox, on screen, and on its way. */
export const QueuedSchema = z.object({ mutationId: z.string(), state: OutboxStateSchema });

/** Answer of sign-out and forget: done, or not done because unsent work would be left (ask, then `force`). */
export const UnsentGuardSchema = z.object({ done: z.boolean(), unsent: z.number().int().nonnegative() });

/** Kinds of suggested next step (src/shared/assist), for the feedback the assist model learns from. */
export const NextStepKindSchema = z.enum(NEXT_STEP_KINDS);

/** The assist feedback model (src/shared/assist/feedbackModel.ts), persisted in the person's cache. */
export const FeedbackModelSchema = z.object({
  version: z.literal(1),
  kinds: z.partialRecord(NextStepKindSchema, z.object({ accepted: z.number(), dismissed: z.number() })),
});

const Empty = z.object({}).strict();
const Text = z.string().trim().min(1).max(20_000);
const Password = z.string().min(1).max(256);
const Username = z.string().trim().min(1).max(64);
/** Most rows the inbox answers at once: enough for a whole 10,000-case queue in a virtual list. */
export const MAX_INBOX_PAGE = 10_000;
/** Most moves `outbox.results` answers for at once. */
export const MAX_RESULTS_READ = 100;

// ---------- errors ----------

/**
 * Error codes the engine answers with (`IpcResult.error.code`). Stable: the UI translates them.
 * Hub refusals of a mutation are not errors of the channel: the change is queued and its refusal shows in
 * the outbox (`reason`, from the protocol's reason codes).
 */
export const IPC_ERROR_CODES = [
  /** The input did not match the channel's schema (message names the field). */
  'invalid-input',
  /** The caller is not the workstation's own renderer (wrong frame, origin or secret). */
  'forbidden-sender',
  /** No such channel. */
  'unknown-channel',
  /** Nobody is signed in, or the session is locked. */
  'not-signed-in',
  'locked',
  /** Someone is already signed in: sign out first. */
  'already-signed-in',
  /** Sign-in: the hub refused the username and password (it deliberately says not which was wrong). */
  'bad-credentials',
  /** Offline sign-in or unlock: this person's cache is here and the password does not open it. */
  'wrong-password',
  /** Offline sign-in: the last online sign-in here is older than the hub's maxOfflineHours. */
  'offline-expired',
  /** Offline sign-in (or the hub unreachable): this person never signed in online on this workstation. */
  'never-online-here',
  /** The hub could not be reached (and an offline sign-in was not possible or not asked for). */
  'hub-unreachable',
  /** A new password the hub's password rule refuses (src/shared/protocol PASSWORD_PROBLEMS, prefixed). */
  'password-too-short',
  'password-too-long',
  'password-common',
  'password-same-as-username',
  /** The hub refused for now (too many sign-ins); try again later. */
  'rate-limited',
  /** A customer lookup by name beyond the cache needs one more detail (see `store.lookup`). */
  'needs-detail',
  /** The hub refused the request (role, scope). */
  'forbidden',
  'not-found',
  /** This needs the hub and the workstation is offline. */
  'offline',
  /**
   * The outbox entry is not in a state that allows this (e.g. retrying one that was not rejected); for an
   * administration channel, the hub's `conflict` (a taken username or shortcut, open cases, the last admin).
   */
  'conflict',
  /** The renderer lost its link to the engine (browser host stopped, or no answer in time). */
  'engine-unreachable',
  /** A file that may not be attached: `field` is the reason (AttachmentProblemCode), the message names the file. */
  'attachment-refused',
  'internal',
] as const;
export const IpcErrorCodeSchema = z.enum(IPC_ERROR_CODES);
export type IpcErrorCode = z.infer<typeof IpcErrorCodeSchema>;

/** Sign-in failures the UI explains (a subset of IPC_ERROR_CODES). */
export const SIGN_IN_FAILURES = [
  'bad-credentials',
  'wrong-password',
  'offline-expired',
  'never-online-here',
  'hub-unreachable',
  'rate-limited',
  'already-signed-in',
] as const satisfies readonly IpcErrorCode[];

/**
 * Every answer: a value, or a stable error code and a message for people (never an exception). `field` names
 * the input field at fault when one is (an input that does not match, or a hub refusal naming it), with the
 * path of the channel's input (`username`, `moveCasesTo.staffId`).
 */
export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string; field?: string } };
export const ipcErrorSchema = z.object({ code: z.string(), message: z.string(), field: z.string().optional() });

/** A red alert with what its row shows of the case (`case` null when the case is not held here). */
const ListedAlertSchema = OverlaidAlertSchema.extend({
  case: z.object({ subject: z.string(), assigneeId: IdSchema.nullable(), queueId: IdSchema, customerName: z.string().nullable() }).nullable(),
});
/** A case on the supervisor console: with its customer's name and mood. */
const DashboardCaseSchema = z.object({
  case: OverlaidCaseSchema,
  customerName: z.string().nullable(),
  /** From the customer's newest messages (src/shared/assist); null when they have not written. */
  sentiment: z.enum(['negative', 'neutral', 'positive']).nullable(),
});
/** Most failed deliveries the supervisor console lists. */
export const MAX_FAILED_DELIVERIES = 200;
/** Most ids of each kind one `supervisor.dashboardChanges` takes; beyond it, the console reads the whole dashboard. */
export const MAX_DASHBOARD_CHANGES = 2_000;
/** Most cases one `survey.answers` read names (a customer's cases in Customer 360). */
export const MAX_SURVEY_ANSWER_CASES = 2_000;

// ---------- channels: renderer -> engine ----------

const InboxSortSchema = z.enum(['waiting', 'sla', 'updated']);

/** The link to the hub as the engine knows it (event `connection.changed`, channel `connection.current`). */
const ConnectionInfoSchema = z.object({
  state: ConnectionStateSchema,
  /** When the cache last caught up with the hub; null if never in this session. */
  lastSyncAt: TimeSchema.nullable(),
  unsent: z.number().int().nonnegative(),
  /**
   * When the link last came up or went down (the session's start until then). Online with `lastSyncAt` before
   * it: still catching up with what happened meanwhile; offline: offline since then.
   */
  since: TimeSchema,
});

/** How tall the inbox's rows are: compact fits a screenful of cases (one line each), comfortable shows more of each. */
export const InboxDensitySchema = z.enum(['compact', 'comfortable']);
export type InboxDensity = z.infer<typeof InboxDensitySchema>;
/** The inbox filters a person can save under a name (what the inbox's filter bar sets). */
export const InboxViewFiltersSchema = z
  .object({
    channels: z.array(ChannelSchema).max(10),
    queueId: IdSchema.nullable(),
    /** `open`: new, open and pending together (the inbox's default). */
    status: z.enum(['open', ...CASE_STATUSES]),
    scope: z.enum(['all', 'mine', 'unassigned']),
    sort: InboxSortSchema,
    /** Only cases with this tag (case and accents ignored); empty: any. Views saved before tags have none. */
    tag: z.string().max(MAX_TAG_LENGTH * 4).default(''),
  })
  .strict();
export type InboxViewFilters = z.infer<typeof InboxViewFiltersSchema>;
/** Most saved views a person keeps. */
export const MAX_SAVED_VIEWS = 30;
const ViewName = z.string().trim().min(1).max(60);
export const SavedViewSchema = z.object({ id: IdSchema, name: ViewName, filters: InboxViewFiltersSchema });
export type SavedView = z.infer<typeof SavedViewSchema>;
/** A person's inbox settings, kept in their encrypted cache on this workstation. */
export const InboxPreferencesSchema = z.object({ density: InboxDensitySchema, views: z.array(SavedViewSchema).max(MAX_SAVED_VIEWS) });
export type InboxPreferences = z.infer<typeof InboxPreferencesSchema>;
/**
 * Compact by default: a live queue is triaged by scanning many cases at once (the customer, their newest
 * message, how long they wait and the reply deadline fit on one line); comfortable rows are one click away.
 */
export const DEFAULT_INBOX_PREFERENCES: InboxPreferences = { density: 'compact', views: [] };

export const channels = {
  // --- workstation and session ---

  /** Who has a cache on this workstation (names only, for the sign-in screen), the hub, and the link state. */
  'workstation.info': {
    input: Empty,
    output: z.object({
      /** Who has a cache here (signed in online here before): the sign-in screen offers them by name. */
      people: z.array(z.object({ name: z.string(), username: z.string() })),
      hubUrl: z.string(),
      connection: ConnectionStateSchema,
      /** signed-out, locked (someone's session waits for their password) or signed-in. */
      session: z.enum(['signed-out', 'locked', 'signed-in']),
      /** Whose session is locked, and why, for the unlock screen; null unless `session` is locked. */
      locked: z.object({ name: z.string(), reason: LockReasonSchema }).nullable(),
      /** Readiness for offline work of the person signed in; null when no one is. */
      readiness: OfflineReadinessSchema.nullable(),
    }),
  },
  /**
   * Signs in. `auto` tries the hub and falls back to the cache when the hub cannot be reached; `online` and
   * `offline` force one way. Failures: SIGN_IN_FAILURES. After an offline sign-in the engine reconnects by
   * itself (with the refresh token kept in the encrypted cache) when the hub is back.
   */
  'auth.signIn': {
    input: z
      .object({
        username: Username,
        password: Password,
        mode: z.enum(['auto', 'online', 'offline']).default('auto'),
      })
      .strict(),
    output: SessionViewSchema,
  },
  /** Unlocks after an idle or manual lock, with the locked person's password. Failures as for sign-in. */
  'auth.unlock': { input: z.object({ password: Password }).strict(), output: SessionViewSchema },
  /** Locks now: closes the cache and drops its key; the session resumes with `auth.unlock`. */
  'auth.lock': { input: Empty, output: Empty },
  /**
   * Signs out and ends the hub session. When the outbox still holds unsent work, does nothing and answers
   * `{done: false, unsent}` unless `force`; forced, the work stays in the cache for this person's next sign-in.
   */
  'auth.signOut': { input: z.object({ force: z.boolean().default(false) }).strict(), output: UnsentGuardSchema },
  /** "Forget me on this workstation": signs out and deletes this person's cache. Same unsent-work guard. */
  'auth.forget': { input: z.object({ force: z.boolean().default(false) }).strict(), output: UnsentGuardSchema },
  /**
   * Changes the signed-in person's password on the hub (which ends their sessions elsewhere), then wraps this
   * workstation's cache key with the new one (nothing is downloaded again): offline sign-in and unlock take
   * the new password from then on. Needs the hub (`offline` otherwise). Failures: `bad-credentials` (wrong
   * current password), `rate-limited`, `password-*` (the password rule), `offline`, `hub-unreachable`.
   */
  'auth.changePassword': {
    input: z.object({ currentPassword: Password, newPassword: z.string().min(1).max(1024) }).strict(),
    output: z.object({ endedSessions: z.number().int().nonnegative() }),
  },
  /**
   * Opens the caches set aside (see SessionView.oldCache) that the old `password` opens, moves their unsent
   * outbox entries into this cache's outbox (sent as usual; their mutation ids keep each applied once) and
   * deletes them. `bad-credentials` when it opens none. Answers how many entries came back and what is left.
   */
  'session.recoverOldCache': {
    input: z.object({ password: Password }).strict(),
    output: z.object({ recovered: z.number().int().nonnegative(), oldCache: SessionViewSchema.shape.oldCache }),
  },
  /** Deletes the caches set aside, with whatever they hold (the renderer asks for confirmation first). */
  'session.discardOldCache': { input: Empty, output: Empty },
  /** The signed-in person's session; null when signed out or locked. */
  'session.current': { input: Empty, output: SessionViewSchema.nullable() },
  /**
   * The person did something (key, pointer): restarts the idle-lock timer. The renderer sends it at most
   * every few seconds; hosts that can read the OS idle time (Electron) use that as well.
   */
  'session.activity': { input: Empty, output: Empty },

  // --- reading the cache ---

  /** The inbox: my cases and the unassigned ones of my queues, filtered, sorted and paged (customer names joined). */
  'inbox.list': {
    input: z
      .object({
        channels: z.array(ChannelSchema).max(10).optional(),
        queueIds: z.array(IdSchema).max(100).optional(),
        /** Defaults to the open statuses (new, open, pending). */
        statuses: z.array(CaseStatusSchema).max(5).optional(),
        mine: z.boolean().optional(),
        unassigned: z.boolean().optional(),
        /** Only cases carrying this tag (case and accents ignored). */
        tag: TagSchema.optional(),
        /** waiting: longest waiting first; sla: nearest deadline first; updated: most recent first. */
        sort: InboxSortSchema.default('waiting'),
        /** The previous page's `next`: this page starts after its last row (keyset paging). */
        after: z.string().min(1).max(400).optional(),
        limit: z.number().int().min(1).max(MAX_INBOX_PAGE).default(500),
      })
      .strict(),
    output: z.object({
      items: z.array(z.object({ case: OverlaidCaseSchema, customerName: z.string().nullable() })),
      /** True when rows follow this page. */
      more: z.boolean(),
      /** When rows follow: the cursor to pass as `after` for the next page (opaque). */
      next: z.string().optional(),
    }),
  },
  /**
   * A case with its customer, its timeline (my pending, held and rejected messages included), held replies, and
   * the deliveries of its outbound messages (where each stands on the customer's channel; my retries laid over).
   */
  'case.view': {
    input: z.object({ caseId: IdSchema }).strict(),
    output: z.object({
      case: OverlaidCaseSchema,
      customer: OverlaidCustomerSchema.nullable(),
      timeline: z.array(OverlaidInteractionSchema),
      held: z.array(HeldReplySchema),
      deliveries: z.array(OverlaidDeliverySchema),
      /**
       * Whether the timeline is whole: `loading` while older history (left out of the bootstrap, see the sync
       * protocol) is being fetched (a `data.changed` naming the case follows), `missing` when it cannot be now
       * (offline).
       */
      history: z.enum(['whole', 'loading', 'missing']),
    }),
  },
  /** Customer 360: the customer and all their cases held here. */
  'customer.view': {
    input: z.object({ customerId: IdSchema }).strict(),
    output: z.object({ customer: OverlaidCustomerSchema, cases: z.array(OverlaidCaseSchema) }),
  },
  /** Organisation reference data in scope: queues, staff (with my pending status change) and store locations. */
  'reference.org': {
    input: Empty,
    output: z.object({ queues: z.array(QueueSchema), staff: z.array(OverlaidStaffSchema), stores: z.array(StoreLocationSchema) }),
  },
  /** Knowledge-base articles (for a queue plus the general ones) and canned responses, in one language. */
  'reference.knowledge': {
    input: z.object({ language: LangSchema, queueId: IdSchema.nullable().default(null) }).strict(),
    output: z.object({ kb: z.array(KbArticleSchema), canned: z.array(CannedResponseSchema) }),
  },
  /** Survey answers (score and comment) of the given cases held here, newest first: the case view and Customer 360. */
  'survey.answers': {
    input: z.object({ caseIds: z.array(IdSchema).min(1).max(MAX_SURVEY_ANSWER_CASES) }).strict(),
    output: z.array(CsatResponseSchema),
  },
  /**
   * Knowledge-base articles by id, in any language, those held here (the articles a web chat visitor was shown
   * name them by id); an id not held is left out.
   */
  'reference.articles': {
    input: z.object({ articleIds: z.array(IdSchema).min(1).max(100) }).strict(),
    output: z.array(KbArticleSchema),
  },
  /**
   * Red alerts in the given states (default: not closed), newest first, each with its case as it stands now
   * (subject, assignee, queue, customer's name; null when the case is not held here).
   */
  'alert.list': {
    input: z.object({ statuses: z.array(AlertStatusSchema).min(1).max(4).optional() }).strict(),
    output: z.array(ListedAlertSchema),
  },
  /**
   * Supervisor console: every open case in the cache (assigned or not, with my pending changes laid over),
   * plus the cases and survey answers of the day since `since`, each case with its customer's name and the
   * mood of their latest messages. Figures (queues, load, charts) are computed by the console from this.
   * Supervisors and admins only (`forbidden` otherwise); works offline.
   */
  'supervisor.dashboard': {
    input: z.object({ since: TimeSchema }).strict(),
    output: z.object({ cases: z.array(DashboardCaseSchema), csat: z.array(CsatResponseSchema) }),
  },
  /**
   * Supervisor console, live: the dashboard's rows for what a `data.changed` named (cases, and the cases of
   * messages), and the named survey answers since `since`, so the console patches what it holds instead of
   * reading every open case again. `gone`: cases asked about that no longer belong on the dashboard.
   */
  'supervisor.dashboardChanges': {
    input: z
      .object({
        since: TimeSchema,
        cases: z.array(IdSchema).max(MAX_DASHBOARD_CHANGES),
        interactions: z.array(IdSchema).max(MAX_DASHBOARD_CHANGES),
        csat: z.array(IdSchema).max(MAX_DASHBOARD_CHANGES),
      })
      .strict(),
    output: z.object({ cases: z.array(DashboardCaseSchema), gone: z.array(IdSchema), csat: z.array(CsatResponseSchema) }),
  },
  /**
   * Supervisor console: deliveries that failed, newest first (at most `limit`), each with its case's subject and
   * its customer's name, my retries laid over. Supervisors and admins only (`forbidden` otherwise); works offline.
   */
  'supervisor.failedDeliveries': {
    input: z.object({ limit: z.number().int().min(1).max(MAX_FAILED_DELIVERIES).default(MAX_FAILED_DELIVERIES) }).strict(),
    output: z.array(z.object({ delivery: OverlaidDeliverySchema, caseSubject: z.string().nullable(), customerName: z.string().nullable() })),
  },
  /** My replies the hub holds back, oldest first. */
  'held.list': { input: Empty, output: z.array(OverlaidHeldReplySchema) },
  /**
   * Local search as you type: customers (name, email, phone in any format, loyalty number), cases (by id, or
   * through their customer or messages) and message text. Works offline.
   */
  'search.query': {
    input: z.object({ query: z.string().trim().min(1).max(200), limit: z.number().int().min(1).max(100).default(20) }).strict(),
    output: z.object({
      customers: z.array(CustomerSchema),
      cases: z.array(CaseSchema),
      messages: z.array(InteractionSchema),
      /** Names of the found cases' customers by customer id (those cached), so a case hit says whose it is. */
      customerNames: z.record(IdSchema, z.string()),
    }),
  },
  /**
   * Store lookup: customers in the cache first; when none match and the hub is reachable, asks the hub (an
   * exact identifier, or a name plus `detail`, else `needs-detail`) and keeps what it answers in the cache.
   * Store staff serve any customer who walks in: they get that customer's other open cases as continuation
   * views (case, brief and hand-over entries), and may continue them in their own store.
   */
  'store.lookup': {
    input: z
      .object({
        query: z.string().trim().min(2).max(200),
        /** One more detail for a name looked up beyond the cache: the end of a phone or loyalty number, part of an email. */
        detail: z.string().trim().min(3).max(100).optional(),
      })
      .strict(),
    output: z.object({ customers: z.array(CustomerSchema), source: z.enum(['cache', 'hub']) }),
  },

  // --- changes (each goes through the outbox; refusals show there) ---

  /** A customer-facing reply, based on the newest message the cache holds for the case. */
  'case.reply': {
    input: z
      .object({
        caseId: IdSchema,
        channel: ChannelSchema,
        text: Text,
        subject: z.string().max(300).optional(),
        /** Files uploaded with `attachment.upload` first. */
        attachments: z.array(AttachmentRefSchema).max(MAX_ATTACHMENTS).optional(),
      })
      .strict(),
    output: QueuedSchema,
  },

  // --- attachments (the hub keeps the files; the cache keeps those opened here, encrypted like the rest) ---

  /**
   * Sends a file to the hub to attach to a reply: checked here first (see attachmentProblem), so a refusal
   * (`attachment-refused`, its reason in `field`) needs no connection; uploading does (`offline`).
   */
  'attachment.upload': {
    input: z
      .object({
        // A lone surrogate is no text a file system names a file with, and no header can carry it to the hub.
        name: z
          .string()
          .max(1_000)
          .refine((n) => !/\p{Cs}/u.test(n), 'a file name is text without lone surrogates'),
        type: z.string().max(200),
        /** The bytes, base64. */
        data: z.string().max(Math.ceil(MAX_ATTACHMENT_BYTES / 3) * 4 + 4),
      })
      .strict(),
    output: AttachmentRefSchema,
  },
  /** A file of the timeline: from the cache when it was opened here before, else fetched from the hub and kept. */
  'attachment.get': { input: AttachmentRefSchema, output: z.object({ data: z.string() }) },
  /** An internal note (always accepted by the hub). */
  /** An internal note; `mentions` names colleagues to notify (picked with `@` in the composer). */
  'case.note': { input: z.object({ caseId: IdSchema, text: Text, mentions: z.array(IdSchema).max(MAX_MENTIONS).optional() }).strict(), output: QueuedSchema },
  /** Add tags to a case and take others off (compared with case and accents ignored). */
  'case.tag': {
    input: z
      .object({ caseId: IdSchema, add: z.array(TagSchema).max(MAX_CASE_TAGS).default([]), remove: z.array(TagSchema).max(MAX_CASE_TAGS).default([]) })
      .strict()
      .refine((p) => p.add.length + p.remove.length > 0, { message: 'add or remove at least one tag' }),
    output: QueuedSchema,
  },
  /** A note kept on a customer (Customer 360), shared with everyone who sees them. */
  'customer.note': { input: z.object({ customerId: IdSchema, text: z.string().trim().min(1).max(MAX_CUSTOMER_NOTE) }).strict(), output: QueuedSchema },
  /** Change a case's status and/or priority. */
  'case.update': {
    input: z
      .object({ caseId: IdSchema, status: CaseStatusSchema.optional(), priority: PrioritySchema.optional() })
      .strict()
      .refine((p) => p.status !== undefined || p.priority !== undefined, { message: 'give a status or a priority' }),
    output: QueuedSchema,
  },
  /** Take a case (`me`), hand it back to a queue, or (supervisors) give it to someone. */
  'case.assign': {
    input: z.object({ caseId: IdSchema, to: z.union([z.literal('me'), AssignTargetSchema]) }).strict(),
    output: QueuedSchema,
  },
  /** Store staff continue a case in person: records the visit and takes the case (store defaults to mine). */
  'case.continueInStore': {
    input: z.object({ caseId: IdSchema, text: Text, storeId: IdSchema.optional() }).strict(),
    output: QueuedSchema,
  },
  /** Edit a customer's contact details. */
  'customer.update': { input: z.object({ customerId: IdSchema, patch: CustomerPatchSchema }).strict(), output: QueuedSchema },
  /** A new customer (an unknown caller); it appears once the hub has given it an id (`data.changed`). */
  'customer.create': {
    input: z
      .object({
        name: z.string().trim().min(1).max(200),
        phones: z.array(PhoneSchema).max(5).default([]),
        emails: z.array(EmailSchema).max(5).default([]),
        language: LangSchema,
      })
      .strict(),
    output: QueuedSchema,
  },
  /** What to do with a reply the hub held: send it anyway, turn it into a note, or drop it. */
  'held.resolve': {
    input: z.object({ heldId: IdSchema, action: z.enum(['resend', 'note', 'discard']) }).strict(),
    output: QueuedSchema,
  },
  /** Set my own status (available, busy, away, offline). */
  'staff.setOwnStatus': { input: z.object({ status: StaffStatusSchema }).strict(), output: QueuedSchema },
  /** Send (or send again) the 1-10 survey of a resolved case. */
  'survey.send': { input: z.object({ caseId: IdSchema }).strict(), output: QueuedSchema },
  /** Try a failed delivery again (a new attempt on its channel); `conflict` when it has not failed. */
  'delivery.retry': { input: z.object({ deliveryId: IdSchema }).strict(), output: QueuedSchema },
  /** Red alert: I have seen it. */
  'alert.acknowledge': { input: z.object({ alertId: IdSchema }).strict(), output: QueuedSchema },
  /** Red alert: someone follows it up. */
  'alert.assign': { input: z.object({ alertId: IdSchema, staffId: IdSchema }).strict(), output: QueuedSchema },
  /** Red alert: closed, with what came of it (recovered, lost, no answer) and a note of what was done. */
  'alert.close': {
    input: z.object({ alertId: IdSchema, result: AlertResultSchema, outcome: z.string().trim().min(1).max(2_000) }).strict(),
    output: QueuedSchema,
  },
  /** Supervisor: move cases (one or many) to a person or a queue. */
  'supervisor.reassign': {
    input: z.object({ caseIds: z.array(IdSchema).min(1).max(1_000), to: AssignTargetSchema }).strict(),
    output: QueuedSchema,
  },
  /** Supervisor: move all of one person's open cases, optionally setting their status (end of shift). */
  'supervisor.reassignAll': {
    input: z.object({ fromStaffId: IdSchema, to: AssignTargetSchema, setStatus: StaffStatusSchema.optional() }).strict(),
    output: QueuedSchema,
  },
  /** Supervisor: change someone's status, capacity or queues. */
  'supervisor.updateStaff': {
    input: z
      .object({
        staffId: IdSchema,
        patch: z
          .object({
            status: StaffStatusSchema.optional(),
            capacity: CapacitySchema.partial().optional(),
            queueIds: z.array(IdSchema).max(100).optional(),
          })
          .strict(),
      })
      .strict(),
    output: QueuedSchema,
  },
  /** Supervisor: merge a duplicate customer into the one that stays; the duplicate's cases, identities and notes follow. */
  'supervisor.mergeCustomers': {
    input: z
      .object({ survivorId: IdSchema, mergedId: IdSchema })
      .strict()
      .refine((p) => p.survivorId !== p.mergedId, { message: 'a customer cannot be merged into itself' }),
    output: QueuedSchema,
  },

  // --- through the hub (online only) ---

  /** Supervisor: the audit trail, newest first (asked of the hub; needs the link). */
  'audit.query': {
    input: AuditQuerySchema,
    output: AuditQueryResponseSchema,
  },
  /**
   * Supervisor: self-service since `since`: questions the web chat's articles answered, by queue and article, and
   * the web chat conversations that reached each queue (asked of the hub; needs the link).
   */
  'supervisor.selfService': { input: z.object({ since: TimeSchema }).strict(), output: SelfServiceFiguresSchema },
  /**
   * Supervisor: the report of a period, its series in the asker's time zone and the period before (asked of the
   * hub: `offline` without the link; `invalid-input` for a bad range).
   */
  'supervisor.report': { input: ReportQuerySchema, output: ReportSchema },
  /**
   * Supervisor: the Voice of the Customer of a period: survey answers (a page), recurring phrases of low-score
   * comments, red alerts' results over time (asked of the hub: `offline` without the link).
   */
  'supervisor.voc': { input: VocQuerySchema, output: VocSchema },
  /**
   * Answer or decline a call ringing for me, or hang up one I answered (asked of the hub: `offline` without the
   * link; `forbidden` when the call is not mine to answer, `not-found`). Repeating what was done is answered
   * with where the call stands.
   */
  'call.respond': { input: CallRespondSchema, output: CallRespondResultSchema },
  /** Tell colleagues I am viewing or typing in a case (`none` when I leave it). Live only; ignored offline. */
  'presence.set': {
    input: z.object({ caseId: IdSchema, state: z.enum(['viewing', 'typing', 'none']) }).strict(),
    output: Empty,
  },

  // --- administration (admins; supervisors read the synced lists). Lists come from the cache (staff, queues
  // and stores from `reference.org`, articles and canned responses from `admin.knowledge`); changes go to the
  // hub's admin API (online only: `offline` otherwise) and the changed rows come back through the change feed.
  // Refusals keep the hub's code (`invalid-input` for its `invalid`, `not-found`, `conflict`, `forbidden`) and
  // the field it names. ---

  /** Every knowledge-base article (drafts too) and canned response held here, in every language. Works offline. */
  'admin.knowledge': {
    input: Empty,
    output: z.object({ kb: z.array(KbArticleSchema), canned: z.array(CannedResponseSchema) }),
  },
  /** How many open cases held here a person holds, or a queue has (asked before deactivating or archiving). */
  'admin.openCases': {
    input: z.union([z.object({ staffId: IdSchema }).strict(), z.object({ queueId: IdSchema }).strict()]),
    output: z.object({ count: z.number().int().nonnegative() }),
  },
  /** Adds a person; without `password`, the answer carries a one-time password, shown once and never kept. */
  'admin.createStaff': { input: CreateStaffSchema, output: AdminStaffSchema },
  /** Changes a person (only the fields given). */
  'admin.updateStaff': { input: UpdateStaffSchema.extend({ staffId: IdSchema }), output: AdminStaffSchema },
  /** Sets a person's password: the one given, or a one-time password in the answer (shown once). */
  'admin.resetPassword': {
    input: ResetPasswordSchema.extend({ staffId: IdSchema }),
    output: z.object({ id: IdSchema, mustChangePassword: z.boolean(), oneTimePassword: z.string().optional() }),
  },
  /** Deactivates a person (sessions end, sign-in refused); `conflict` while they hold open cases and `moveCasesTo` is missing. */
  'admin.deactivateStaff': { input: DeactivateStaffSchema.extend({ staffId: IdSchema }), output: AdminStaffSchema },
  /** Lets a deactivated person sign in again. */
  'admin.reactivateStaff': { input: z.object({ staffId: IdSchema }).strict(), output: AdminStaffSchema },
  'admin.createQueue': { input: CreateQueueSchema, output: QueueSchema },
  'admin.updateQueue': { input: UpdateQueueSchema.extend({ queueId: IdSchema }), output: QueueSchema },
  /** Archives a queue; `conflict` while it has open cases and `moveCasesTo` is missing. */
  'admin.archiveQueue': { input: ArchiveQueueSchema.extend({ queueId: IdSchema }), output: QueueSchema },
  'admin.createStore': { input: CreateStoreSchema, output: StoreLocationSchema },
  'admin.updateStore': { input: UpdateStoreSchema.extend({ storeId: IdSchema }), output: StoreLocationSchema },
  'admin.createArticle': { input: CreateArticleSchema, output: KbArticleSchema },
  'admin.updateArticle': { input: UpdateArticleSchema.extend({ articleId: IdSchema }), output: KbArticleSchema },
  'admin.createCanned': { input: CreateCannedSchema, output: CannedResponseSchema },
  'admin.updateCanned': { input: UpdateCannedSchema.extend({ cannedId: IdSchema }), output: CannedResponseSchema },
  /** The workstation policy as the hub has it now (admins only; not synced). */
  'admin.policy': { input: Empty, output: PolicySchema },
  /** Sets the workstation policy (connected workstations get it at once; the others at their next sign-in or connection). */
  'admin.setPolicy': { input: AdminPolicySchema, output: PolicySchema },
  /** The registered channel connectors (admins only; not synced; secrets as fingerprints only). */
  'admin.connectors': { input: Empty, output: z.object({ items: z.array(AdminConnectorSchema) }) },
  /** Registers or changes a channel's connector; a changed secret keeps working for `graceMinutes`. */
  'admin.setConnector': { input: PutConnectorSchema.extend({ channel: ConnectorChannelSchema }), output: AdminConnectorSchema },
  /** Removes a channel's connector at once. */
  'admin.removeConnector': { input: z.object({ channel: ConnectorChannelSchema }).strict(), output: AdminConnectorSchema },
  /** Where the web chat may be embedded, and the tag to paste (admins only; not synced). */
  'admin.webchat': { input: Empty, output: WebchatSettingsViewSchema },
  /** Sets the origins the web chat may be embedded on (the whole list). */
  'admin.setWebchat': { input: WebchatSettingsSchema, output: WebchatSettingsViewSchema },
  /** The mailboxes the hub speaks email through (admins only; not synced; whether passwords are set, never them). */
  'admin.mailboxes': { input: Empty, output: z.object({ items: z.array(AdminMailboxSchema) }) },
  /** Adds or changes a mailbox; a password left out stays as it is. */
  'admin.setMailbox': { input: PutMailboxSchema.extend({ address: EmailSchema }), output: AdminMailboxSchema },
  /** Removes a mailbox: the hub stops receiving and sending for it. */
  'admin.removeMailbox': { input: z.object({ address: EmailSchema }).strict(), output: AdminMailboxSchema },
  /** What importing a CSV file's text would do: counts to create, update and skip, and every bad row. Writes nothing. */
  'admin.previewImport': { input: ImportRequestSchema, output: ImportSummarySchema },
  /**
   * Imports a CSV file's text, all or nothing (`invalid-input` while a row is bad and `skipBadRows` is not set); a
   * staff import answers each person's one-time password, in this answer only.
   */
  'admin.applyImport': { input: ImportRequestSchema, output: ImportSummarySchema },

  // --- outbox ---

  /** Every outbox entry, oldest first: pending, sending, held and rejected (with reasons). */
  'outbox.list': { input: Empty, output: z.array(OutboxItemSchema) },
  /** Send a rejected change again, based on what the cache holds now. */
  'outbox.retry': { input: z.object({ mutationId: z.uuid() }).strict(), output: QueuedSchema },
  /** Drop a rejected or held change (or one never sent), with its effect on screen. */
  'outbox.discard': { input: z.object({ mutationId: z.uuid() }).strict(), output: Empty },
  /**
   * The cases the hub refused to move, with its reason code and message, for my reassignments it applied
   * (`supervisor.reassign`, `supervisor.reassignAll`): kept in my cache after their outbox entry is gone, for a
   * day (the newest 200 moves). A move left out of the answer had no refused case, or its results are not kept
   * here (sent from another workstation, or older).
   */
  'outbox.results': {
    input: z.object({ mutationIds: z.array(z.uuid()).max(MAX_RESULTS_READ) }).strict(),
    output: z.array(z.object({ mutationId: z.string(), failed: z.array(ItemResultSchema) })),
  },

  // --- assist ---

  /** The assist feedback model kept in my cache (pass it to suggestNextSteps). */
  'assist.feedbackModel': { input: Empty, output: FeedbackModelSchema },
  /** Record that I accepted or dismissed a suggested next step of this kind; answers the updated model. */
  'assist.recordFeedback': {
    input: z.object({ kind: NextStepKindSchema, outcome: z.enum(['accepted', 'dismissed']) }).strict(),
    output: FeedbackModelSchema,
  },

  // --- the person's own workstation preferences (kept in their encrypted cache) ---

  /** The link to the hub now (the event `connection.changed` tells only changes). */
  'connection.current': { input: Empty, output: ConnectionInfoSchema },
  /** Per kind of notice: play a sound, raise an OS notification. */
  'notifications.settings': { input: Empty, output: NotificationSettingsSchema },
  'notifications.saveSettings': { input: NotificationSettingsSchema, output: NotificationSettingsSchema },
  /**
   * Called once the workspace shows after sign-in: when my status is offline, puts back the status I last chose
   * myself (queued like any change). `restored` null when there was nothing to put back (the renderer asks).
   */
  'status.atSignIn': { input: Empty, output: z.object({ status: StaffStatusSchema, restored: OwnStatusSchema.nullable() }) },

  // --- my inbox settings (kept in my cache; each answers the settings as they now are) ---

  /** My row density and saved views. */
  'inbox.preferences': { input: Empty, output: InboxPreferencesSchema },
  'inbox.setDensity': { input: z.object({ density: InboxDensitySchema }).strict(), output: InboxPreferencesSchema },
  /** Saves the filters under a new name; `conflict` when I have a view of that name or MAX_SAVED_VIEWS already. */
  'inbox.saveView': { input: z.object({ name: ViewName, filters: InboxViewFiltersSchema }).strict(), output: InboxPreferencesSchema },
  /** `conflict` when another of my views has the name; `not-found` when the view is gone. */
  'inbox.renameView': { input: z.object({ viewId: IdSchema, name: ViewName }).strict(), output: InboxPreferencesSchema },
  'inbox.deleteView': { input: z.object({ viewId: IdSchema }).strict(), output: InboxPreferencesSchema },
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;

export type Channels = typeof channels;
export type ChannelName = keyof Channels;
/** What a caller passes (defaults may be left out). */
export type InputOf<C extends ChannelName> = z.input<Channels[C]['input']>;
/** What a handler receives: the input after parsing (defaults filled in). */
export type ParsedInputOf<C extends ChannelName> = z.output<Channels[C]['input']>;
export type OutputOf<C extends ChannelName> = z.output<Channels[C]['output']>;

// ---------- events: engine -> renderer ----------

export const events = {
  /** Bootstrap, catch-up and search-index progress, for a progress bar. */
  'sync.progress': z.object({
    /** A phased bootstrap reports its phase (cases, history, recent: see SnapshotRequestSchema). */
    phase: z.enum(['snapshot', ...SNAPSHOT_PHASES, 'pull', 'index']),
    done: z.number().int().nonnegative(),
    total: z.number().int().nonnegative(),
    percent: z.number().min(0).max(100),
  }),
  /** Readiness for offline work changed (or its percent did). */
  'offline.readiness': OfflineReadinessSchema,
  /** The link to the hub changed, or the last sync time or the unsent count did. */
  'connection.changed': ConnectionInfoSchema,
  /** Rows changed (from the hub or by my own changes): refresh what shows them. `outbox` when the outbox did. */
  'data.changed': z.object({
    entities: z.partialRecord(EntityNameSchema, z.array(IdSchema)),
    /**
     * The cases the changed rows belong to (a changed case, and the case of each changed interaction, delivery,
     * held reply...), so a view of one case reads again only when that case changed. Absent when not known (my
     * own changes: `outbox`): then any change to those entities may concern the case.
     */
    cases: z.array(IdSchema).optional(),
    outbox: z.boolean(),
  }),
  /** A case was just assigned to me. */
  'assignment.new': z.object({ case: CaseSchema, customerName: z.string().nullable() }),
  /** A red alert was just addressed to me. */
  'alert.red': z.object({ alert: AlertSchema, customerName: z.string().nullable() }),
  /** A call is ringing for me: the caller (null if unknown) and glimpses of their open cases (see the protocol). */
  'call.offer': CallOfferSchema,
  /** A call offered to me moved on: handed to someone else, answered, or ended (with its case once known). */
  'call.update': CallUpdateSchema,
  /** How far an import I started has come on the hub (customers written, or passwords made for people). */
  'admin.importProgress': ImportProgressSchema,
  /** Who is viewing or typing in a case now. */
  'presence.update': z.object({ caseId: IdSchema, present: z.array(PresenceSchema) }),
  /**
   * A web chat visitor started (`typing`) or stopped typing on a case I see. Live only: a `typing: false` lost with
   * the link never comes, so the renderer lets a `typing` lapse by itself.
   */
  'visitor.typing': VisitorTypingSchema,
  /**
   * A reply or survey I wrote, or one on a case I own, could not be delivered (the hub gave up): which case and
   * what failed, with the case's subject and customer's name when cached.
   */
  'delivery.failed': z.object({ failure: DeliveryFailedSchema, caseSubject: z.string().nullable(), customerName: z.string().nullable() }),
  /** A colleague mentioned me in an internal note (live from the hub). */
  'mention.new': NoteMentionSchema,
  /** The hub held one of my replies: it waits in the case (and `held.list`) for me to decide. */
  'held.notice': z.object({ held: HeldReplySchema }),
  /** The session locked (idle timer or "lock now"): show the unlock screen. */
  'session.locked': z.object({ reason: LockReasonSchema }),
  /** The session ended without the person asking: the hub revoked it, or it cannot be renewed. Sign in again. */
  'session.ended': z.object({ reason: z.enum(['revoked', 'expired']) }),
} as const satisfies Record<string, z.ZodType>;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.output<Events[E]>;

/** The renderer's view of the engine, whatever the transport (preload or WebSocket). */
export type WorkstationApi = {
  invoke<C extends ChannelName>(channel: C, input: InputOf<C>): Promise<IpcResult<OutputOf<C>>>;
  /** Subscribes to an event; returns the unsubscribe function. */
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
};
