import type { Lang } from '../../../shared/domain';
import { el } from './el';
import { en } from './en';
import type { LanguagePack } from './languagePack';
import { pl } from './pl';

/** The demo texts of every language the product speaks. */
export const LANGUAGE_PACKS: Readonly<Record<Lang, LanguagePack>> = { en, pl, el };
