/**
 * What the hub's frame page tells the frame's script: the queue and shop it serves, and the limits the hub
 * enforces. The hub writes it from the contract's own constants (src/server/webchat/framePage.ts), so the browser
 * bundle checks the same limits without carrying the contract's schemas.
 */
import type { Lang } from '../shared/domain/enums';
import { isWidgetLang } from './widgetLangs';

export interface FrameConfig {
  queue: string;
  /** The shop's origin: the only window the frame talks to, and the origin its sessions start for. */
  origin: string;
  lang: Lang;
  namespace: string;
  sessionsPath: string;
  filesPath: string;
  /** Longest message, in characters. */
  maxText: number;
  /** Largest photo, in bytes. */
  maxPhotoBytes: number;
  /** The picture types the hub stores. */
  photoTypes: string[];
}

/** The attribute of the frame page's `<main>` that carries the configuration, as JSON. */
export const FRAME_CONFIG_ATTRIBUTE = 'data-config';

/** The configuration from the page's attribute, or null when it is missing or not what the hub writes. */
export function readFrameConfig(json: string | null): FrameConfig | null {
  if (!json) return null;
  let c: Partial<FrameConfig>;
  try {
    c = JSON.parse(json) as Partial<FrameConfig>;
  } catch {
    return null;
  }
  const texts = [c.queue, c.origin, c.namespace, c.sessionsPath, c.filesPath].every((s) => typeof s === 'string' && s !== '');
  const numbers = [c.maxText, c.maxPhotoBytes].every((n) => typeof n === 'number' && n > 0);
  const types = Array.isArray(c.photoTypes) && c.photoTypes.every((t) => typeof t === 'string');
  return texts && numbers && types && isWidgetLang(c.lang) ? (c as FrameConfig) : null;
}
