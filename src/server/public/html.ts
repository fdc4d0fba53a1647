/**
 * What every page the hub serves to customers shares (the help site, the survey page, the web chat's frame):
 * escaping, the customer's language, one stylesheet, and strict security headers. Pages are rendered on the hub
 * and work without JavaScript; nothing a customer or an article wrote is ever markup.
 */
import type { IncomingMessage } from 'node:http';
import { LANGS, type Lang } from '../../shared/domain';
import type { RouteAnswer } from '../http/httpApi';

/** Text as HTML text or attribute value: `& < > " '` escaped, so what anyone wrote shows as written. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const isLang = (s: string | null | undefined): s is Lang => (LANGS as readonly string[]).includes(s ?? '');

/**
 * The customer's language: the one they picked (`?lang=`), else the first of their browser's
 * `Accept-Language` (by weight) the product speaks, else English.
 */
export function customerLanguage(req: IncomingMessage, picked?: string | null): Lang {
  if (isLang(picked)) return picked;
  const ranked = String(req.headers['accept-language'] ?? '')
    .slice(0, 500)
    .split(',')
    .map((part, i) => {
      const [tag, ...params] = part.trim().split(';');
      const q = Number(params.find((p) => p.trim().startsWith('q='))?.trim().slice(2) ?? 1);
      return { lang: tag.trim().slice(0, 2).toLowerCase(), q: Number.isFinite(q) ? q : 0, i };
    })
    .filter((r) => r.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i);
  return ranked.map((r) => r.lang).find(isLang) ?? 'en';
}

/** The language names shown in every page's language switch, each in its own language. */
export const LANGUAGE_NAMES: Record<Lang, string> = { en: 'English', pl: 'Polski', el: 'Ελληνικά' };

/** The stylesheet every customer page links to (`/public.css`): the only style they have (the CSP allows no inline style). */
export const PUBLIC_CSS_PATH = '/public.css';

/** The strictest policy that fits a server-rendered page: its own stylesheet, forms posting to itself, no scripts, no framing. */
export const PAGE_CSP = "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

export interface PageParts {
  lang: Lang;
  title: string;
  /** The page's body, already HTML (build it with escapeHtml around every value). */
  body: string;
  status?: number;
  /** Content-Security-Policy; PAGE_CSP unless the page needs more (the web chat's frame). */
  csp?: string;
  /** Extra head markup (a script tag the CSP allows, a description, canonical links). */
  head?: string;
  /** Headers over pageHeaders' (e.g. a Cache-Control for published content, a Retry-After). */
  headers?: Record<string, string>;
}

/** A whole page as a route's answer: HTML in the customer's language, never sniffed, never framed, not cached unless `headers` allow it. */
export function htmlPage({ lang, title, body, status = 200, csp = PAGE_CSP, head = '', headers = {} }: PageParts): RouteAnswer {
  const html = `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="${PUBLIC_CSS_PATH}">
${head}</head>
<body>
${body}
</body>
</html>
`;
  return { status, bytes: Buffer.from(html, 'utf8'), headers: { ...pageHeaders('text/html; charset=utf-8', csp), ...headers } };
}

/** Headers of everything customer-facing: its type, its policy, no sniffing, no referrer, no cache. */
export function pageHeaders(contentType: string, csp: string = PAGE_CSP): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
  };
}

/** A page's language switch: links to the same page in each language, the current one marked. */
export function languageSwitch(current: Lang, hrefOf: (lang: Lang) => string, label: string): string {
  const links = LANGS.map((l) =>
    l === current
      ? `<a href="${escapeHtml(hrefOf(l))}" aria-current="true" lang="${l}">${LANGUAGE_NAMES[l]}</a>`
      : `<a href="${escapeHtml(hrefOf(l))}" lang="${l}" hreflang="${l}">${LANGUAGE_NAMES[l]}</a>`,
  );
  return `<nav class="langs" aria-label="${escapeHtml(label)}">${links.join(' ')}</nav>`;
}

/** What a customer page says when something goes wrong, in their language, by HTTP status. */
const ERRORS: Record<Lang, Record<number, string> & { title: string }> = {
  en: {
    title: 'Sorry',
    415: 'This form was sent in a way we cannot read.',
    400: 'This request could not be understood.',
    404: 'This page does not exist, or the link is no longer valid.',
    405: 'This page cannot be used that way.',
    413: 'What you sent is too large.',
    429: 'Too many requests in a short time. Please wait a moment and try again.',
    500: 'Something went wrong on our side. Nothing was changed; please try again.',
    503: 'We are briefly unavailable. Nothing was changed; please try again in a moment.',
  },
  pl: {
    title: 'Przepraszamy',
    415: 'Ten formularz został wysłany w formie, której nie możemy odczytać.',
    400: 'Nie udało się zrozumieć tego żądania.',
    404: 'Ta strona nie istnieje albo link jest już nieważny.',
    405: 'Tej strony nie można użyć w ten sposób.',
    413: 'Przesłana treść jest zbyt duża.',
    429: 'Zbyt wiele żądań w krótkim czasie. Odczekaj chwilę i spróbuj ponownie.',
    500: 'Coś poszło nie tak po naszej stronie. Nic nie zostało zmienione; spróbuj ponownie.',
    503: 'Jesteśmy na chwilę niedostępni. Nic nie zostało zmienione; spróbuj ponownie za moment.',
  },
  el: {
    title: 'Λυπούμαστε',
    415: 'Αυτή η φόρμα στάλθηκε με τρόπο που δεν μπορούμε να διαβάσουμε.',
    400: 'Δεν ήταν δυνατό να κατανοηθεί αυτό το αίτημα.',
    404: 'Αυτή η σελίδα δεν υπάρχει ή ο σύνδεσμος δεν ισχύει πλέον.',
    405: 'Αυτή η σελίδα δεν μπορεί να χρησιμοποιηθεί με αυτόν τον τρόπο.',
    413: 'Αυτό που στείλατε είναι πολύ μεγάλο.',
    429: 'Πάρα πολλά αιτήματα σε σύντομο χρόνο. Περιμένετε λίγο και δοκιμάστε ξανά.',
    500: 'Κάτι πήγε στραβά από την πλευρά μας. Τίποτα δεν άλλαξε· δοκιμάστε ξανά.',
    503: 'Δεν είμαστε διαθέσιμοι για λίγο. Τίποτα δεν άλλαξε· δοκιμάστε ξανά σε λίγο.',
  },
};

/** An error as a page in the customer's language (the status's own text; 500's for one without). */
export function errorPage(lang: Lang, status: number, headers: Record<string, string> = {}): RouteAnswer {
  const text = ERRORS[lang][status] ?? ERRORS[lang][500];
  return htmlPage({ lang, title: text, status, headers, body: `<main class="narrow"><h1>${escapeHtml(ERRORS[lang].title)}</h1><p class="error" role="alert">${escapeHtml(text)}</p></main>` });
}
