import { readFile, stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};

/**
 * The file under `root` a URL path names, or null when it would leave `root` (`..`, encoded or not). Paths
 * without an extension are the single-page app's routes: they get index.html.
 */
export function resolveStaticPath(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0]);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const relative = extname(decoded) === '' ? 'index.html' : decoded;
  const file = normalize(join(root, relative));
  return file.startsWith(normalize(root + sep)) ? file : null;
}

/** Sends a built renderer file with its content type; 404 when it is not there. */
export async function sendStatic(res: ServerResponse, root: string, urlPath: string, headers: Record<string, string>): Promise<void> {
  const file = resolveStaticPath(root, urlPath);
  const found = file !== null && (await stat(file).catch(() => null))?.isFile();
  if (!file || !found) {
    res.writeHead(404, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('not found');
    return;
  }
  const body = await readFile(file);
  // Built assets carry content hashes in their names; index.html must always be fresh.
  const cache = file.endsWith('index.html') ? 'no-store' : 'public, max-age=31536000, immutable';
  res.writeHead(200, { ...headers, 'Content-Type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream', 'Cache-Control': cache });
  res.end(body);
}
