/** The languages the web chat speaks, and how it picks one from the browser's. */
import type { Lang } from '../shared/domain/enums';

export const WIDGET_LANGS = ['en', 'pl', 'el'] as const satisfies readonly Lang[];

/** The language names of the switch, each in its own language. */
export const WIDGET_LANGUAGE_NAMES: Record<Lang, string> = { en: 'English', pl: 'Polski', el: 'Ελληνικά' };

export const isWidgetLang = (s: unknown): s is Lang => typeof s === 'string' && (WIDGET_LANGS as readonly string[]).includes(s);

/** The first of the browser's languages (`navigator.languages`, best first) the widget speaks, else English. */
export function preferredLang(languages: readonly string[]): Lang {
  for (const tag of languages) {
    const base = tag.slice(0, 2).toLowerCase();
    if (isWidgetLang(base)) return base;
  }
  return 'en';
}
