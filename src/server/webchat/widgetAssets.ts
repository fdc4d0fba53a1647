/**
 * The web chat's browser code, bundled from src/webchat by esbuild once per process at first use (minified,
 * ES2020), and served: `/widget.js` (the shop's tag), `/webchat/frame` (the iframe's page, framePage.ts) with its
 * `/webchat/frame.js` and `/webchat/frame.css`. Each file carries a hash of its content as its ETag.
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { FRAME_CSS_PATH, FRAME_PATH, FRAME_SCRIPT_PATH, WIDGET_SCRIPT_PATH } from '../../webchat/widgetPaths';
import type { HubContext } from '../context';
import type { RouteAnswer } from '../http/httpApi';
import { pageHeaders } from '../public/html';
import type { PublicRoutes } from '../public/publicSite';
import { framePage } from './framePage';

export interface WidgetAsset {
  bytes: Buffer;
  /** A hash of the content (the ETag, and the version in the frame page's addresses). */
  hash: string;
  contentType: string;
}
export interface WidgetAssets {
  loader: WidgetAsset;
  frame: WidgetAsset;
  css: WidgetAsset;
}

const ENTRIES = {
  widget: fileURLToPath(new URL('../../webchat/loader.ts', import.meta.url)),
  frame: fileURLToPath(new URL('../../webchat/frame/main.ts', import.meta.url)),
  'frame-style': fileURLToPath(new URL('../../webchat/frame/frame.css', import.meta.url)),
};

function asset(bytes: Uint8Array, contentType: string): WidgetAsset {
  const buffer = Buffer.from(bytes);
  return { bytes: buffer, hash: createHash('sha256').update(buffer).digest('hex').slice(0, 20), contentType };
}

async function bundle(): Promise<WidgetAssets> {
  const result = await build({
    entryPoints: ENTRIES,
    bundle: true,
    minify: true,
    target: 'es2020',
    format: 'iife',
    platform: 'browser',
    charset: 'utf8',
    legalComments: 'none',
    write: false,
    outdir: 'widget',
    logLevel: 'silent',
  });
  const file = (name: string) => {
    const found = result.outputFiles.find((f) => f.path.endsWith(`/widget/${name}`));
    if (!found) throw new Error(`the web chat bundle has no ${name}`);
    return found.contents;
  };
  return {
    loader: asset(file('widget.js'), 'text/javascript; charset=utf-8'),
    frame: asset(file('frame.js'), 'text/javascript; charset=utf-8'),
    css: asset(file('frame-style.css'), 'text/css; charset=utf-8'),
  };
}

let built: Promise<WidgetAssets> | null = null;

/** The bundles, built at the first request of this process; a failed build is tried again at the next. */
export function widgetAssets(): Promise<WidgetAssets> {
  built ??= bundle().catch((err: unknown) => {
    built = null;
    throw err;
  });
  return built;
}

/** A bundle as an answer: cached for five minutes, revalidated by its hash, never sniffed as anything else. */
function serve(req: IncomingMessage, file: WidgetAsset): RouteAnswer {
  const etag = `"${file.hash}"`;
  const headers = { ...pageHeaders(file.contentType), 'Cache-Control': 'public, max-age=300', ETag: etag };
  const known = String(req.headers['if-none-match'] ?? '')
    .split(',')
    .map((s) => s.trim());
  if (known.includes(etag)) return { status: 304, bytes: Buffer.alloc(0), headers };
  return { status: 200, bytes: file.bytes, headers };
}

export function widgetRoutes(ctx: HubContext): PublicRoutes {
  return {
    [`GET ${WIDGET_SCRIPT_PATH}`]: async (req) => serve(req, (await widgetAssets()).loader),
    [`GET ${FRAME_SCRIPT_PATH}`]: async (req) => serve(req, (await widgetAssets()).frame),
    [`GET ${FRAME_CSS_PATH}`]: async (req) => serve(req, (await widgetAssets()).css),
    [`GET ${FRAME_PATH}`]: async (req) => {
      const { frame, css } = await widgetAssets();
      return framePage(ctx, req, { script: frame.hash, css: css.hash });
    },
  };
}
