/**
 * `GET /webchat/frame?queue=..&origin=..&lang=..`: the page inside the shop's iframe. Its script and style are
 * the hub's own files; its policy lets it be framed only by the origins an admin allowed, connect only to the hub
 * (HTTP and WebSocket), and show pictures only from the hub or the visitor's own memory. The limits the widget
 * checks before sending come from the contract, written into the page.
 */
import type { IncomingMessage } from 'node:http';
import { ATTACHMENT_TYPES, IdSchema, isImageType, MAX_ATTACHMENT_BYTES } from '../../shared/domain';
import { MAX_VISITOR_TEXT, OriginSchema, WEBCHAT_FILES_PATH, WEBCHAT_NAMESPACE, WEBCHAT_SESSIONS_PATH } from '../../shared/protocol';
import { FRAME_CONFIG_ATTRIBUTE, type FrameConfig } from '../../webchat/frameConfig';
import { FRAME_CSS_PATH, FRAME_SCRIPT_PATH } from '../../webchat/widgetPaths';
import { WIDGET_TEXTS } from '../../webchat/widgetTexts';
import type { HubContext } from '../context';
import type { RouteAnswer } from '../http/httpApi';
import { customerLanguage, errorPage, escapeHtml, htmlPage } from '../public/html';
import { webchatSettings } from './webchatSettings';

/** The frame's policy: framed by the allowed shops only, talking to the hub only. */
export function frameCsp(allowedOrigins: readonly string[], publicUrl: string): string {
  const hub = new URL(publicUrl);
  const socket = `${hub.protocol === 'https:' ? 'wss:' : 'ws:'}//${hub.host}`;
  return [
    "default-src 'none'",
    "script-src 'self'",
    `connect-src 'self' ${socket}`,
    "img-src 'self' blob: data:",
    "style-src 'self'",
    `frame-ancestors ${allowedOrigins.length > 0 ? allowedOrigins.join(' ') : "'none'"}`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/** The page for a queue and shop; a shop that is not allowed, or a malformed request, gets an error page. */
export async function framePage(ctx: HubContext, req: IncomingMessage, versions: { script: string; css: string }): Promise<RouteAnswer> {
  const query = new URL(req.url ?? '/', 'http://hub').searchParams;
  const lang = customerLanguage(req, query.get('lang'));
  const queue = IdSchema.safeParse(query.get('queue'));
  const origin = OriginSchema.safeParse(query.get('origin'));
  if (!queue.success || !origin.success) return errorPage(lang, 400);
  const { allowedOrigins } = await webchatSettings(ctx.store);
  if (!allowedOrigins.includes(origin.data)) return errorPage(lang, 404);
  const config: FrameConfig = {
    queue: queue.data,
    origin: origin.data,
    lang,
    namespace: WEBCHAT_NAMESPACE,
    sessionsPath: WEBCHAT_SESSIONS_PATH,
    filesPath: WEBCHAT_FILES_PATH,
    maxText: MAX_VISITOR_TEXT,
    maxPhotoBytes: MAX_ATTACHMENT_BYTES,
    photoTypes: ATTACHMENT_TYPES.filter(isImageType),
  };
  const t = WIDGET_TEXTS[lang];
  return htmlPage({
    lang,
    title: t.frameTitle,
    csp: frameCsp(allowedOrigins, ctx.config.publicUrl),
    // Versioned addresses: a new hub's frame never runs an old script from a cache.
    head: `<link rel="stylesheet" href="${FRAME_CSS_PATH}?v=${versions.css}">\n<script src="${FRAME_SCRIPT_PATH}?v=${versions.script}" defer></script>\n`,
    body: `<main id="webchat" ${FRAME_CONFIG_ATTRIBUTE}="${escapeHtml(JSON.stringify(config))}"><noscript><p class="notice">${escapeHtml(t.noScript)}</p></noscript></main>`,
  });
}
