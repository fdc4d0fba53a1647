/**
 * What the shop's script tag asks for: `<script src="https://HUB/widget.js" data-queue="..." async>`, optionally
 * `data-lang` and, for a customer the shop signed in, `data-customer-id` with `data-customer-signature`.
 */
import type { Lang } from '../shared/domain/enums';
import type { SignedIdentity } from './bridge';
import { FRAME_PATH } from './widgetPaths';
import { isWidgetLang, preferredLang } from './widgetLangs';

export interface LoaderConfig {
  /** The hub's origin: where the script came from. */
  hub: string;
  queue: string;
  lang: Lang;
  identity: SignedIdentity | null;
}

/**
 * The widget's configuration from its script tag (`attribute` reads one of its attributes, `src` is its
 * address), or the reason it cannot start, for the shop's developer console.
 */
export function readLoaderConfig(attribute: (name: string) => string | null, src: string, languages: readonly string[]): LoaderConfig | string {
  let hub: string;
  try {
    const url = new URL(src);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'the widget must be loaded over http(s) from the hub';
    hub = url.origin;
  } catch {
    return 'the widget script has no address to find its hub by';
  }
  const queue = attribute('data-queue')?.trim() ?? '';
  if (queue === '') return 'name the chat queue in data-queue';
  const picked = attribute('data-lang');
  const lang = isWidgetLang(picked) ? picked : preferredLang(languages);
  const customerId = attribute('data-customer-id')?.trim() ?? '';
  const signature = attribute('data-customer-signature')?.trim().toLowerCase() ?? '';
  // The hub checks the signature; half an identity is the shop's mistake, and the visitor chats anonymously.
  const identity = customerId !== '' && signature !== '' ? { customerId, signature } : null;
  return { hub, queue, lang, identity };
}

/** The frame's address: the queue, the shop's origin (the frame's only correspondent) and the language; never the identity. */
export function frameUrl(config: LoaderConfig, shopOrigin: string, lang: Lang = config.lang): string {
  const query = new URLSearchParams({ queue: config.queue, origin: shopOrigin, lang });
  return `${config.hub}${FRAME_PATH}?${query}`;
}
