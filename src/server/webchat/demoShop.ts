/**
 * The demo's shop (`npm start`, `npm run hub -- --simulate`): a few pages on the hub itself that embed the web
 * chat as a shop would, with the one tag (`/widget.js`, `data-queue`), so a newcomer can be the customer: ask,
 * get an article, write to the agents, go to another page and find the conversation there. Only in demo mode.
 */
import type { Lang } from '../../shared/domain';
import type { HubContext } from '../context';
import { HttpError } from '../http/body';
import { customerLanguage, escapeHtml, htmlPage, languageSwitch } from '../public/html';
import type { PublicRoutes } from '../public/publicSite';
import { WIDGET_SCRIPT_PATH } from '../../webchat/widgetPaths';

export const DEMO_SHOP_PATH = '/demo/shop';

/** The shop page policy: the page's own script (the widget's loader) and the widget's frame from the hub. */
const SHOP_CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

interface ShopTexts {
  shop: string;
  languages: string;
  pages: Record<'home' | 'boots' | 'delivery', { title: string; text: string }>;
  help: string;
  note: string;
}

const TEXTS: Record<Lang, ShopTexts> = {
  en: {
    shop: 'Demo shop',
    languages: 'Language',
    pages: {
      home: { title: 'Welcome to the demo shop', text: 'Ask us anything with the chat button in the corner: articles that may answer you appear as you type, and the agents signed in to the workstation answer the rest.' },
      boots: { title: 'Winter boots', text: 'Waterproof leather boots, sizes 36 to 46. Free returns within 30 days.' },
      delivery: { title: 'Delivery', text: 'Orders leave the warehouse within one working day. Follow your parcel with the link in your confirmation email.' },
    },
    help: 'Help centre',
    note: 'This page is part of the demo hub: a shop would add the same one tag to its own pages.',
  },
  pl: {
    shop: 'Sklep demonstracyjny',
    languages: 'Język',
    pages: {
      home: { title: 'Witamy w sklepie demonstracyjnym', text: 'Zapytaj nas o cokolwiek przyciskiem czatu w rogu: w trakcie pisania pojawią się artykuły, które mogą odpowiedzieć na pytanie, a na resztę odpowiedzą konsultanci zalogowani na stanowisku.' },
      boots: { title: 'Buty zimowe', text: 'Wodoodporne skórzane buty, rozmiary od 36 do 46. Darmowy zwrot w ciągu 30 dni.' },
      delivery: { title: 'Dostawa', text: 'Zamówienia opuszczają magazyn w ciągu jednego dnia roboczego. Przesyłkę śledzisz linkiem z e-maila z potwierdzeniem.' },
    },
    help: 'Centrum pomocy',
    note: 'Ta strona jest częścią huba demonstracyjnego: sklep dodaje ten sam jeden znacznik do własnych stron.',
  },
  el: {
    shop: 'Κατάστημα επίδειξης',
    languages: 'Γλώσσα',
    pages: {
      home: { title: 'Καλώς ήρθατε στο κατάστημα επίδειξης', text: 'Ρωτήστε μας ό,τι θέλετε με το κουμπί συνομιλίας στη γωνία: καθώς πληκτρολογείτε εμφανίζονται άρθρα που ίσως σας απαντούν, και για τα υπόλοιπα απαντούν οι συνεργάτες που είναι συνδεδεμένοι στον σταθμό εργασίας.' },
      boots: { title: 'Χειμερινές μπότες', text: 'Αδιάβροχες δερμάτινες μπότες, νούμερα 36 έως 46. Δωρεάν επιστροφή εντός 30 ημερών.' },
      delivery: { title: 'Παράδοση', text: 'Οι παραγγελίες φεύγουν από την αποθήκη εντός μίας εργάσιμης ημέρας. Παρακολουθήστε το δέμα σας με τον σύνδεσμο στο email επιβεβαίωσης.' },
    },
    help: 'Κέντρο βοήθειας',
    note: 'Αυτή η σελίδα είναι μέρος του hub επίδειξης: ένα κατάστημα προσθέτει την ίδια μία ετικέτα στις δικές του σελίδες.',
  },
};

const PAGES = ['home', 'boots', 'delivery'] as const;
const pagePath = (page: (typeof PAGES)[number]) => (page === 'home' ? DEMO_SHOP_PATH : `${DEMO_SHOP_PATH}/${page}`);

/** The queue the shop's chat goes to: an open one taking chat in the reader's language, else any taking chat. */
function chatQueue(ctx: HubContext, lang: Lang): string | null {
  const chat = ctx.queues().filter((q) => !q.archived && q.channels.includes('chat'));
  return (chat.find((q) => q.languages.includes(lang)) ?? chat[0])?.id ?? null;
}

export function demoShopRoutes(ctx: HubContext): PublicRoutes {
  const page = (req: Parameters<PublicRoutes[string]>[0], rest: string) => {
    const which = PAGES.find((p) => p !== 'home' && p === rest) ?? (rest === '' ? 'home' : null);
    if (which === null) throw new HttpError(404, 'not-found', 'no such page');
    const lang = customerLanguage(req, new URL(req.url ?? '/', 'http://hub').searchParams.get('lang'));
    const t = TEXTS[lang];
    const queue = chatQueue(ctx, lang);
    const nav = PAGES.map((p) => `<a href="${escapeHtml(`${pagePath(p)}?lang=${lang}`)}"${p === which ? ' aria-current="page"' : ''}>${escapeHtml(t.pages[p].title)}</a>`).join(' · ');
    const body = `<header>${languageSwitch(lang, (l) => `${pagePath(which)}?lang=${l}`, t.languages)}
<nav class="shop-nav" aria-label="${escapeHtml(t.shop)}">${nav} · <a href="/help?lang=${lang}">${escapeHtml(t.help)}</a></nav></header>
<main>
<h1>${escapeHtml(t.pages[which].title)}</h1>
<p>${escapeHtml(t.pages[which].text)}</p>
<p class="muted">${escapeHtml(t.note)}</p>
</main>
${queue ? `<script src="${WIDGET_SCRIPT_PATH}" data-queue="${escapeHtml(queue)}" data-lang="${lang}" async></script>` : ''}`;
    return htmlPage({ lang, title: `${t.pages[which].title} – ${t.shop}`, body, csp: SHOP_CSP });
  };
  return {
    [`GET ${DEMO_SHOP_PATH}`]: (req) => page(req, ''),
    [`GET ${DEMO_SHOP_PATH}/*`]: (req, _raw, rest) => page(req, rest),
  };
}
