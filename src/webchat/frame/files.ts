/**
 * Photos the visitor attaches: checked here against the hub's own limits first (a refusal in words at once,
 * nothing uploaded), then sent over HTTP with the session's token and named by reference in the message.
 * The conversation's files come back the same way and show from memory (`blob:`), never from a URL with the token.
 */
import type { AttachmentRef } from '../../shared/domain/attachment';
import type { VisitorRefusal } from '../../shared/protocol/webchat';
import type { FrameConfig } from '../frameConfig';
import type { WidgetTexts } from '../widgetTexts';

/** What is wrong with a file the visitor picked, in their words, or null when the hub would take it. */
export function photoProblem(file: { name: string; size: number; type: string }, config: FrameConfig, t: WidgetTexts): string | null {
  if (!config.photoTypes.includes(file.type)) return t.photoType(file.name);
  if (file.size > config.maxPhotoBytes) return t.photoTooLarge(file.name, Math.floor(config.maxPhotoBytes / (1024 * 1024)));
  if (file.size === 0) return t.photoType(file.name);
  return null;
}

/** Why an upload was refused, by the hub's HTTP status. */
export function uploadRefusal(status: number): VisitorRefusal {
  if (status === 413) return 'too-large';
  if (status === 429) return 'rate-limited';
  if (status === 401 || status === 403) return 'closed';
  return status >= 400 && status < 500 ? 'bad-file' : 'unavailable';
}

export type Upload = { ok: true; ref: AttachmentRef } | { ok: false; reason: VisitorRefusal; retryAfterMs?: number };

export async function uploadPhoto(config: FrameConfig, token: string, file: File): Promise<Upload> {
  try {
    const res = await fetch(config.filesPath, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': file.type, 'X-File-Name': encodeURIComponent(file.name) },
      body: file,
    });
    if (res.ok) return { ok: true, ref: (await res.json()) as AttachmentRef };
    const after = Number(res.headers.get('Retry-After'));
    return { ok: false, reason: uploadRefusal(res.status), ...(after > 0 ? { retryAfterMs: after * 1000 } : {}) };
  } catch {
    return { ok: false, reason: 'unavailable' };
  }
}

/** Files of the conversation as `blob:` addresses, each fetched once. */
export function fileCache(config: FrameConfig, token: () => string) {
  const urls = new Map<string, Promise<string | null>>();
  return (sha256: string): Promise<string | null> => {
    let url = urls.get(sha256);
    if (!url) {
      url = fetch(`${config.filesPath}/${sha256}`, { headers: { Authorization: `Bearer ${token()}` } })
        .then(async (res) => (res.ok ? URL.createObjectURL(await res.blob()) : null))
        .catch(() => null);
      urls.set(sha256, url);
    }
    return url;
  };
}
