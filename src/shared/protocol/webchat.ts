/**
 * The customer's side of web chat: what the widget's page (served by the hub, in an iframe on a shop's page) and
 * the hub say to each other. One typed contract for both ends (src/webchat is the browser end, src/server/webchat
 * the hub's).
 *
 * 1. `POST /api/v1/webchat/sessions` (WebchatStartSchema) makes a visitor session for a queue from an allowed
 *    origin, optionally for a customer the shop signed in (`identity`: HMAC-SHA256 of the customer id with the
 *    chat connector's inbound secret, hex). The answer carries a random token; the hub stores only its hash.
 *    The widget keeps the token (the hub's origin, so it follows the visitor to every page of the shop).
 * 2. The widget connects to the `/visitor` Socket.IO namespace with `auth: { token }`, asks `visitor:history`
 *    from its cursor (missed messages after a reload or on another page), and then talks with the events below.
 *    Every request is validated; a flooding visitor is slowed, then disconnected.
 * 3. Files (a photo) go up over HTTP first (`POST /api/v1/webchat/files`, `Authorization: Bearer <token>`, like
 *    the staff's `/api/v1/attachments`) and are named by reference in `visitor:send`; the visitor fetches the
 *    files of their conversation with `GET /api/v1/webchat/files/{sha256}` and the same header.
 */
import { z } from 'zod';
import { AttachmentRefSchema, IdSchema, LangSchema, MAX_ATTACHMENTS, MAX_SURVEY_COMMENT, TextInputSchema, TimeSchema, EmailSchema, PhoneInputSchema, PersonNameInputSchema } from '../domain';

export const WEBCHAT_NAMESPACE = '/visitor';
export const WEBCHAT_SESSIONS_PATH = '/api/v1/webchat/sessions';
export const WEBCHAT_FILES_PATH = '/api/v1/webchat/files';

/** Longest message a visitor may write (characters); longer is refused with `too-long`, nothing lost. */
export const MAX_VISITOR_TEXT = 4_000;

/** A web origin as browsers send it: scheme, host and port only (`https://shop.example`). */
export const OriginSchema = z
  .string()
  .max(200)
  .regex(/^https?:\/\/[a-z0-9.-]+(:\d{1,5})?$/i, 'an origin is scheme://host[:port], e.g. https://shop.example')
  .transform((s) => s.toLowerCase());

/** A page the visitor was on (shown to agents, newest last). */
export const VisitedPageSchema = z
  .object({ url: z.string().url().max(500), title: z.string().max(200).default('') })
  .strict();
export type VisitedPage = z.infer<typeof VisitedPageSchema>;

/** `POST /api/v1/webchat/sessions` */
export const WebchatStartSchema = z
  .object({
    queue: IdSchema,
    origin: OriginSchema,
    lang: LangSchema.optional(),
    identity: z
      .object({ customerId: IdSchema, signature: z.string().regex(/^[0-9a-f]{64}$/, 'signature is 64 hex digits (HMAC-SHA256)') })
      .strict()
      .optional(),
  })
  .strict();
export type WebchatStart = z.infer<typeof WebchatStartSchema>;

export const WebchatSessionSchema = z.object({
  ok: z.literal(true),
  token: z.string(),
  visitorId: IdSchema,
  lang: LangSchema,
  /** The signed-in customer's first name, to greet them; null for an anonymous visitor. */
  customerName: z.string().nullable(),
});
export type WebchatSession = z.infer<typeof WebchatSessionSchema>;

/** One message of the visitor's conversation, as the visitor sees it (no internal notes, no other channels). */
export const VisitorMessageSchema = z.object({
  id: IdSchema,
  /** Who wrote it: the visitor, or the shop (an agent, or the hub's own survey). */
  from: z.enum(['visitor', 'agent']),
  text: z.string(),
  at: TimeSchema,
  /** The agent's display name on the shop's messages; null for the visitor's own and for automatic ones. */
  agentName: z.string().nullable(),
  attachments: z.array(AttachmentRefSchema).max(MAX_ATTACHMENTS),
  /** The visitor's own: `read` once an agent has opened it. The shop's: `delivered`, then `read` once the visitor saw it. */
  status: z.enum(['sent', 'delivered', 'read']),
  /** Where the conversation resumes after this message (`visitor:history` `after`). */
  cursor: z.string(),
});
export type VisitorMessage = z.infer<typeof VisitorMessageSchema>;

/** An article suggested to the visitor as they type (the published knowledge base, their language). */
export const SuggestedArticleSchema = z.object({ id: IdSchema, title: z.string(), snippet: z.string(), url: z.string() });
export type SuggestedArticle = z.infer<typeof SuggestedArticleSchema>;

/** Whether anyone can answer now, and how long the visitor should expect to wait. */
export const AvailabilitySchema = z.object({
  /** People of the queue signed in and available now. */
  available: z.number().int().nonnegative(),
  /** Conversations waiting before a new one. */
  waiting: z.number().int().nonnegative(),
  /** Expected minutes to a first answer; null when nobody is available (the widget offers to leave a message). */
  waitMinutes: z.number().int().nonnegative().nullable(),
});
export type Availability = z.infer<typeof AvailabilitySchema>;

/** The 1-10 question inline in the chat once the case is resolved. */
export const InlineSurveySchema = z.object({
  caseId: IdSchema,
  question: z.string(),
  /** The visitor's answer so far; they may change it until `changeableUntil`. */
  score: z.number().int().min(1).max(10).nullable(),
  comment: z.string().nullable(),
  changeableUntil: TimeSchema.nullable(),
});
export type InlineSurvey = z.infer<typeof InlineSurveySchema>;

export const HistoryRequestSchema = z.object({ after: z.string().max(100).nullable() }).strict();
export const HistoryResponseSchema = z.object({
  messages: z.array(VisitorMessageSchema),
  more: z.boolean(),
  availability: AvailabilitySchema,
  survey: InlineSurveySchema.nullable(),
  /** The name of the person handling the conversation now, if someone took it. */
  agentName: z.string().nullable(),
});

export const SendRequestSchema = z
  .object({
    /** The widget's own id for this message: sending it again (a lost answer) creates it once. */
    clientId: z.string().regex(/^[\w-]{8,64}$/),
    text: TextInputSchema(MAX_VISITOR_TEXT).default(''),
    attachments: z.array(AttachmentRefSchema).max(MAX_ATTACHMENTS).optional(),
    /** Articles the visitor was shown for this question and did not find enough (agents see them). */
    articlesSeen: z.array(IdSchema).max(10).optional(),
  })
  .strict();

export const SuggestRequestSchema = z.object({ text: z.string().max(MAX_VISITOR_TEXT) }).strict();
export const SuggestResponseSchema = z.object({ articles: z.array(SuggestedArticleSchema) });

/** "This answered my question": the question ends there, counted for supervisors. */
export const DeflectedRequestSchema = z.object({ articleId: IdSchema, text: z.string().max(MAX_VISITOR_TEXT).default('') }).strict();

/** An email or phone the visitor leaves (matched to a known customer by the identity rules). */
export const ContactRequestSchema = z
  .object({ email: EmailSchema.optional(), phone: PhoneInputSchema.optional(), name: PersonNameInputSchema.optional() })
  .strict()
  .refine((c) => c.email || c.phone || c.name, { message: 'give an email, a phone or a name' });

/** Nobody available: a message left with an email; it waits in the queue and the answer goes out by email. */
export const LeaveMessageRequestSchema = z
  .object({ clientId: z.string().regex(/^[\w-]{8,64}$/), email: EmailSchema, name: PersonNameInputSchema.optional(), text: TextInputSchema(MAX_VISITOR_TEXT) })
  .strict();

export const PageRequestSchema = VisitedPageSchema;
/** The visitor switched the widget's language: suggestions and what the hub says to them follow. */
export const LanguageRequestSchema = z.object({ lang: LangSchema }).strict();
export const TypingRequestSchema = z.object({ typing: z.boolean() }).strict();
export const ReadRequestSchema = z.object({ upTo: IdSchema }).strict();
export const SurveyAnswerRequestSchema = z
  .object({ caseId: IdSchema, score: z.number().int().min(1).max(10), comment: TextInputSchema(MAX_SURVEY_COMMENT).optional() })
  .strict();

/** Why the hub refused a visitor's request (the widget shows each in the visitor's language). */
export const VISITOR_REFUSALS = ['invalid', 'too-long', 'too-large', 'bad-file', 'rate-limited', 'closed', 'not-found', 'locked', 'unavailable'] as const;
export const VisitorRefusalSchema = z.enum(VISITOR_REFUSALS);
export type VisitorRefusal = z.infer<typeof VisitorRefusalSchema>;

export type VisitorAck<T> = { ok: true; value: T } | { ok: false; reason: VisitorRefusal; message: string; retryAfterMs?: number };

/** Visitor requests: name -> [request schema, response schema]. Anything else is refused. */
export const VISITOR_REQUESTS = {
  'visitor:history': [HistoryRequestSchema, HistoryResponseSchema],
  'visitor:send': [SendRequestSchema, z.object({ message: VisitorMessageSchema })],
  'visitor:suggest': [SuggestRequestSchema, SuggestResponseSchema],
  'visitor:deflected': [DeflectedRequestSchema, z.object({})],
  'visitor:contact': [ContactRequestSchema, z.object({})],
  'visitor:leave-message': [LeaveMessageRequestSchema, z.object({})],
  'visitor:page': [PageRequestSchema, z.object({})],
  'visitor:language': [LanguageRequestSchema, z.object({})],
  'visitor:typing': [TypingRequestSchema, z.object({})],
  'visitor:read': [ReadRequestSchema, z.object({})],
  'visitor:survey': [SurveyAnswerRequestSchema, InlineSurveySchema],
} as const;
export type VisitorRequestName = keyof typeof VISITOR_REQUESTS;

/** What the hub pushes to a visitor. */
export interface VisitorServerEvents {
  /**
   * A new message of the conversation (the shop's reply, or the visitor's own sent from another tab). The widget
   * calls `ack` once it has the shop's message: the agent then sees it `delivered` (else only a later
   * `visitor:history` fetch marks it so).
   */
  message: (m: VisitorMessage, ack?: () => void) => void;
  /** A message's new state (the shop's reply read, the visitor's message read by an agent). */
  status: (s: { id: string; status: VisitorMessage['status'] }) => void;
  /** The agent is typing (name shown), or stopped. */
  typing: (t: { agentName: string | null; typing: boolean }) => void;
  /** Someone took the conversation. */
  agent: (a: { agentName: string }) => void;
  availability: (a: Availability) => void;
  /** The case was resolved: the 1-10 question, inline. */
  survey: (s: InlineSurvey) => void;
}
