import type { IncomingMessage, ServerResponse } from 'node:http';
import { type z } from 'zod';
import { MAX_ATTACHMENT_BYTES, type Staff } from '../../shared/domain';
import {
  ChangePasswordRequestSchema,
  DeliveryStatusReportSchema,
  InboundMessageSchema,
  LoginRequestSchema,
  MAX_HTTP_BODY_BYTES,
  MAX_INBOUND_BODY_BYTES,
  RefreshRequestSchema,
} from '../../shared/protocol';
import { AttachmentRefused } from '../attachments';
import { AuthError, PasswordRefused, type AuthService } from '../auth/authService';
import type { HubContext } from '../context';
import { InboundRejected, ingestInbound } from '../ingest';
import { applyStatusReport } from '../delivery/statusReport';
import { StoreUnavailable } from '../store/storeUnavailable';
import { createAdminApi } from '../admin/adminHttp';
import { inboundSecrets } from '../admin/connectors';
import { adminOpenApi } from '../admin/openapi';
import { attachmentRoutes, ATTACHMENT_PATH } from './attachmentsHttp';
import { reportRoutes, reportsOpenApiPaths } from './reportsHttp';
import { createPublicSite } from '../public/publicSite';
import { publicFeatures } from '../public/publicFeatures';
import { describeZodError, HttpError, parseJson, readBody, sendJson as send } from './body';
import { WEBCHAT_FILES_PATH } from '../../shared/protocol';
import type { SharedState } from '../sharedState';
import { webchatRoutes } from '../webchat/webchatHttp';
import { isSignatureHeader, verifySignature } from './signature';

function parseWith<T extends z.ZodType>(schema: T, value: unknown): z.infer<T> {
  const r = schema.safeParse(value);
  if (!r.success) throw new HttpError(422, 'invalid', describeZodError(r.error));
  return r.data;
}

/** The `channel` a JSON body names, read only to pick the secrets its signature is checked with; anything else is undefined. */
function channelNamed(raw: Buffer): unknown {
  try {
    return (JSON.parse(raw.toString('utf8')) as { channel?: unknown } | null)?.channel;
  } catch {
    return undefined;
  }
}

const authStatus: Record<AuthError['code'], number> = { 'bad-credentials': 401, 'rate-limited': 429, expired: 401, revoked: 401, deactivated: 403 };

/**
 * The hub's HTTP API: connector ingestion (signed), sign-in and session refresh, and a health check.
 * Every answer is JSON; every error is `{ ok: false, error: <code>, message }` with a 4xx status.
 */
/**
 * Where a request comes from, for limits per address. Behind a load balancer every request comes from the
 * balancer: with `trustProxy` the address it puts last in X-Forwarded-For counts instead (only set it when
 * the hub can be reached through the balancer alone, or anyone could claim any address).
 */
export function clientAddress(req: IncomingMessage, trustProxy: boolean): string {
  const forwarded = req.headers['x-forwarded-for'];
  const last = trustProxy && typeof forwarded === 'string' ? forwarded.split(',').at(-1)?.trim() : undefined;
  return last || (req.socket.remoteAddress ?? 'unknown');
}

/** The access token of `Authorization: Bearer <token>`; a missing or malformed header is refused like a bad token. */
function bearerToken(req: IncomingMessage): string {
  const match = /^Bearer ([\w.~+/=-]{1,2048})$/.exec(req.headers.authorization ?? '');
  if (!match) throw new HttpError(401, 'expired', 'this needs the session\'s access token (Authorization: Bearer <token>)');
  return match[1];
}

/** The person signed in to the request's session (`Authorization: Bearer <access token>`); AuthError otherwise. */
export async function signedIn(auth: AuthService, req: IncomingMessage): Promise<Staff> {
  const who = await auth.verify(bearerToken(req));
  if (who instanceof AuthError) throw who;
  return who.staff;
}

/** A route's answer: JSON with a status, or a file's bytes with their headers. */
export type RouteAnswer = [number, unknown] | { status: number; bytes: Buffer; headers: Record<string, string> };
export type Route = (req: IncomingMessage, raw: Buffer, path: string) => Promise<RouteAnswer> | RouteAnswer;

/** Bodies larger than the usual limit, by route: a message with its files, a file. */
const BODY_LIMITS: Record<string, number> = {
  'POST /api/v1/inbound': MAX_INBOUND_BODY_BYTES,
  [`POST ${ATTACHMENT_PATH}`]: MAX_ATTACHMENT_BYTES,
  [`POST ${WEBCHAT_FILES_PATH}`]: MAX_ATTACHMENT_BYTES,
};

/** Folders whose one file's path names it (`<folder>/<sha256>`): their routes are keyed `<folder>/{sha256}`. */
const FILE_FOLDERS = [ATTACHMENT_PATH, WEBCHAT_FILES_PATH];

export function createHttpApi(ctx: HubContext, auth: AuthService, opts: { trustProxy?: boolean; shared: SharedState; demoShop?: boolean }) {
  const admin = createAdminApi(ctx, auth);
  const adminDoc = adminOpenApi() as { paths: Record<string, unknown> };
  const openApi = { ...adminDoc, paths: { ...adminDoc.paths, ...reportsOpenApiPaths() } };

  /**
   * Refuses a connector's request unless its X-Signature is right for the channel its body names (that channel's
   * connector's inbound secret, or the hub's own). The signature covers the raw bytes, so it is checked before the
   * body is validated or anything is read for it; a request without a well-formed signature costs no read at all.
   */
  async function requireConnectorSignature(req: IncomingMessage, raw: Buffer): Promise<void> {
    const signature = req.headers['x-signature'] as string | undefined;
    const secrets = isSignatureHeader(signature) ? await inboundSecrets(ctx.store, channelNamed(raw), ctx.config.ingestSecret, ctx.now()) : [];
    if (!secrets.some((secret) => verifySignature(raw, signature, secret))) {
      throw new HttpError(401, 'bad-signature', "missing or wrong X-Signature (sha256=<hex HMAC-SHA256 of the raw body with the channel connector's inbound secret>)");
    }
  }

  const routes: Record<string, Route> = {
    ...attachmentRoutes(ctx, (req) => signedIn(auth, req)),
    ...reportRoutes(ctx, (req) => signedIn(auth, req), opts.shared),
    ...webchatRoutes(ctx, { shared: opts.shared, address: (req) => clientAddress(req, opts.trustProxy ?? false) }),
    'POST /api/v1/inbound': async (req, raw) => {
      await requireConnectorSignature(req, raw);
      const msg = parseWith(InboundMessageSchema, parseJson(req, raw));
      try {
        const result = await ingestInbound(ctx, msg);
        return [result.duplicate ? 200 : 201, result];
      } catch (err) {
        if (err instanceof InboundRejected && err.code === 'no-queue') throw new HttpError(503, err.code, err.message, { 'Retry-After': '60' });
        if (err instanceof InboundRejected) throw new HttpError(422, err.code, err.message);
        throw err;
      }
    },
    'POST /api/v1/delivery-status': async (req, raw) => {
      await requireConnectorSignature(req, raw);
      const report = parseWith(DeliveryStatusReportSchema, parseJson(req, raw));
      const applied = await applyStatusReport(ctx, report);
      const named = report.deliveryId !== undefined ? `delivery ${report.deliveryId}` : `a delivery with providerMessageId ${report.providerMessageId}`;
      if (!applied) throw new HttpError(404, 'not-found', `no ${named}${report.channel ? ` on ${report.channel}` : ''}`);
      // An older state than the one known is accepted and changes nothing: statuses only move forward.
      return [200, { ok: true, deliveryId: applied.delivery.id, status: applied.delivery.status, changed: applied.changed }];
    },
    'POST /api/v1/auth/login': async (req, raw) => {
      const body = parseWith(LoginRequestSchema, parseJson(req, raw));
      return [200, await auth.login(body.username, body.password, clientAddress(req, opts.trustProxy ?? false))];
    },
    'POST /api/v1/auth/refresh': async (req, raw) => [200, await auth.refresh(parseWith(RefreshRequestSchema, parseJson(req, raw)).refreshToken)],
    'POST /api/v1/auth/logout': async (req, raw) => {
      await auth.revokeByRefresh(parseWith(RefreshRequestSchema, parseJson(req, raw)).refreshToken);
      return [200, { ok: true }];
    },
    'POST /api/v1/auth/password': async (req, raw) => {
      const who = await auth.verify(bearerToken(req));
      if (who instanceof AuthError) throw who;
      const body = parseWith(ChangePasswordRequestSchema, parseJson(req, raw));
      return [200, await auth.changePassword(who, body.currentPassword, body.newPassword, clientAddress(req, opts.trustProxy ?? false))];
    },
    'GET /api/v1/health': async () => [200, { ok: true, head: await ctx.store.head() }],
    'GET /api/v1/openapi.json': () => [200, openApi],
  };

  const publicSite = createPublicSite(ctx, publicFeatures(ctx, { demoShop: opts.demoShop }), { address: (req) => clientAddress(req, opts.trustProxy ?? false) });

  return async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '/').split('?')[0];
    // Customers' pages (help site, survey, web chat) answer as pages, in the customer's language.
    if (!path.startsWith('/api/')) return publicSite(req, res, path);
    // The admin API has its own error shape ({ error: { code, message, field? } }) and answers by itself.
    if (path.startsWith('/api/v1/admin/')) return admin(req, res, path);
    // One file's path names it (`/api/v1/attachments/<sha256>`): its routes are keyed by the folder.
    const folder = FILE_FOLDERS.find((f) => path.startsWith(`${f}/`));
    const routePath = folder ? `${folder}/{sha256}` : path;
    const route = routes[`${req.method} ${routePath}`];
    try {
      if (!route) {
        const known = Object.keys(routes).some((k) => k.endsWith(` ${routePath}`));
        throw known ? new HttpError(405, 'method-not-allowed', `${req.method} is not allowed on ${path}`) : new HttpError(404, 'not-found', `no such endpoint: ${path}`);
      }
      const raw = req.method === 'GET' ? Buffer.alloc(0) : await readBody(req, BODY_LIMITS[`${req.method} ${routePath}`] ?? MAX_HTTP_BODY_BYTES);
      const answer = await route(req, raw, path);
      if (Array.isArray(answer)) return send(res, answer[0], answer[1]);
      res.writeHead(answer.status, { ...answer.headers, 'Content-Length': String(answer.bytes.length) });
      res.end(answer.bytes);
    } catch (err) {
      if (err instanceof HttpError && err.code === 'aborted') {
        console.warn(`hub: ${req.method} ${path}: the sender went away or was too slow: its body did not arrive whole`);
        if (!res.destroyed) send(res, err.status, { ok: false, error: err.code, message: err.message });
        return;
      }
      if (err instanceof HttpError) return send(res, err.status, { ok: false, error: err.code, message: err.message }, err.headers);
      if (err instanceof AttachmentRefused) return send(res, err.problem === 'too-large' ? 413 : 422, { ok: false, error: err.problem, message: err.message });
      if (err instanceof StoreUnavailable) {
        console.warn(`hub: ${req.method} ${path} not answered: ${err.message}`);
        return send(res, 503, { ok: false, error: 'unavailable', message: "the hub's database is unreachable for a moment; nothing was done, try again" }, { 'Retry-After': '1' });
      }
      if (err instanceof PasswordRefused) return send(res, 400, { ok: false, error: err.problem.code, message: err.message });
      if (err instanceof AuthError) {
        const headers: Record<string, string> = err.retryAfterMs ? { 'Retry-After': String(Math.ceil(err.retryAfterMs / 1000)) } : {};
        return send(res, authStatus[err.code], { ok: false, error: err.code, message: err.message }, headers);
      }
      console.error('hub: request failed', err);
      send(res, 500, { ok: false, error: 'internal', message: 'the hub could not process this request; nothing was changed' });
    }
  };
}
