/**
 * The published knowledge base as customers see it (the help site, the web chat's suggestions): drafts never
 * show, and articles are matched with the same matcher as the agent's "share an article" step.
 */
import { searchArticles } from '../../shared/assist';
import type { KbArticle, Lang } from '../../shared/domain';
import type { StoreReads } from '../store/hubStore';

/** How long one read of the knowledge base answers every visitor's suggestions (they ask as they type). */
const FRESH_MS = 5_000;

/** Published articles, read at most once every few seconds per process. */
export function createPublishedArticles(store: Pick<StoreReads, 'all'>, now: () => number) {
  let cached: { at: number; articles: Promise<KbArticle[]> } | null = null;
  const all = (): Promise<KbArticle[]> => {
    if (!cached || now() - cached.at >= FRESH_MS) {
      const articles = store.all('kb').then((rows) => rows.filter((a) => a.status === 'published'));
      // A failed read is not kept: the next visitor asks the store again.
      articles.catch(() => (cached = null));
      cached = { at: now(), articles };
    }
    return cached.articles;
  };
  return {
    /** Published articles in `lang` (every queue's, and those for no queue), newest first. */
    async inLanguage(lang: Lang): Promise<KbArticle[]> {
      return (await all()).filter((a) => a.language === lang).sort((a, b) => b.updatedAt - a.updatedAt);
    },
    /** A published article by id, or null (a draft or an unknown id alike). */
    async byId(id: string): Promise<KbArticle | null> {
      return (await all()).find((a) => a.id === id) ?? null;
    },
    /**
     * The published articles in `lang` that answer `text`, best first, at most `limit`: those for `queueId` and
     * those for no queue.
     */
    async suggest(text: string, lang: Lang, limit: number, queueId?: string): Promise<KbArticle[]> {
      const pool = (await all()).filter((a) => a.queueId === null || queueId === undefined || a.queueId === queueId);
      return searchArticles(text, pool, lang).slice(0, limit).map((m) => m.article);
    },
  };
}
export type PublishedArticles = ReturnType<typeof createPublishedArticles>;
