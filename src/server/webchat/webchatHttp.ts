import type { IncomingMessage } from 'node:http';
import { attachmentTypeOf, isImageType, MAX_ATTACHMENT_BYTES, type AttachmentRef, type Customer } from '../../shared/domain';
import { WEBCHAT_FILES_PATH, WEBCHAT_SESSIONS_PATH, WebchatStartSchema, type WebchatSession } from '../../shared/protocol';
import { checkFile, createUploadRate, storeFile, type UploadLimits } from '../attachments';
import type { HubContext } from '../context';
import { describeZodError, HttpError, parseJson } from '../http/body';
import type { Route } from '../http/httpApi';
import { fileNameOf, fileAnswer } from '../http/attachmentsHttp';
import type { SharedState } from '../sharedState';
import type { VisitorRecord } from '../store/hubStore';
import { followMerges } from '../ingest';
import { agentName } from './agentName';
import { isSignedIdentity } from './signedIdentity';
import { conversationOf } from './visitorConversation';
import { newVisitorToken, visitorByToken, visitorHolder, visitorTokenHash } from './visitorToken';
import { webchatSettings } from './webchatSettings';

export interface WebchatHttpOptions {
  /** Per-address limits every hub node shares. */
  shared: SharedState;
  /** The client's address (see clientAddress). */
  address: (req: IncomingMessage) => string;
  /** Sessions one address may start per SESSION_WINDOW_MS. */
  sessionsPerWindow?: number;
  uploads?: UploadLimits;
}

const SESSION_WINDOW_MS = 60_000;
/** A shop page loaded in many tabs, a household behind one address: generous, but no session factory. */
const DEFAULT_SESSIONS_PER_WINDOW = 20;

/** What one visitor may upload: a few photos at once, then one every ten seconds. */
export const VISITOR_UPLOAD_LIMITS: UploadLimits = {
  files: { capacity: 5, perSecond: 0.1 },
  bytes: { capacity: 2 * MAX_ATTACHMENT_BYTES, perSecond: 256 * 1024 },
};

/** The visitor whose token `Authorization: Bearer` carries; 401 otherwise. */
async function visitorOf(ctx: HubContext, req: IncomingMessage): Promise<VisitorRecord> {
  const token = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '')?.[1];
  const visitor = await visitorByToken(ctx.store, token, ctx.now());
  if (!visitor) throw new HttpError(401, 'bad-token', 'this chat session is not known (Authorization: Bearer <visitor token>): start a new one');
  return visitor;
}

/**
 * The web chat's HTTP side, for the widget's frame (served by the hub, so same-origin):
 * - `POST /api/v1/webchat/sessions` (WebchatStartSchema): a visitor session for a queue, from an origin an admin
 *   allowed (403 `origin-not-allowed`), for a queue that takes work (404 `unknown-queue`), optionally for a customer
 *   the shop signed (401 `bad-identity` when the signature or the customer is wrong). Sessions per address are
 *   limited (429 with Retry-After). Answers 201 WebchatSessionSchema; only the token's hash is kept.
 * - `POST /api/v1/webchat/files`: a photo (raw bytes, Content-Type, X-File-Name URL-encoded, the visitor's token as
 *   Bearer), checked like staff uploads and held by the visitor until a message puts it on the case. 413 too large,
 *   422 not a photo or not what it claims, 429 past the visitor's upload budget.
 * - `GET /api/v1/webchat/files/{sha256}`: a file of the visitor's conversation or their own upload; 404 otherwise.
 */
export function webchatRoutes(ctx: HubContext, opts: WebchatHttpOptions): Record<string, Route> {
  const uploads = createUploadRate(opts.uploads ?? VISITOR_UPLOAD_LIMITS, ctx.now);
  const perWindow = opts.sessionsPerWindow ?? DEFAULT_SESSIONS_PER_WINDOW;
  return {
    [`POST ${WEBCHAT_SESSIONS_PATH}`]: async (req, raw) => {
      const now = ctx.now();
      const hits = await opts.shared.hits(`webchat-session:${opts.address(req)}`, SESSION_WINDOW_MS, now, true);
      if (hits.length > perWindow) {
        const wait = Math.max(1, Math.ceil((hits[hits.length - perWindow - 1] + SESSION_WINDOW_MS - now) / 1000));
        throw new HttpError(429, 'rate-limited', `too many chat sessions from this address; try again in ${wait} s`, { 'Retry-After': String(wait) });
      }
      const parsed = WebchatStartSchema.safeParse(parseJson(req, raw));
      if (!parsed.success) throw new HttpError(422, 'invalid', describeZodError(parsed.error));
      const start = parsed.data;
      if (!(await webchatSettings(ctx.store)).allowedOrigins.includes(start.origin)) {
        throw new HttpError(403, 'origin-not-allowed', `the web chat may not be used on ${start.origin}: an administrator allows origins in the hub's web chat settings`);
      }
      const queue = ctx.queue(start.queue);
      if (!queue || queue.archived) throw new HttpError(404, 'unknown-queue', `no queue ${start.queue} takes web chats`);
      let customer: Customer | null = null;
      if (start.identity) {
        const signed = await isSignedIdentity(ctx, start.identity.customerId, start.identity.signature);
        customer = signed ? await followMerges(ctx.store, await ctx.store.get('customer', start.identity.customerId)) : null;
        if (!customer) throw new HttpError(401, 'bad-identity', 'the signed identity is not valid: sign the customer id with the chat connector\'s inbound secret (HMAC-SHA256, hex)');
      }
      const token = newVisitorToken();
      const visitor: VisitorRecord = {
        id: ctx.newId('vis'),
        tokenHash: visitorTokenHash(token),
        queueId: queue.id,
        origin: start.origin,
        lang: start.lang ?? customer?.language ?? queue.languages[0] ?? 'en',
        customerId: customer?.id ?? null,
        caseId: null,
        contact: {},
        pages: [],
        createdAt: now,
        lastSeenAt: now,
      };
      await ctx.write((w) => w.saveVisitor(visitor));
      const session: WebchatSession = { ok: true, token, visitorId: visitor.id, lang: visitor.lang, customerName: customer ? agentName(customer) : null };
      return [201, session];
    },
    [`POST ${WEBCHAT_FILES_PATH}`]: async (req, raw) => {
      const visitor = await visitorOf(ctx, req);
      const wait = uploads.take(visitor.id, raw.length);
      if (wait !== null) throw new HttpError(429, 'rate-limited', `too many photos; try again in ${Math.ceil(wait / 1000)} s`, { 'Retry-After': String(Math.ceil(wait / 1000)) });
      const type = attachmentTypeOf(String(req.headers['content-type'] ?? ''));
      if (!type || !isImageType(type)) throw new HttpError(422, 'bad-file', 'only photos (JPEG, PNG, GIF or WebP) can be sent in the chat');
      const file = checkFile(fileNameOf(req), type, raw);
      const ref: AttachmentRef = await ctx.write(async (w) => {
        await storeFile(w, file, visitorHolder(visitor.id), ctx.now());
        const stored = await w.attachment(file.ref.sha256);
        return { ...file.ref, type: stored!.type };
      });
      return [201, ref];
    },
    [`GET ${WEBCHAT_FILES_PATH}/{sha256}`]: async (req, _raw, path) => {
      const visitor = await visitorOf(ctx, req);
      const sha256 = path.slice(WEBCHAT_FILES_PATH.length + 1);
      const notFound = new HttpError(404, 'not-found', 'no such file in this chat');
      if (!/^[0-9a-f]{64}$/.test(sha256)) throw notFound;
      const own = (await ctx.store.attachmentHolders(sha256)).includes(visitorHolder(visitor.id));
      const inConversation = !own && (await conversationOf(ctx, visitor)).entries.some((e) => e.interaction.meta.attachments?.some((a) => a.sha256 === sha256));
      if (!own && !inConversation) throw notFound;
      const answer = await fileAnswer(ctx, req, sha256);
      if (!answer) throw notFound;
      return answer;
    },
  };
}
