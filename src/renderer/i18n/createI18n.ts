import i18next, { type i18n as I18n, type Resource } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { addDurationFormat } from '../lib/format';
import { SOURCE_LANGUAGE, UI_LANGUAGES, isUiLanguage, storeLanguage, storedLanguage } from './languages';

// Every namespace of every language is bundled: the workstation must speak all three offline.
const files = import.meta.glob<{ default: Record<string, unknown> }>('../../shared/i18n/locales/*/*.json', { eager: true });

/** Locale files as i18next resources: `{ en: { common: {...}, inbox: {...} }, pl: ... }`. */
export function bundledResources(): Resource {
  const resources: Resource = {};
  for (const [path, module] of Object.entries(files)) {
    const [, lng, ns] = /locales\/([^/]+)\/([^/]+)\.json$/.exec(path) ?? [];
    if (!lng || !ns) continue;
    (resources[lng] ??= {})[ns] = module.default;
  }
  return resources;
}

/** Default namespace; features name theirs in `useTranslation('inbox')`. */
export const DEFAULT_NS = 'common';

/**
 * A ready i18next instance (initialised synchronously: resources are bundled) in the language chosen on this
 * workstation before, remembering every later choice.
 */
export function createI18n(lng = storedLanguage()): I18n {
  const resources = bundledResources();
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources,
    lng,
    fallbackLng: SOURCE_LANGUAGE,
    supportedLngs: [...UI_LANGUAGES],
    ns: Object.keys(resources[SOURCE_LANGUAGE] ?? {}),
    defaultNS: DEFAULT_NS,
    initAsync: false,
    // React escapes what it renders; escaping here too would show `&amp;` in customer names.
    interpolation: { escapeValue: false },
    react: { useSuspense: false },
  });
  addDurationFormat(instance);
  // The page's language and title follow the UI: screen readers pick their voice by `lang`.
  const label = (lng: string) => {
    document.documentElement.lang = lng;
    document.title = instance.t('common:appName');
  };
  instance.on('languageChanged', (next) => {
    if (isUiLanguage(next)) storeLanguage(next);
    label(next);
  });
  label(instance.language);
  return instance;
}
