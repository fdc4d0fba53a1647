import { LANGS, type Lang } from '../../shared/domain';

/** UI languages, in the order the picker shows them. English is the source of every key. */
export const UI_LANGUAGES: readonly Lang[] = LANGS;
export const SOURCE_LANGUAGE: Lang = 'en';

/** Each language's name written in itself: a picker must be readable by someone who cannot read the current UI. */
export const LANGUAGE_NAMES: Record<Lang, string> = { en: 'English', pl: 'Polski', el: 'Ελληνικά' };

const STORAGE_KEY = 'workstation.language';

export const isUiLanguage = (value: unknown): value is Lang => UI_LANGUAGES.includes(value as Lang);

/** The language chosen on this workstation before (it is shared, so the choice outlives sign-outs). */
export function storedLanguage(storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage): Lang {
  const value = storage?.getItem(STORAGE_KEY);
  return isUiLanguage(value) ? value : SOURCE_LANGUAGE;
}

export function storeLanguage(lang: Lang, storage: Pick<Storage, 'setItem'> | undefined = globalThis.localStorage): void {
  storage?.setItem(STORAGE_KEY, lang);
}
