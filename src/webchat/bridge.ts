/**
 * What the shop's page (the loader) and the hub's frame say to each other by postMessage. Each side posts only
 * to the other's origin and takes only messages from the other's window and origin; these shapes are checked
 * again on arrival, since any script on either page may post anything.
 */
import type { Lang } from '../shared/domain/enums';
import type { VisitedPage } from '../shared/protocol/webchat';
import { isWidgetLang } from './widgetLangs';

/** A customer the shop signed in: their id and its HMAC-SHA256 with the chat connector's secret (hex). */
export interface SignedIdentity {
  customerId: string;
  signature: string;
}

export type ShopToFrame =
  | { type: 'webchat:hello'; identity: SignedIdentity | null; page: VisitedPage | null; open: boolean }
  | { type: 'webchat:page'; page: VisitedPage }
  | { type: 'webchat:open'; open: boolean };

export type FrameToShop = { type: 'webchat:ready' } | { type: 'webchat:close' } | { type: 'webchat:lang'; lang: Lang };

/** Longest page address and title the hub keeps (VisitedPageSchema). */
const MAX_URL = 500;
const MAX_TITLE = 200;

/**
 * The page the visitor is on, as the hub takes it: the title cut to fit, and an address too long to keep losing
 * its query and fragment first; null when even that is too long or it is not a web address.
 */
export function visitedPage(href: string, title: string): VisitedPage | null {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  const whole = url.href.length <= MAX_URL ? url.href : `${url.origin}${url.pathname}`;
  return whole.length <= MAX_URL ? { url: whole, title: title.trim().slice(0, MAX_TITLE) } : null;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

function asPage(v: unknown): VisitedPage | null {
  return isRecord(v) && typeof v.url === 'string' && typeof v.title === 'string' ? visitedPage(v.url, v.title) : null;
}

function asIdentity(v: unknown): SignedIdentity | null {
  return isRecord(v) && typeof v.customerId === 'string' && typeof v.signature === 'string' ? { customerId: v.customerId, signature: v.signature } : null;
}

/** A message from the shop's page as the frame acts on it, or null for anything else. */
export function asShopMessage(data: unknown): ShopToFrame | null {
  if (!isRecord(data)) return null;
  switch (data.type) {
    case 'webchat:hello':
      return { type: 'webchat:hello', identity: asIdentity(data.identity), page: asPage(data.page), open: data.open === true };
    case 'webchat:page': {
      const page = asPage(data.page);
      return page && { type: 'webchat:page', page };
    }
    case 'webchat:open':
      return { type: 'webchat:open', open: data.open === true };
    default:
      return null;
  }
}

/** A message from the frame as the loader acts on it, or null for anything else. */
export function asFrameMessage(data: unknown): FrameToShop | null {
  if (!isRecord(data)) return null;
  if (data.type === 'webchat:ready' || data.type === 'webchat:close') return { type: data.type };
  if (data.type === 'webchat:lang' && isWidgetLang(data.lang)) return { type: 'webchat:lang', lang: data.lang };
  return null;
}
