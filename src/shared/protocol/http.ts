import { z } from 'zod';
import {
  attachmentListSchema,
  CallOutcomeSchema,
  CallStateSchema,
  ChannelSchema,
  EmailSchema,
  HandleSchema,
  IdSchema,
  KeySchema,
  LoyaltyNumberSchema,
  MAX_ATTACHMENTS,
  MAX_MESSAGE_ATTACHMENT_BYTES,
  PersonNameInputSchema,
  StaffSchema,
  TextInputSchema,
  WrittenPhoneSchema,
} from '../domain';
import { ConnectorAttachmentSchema } from './delivery';

/** Largest request body the hub reads (ingestion and auth). Larger bodies get 413 and change nothing. */
export const MAX_HTTP_BODY_BYTES = 64 * 1024;
/** Largest `POST /api/v1/inbound` body: a message with its files in base64 (4 bytes for every 3). */
export const MAX_INBOUND_BODY_BYTES = MAX_HTTP_BODY_BYTES + Math.ceil(MAX_MESSAGE_ATTACHMENT_BYTES / 3) * 4 + MAX_ATTACHMENTS * 1024;

/**
 * `POST /api/v1/inbound`: a customer message from a channel connector.
 * Signed: header `X-Signature: sha256=<hex HMAC-SHA256 of the raw body with HUB_SECRET>`.
 * `externalId` makes it idempotent: the same connector message twice creates one interaction.
 */
export const InboundMessageSchema = z
  .object({
    channel: ChannelSchema,
    from: z
      .object({
        // The same rules as every stored identity (src/shared/domain/identity.ts): normalised, or refused
        // with a 422 naming the field.
        email: EmailSchema.optional(),
        // Kept as written: a number without its country code is read in the store's or queue's country.
        phone: WrittenPhoneSchema.optional(),
        handle: HandleSchema.optional(),
        loyaltyNumber: LoyaltyNumberSchema.optional(),
        name: PersonNameInputSchema.optional(),
      })
      .strict()
      .refine((f) => f.email || f.phone || f.handle || f.loyaltyNumber, {
        message: 'from needs one of email, phone, handle or loyaltyNumber',
      }),
    text: TextInputSchema(20_000).default(''),
    subject: TextInputSchema(300).optional(),
    externalId: KeySchema(200),
    /** Files the customer sent (base64 bytes; the hub stores each once and refers to it from the message). */
    attachments: attachmentListSchema(ConnectorAttachmentSchema).optional(),
    /** Social network name, for `social`. */
    network: z.string().regex(/^[\p{L}\p{N} ._-]{1,40}$/u, 'a network name is letters, digits, spaces, dots, dashes or underscores').optional(),
    /** Phone call lifecycle: `ringing` offers the call (and pops the caller's record), `ended` records it. */
    call: z
      .object({
        id: KeySchema(100),
        state: CallStateSchema,
        durationSec: z.number().int().nonnegative().max(86_400).optional(),
        outcome: CallOutcomeSchema.optional(),
        notes: TextInputSchema(10_000).optional(),
      })
      .strict()
      .optional(),
    /** Video chat session details. */
    video: z
      .object({
        sessionLengthSec: z.number().int().nonnegative().max(86_400),
        summary: TextInputSchema(10_000).optional(),
        notes: TextInputSchema(10_000).optional(),
      })
      .strict()
      .optional(),
    /** In-store visit recorded by a store system. */
    store: z.object({ storeId: IdSchema, staffId: IdSchema.optional() }).strict().optional(),
    /** The customer's answer to a survey: a score from 1 to 10 for a case. */
    survey: z
      .object({ caseId: IdSchema, score: z.number().int().min(1).max(10), comment: TextInputSchema(5_000).optional() })
      .strict()
      .optional(),
  })
  .strict()
  .refine((m) => m.text.trim().length > 0 || m.call || m.survey || m.video, {
    message: 'text is empty (only calls, video sessions and survey answers may come without text)',
  });
export type InboundMessage = z.infer<typeof InboundMessageSchema>;

export const InboundResultSchema = z.object({
  ok: z.literal(true),
  /** Null only for a ringing call from an unknown number (the agent creates or finds the customer). */
  customerId: IdSchema.nullable(),
  caseId: IdSchema.nullable(),
  interactionId: IdSchema.nullable(),
  /** True when this externalId was seen before and nothing new was created. */
  duplicate: z.boolean(),
  assigneeId: IdSchema.nullable(),
});
export type InboundResult = z.infer<typeof InboundResultSchema>;

/** Error body of every 4xx/5xx answer of the HTTP API. */
export const HttpErrorSchema = z.object({ ok: z.literal(false), error: z.string(), message: z.string() });

/** `POST /api/v1/auth/login` */
export const LoginRequestSchema = z
  .object({ username: KeySchema(64).trim(), password: z.string().min(1).max(256) })
  .strict();

/** Rules the hub sets for workstations. */
export const PolicySchema = z.object({
  /** How long a workstation may sign someone in offline after their last online sign-in. */
  maxOfflineHours: z.number().positive(),
  /** Minutes without input before the workstation locks. */
  idleLockMinutes: z.number().positive(),
});
export type Policy = z.infer<typeof PolicySchema>;

/** Answer of login and refresh. The access token is short-lived; the refresh token rotates on each use. */
export const SessionSchema = z.object({
  ok: z.literal(true),
  accessToken: z.string(),
  accessExpiresAt: z.number().int(),
  refreshToken: z.string(),
  refreshExpiresAt: z.number().int(),
  staff: StaffSchema,
  policy: PolicySchema,
  /** Present on a sign-in whose password was set by an admin: the person must choose a new one before working. */
  mustChangePassword: z.literal(true).optional(),
});
export type Session = z.infer<typeof SessionSchema>;

/** Why the hub's password rule refuses a new password (src/server/auth/passwordPolicy.ts): the error code of the refusal. */
export const PASSWORD_PROBLEMS = ['too-short', 'too-long', 'common', 'same-as-username'] as const;
export type PasswordProblemCode = (typeof PASSWORD_PROBLEMS)[number];

/**
 * `POST /api/v1/auth/password` (with the session's access token as `Authorization: Bearer`): one's own
 * password change. The new password may be longer than the login's limit here so that the hub's password
 * rule, not the schema, says why it is refused (`too-long`).
 */
export const ChangePasswordRequestSchema = z
  .object({ currentPassword: z.string().min(1).max(256), newPassword: z.string().min(1).max(1024) })
  .strict();

/**
 * Answer of a password change: how many other sessions of the person it ended. Refusals: 401
 * `bad-credentials` (wrong current password) or `expired`/`revoked` (the token), 429 `rate-limited`, 400 with
 * a PASSWORD_PROBLEMS code.
 */
export const ChangePasswordResultSchema = z.object({ ok: z.literal(true), endedSessions: z.number().int().nonnegative() });
export type ChangePasswordResult = z.infer<typeof ChangePasswordResultSchema>;

/** `POST /api/v1/auth/refresh` and `POST /api/v1/auth/logout` (logout revokes the session). */
export const RefreshRequestSchema = z.object({ refreshToken: z.string().min(10).max(512) }).strict();
