import type { CannedResponse, KbArticle } from '../../shared/domain';
import type { QueueId } from './organisation';
import { LANGUAGE_PACKS } from './text/languagePacks';
import { CANNED_SHORTCUTS, type KbKey } from './text/languagePack';

/** The queue an article is written for; null for articles every queue uses. */
const KB_QUEUE: Readonly<Record<KbKey, QueueId | null>> = {
  returns: 'q-online',
  'delivery-delays': 'q-online',
  'order-tracking': 'q-online',
  warranty: 'q-hotline',
  'device-setup': 'q-stores',
  loyalty: null,
  'store-hours': 'q-stores',
  'payment-failed': 'q-online',
  'cancel-subscription': 'q-hotline',
  invoices: null,
};

const KB_TAGS: Readonly<Record<KbKey, string[]>> = {
  returns: ['returns', 'refund'],
  'delivery-delays': ['delivery', 'courier'],
  'order-tracking': ['delivery', 'tracking'],
  warranty: ['warranty', 'repair'],
  'device-setup': ['setup', 'devices', 'wifi'],
  loyalty: ['loyalty', 'points'],
  'store-hours': ['stores', 'opening-hours'],
  'payment-failed': ['payment', 'card'],
  'cancel-subscription': ['subscription', 'cancel'],
  invoices: ['invoice', 'billing', 'vat'],
};

const DAY_MS = 86_400_000;

/** The knowledge base: every article in English, Polish and Greek, e.g. `kb-pl-returns`. */
export function buildKnowledgeBase(now: number): KbArticle[] {
  return Object.entries(LANGUAGE_PACKS).flatMap(([lang, pack]) =>
    pack.kb.map((article, i) => ({
      id: `kb-${lang}-${article.key}`,
      queueId: KB_QUEUE[article.key],
      language: lang as KbArticle['language'],
      title: article.title,
      body: article.body,
      tags: KB_TAGS[article.key],
      status: 'published' as const,
      // Articles were last edited over the past weeks; spread by position so the list has varied dates.
      updatedAt: now - (i + 1) * 3 * DAY_MS,
    })),
  );
}

/** Canned responses for every shortcut in every language, e.g. `cr-el-greet`; shared by all queues. */
export function buildCannedResponses(): CannedResponse[] {
  return Object.entries(LANGUAGE_PACKS).flatMap(([lang, pack]) =>
    CANNED_SHORTCUTS.map((shortcut) => ({
      id: `cr-${lang}-${shortcut}`,
      queueId: null,
      language: lang as CannedResponse['language'],
      shortcut,
      title: pack.canned[shortcut].title,
      body: pack.canned[shortcut].body,
    })),
  );
}
