import { createHash } from 'node:crypto';
import { attachmentProblem, AttachmentRefSchema, type AttachmentRef } from '../../../shared/domain';
import { cachedFile, keepFile } from '../../services/cache/attachmentFiles';
import { EngineError } from '../engineError';
import type { LiveSession } from '../liveSession';
import type { Handlers, HandlerContext } from './handlerTypes';

const TIMEOUT_MS = 60_000;

/** The hub's answer to a refused upload: which of its codes say what is wrong with the file. */
const FILE_PROBLEMS = new Set(['bad-name', 'empty', 'too-large', 'type-not-allowed', 'type-mismatch']);

/** Calls the hub's attachment API with the person's access token; offline and unreachable read as such. */
async function hubFetch(live: LiveSession, hubUrl: string, path: string, init: RequestInit): Promise<Response> {
  if (live.connection() !== 'online') throw new EngineError('offline', 'files travel through the hub, and the workstation is offline');
  const token = await live.accessToken();
  try {
    return await fetch(new URL(path, hubUrl), { ...init, headers: { ...init.headers, Authorization: `Bearer ${token}` }, signal: AbortSignal.timeout(TIMEOUT_MS) });
  } catch (error) {
    throw new EngineError('hub-unreachable', `the hub at ${hubUrl} cannot be reached (${(error as Error).message})`);
  }
}

/** A refusal from the hub as an EngineError: a file problem keeps its code in `field`. */
async function refusal(res: Response): Promise<EngineError> {
  const body = (await res.json().catch(() => null)) as { error?: string; message?: string } | null;
  const code = body?.error ?? '';
  const message = body?.message ?? `the hub answered ${res.status}`;
  if (FILE_PROBLEMS.has(code)) return new EngineError('attachment-refused', message, code);
  if (res.status === 429) return new EngineError('rate-limited', message);
  if (res.status === 404) return new EngineError('not-found', message);
  if (res.status === 401 || res.status === 403) return new EngineError('forbidden', message);
  return new EngineError('internal', message);
}

/**
 * Files: uploads go to the hub (after the same check the hub makes, so a refusal needs no connection), and the
 * files of the timeline come from the encrypted cache, or from the hub once and then from the cache.
 */
export function attachmentHandlers({ sessions, hubUrl, clock }: HandlerContext) {
  return {
    'attachment.upload': async ({ name, type, data }) => {
      const bytes = Buffer.from(data, 'base64');
      const problem = attachmentProblem(name, type, bytes);
      if (problem) throw new EngineError('attachment-refused', problem.message, problem.code);
      const live = sessions.live();
      const res = await hubFetch(live, hubUrl, '/api/v1/attachments', {
        method: 'POST',
        headers: { 'Content-Type': type, 'X-File-Name': encodeURIComponent(name) },
        body: bytes,
      });
      if (res.status !== 201) throw await refusal(res);
      const ref = AttachmentRefSchema.safeParse(await res.json().catch(() => null));
      if (!ref.success) throw new EngineError('internal', 'the hub sent a malformed answer to an upload');
      // The sender sees their own file in the timeline without fetching it back.
      keepFile(live.vault.db, { sha256: ref.data.sha256, type: ref.data.type, bytes }, clock());
      return ref.data;
    },
    'attachment.get': async (ref: AttachmentRef) => {
      const live = sessions.live();
      const kept = cachedFile(live.vault.db, ref.sha256, clock());
      if (kept) return { data: kept.toString('base64') };
      const res = await hubFetch(live, hubUrl, `/api/v1/attachments/${ref.sha256}`, { method: 'GET' });
      if (res.status !== 200) throw await refusal(res);
      const bytes = Buffer.from(await res.arrayBuffer());
      // Kept only if they are the file asked for: the cache is trusted later without the hub.
      if (createHash('sha256').update(bytes).digest('hex') !== ref.sha256) throw new EngineError('internal', `the hub sent other bytes for ${ref.name}`);
      keepFile(live.vault.db, { sha256: ref.sha256, type: ref.type, bytes }, clock());
      return { data: bytes.toString('base64') };
    },
  } satisfies Partial<Handlers>;
}
