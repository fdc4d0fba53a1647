import type { Queue } from '../../../shared/domain';
import type { SelfServiceFigures } from '../../../shared/protocol';

/** Most articles the "top articles" list shows. */
export const TOP_ARTICLES = 10;

/** One queue's self-service: questions articles answered, conversations that reached it anyway, and the rate. */
export interface QueueDeflection {
  queueId: string;
  /** The queue's name; its id when this workstation does not hold it (archived since, or new). */
  name: string;
  answered: number;
  conversations: number;
  /** answered / (answered + conversations), 0-1; null when neither happened. */
  rate: number | null;
}

export interface ArticleAnswers {
  articleId: string;
  title: string;
  count: number;
}

const rate = (answered: number, conversations: number) => (answered + conversations === 0 ? null : answered / (answered + conversations));

/**
 * The self-service panel's figures from the hub's counts: every queue that had either (by name), the same for all
 * queues together, and the articles that answered most, across queues (an article for every queue counts once
 * per queue it answered in, and once here in total).
 */
export function selfServiceFigures(figures: SelfServiceFigures, queues: readonly Pick<Queue, 'id' | 'name'>[]) {
  const byQueue = new Map<string, { answered: number; conversations: number }>();
  const of = (queueId: string) => byQueue.get(queueId) ?? byQueue.set(queueId, { answered: 0, conversations: 0 }).get(queueId)!;
  const articles = new Map<string, ArticleAnswers>();
  for (const row of figures.rows) {
    of(row.queueId).answered += row.count;
    const article = articles.get(row.articleId) ?? articles.set(row.articleId, { articleId: row.articleId, title: row.title, count: 0 }).get(row.articleId)!;
    article.count += row.count;
  }
  for (const row of figures.conversations) of(row.queueId).conversations += row.count;

  const names = new Map(queues.map((q) => [q.id, q.name]));
  const perQueue: QueueDeflection[] = [...byQueue]
    .map(([queueId, f]) => ({ queueId, name: names.get(queueId) ?? queueId, ...f, rate: rate(f.answered, f.conversations) }))
    .sort((a, b) => a.name.localeCompare(b.name));
  const answered = perQueue.reduce((n, q) => n + q.answered, 0);
  const conversations = perQueue.reduce((n, q) => n + q.conversations, 0);
  const top = [...articles.values()].sort((a, b) => b.count - a.count || a.title.localeCompare(b.title)).slice(0, TOP_ARTICLES);
  return { perQueue, total: { answered, conversations, rate: rate(answered, conversations) }, top };
}
