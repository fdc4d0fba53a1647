import { z } from 'zod';
import {
  CannedResponseSchema,
  MacroSetsSchema,
  CapacitySchema,
  ChannelSchema,
  CountrySchema,
  IdSchema,
  KbArticleSchema,
  LangSchema,
  PersonNameInputSchema,
  QueueSchema,
  RoleSchema,
  SlaPolicySchema,
  StaffSchema,
  StoreLocationSchema,
  TextInputSchema,
} from '../domain';
import { PolicySchema } from './http';
import { AdminMailboxSchema } from './mailbox';
import { OriginSchema } from './webchat';

/**
 * The administration API (`/api/v1/admin/...`, JSON, `Authorization: Bearer <accessToken>` of an admin): the
 * bodies it takes and the answers it gives. Every body is strict (an unknown field is refused, naming it), and
 * `GET /api/v1/openapi.json` is generated from these same schemas.
 */

/** Text an admin types for a label (a queue's or store's name, an article's title): cleaned, trimmed, not blank. */
const LabelSchema = (max: number) => TextInputSchema(max * 5).transform((s) => s.trim().slice(0, max)).pipe(z.string().min(1, 'cannot be blank'));
const SkillsSchema = z.array(z.string().trim().min(1).max(40)).max(50);
const IdListSchema = z.array(IdSchema).max(10_000);

/** A sign-in name: stored in lower case (sign-in folds what is typed), letters, digits and `. _ - @`. */
export const UsernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.string().regex(/^[\p{L}\p{N}._@-]{2,64}$/u, 'a username is 2 to 64 letters, digits, dots, dashes, underscores or @'));

/** A password an admin sets; the hub's one password rule (passwordPolicy.ts) decides whether it is good enough. */
const PasswordInputSchema = z.string().min(1).max(256);

/** Where the open cases of a person or queue go when they leave: a queue (routed again there) or a person. */
export const MoveCasesToSchema = z.union([z.object({ queueId: IdSchema }).strict(), z.object({ staffId: IdSchema }).strict()]);
export type MoveCasesTo = z.infer<typeof MoveCasesToSchema>;

const staffFields = {
  name: PersonNameInputSchema,
  role: RoleSchema,
  languages: z.array(LangSchema).min(1).max(10),
  skills: SkillsSchema,
  /** The queues the person is a member of (all of them: a queue left out is left). */
  queueIds: IdListSchema,
  /** Per channel; channels left out keep their value (the role's default for a new person). */
  capacity: CapacitySchema.partial().strict(),
  storeId: IdSchema.nullable(),
};

/** `POST /api/v1/admin/staff`. Without `password` a one-time password is generated, returned once, and must be changed. */
export const CreateStaffSchema = z
  .object({
    username: UsernameSchema,
    ...staffFields,
    skills: staffFields.skills.default([]),
    queueIds: staffFields.queueIds.default([]),
    capacity: staffFields.capacity.default({}),
    storeId: staffFields.storeId.default(null),
    password: PasswordInputSchema.optional(),
    /** The person must choose a new password at their first sign-in (always so for a generated one). */
    mustChange: z.boolean().default(false),
  })
  .strict();
export type CreateStaff = z.infer<typeof CreateStaffSchema>;

/** `PATCH /api/v1/admin/staff/{id}`: only what is given changes. */
export const UpdateStaffSchema = z.object(staffFields).partial().strict();
export type UpdateStaff = z.infer<typeof UpdateStaffSchema>;

/** `POST /api/v1/admin/staff/{id}/reset-password`: a given password, or a generated one-time password. */
export const ResetPasswordSchema = z
  .object({ password: PasswordInputSchema.optional(), mustChange: z.boolean().default(true) })
  .strict();
export type ResetPassword = z.infer<typeof ResetPasswordSchema>;

/** `POST /api/v1/admin/staff/{id}/deactivate`: refused while the person holds open cases, unless told where they go. */
export const DeactivateStaffSchema = z.object({ moveCasesTo: MoveCasesToSchema.optional() }).strict();
export type DeactivateStaff = z.infer<typeof DeactivateStaffSchema>;

/** A person as the admin API shows them: the synced row (never credentials). */
export const AdminStaffSchema = StaffSchema.extend({
  /** Only in the answer that created it: shown once, never stored in clear, never logged. */
  oneTimePassword: z.string().optional(),
});

const queueFields = {
  name: LabelSchema(100),
  channels: z.array(ChannelSchema).min(1, 'a queue needs at least one channel').max(20),
  languages: z.array(LangSchema).min(1).max(10),
  skills: SkillsSchema,
  sla: SlaPolicySchema.strict(),
  csatAlertThreshold: z.number().int().min(1).max(10),
  alertStaffIds: IdListSchema,
  alertAckMinutes: z.number().int().positive().max(60 * 24 * 7),
  memberIds: IdListSchema,
  /** ISO 3166 two-letter code; null: none (numbers written without a country code are then refused). */
  country: CountrySchema.nullable(),
};

/** `POST /api/v1/admin/queues`. */
export const CreateQueueSchema = z
  .object({
    ...queueFields,
    skills: queueFields.skills.default([]),
    sla: queueFields.sla.default({ firstResponseMinutes: 60, nextResponseMinutes: 240 }),
    csatAlertThreshold: queueFields.csatAlertThreshold.default(4),
    alertStaffIds: queueFields.alertStaffIds.default([]),
    alertAckMinutes: queueFields.alertAckMinutes.default(30),
    memberIds: queueFields.memberIds.default([]),
    country: queueFields.country.default(null),
  })
  .strict();
export type CreateQueue = z.infer<typeof CreateQueueSchema>;

/** `PATCH /api/v1/admin/queues/{id}`. */
export const UpdateQueueSchema = z.object(queueFields).partial().strict();
export type UpdateQueue = z.infer<typeof UpdateQueueSchema>;

/** `POST /api/v1/admin/queues/{id}/archive`: refused while it has open cases, unless told which queue takes them. */
export const ArchiveQueueSchema = z.object({ moveCasesTo: z.object({ queueId: IdSchema }).strict().optional() }).strict();
export type ArchiveQueue = z.infer<typeof ArchiveQueueSchema>;

const storeFields = { name: LabelSchema(100), city: LabelSchema(100), country: CountrySchema.nullable() };
/** `POST /api/v1/admin/stores`. */
export const CreateStoreSchema = z.object({ ...storeFields, country: storeFields.country.default(null) }).strict();
/** `PATCH /api/v1/admin/stores/{id}`. */
export const UpdateStoreSchema = z.object(storeFields).partial().strict();

const articleFields = {
  title: LabelSchema(200),
  body: TextInputSchema(20_000),
  tags: SkillsSchema,
  language: LangSchema,
  queueId: IdSchema.nullable(),
  status: KbArticleSchema.shape.status.unwrap(),
};
/** `POST /api/v1/admin/articles`: a draft unless `status` says published. */
export const CreateArticleSchema = z
  .object({ ...articleFields, tags: articleFields.tags.default([]), queueId: articleFields.queueId.default(null), status: articleFields.status.default('draft') })
  .strict();
/** `PATCH /api/v1/admin/articles/{id}`. */
export const UpdateArticleSchema = z.object(articleFields).partial().strict();

const cannedFields = {
  shortcut: z.string().trim().regex(/^[\p{L}\p{N}_-]{1,40}$/u, 'a shortcut is 1 to 40 letters, digits, dashes or underscores'),
  title: LabelSchema(200),
  body: TextInputSchema(5_000),
  language: LangSchema,
  queueId: IdSchema.nullable(),
  /** A macro: status, priority and tags picking it also sets on the case; null (or nothing set) for a plain response. */
  sets: MacroSetsSchema.nullable(),
};
/** `POST /api/v1/admin/canned`. */
export const CreateCannedSchema = z.object({ ...cannedFields, queueId: cannedFields.queueId.default(null), sets: cannedFields.sets.default(null) }).strict();
/** `PATCH /api/v1/admin/canned/{id}`. */
export const UpdateCannedSchema = z.object(cannedFields).partial().strict();

/** `PUT /api/v1/admin/policy`: what every workstation is told at sign-in and connection, and live when it changes. */
export const AdminPolicySchema = z
  .object({
    maxOfflineHours: PolicySchema.shape.maxOfflineHours.max(24 * 90),
    idleLockMinutes: PolicySchema.shape.idleLockMinutes.max(24 * 60),
  })
  .strict();

/**
 * The channels that reach customers through a connector the contact centre runs (a chat platform, an SMS
 * gateway, a social network, the phone and video platforms). Email the hub speaks itself; in-store has no wire.
 */
export const CONNECTOR_CHANNELS = ['chat', 'phone', 'video', 'social', 'sms'] as const satisfies readonly z.infer<typeof ChannelSchema>[];
export const ConnectorChannelSchema = z.enum(CONNECTOR_CHANNELS);
export type ConnectorChannel = z.infer<typeof ConnectorChannelSchema>;

/** A shared signing secret: long enough not to be guessed, visible ASCII so it survives copying into a config file. */
export const ConnectorSecretSchema = z.string().regex(/^[\x21-\x7e]{24,256}$/, 'a secret is 24 to 256 visible ASCII characters, without spaces');

/** The longest grace period a replaced secret may keep working: a week. */
export const MAX_SECRET_GRACE_MINUTES = 7 * 24 * 60;

/**
 * `PUT /api/v1/admin/connectors/{channel}`: registers the channel's connector (`url` and `secret`), or changes
 * it. A secret that differs from the stored one rotates it: the replaced secret keeps working for `graceMinutes`
 * (0: no longer at all). A secret left out of a change stays as it is; a channel that never had an
 * `inboundSecret` accepts what is signed with the hub's own secret (HUB_SECRET).
 */
export const PutConnectorSchema = z
  .object({
    /** Where the hub sends the channel's deliveries: http or https, no user or password in it. */
    url: z
      .url({ protocol: /^https?$/, error: 'the connector URL is an http or https address' })
      .max(2_000)
      // Zod runs this even when the address is not one (the check above has said so): only a parsed one is asked.
      .refine((u) => !URL.canParse(u) || (!new URL(u).username && !new URL(u).password), 'put no user name or password in the URL: the secret signs every request'),
    /** Signs what the hub sends the connector. Needed to register; optional when changing. */
    secret: ConnectorSecretSchema.optional(),
    /** Signs what the connector sends the hub (inbound messages, delivery reports). */
    inboundSecret: ConnectorSecretSchema.optional(),
    graceMinutes: z.number().int().min(0).max(MAX_SECRET_GRACE_MINUTES).default(60),
  })
  .strict();
export type PutConnector = z.infer<typeof PutConnectorSchema>;

/**
 * A connector as the admin API shows it: never a secret, only its fingerprint (the first 8 hex digits of its
 * SHA-256), so an admin can tell which secret a connector has without anyone reading it back.
 */
export const AdminConnectorSchema = z.object({
  channel: ConnectorChannelSchema,
  url: z.string(),
  secretFingerprint: z.string(),
  /** Until then the replaced outbound secret is still valid; null when nothing was replaced or its grace is over. */
  secretGraceUntil: z.number().int().nullable(),
  /** Null: the channel's inbound messages are signed with the hub's own secret. */
  inboundSecretFingerprint: z.string().nullable(),
  /** Until then the replaced inbound secret (or the hub's own, before the channel had one) is still accepted. */
  inboundGraceUntil: z.number().int().nullable(),
  updatedAt: z.number().int(),
});
export type AdminConnector = z.infer<typeof AdminConnectorSchema>;

/** The one error body of the admin API: a code (see ReasonCode, plus HTTP-level ones), a message, the field at fault. */
export const AdminErrorSchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), field: z.string().optional() }),
});
export type AdminError = z.infer<typeof AdminErrorSchema>;

/** Answers: the row as stored (what workstations receive in the change feed); lists as `{ items }`. */
export const AdminAnswers = {
  staff: AdminStaffSchema,
  queue: QueueSchema,
  store: StoreLocationSchema,
  article: KbArticleSchema,
  canned: CannedResponseSchema,
  policy: PolicySchema,
  connector: AdminConnectorSchema,
  mailbox: AdminMailboxSchema,
};

/**
 * The largest CSV file the admin API imports, as text: 10 MiB is about 100,000 customers. The importer itself
 * reads files ten times larger; those go through `npm run hub -- import`, which streams nothing through JSON.
 */
export const MAX_IMPORT_CSV_CHARS = 10 * 1024 * 1024;
/**
 * The body limit of the two import endpoints: the file's text escaped as JSON (a quote or line break takes two
 * bytes, a letter beyond Latin up to four), with room for the other fields. Every other endpoint keeps the
 * HTTP API's limit.
 */
export const MAX_IMPORT_BODY_BYTES = 4 * MAX_IMPORT_CSV_CHARS + 64 * 1024;

export const ImportKindSchema = z.enum(['customers', 'staff']);
export type ImportKind = z.infer<typeof ImportKindSchema>;

/**
 * `import:progress`, live to the admin running an import: customers written, or one-time passwords made for
 * people (the slow part of a staff import), out of how many. A file is checked before the first one.
 */
export const ImportProgressSchema = z.object({ kind: ImportKindSchema, done: z.number().int().nonnegative(), total: z.number().int().nonnegative() });
export type ImportProgress = z.infer<typeof ImportProgressSchema>;
/** What a customers row matching a customer does: updates them, or is left out. */
export const OnMatchSchema = z.enum(['update', 'skip']);

const importFields = {
  /** The file's text (UTF-8 CSV with a header row naming the columns). */
  csv: z.string().min(1, 'the file is empty').max(MAX_IMPORT_CSV_CHARS, `the file is larger than ${MAX_IMPORT_CSV_CHARS / 1024 / 1024} MiB: split it, or import it with npm run hub -- import`),
  /** Import the good rows even when some are bad (otherwise nothing is imported while any row is bad). */
  skipBadRows: z.boolean().default(false),
};
const dryRun = { /** Only say what importing would do; nothing is written. */ dryRun: z.boolean().default(false) };

/** `POST /api/v1/admin/import/customers`. */
export const ImportCustomersSchema = z.object({ ...importFields, ...dryRun, onMatch: OnMatchSchema.default('update') }).strict();
/** `POST /api/v1/admin/import/staff`: a taken username is a bad row. */
export const ImportStaffSchema = z.object({ ...importFields, ...dryRun }).strict();

/** An import as the workstation asks for it: the kind says which endpoint, and whether `onMatch` applies. */
export const ImportRequestSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('customers'), ...importFields, onMatch: OnMatchSchema.default('update') }).strict(),
  z.object({ kind: z.literal('staff'), ...importFields }).strict(),
]);
export type ImportRequest = z.input<typeof ImportRequestSchema>;

/** A row that cannot be imported: its line in the file, the column at fault (or `row`), and why. */
export const BadRowSchema = z.object({ line: z.number().int().positive(), field: z.string(), reason: z.string() });
export type BadRow = z.infer<typeof BadRowSchema>;

/** What an import would do (`dryRun`) or did: rows created, updated, matching and skipped, and every bad row. */
export const ImportSummarySchema = z.object({
  dryRun: z.boolean(),
  create: z.number().int().nonnegative(),
  update: z.number().int().nonnegative(),
  skip: z.number().int().nonnegative(),
  bad: z.array(BadRowSchema),
  /** The people a staff import created, each with their one-time password: in this answer only, never again. */
  people: z.array(z.object({ id: IdSchema, username: z.string(), name: z.string(), oneTimePassword: z.string() })),
});
export type ImportSummary = z.infer<typeof ImportSummarySchema>;

/**
 * `GET`/`PUT /api/v1/admin/webchat`: where the web chat widget may be embedded. Pages of other origins cannot
 * frame it or start a visitor session. `snippet` (answers only) is the tag a shop pastes, for a queue.
 */
export const WebchatSettingsSchema = z
  .object({ allowedOrigins: z.array(OriginSchema).max(50) })
  .strict();
export type WebchatSettings = z.infer<typeof WebchatSettingsSchema>;
export const WebchatSettingsViewSchema = WebchatSettingsSchema.extend({
  /** `<script src="<public url>/widget.js" data-queue="QUEUE_ID" async></script>`, with the queue to fill in. */
  snippet: z.string(),
  updatedAt: z.number().int().nullable(),
});
export type WebchatSettingsView = z.infer<typeof WebchatSettingsViewSchema>;
