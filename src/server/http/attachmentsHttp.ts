import type { IncomingMessage } from 'node:http';
import { ATTACHMENT_EXTENSIONS, AttachmentNameSchema, type AttachmentRef, type Staff } from '../../shared/domain';
import { checkFile, createUploadRate, DEFAULT_UPLOAD_LIMITS, mayReach, storeFile, type UploadLimits } from '../attachments';
import type { HubContext } from '../context';
import { HttpError } from './body';
import type { Route, RouteAnswer } from './httpApi';

export const ATTACHMENT_PATH = '/api/v1/attachments';

/** `X-File-Name`, URL-encoded (so any language's name fits in a header). */
export function fileNameOf(req: IncomingMessage): string {
  const header = req.headers['x-file-name'];
  if (typeof header !== 'string' || header === '') throw new HttpError(400, 'bad-name', "name the file in the X-File-Name header (URL-encoded)");
  try {
    return decodeURIComponent(header);
  } catch {
    throw new HttpError(400, 'bad-name', 'X-File-Name is not valid URL encoding');
  }
}

/** `Content-Disposition` that makes a browser save rather than show, with the name in RFC 5987 form. */
function disposition(name: string): string {
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename*=UTF-8''${encoded}`;
}

/**
 * Files over HTTP, for signed-in staff (`Authorization: Bearer <access token>`):
 * - `POST /api/v1/attachments`: the raw bytes as the body, their type in `Content-Type`, the name in `X-File-Name`
 *   (URL-encoded). Checked (see attachmentProblem), stored once under their SHA-256 and held by the uploader, who
 *   may then attach them to a reply. Answers 201 with the AttachmentRef; 413 too large, 422 refused with the
 *   reason, 429 past the person's upload budget.
 * - `GET /api/v1/attachments/{sha256}[?name=<file name>]`: the bytes, to a person who may see a case whose
 *   timeline refers to them or who uploaded them; 404 to anyone else, as for a file that does not exist. Served as
 *   a download that no browser runs or sniffs.
 */
export function attachmentRoutes(ctx: HubContext, signedIn: (req: IncomingMessage) => Promise<Staff>, limits: UploadLimits = DEFAULT_UPLOAD_LIMITS): Record<string, Route> {
  const rate = createUploadRate(limits, ctx.now);
  return {
    [`POST ${ATTACHMENT_PATH}`]: async (req, raw) => {
      const staff = await signedIn(req);
      // Refused files count too: the budget is for the work the hub does, not for what it keeps.
      const wait = rate.take(staff.id, raw.length);
      if (wait !== null) {
        throw new HttpError(429, 'rate-limited', `too many uploads; try again in ${Math.ceil(wait / 1000)} s`, { 'Retry-After': String(Math.ceil(wait / 1000)) });
      }
      const file = checkFile(fileNameOf(req), String(req.headers['content-type'] ?? ''), raw);
      const ref: AttachmentRef = await ctx.write(async (w) => {
        await storeFile(w, file, `staff:${staff.id}`, ctx.now());
        // The same bytes stored before under another allowed type keep that type (one file, one type).
        const stored = await w.attachment(file.ref.sha256);
        return { ...file.ref, type: stored!.type };
      });
      return [201, ref];
    },
    [`GET ${ATTACHMENT_PATH}/{sha256}`]: async (req, _raw, path) => {
      const staff = await signedIn(req);
      const sha256 = path.slice(ATTACHMENT_PATH.length + 1);
      const notFound = new HttpError(404, 'not-found', 'no such file, or it is on no case you may see');
      if (!/^[0-9a-f]{64}$/.test(sha256)) throw notFound;
      const stored = await ctx.store.attachment(sha256);
      if (!stored || !(await mayReach(ctx, ctx.store, staff, sha256, { ownUpload: true }))) throw notFound;
      const answer = await fileAnswer(ctx, req, sha256);
      if (!answer) throw notFound;
      return answer;
    },
  };
}

/**
 * A stored file's bytes as a download that no browser runs or sniffs, named by `?name=` when it is a valid file
 * name; null when the hub has no such file. Who may have it is the caller's to decide first.
 */
export async function fileAnswer(ctx: HubContext, req: IncomingMessage, sha256: string): Promise<RouteAnswer | null> {
  const [stored, bytes] = await Promise.all([ctx.store.attachment(sha256), ctx.store.attachmentBytes(sha256)]);
  if (!stored || !bytes) return null;
  const asked = AttachmentNameSchema.safeParse(new URL(req.url ?? '/', 'http://hub').searchParams.get('name') ?? '');
  const name = asked.success ? asked.data : `${sha256.slice(0, 12)}.${ATTACHMENT_EXTENSIONS[stored.type][0]}`;
  return {
    status: 200,
    bytes,
    headers: {
      'Content-Type': stored.type.startsWith('text/') ? `${stored.type}; charset=utf-8` : stored.type,
      'Content-Disposition': disposition(name),
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': 'sandbox',
      'Cache-Control': 'private, no-store',
    },
  };
}
