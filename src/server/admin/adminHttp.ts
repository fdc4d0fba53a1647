import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { IdSchema, type Staff } from '../../shared/domain';
import {
  AdminAnswers,
  type AdminError,
  AdminPolicySchema,
  ArchiveQueueSchema,
  CreateArticleSchema,
  CreateCannedSchema,
  CreateQueueSchema,
  CreateStaffSchema,
  CreateStoreSchema,
  DeactivateStaffSchema,
  ImportCustomersSchema,
  ImportStaffSchema,
  ImportSummarySchema,
  MAX_HTTP_BODY_BYTES,
  MAX_IMPORT_BODY_BYTES,
  PutConnectorSchema,
  PutMailboxSchema,
  ResetPasswordSchema,
  UpdateArticleSchema,
  UpdateCannedSchema,
  UpdateQueueSchema,
  UpdateStaffSchema,
  UpdateStoreSchema,
  WebchatSettingsSchema,
  WebchatSettingsViewSchema,
  type ReasonCode,
} from '../../shared/protocol';
import { AuthError, type AuthService } from '../auth/authService';
import type { HubContext } from '../context';
import { HttpError, parseJson, readBody, sendJson } from '../http/body';
import { Refused } from '../refused';
import { StoreUnavailable } from '../store/storeUnavailable';
import { FieldRefused, type AdminCall } from './adminWrite';
import { listConnectors, putConnector, removeConnector } from './connectors';
import { importCustomersCsv, importStaffCsv } from './imports';
import { listMailboxes, putMailbox, removeMailbox } from './mailboxes';
import { currentPolicy, setPolicy } from './policy';
import { archiveQueue, createQueue, updateQueue } from './queues';
import { createArticle, createCanned, createStore, updateArticle, updateCanned, updateStore } from './reference';
import { createStaff, deactivateStaff, reactivateStaff, resetPassword, updateStaff } from './staff';
import { setWebchatSettings, webchatView } from '../webchat/webchatAdmin';

/** One endpoint of the admin API: what it takes and answers (the OpenAPI document is built from these) and what it does. */
interface AdminRoute {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** With at most one path parameter in braces (`{id}`, `{channel}`). */
  path: string;
  summary: string;
  body?: z.ZodType;
  status: 200 | 201;
  answer: z.ZodType;
  /** The body limit when it is not the HTTP API's (a CSV file). */
  maxBodyBytes?: number;
  run(call: AdminCall, id: string, body: never): Promise<unknown>;
}

const PREFIX = '/api/v1/admin';
const list = (item: z.ZodType) => z.object({ items: z.array(item) });
const PasswordSetSchema = z.object({ id: IdSchema, mustChangePassword: z.boolean(), oneTimePassword: z.string().optional() });

function collection(name: string, what: string, answer: z.ZodType, all: (ctx: HubContext) => Promise<unknown[]>, create: { body: z.ZodType; run: AdminRoute['run'] }, update: { body: z.ZodType; run: AdminRoute['run'] }): AdminRoute[] {
  return [
    { method: 'GET', path: `${PREFIX}/${name}`, summary: `Lists every ${what}`, status: 200, answer: list(answer), run: async ({ ctx }) => ({ items: await all(ctx) }) },
    { method: 'POST', path: `${PREFIX}/${name}`, summary: `Adds a ${what}`, status: 201, answer, ...create },
    { method: 'PATCH', path: `${PREFIX}/${name}/{id}`, summary: `Changes a ${what} (only the fields given)`, status: 200, answer, ...update },
  ];
}

/** Every endpoint of the admin API. */
export const ADMIN_ROUTES: readonly AdminRoute[] = [
  ...collection('staff', 'person', AdminAnswers.staff, async (ctx) => ctx.allStaff(),
    { body: CreateStaffSchema, run: (call, _id, body) => createStaff(call, body) },
    { body: UpdateStaffSchema, run: (call, id, body) => updateStaff(call, id, body) }),
  { method: 'POST', path: `${PREFIX}/staff/{id}/deactivate`, summary: 'Deactivates a person: their sessions end at once, sign-in is refused', body: DeactivateStaffSchema, status: 200, answer: AdminAnswers.staff, run: (call, id, body) => deactivateStaff(call, id, body) },
  { method: 'POST', path: `${PREFIX}/staff/{id}/reactivate`, summary: 'Lets a deactivated person sign in again', status: 200, answer: AdminAnswers.staff, run: (call, id) => reactivateStaff(call, id) },
  { method: 'POST', path: `${PREFIX}/staff/{id}/reset-password`, summary: 'Sets a password (given, or a one-time one returned once)', body: ResetPasswordSchema, status: 200, answer: PasswordSetSchema, run: (call, id, body) => resetPassword(call, id, body) },
  ...collection('queues', 'queue', AdminAnswers.queue, async (ctx) => ctx.queues(),
    { body: CreateQueueSchema, run: (call, _id, body) => createQueue(call, body) },
    { body: UpdateQueueSchema, run: (call, id, body) => updateQueue(call, id, body) }),
  { method: 'POST', path: `${PREFIX}/queues/{id}/archive`, summary: 'Archives a queue (its open cases moved, or refused)', body: ArchiveQueueSchema, status: 200, answer: AdminAnswers.queue, run: (call, id, body) => archiveQueue(call, id, body) },
  ...collection('stores', 'store', AdminAnswers.store, (ctx) => ctx.store.all('storeLocation'),
    { body: CreateStoreSchema, run: (call, _id, body) => createStore(call, body) },
    { body: UpdateStoreSchema, run: (call, id, body) => updateStore(call, id, body) }),
  ...collection('articles', 'knowledge-base article', AdminAnswers.article, (ctx) => ctx.store.all('kb'),
    { body: CreateArticleSchema, run: (call, _id, body) => createArticle(call, body) },
    { body: UpdateArticleSchema, run: (call, id, body) => updateArticle(call, id, body) }),
  ...collection('canned', 'canned response', AdminAnswers.canned, (ctx) => ctx.store.all('canned'),
    { body: CreateCannedSchema, run: (call, _id, body) => createCanned(call, body) },
    { body: UpdateCannedSchema, run: (call, id, body) => updateCanned(call, id, body) }),
  { method: 'GET', path: `${PREFIX}/policy`, summary: 'The workstation policy', status: 200, answer: AdminAnswers.policy, run: ({ ctx }) => currentPolicy(ctx.store, ctx.config.policy) },
  { method: 'PUT', path: `${PREFIX}/policy`, summary: 'Sets the workstation policy (connected workstations get it at once, in a `policy` event; the others at their next sign-in or connection)', body: AdminPolicySchema, status: 200, answer: AdminAnswers.policy, run: (call, _id, body) => setPolicy(call, body) },
  { method: 'GET', path: `${PREFIX}/connectors`, summary: 'Lists the registered channel connectors (secrets as fingerprints only)', status: 200, answer: list(AdminAnswers.connector), run: async ({ ctx }) => ({ items: await listConnectors(ctx.store, ctx.now()) }) },
  { method: 'PUT', path: `${PREFIX}/connectors/{channel}`, summary: "Registers or changes a channel's connector; a changed secret keeps working for graceMinutes", body: PutConnectorSchema, status: 200, answer: AdminAnswers.connector, run: (call, channel, body) => putConnector(call, channel, body) },
  { method: 'DELETE', path: `${PREFIX}/connectors/{channel}`, summary: "Removes a channel's connector at once (its inbound messages are checked with the hub's own secret again)", status: 200, answer: AdminAnswers.connector, run: (call, channel) => removeConnector(call, channel) },
  { method: 'GET', path: `${PREFIX}/mailboxes`, summary: 'Lists the mailboxes the hub speaks email through (whether passwords are set, never them)', status: 200, answer: list(AdminAnswers.mailbox), run: async ({ ctx }) => ({ items: await listMailboxes(ctx.store) }) },
  { method: 'PUT', path: `${PREFIX}/mailboxes/{address}`, summary: 'Adds or changes a mailbox: SMTP out, and in by the hub\'s SMTP listener or by polling IMAP (a password left out stays as it is)', body: PutMailboxSchema, status: 200, answer: AdminAnswers.mailbox, run: (call, address, body) => putMailbox(call, address, body) },
  { method: 'DELETE', path: `${PREFIX}/mailboxes/{address}`, summary: 'Removes a mailbox: the hub stops receiving and sending for it', status: 200, answer: AdminAnswers.mailbox, run: (call, address) => removeMailbox(call, address) },
  { method: 'GET', path: `${PREFIX}/webchat`, summary: 'The web chat settings: the origins (shop sites) allowed to embed it, and the tag to paste', status: 200, answer: WebchatSettingsViewSchema, run: ({ ctx }) => webchatView(ctx) },
  { method: 'PUT', path: `${PREFIX}/webchat`, summary: 'Sets the origins allowed to embed the web chat and start visitor sessions (every hub node at once)', body: WebchatSettingsSchema, status: 200, answer: WebchatSettingsViewSchema, run: (call, _id, body) => setWebchatSettings(call, body) },
  { method: 'POST', path: `${PREFIX}/import/customers`, summary: 'Imports customers from a CSV file (all or nothing), or with dryRun says what it would do', body: ImportCustomersSchema, status: 200, answer: ImportSummarySchema, maxBodyBytes: MAX_IMPORT_BODY_BYTES, run: (call, _id, body) => importCustomersCsv(call, body) },
  { method: 'POST', path: `${PREFIX}/import/staff`, summary: 'Creates people from a CSV file, each with a one-time password returned once (all or nothing), or with dryRun says whom it would create', body: ImportStaffSchema, status: 200, answer: ImportSummarySchema, maxBodyBytes: MAX_IMPORT_BODY_BYTES, run: (call, _id, body) => importStaffCsv(call, body) },
];

const REFUSAL_STATUS: Record<ReasonCode, number> = {
  invalid: 400,
  forbidden: 403,
  'not-found': 404,
  stale: 409,
  conflict: 409,
  'identity-taken': 409,
  'rate-limited': 429,
  unavailable: 503,
  unauthorized: 401,
  'too-large': 413,
  internal: 500,
  'no-address': 422,
  'no-consent': 422,
};

/** An admin API refusal: its status and the one error body. */
class AdminHttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

function invalidBody(err: z.ZodError): AdminHttpError {
  const issue = err.issues[0];
  const field = issue.path.length > 0 ? issue.path.join('.') : undefined;
  // An unknown field is named by the issue's keys, not its path (which is the object holding them).
  const named = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0]].join('.') : field;
  return new AdminHttpError(400, 'invalid', `${named ?? '(body)'}: ${issue.message}`, named);
}

/** Splits `/api/v1/admin/staff/abc/deactivate` against the route table: the route and its id, or why not. */
function match(method: string, path: string): { route: AdminRoute; id: string } {
  const parts = path.split('/');
  let pathKnown = false;
  for (const route of ADMIN_ROUTES) {
    const pattern = route.path.split('/');
    if (pattern.length !== parts.length) continue;
    let id = '';
    const fits = pattern.every((p, i) => {
      if (!p.startsWith('{')) return p === parts[i];
      id = parts[i];
      return true;
    });
    if (!fits) continue;
    pathKnown = true;
    if (route.method === method) return { route, id };
  }
  if (pathKnown) throw new AdminHttpError(405, 'method-not-allowed', `${method} is not allowed on ${path}`);
  throw new AdminHttpError(404, 'not-found', `no such endpoint: ${path}`);
}

function decodeId(raw: string): string {
  let id: string;
  try {
    id = decodeURIComponent(raw);
  } catch {
    throw new AdminHttpError(404, 'not-found', 'no such id');
  }
  if (!IdSchema.safeParse(id).success) throw new AdminHttpError(404, 'not-found', 'no such id');
  return id;
}

/**
 * The admin API: JSON over HTTP for scripts and tools. Every call needs the access token of an active admin
 * (`Authorization: Bearer <accessToken>`, checked like a socket handshake: a signed-out session is refused);
 * bodies are capped like the rest of the HTTP API and validated strictly; every error is
 * `{ error: { code, message, field? } }`, never a stack.
 */
export function createAdminApi(ctx: HubContext, auth: AuthService) {
  async function caller(req: IncomingMessage): Promise<Staff> {
    const header = req.headers.authorization;
    const token = typeof header === 'string' && /^Bearer [^\s]+$/i.test(header) ? header.slice(7) : null;
    if (!token) throw new AdminHttpError(401, 'unauthorized', 'send Authorization: Bearer <accessToken> (from POST /api/v1/auth/login)');
    const v = await auth.verify(token);
    if (v instanceof AuthError) throw new AdminHttpError(401, 'unauthorized', v.message);
    if (v.staff.role !== 'admin') throw new AdminHttpError(403, 'forbidden', 'only administrators may use the admin API');
    return v.staff;
  }

  async function answer(req: IncomingMessage, path: string): Promise<[number, unknown]> {
    const method = req.method ?? 'GET';
    const { route, id: rawId } = match(method, path);
    const actor = await caller(req);
    const id = rawId ? decodeId(rawId) : '';
    let body: unknown = {};
    if (method !== 'GET' && method !== 'DELETE') {
      const raw = await readBody(req, route.maxBodyBytes ?? MAX_HTTP_BODY_BYTES);
      // Actions without parameters may come without a body.
      if (raw.length > 0 || route.body?.safeParse({}).success === false) body = parseJson(req, raw);
    }
    const parsed = (route.body ?? z.object({}).strict()).safeParse(body);
    if (!parsed.success) throw invalidBody(parsed.error);
    return [route.status, await route.run({ ctx, auth, actor }, id, parsed.data as never)];
  }

  return async function handle(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    const fail = (status: number, code: string, message: string, field?: string, headers: Record<string, string> = {}) =>
      sendJson(res, status, { error: field === undefined ? { code, message } : { code, message, field } } satisfies AdminError, headers);
    try {
      const [status, body] = await answer(req, path);
      sendJson(res, status, body);
    } catch (err) {
      if (err instanceof AdminHttpError) return fail(err.status, err.code, err.message, err.field);
      if (err instanceof FieldRefused) return fail(REFUSAL_STATUS[err.reason], err.reason, err.message, err.field);
      if (err instanceof Refused) return fail(REFUSAL_STATUS[err.reason], err.reason, err.message);
      if (err instanceof HttpError) {
        if (err.code === 'aborted') console.warn(`hub: ${req.method} ${path}: the sender went away or was too slow: its body did not arrive whole`);
        if (!res.destroyed) fail(err.status, err.code, err.message, undefined, err.headers);
        return;
      }
      if (err instanceof StoreUnavailable) {
        console.warn(`hub: ${req.method} ${path} not answered: ${err.message}`);
        return fail(503, 'unavailable', "the hub's database is unreachable for a moment; nothing was done, try again", undefined, { 'Retry-After': '1' });
      }
      console.error(`hub: ${req.method} ${path} failed`, err);
      fail(500, 'internal', 'the hub could not process this request; nothing was changed');
    }
  };
}
