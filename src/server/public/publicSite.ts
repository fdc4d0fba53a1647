/**
 * The hub's pages for customers, outside the API (`/help`, `/survey/<token>`, the web chat's `/widget.js` and
 * frame): each feature brings its routes; this answers the rest (unknown paths, wrong methods, errors) as pages
 * in the customer's language, reads form bodies within a limit, and slows any one address that asks too much.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HubContext } from '../context';
import { HttpError, readBody } from '../http/body';
import type { RouteAnswer } from '../http/httpApi';
import { StoreUnavailable } from '../store/storeUnavailable';
import { customerLanguage, errorPage, PUBLIC_CSS_PATH, pageHeaders } from './html';
import { PUBLIC_CSS } from './publicCss';

/**
 * One page or asset: `rest` is what follows the route's prefix (`/survey/*` gets the token), empty for an exact
 * path. Throw HttpError for a status page.
 */
export type PublicRoute = (req: IncomingMessage, raw: Buffer, rest: string) => Promise<RouteAnswer> | RouteAnswer;
/** Routes keyed `METHOD /path` (exact) or `METHOD /path/*` (the path and anything under it). */
export type PublicRoutes = Record<string, PublicRoute>;

/** Largest form a customer page takes (a survey comment, a search). */
export const MAX_FORM_BYTES = 16 * 1024;

export interface PublicLimits {
  /** Requests one address may make in `windowMs` across all customer pages. */
  perAddress: number;
  windowMs: number;
}
export const DEFAULT_PUBLIC_LIMITS: PublicLimits = { perAddress: 240, windowMs: 60_000 };

/**
 * Counts requests per key (an address, a survey's token) in fixed windows of `windowMs`, at most `perAddress`
 * each, in this process (a flood is this node's to shed). Answers how long to wait (ms) once over, else null.
 */
export function windowBudget(limits: PublicLimits, now: () => number) {
  let windowStart = now();
  let counts = new Map<string, number>();
  return (address: string): number | null => {
    const t = now();
    if (t - windowStart >= limits.windowMs) {
      windowStart = t;
      counts = new Map();
    }
    const n = (counts.get(address) ?? 0) + 1;
    counts.set(address, n);
    return n > limits.perAddress ? windowStart + limits.windowMs - t : null;
  };
}

/** Parses an `application/x-www-form-urlencoded` body (what a page's form posts). */
export function parseForm(req: IncomingMessage, raw: Buffer): URLSearchParams {
  const type = String(req.headers['content-type'] ?? '');
  if (!/^application\/x-www-form-urlencoded\b/i.test(type)) throw new HttpError(415, 'unsupported-media-type', 'send the form as application/x-www-form-urlencoded');
  return new URLSearchParams(raw.toString('utf8'));
}

export function createPublicSite(ctx: HubContext, features: PublicRoutes[], opts: { address: (req: IncomingMessage) => string; limits?: PublicLimits }) {
  const routes: PublicRoutes = Object.assign(
    { [`GET ${PUBLIC_CSS_PATH}`]: () => ({ status: 200, bytes: Buffer.from(PUBLIC_CSS, 'utf8'), headers: { ...pageHeaders('text/css; charset=utf-8'), 'Cache-Control': 'public, max-age=3600' } }) },
    ...features,
  );
  const over = windowBudget(opts.limits ?? DEFAULT_PUBLIC_LIMITS, ctx.now);

  /** The route for a request and what follows its prefix; the longest prefix wins. */
  function find(method: string, path: string): { route: PublicRoute; rest: string } | 'wrong-method' | null {
    let best: { route: PublicRoute; rest: string; length: number } | null = null;
    let known = false;
    for (const [key, route] of Object.entries(routes)) {
      const [m, pattern] = key.split(' ');
      const prefix = pattern.endsWith('/*') ? pattern.slice(0, -2) : null;
      const matches = prefix === null ? path === pattern : path === prefix || path.startsWith(`${prefix}/`);
      if (!matches) continue;
      known = true;
      if (m !== method) continue;
      const length = (prefix ?? pattern).length;
      if (!best || length > best.length) best = { route, rest: prefix === null ? '' : path.slice(prefix.length + 1), length };
    }
    return best ?? (known ? 'wrong-method' : null);
  }

  return async function handle(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    const picked = new URL(req.url ?? '/', 'http://hub').searchParams.get('lang');
    const lang = customerLanguage(req, picked);
    const answer = async (): Promise<RouteAnswer> => {
      const wait = over(opts.address(req));
      if (wait !== null) return errorPage(lang, 429, { 'Retry-After': String(Math.ceil(wait / 1000)) });
      // HEAD is GET without the body (left off below): link checkers and caches ask it.
      const found = find(req.method === 'HEAD' ? 'GET' : (req.method ?? 'GET'), path);
      if (found === null) return errorPage(lang, 404);
      if (found === 'wrong-method') return errorPage(lang, 405);
      const raw = req.method === 'POST' ? await readBody(req, MAX_FORM_BYTES) : Buffer.alloc(0);
      return await found.route(req, raw, found.rest);
    };
    let result: RouteAnswer;
    try {
      result = await answer();
    } catch (err) {
      if (err instanceof HttpError && err.code === 'aborted') {
        res.destroy();
        return;
      }
      if (err instanceof HttpError) result = errorPage(lang, err.status, err.headers);
      else if (err instanceof StoreUnavailable) result = errorPage(lang, 503, { 'Retry-After': '1' });
      else {
        console.error(`hub: ${req.method} ${path} failed`, err);
        result = errorPage(lang, 500);
      }
    }
    if (Array.isArray(result)) {
      res.writeHead(result[0], { ...pageHeaders('application/json; charset=utf-8') });
      res.end(JSON.stringify(result[1]));
      return;
    }
    res.writeHead(result.status, { ...result.headers, 'Content-Length': String(result.bytes.length) });
    res.end(req.method === 'HEAD' ? undefined : result.bytes);
  };
}
