/**
 * The public help site: the published knowledge base as pages anyone can read without signing in, rendered on
 * the hub (no script), in the reader's language. `/help` lists the articles of that language alphabetically and
 * searches them with the same matcher as the web chat's suggestions; `/help/<id>` shows one article, in its own
 * language.
 *
 * Articles are not grouped by tag or queue: tags are the staff's filing words (written once, in English, for
 * every language) and queues are teams, neither is how a customer looks for an answer; a search finds it.
 */
import type { IncomingMessage } from 'node:http';
import { z } from 'zod';
import { IdSchema, LANGS, type KbArticle, type Lang } from '../../shared/domain';
import type { HubContext } from '../context';
import { HttpError } from '../http/body';
import type { RouteAnswer } from '../http/httpApi';
import { customerLanguage, escapeHtml, htmlPage, languageSwitch } from '../public/html';
import type { PublicRoutes } from '../public/publicSite';
import { passageFor, passageHtml, summary } from './articleSnippet';
import { HELP_TEXTS, type HelpTexts } from './helpTexts';
import type { PublishedArticles } from './publishedArticles';

export const HELP_PATH = '/help';
/** Longest search the site reads, in characters: a longer one is cut (and the reader told), not refused. */
export const MAX_QUERY_CHARS = 200;
/** Most results one search shows (the web chat suggests a few; a page has room for more). */
export const MAX_RESULTS = 20;
/**
 * Published articles may sit in caches (the reader's, a proxy's) this long: an unpublished or edited article
 * is gone from every copy within a minute.
 */
const CACHING = { 'Cache-Control': 'public, max-age=60' };
/** The index is in the reader's language: without `?lang=`, that is their `Accept-Language`'s. */
const INDEX_CACHING = { ...CACHING, Vary: 'Accept-Language' };

/** `?q=`: the search, control characters and runs of spaces made one space, cut to MAX_QUERY_CHARS characters. */
const SearchSchema = z
  .string()
  .default('')
  .transform((raw) => {
    const chars = Array.from(raw.replace(/[\p{Cc}\s]+/gu, ' ').trim());
    return { text: chars.slice(0, MAX_QUERY_CHARS).join(''), cut: chars.length > MAX_QUERY_CHARS };
  });

/** Where an article is read (the web chat links its suggestions here too). */
export const helpArticlePath = (articleId: string) => `${HELP_PATH}/${encodeURIComponent(articleId)}`;
const articleHref = (a: KbArticle) => helpArticlePath(a.id);
const indexHref = (lang: Lang, query = '') => `${HELP_PATH}?lang=${lang}${query ? `&q=${encodeURIComponent(query)}` : ''}`;

/** What every help page starts with: a skip link, the site's name and the language switch. */
function header(t: HelpTexts, lang: Lang, hrefOf: (l: Lang) => string): string {
  return `<a class="skip" href="#main">${escapeHtml(t.skipLink)}</a>
<header class="site">
<a class="site-name" href="${escapeHtml(indexHref(lang))}">${escapeHtml(t.siteName)}</a>
${languageSwitch(lang, hrefOf, t.languages)}
</header>`;
}

/** The way to a person when the articles did not help. */
const contactNote = (t: HelpTexts) =>
  `<section class="notice" aria-labelledby="contact"><h2 id="contact">${escapeHtml(t.stillNeedHelp)}</h2><p>${escapeHtml(t.contact)}</p></section>`;

/** Articles, each a link with `excerpt` (HTML) under its title. */
function articleList(articles: readonly KbArticle[], excerpt: (a: KbArticle) => string): string {
  const items = articles.map((a) => `<li><a href="${escapeHtml(articleHref(a))}">${escapeHtml(a.title)}</a><p class="muted">${excerpt(a)}</p></li>`);
  return `<ul class="articles">${items.join('')}</ul>`;
}

export function helpPages(ctx: HubContext, published: PublishedArticles): PublicRoutes {
  const absolute = (href: string) => `${ctx.config.publicUrl}${href}`;

  async function index(req: IncomingMessage): Promise<RouteAnswer> {
    const params = new URL(req.url ?? '/', 'http://hub').searchParams;
    const lang = customerLanguage(req, params.get('lang'));
    const search = SearchSchema.parse(params.get('q') ?? undefined);
    const query = search.text;
    const t = HELP_TEXTS[lang];

    const form = `<form class="search" role="search" method="get" action="${HELP_PATH}">
<label for="q">${escapeHtml(t.searchLabel)}</label>
<input type="search" id="q" name="q" value="${escapeHtml(query)}" maxlength="${MAX_QUERY_CHARS}">
<input type="hidden" name="lang" value="${lang}">
<button type="submit">${escapeHtml(t.searchButton)}</button>
</form>`;
    const everything = async () => {
      const all = (await published.inLanguage(lang)).sort((a, b) => a.title.localeCompare(b.title, lang));
      const list = all.length === 0 ? `<p>${escapeHtml(t.noArticles)}</p>` : articleList(all, (a) => escapeHtml(summary(a.body)));
      return `<section aria-labelledby="all"><h2 id="all">${escapeHtml(t.allArticles)}</h2>${list}</section>`;
    };

    if (query === '') {
      // One canonical address per language, and where each language's index is, for search engines.
      const alternates = LANGS.map((l) => `<link rel="alternate" hreflang="${l}" href="${escapeHtml(absolute(indexHref(l)))}">`);
      return htmlPage({
        lang,
        title: t.siteName,
        head: `<meta name="description" content="${escapeHtml(t.intro)}">
<link rel="canonical" href="${escapeHtml(absolute(indexHref(lang)))}">
${alternates.join('\n')}
<link rel="alternate" hreflang="x-default" href="${escapeHtml(absolute(HELP_PATH))}">
`,
        body: `${header(t, lang, (l) => indexHref(l))}
<main id="main"><h1>${escapeHtml(t.siteName)}</h1><p class="muted">${escapeHtml(t.intro)}</p>${form}${await everything()}${contactNote(t)}</main>`,
        headers: INDEX_CACHING,
      });
    }

    const found = await published.suggest(query, lang, MAX_RESULTS);
    const cutNote = search.cut ? `<p class="notice">${escapeHtml(t.queryCut(MAX_QUERY_CHARS))}</p>` : '';
    const results =
      found.length === 0
        ? `<div class="notice" role="status"><p>${escapeHtml(t.noResults(query))}</p><p>${escapeHtml(t.tryOther)}</p></div>${contactNote(t)}${await everything()}`
        : `<p role="status">${escapeHtml(t.found(found.length))}</p>${articleList(found, (a) => passageHtml(passageFor(a.body, query)))}${contactNote(t)}`;
    return htmlPage({
      lang,
      title: `${t.resultsFor(query)} – ${t.siteName}`,
      // Result pages are the reader's own question: not a page for search engines to keep.
      head: `<meta name="description" content="${escapeHtml(t.intro)}">
<meta name="robots" content="noindex">
`,
      body: `${header(t, lang, (l) => indexHref(l, query))}
<main id="main"><h1>${escapeHtml(t.resultsFor(query))}</h1>${form}${cutNote}${results}<p><a href="${escapeHtml(indexHref(lang))}">${escapeHtml(t.backToAll)}</a></p></main>`,
      headers: INDEX_CACHING,
    });
  }

  async function article(req: IncomingMessage, rest: string): Promise<RouteAnswer> {
    // `/help/` is the index; any id that is not one (bad escapes, slashes, a draft's) is a page that does not exist.
    if (rest === '') return index(req);
    let id: string;
    try {
      id = IdSchema.parse(decodeURIComponent(rest));
    } catch {
      throw new HttpError(404, 'not-found', 'no such article');
    }
    const a = await published.byId(id);
    if (a === null) throw new HttpError(404, 'not-found', 'no such article');
    const t = HELP_TEXTS[a.language];
    const date = new Intl.DateTimeFormat(a.language, { dateStyle: 'long', timeZone: 'UTC' }).format(a.updatedAt);
    // Paragraphs are the body's blank-line-separated parts; single line breaks inside them stay (see publicCss).
    const paragraphs = a.body
      .split(/\n\s*\n/)
      .map((p) => p.trim())
      .filter((p) => p !== '')
      .map((p) => `<p>${escapeHtml(p)}</p>`);
    const body = `${header(t, a.language, (l) => (l === a.language ? articleHref(a) : indexHref(l)))}
<main id="main">
<article>
<h1>${escapeHtml(a.title)}</h1>
<p class="muted"><time datetime="${new Date(a.updatedAt).toISOString()}">${escapeHtml(t.updated(date))}</time></p>
<div class="article-body">${paragraphs.join('')}</div>
</article>
${contactNote(t)}
<p><a href="${escapeHtml(indexHref(a.language))}">${escapeHtml(t.backToAll)}</a></p>
</main>`;
    return htmlPage({
      lang: a.language,
      title: `${a.title} – ${t.siteName}`,
      body,
      head: `<meta name="description" content="${escapeHtml(summary(a.body) || a.title)}">
<link rel="canonical" href="${escapeHtml(absolute(articleHref(a)))}">
`,
      headers: CACHING,
    });
  }

  return {
    [`GET ${HELP_PATH}`]: (req) => index(req),
    [`GET ${HELP_PATH}/*`]: (req, _raw, rest) => article(req, rest),
  };
}
