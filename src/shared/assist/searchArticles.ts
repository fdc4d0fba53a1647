/**
 * Knowledge-base look-up by text match in the customer's language: the words of the question against each
 * article's title, tags and body, weighted by how rare each word is among the articles.
 */
import type { KbArticle } from '../domain';
import { wordValue } from './lexicon';
import { FUNCTION_WORDS } from './lexicons';
import { tokenize } from './tokenize';
import type { Lang } from './types';

/** Words are compared by their first letters, which absorbs most English, Polish and Greek endings. */
const STEM_LENGTH = 5;
const MIN_WORD = 3;
/** Title and tag words say what an article is about; body words only that it mentions them. */
const TITLE_WEIGHT = 2;
const BODY_WEIGHT = 1;
/** Share of the question's (rarity-weighted) words an article must cover, and the fewest words in common. */
const MIN_COVERAGE = 0.2;
const MIN_SHARED = 2;

/** An article and how well it matches. */
export interface ArticleMatch {
  article: KbArticle;
  /** Rarity-weighted share of the question's words the article covers, in [0, 2]. */
  score: number;
}

/** Distinct content-word stems of a text. */
export function contentStems(text: string): Set<string> {
  const stems = new Set<string>();
  for (const t of tokenize(text)) {
    if (t.kind !== 'word' || t.text.length < MIN_WORD || wordValue(FUNCTION_WORDS, t.text) !== undefined) continue;
    stems.add(t.text.slice(0, STEM_LENGTH));
  }
  return stems;
}

/**
 * Articles in `lang` that answer `question`, best first. Articles in other languages are never offered:
 * the customer would have to read them.
 */
export function searchArticles(question: string, articles: readonly KbArticle[], lang: Lang): ArticleMatch[] {
  const query = contentStems(question);
  const candidates = articles
    .filter((a) => a.language === lang)
    .map((article) => ({
      article,
      title: contentStems(`${article.title} ${article.tags.join(' ')}`),
      body: contentStems(article.body),
    }));
  if (query.size === 0 || candidates.length === 0) return [];
  const rarity = new Map<string, number>();
  for (const stem of query) {
    const df = candidates.filter((c) => c.title.has(stem) || c.body.has(stem)).length;
    rarity.set(stem, Math.log(1 + candidates.length / (df + 0.5)));
  }
  const totalRarity = [...rarity.values()].reduce((s, r) => s + r, 0);
  const minShared = Math.min(MIN_SHARED, query.size);
  const matches: ArticleMatch[] = [];
  for (const c of candidates) {
    let covered = 0;
    let shared = 0;
    for (const [stem, r] of rarity) {
      const weight = c.title.has(stem) ? TITLE_WEIGHT : c.body.has(stem) ? BODY_WEIGHT : 0;
      if (weight === 0) continue;
      shared++;
      covered += weight * r;
    }
    const score = covered / totalRarity;
    if (shared >= minShared && score >= MIN_COVERAGE) matches.push({ article: c.article, score });
  }
  return matches.sort((a, b) => b.score - a.score);
}
