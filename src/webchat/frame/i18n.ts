/**
 * The frame's current language: the visitor's pick (kept in the frame's storage, so it follows them to every
 * page), else what the shop's page asked for. Views register how they word themselves and are reworded on a switch.
 */
import type { Lang } from '../../shared/domain/enums';
import { isWidgetLang } from '../widgetLangs';
import { WIDGET_TEXTS, type WidgetTexts } from '../widgetTexts';

const LANG_KEY = 'webchat:lang';

export interface I18n {
  readonly lang: Lang;
  readonly t: WidgetTexts;
  /** Runs `word` now and after every switch. */
  bind(word: (t: WidgetTexts, lang: Lang) => void): void;
  set(lang: Lang): void;
}

function picked(): Lang | null {
  try {
    const stored = localStorage.getItem(LANG_KEY);
    return isWidgetLang(stored) ? stored : null;
  } catch {
    return null;
  }
}

export function createI18n(fallback: Lang): I18n {
  let lang = picked() ?? fallback;
  const words: ((t: WidgetTexts, lang: Lang) => void)[] = [];
  return {
    get lang() {
      return lang;
    },
    get t() {
      return WIDGET_TEXTS[lang];
    },
    bind(word) {
      words.push(word);
      word(WIDGET_TEXTS[lang], lang);
    },
    set(next) {
      lang = next;
      try {
        localStorage.setItem(LANG_KEY, next);
      } catch {
        // kept for this page only
      }
      for (const word of words) word(WIDGET_TEXTS[lang], lang);
    },
  };
}
